"""The trainer's toolkit in a build: the views of every module of the fixture site in both languages (notes only
where a trainer sees them, never in the projected presentation, answers only in the answer key, timing that ends at
the module's duration, a presentation and speaker view made of the slide blocks with title and closing slides and
nothing of the prose, a one-page summary of the objectives, key points and sources, nothing in search), and builds
that stop with `file:line:` on bad minutes, on a module without its key points, on slides that cannot fit and on a
translation with other slides."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from helpers import SITE_FIXTURE, BuiltSite, build_project

from p2ham.core.dates import elapsed
from p2ham.course.modules import Module, collect_modules
from p2ham.publish.offline import ARCHIVE_PATH
from p2ham.trainer.timing import trainer_block_lines
from p2ham.trainer.views import DECKS, PRINT_ALL, VIEW_PARTS

DOCS = SITE_FIXTURE / "docs"
LANGS = [("", "id"), ("en/", "en")]  # address prefix, language
DECK_PARTS = [VIEW_PARTS[view] for view in DECKS]
EN_DASH = "\u2013"


def modules(lang: str) -> list[tuple[str, int, str]]:
    """(slug, duration, source) of each fixture module in `lang`."""
    return [(m.slug, m.duration, m.source) for m in collect_modules(DOCS, lang, "id")]


def module_list(lang: str) -> list[Module]:
    return collect_modules(DOCS, lang, "id")


def content(page: BeautifulSoup) -> Tag:
    found = page.select_one("[data-p2ham-view]")
    assert found is not None
    return found


def words(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def note_texts(page: BeautifulSoup) -> list[str]:
    """The text of each line of the trainer's notes (list items and paragraphs, without the title)."""
    found = []
    for notes in page.select("aside.p2ham-trainer-notes"):
        for item in notes.select("li, p:not(.p2ham-trainer-notes__title)"):
            text = words(item)
            if len(text) > 25:
                found.append(text)
    return found


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_every_module_has_its_view_pages(fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    site = fixture_site.site_url
    for slug, _, _ in modules(lang):
        module = f"{prefix}modul/{slug}/"
        for part in VIEW_PARTS.values():
            page = fixture_site.page(module + part)
            assert page.find("html")["lang"] == lang, module + part
            assert page.select_one("link[rel=canonical]")["href"] == site + module + part + "/"
            qr = page.select_one("figure[data-p2ham-module-qr] img")
            assert qr is not None and qr["alt"].endswith(site + module), module + part
            svg = (fixture_site.path / module / part / qr["src"]).resolve().read_text("utf-8")
            assert f"<title>{site + module}</title>" in svg
            if part not in DECK_PARTS:  # a deck's title slide has the module's number and duration instead
                assert page.select_one(".p2ham-module-info"), module + part  # the module's box, on its views too
        assert (fixture_site.path / prefix / PRINT_ALL / "index.html").is_file()


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_notes_appear_only_where_a_trainer_sees_them(fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    printed = fixture_site.page(prefix + PRINT_ALL)
    assert "p2ham-trainer-notes" not in str(printed)
    printed_text = words(content(printed))
    for slug, _, source in modules(lang):
        module = f"{prefix}modul/{slug}/"
        blocks = len(trainer_block_lines((DOCS / source).read_text("utf-8")))
        trainer = fixture_site.page(module + "pemandu")
        speaker = fixture_site.page(module + "pembicara")
        for page in (trainer, speaker):
            assert len(page.select("aside.p2ham-trainer-notes")) == blocks, module
        notes = note_texts(trainer)
        assert len(notes) >= blocks and sorted(note_texts(speaker)) == sorted(notes)
        # The projected window's page has no note at all, on any slide: not hidden, absent.
        projected = fixture_site.page(module + "presentasi")
        assert "p2ham-trainer-notes" not in str(projected) and not note_texts(projected)
        projected_text = words(projected)
        assert not [note for note in notes if note in projected_text], module
        for participant in (fixture_site.page(module), fixture_site.page(module + "peserta")):
            assert "p2ham-trainer-notes" not in str(participant), module
            text = words(content(participant))
            leaked = [note for note in notes if note in text]
            assert not leaked, f"{module}: trainer notes in a participant's page: {leaked[:2]}"
        leaked = [note for note in notes if note in printed_text]
        assert not leaked, f"{prefix}{PRINT_ALL}/: trainer notes of {slug}: {leaked[:2]}"


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_answers_only_in_the_answer_key(fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    printed = fixture_site.page(prefix + PRINT_ALL)
    assert content(printed)["data-p2ham-view"] == "handout"
    total = 0
    for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                     "[data-p2ham=check]", ".p2ham-quiz__summary"):
        assert not printed.select(selector), f"{prefix}{PRINT_ALL}/ {selector}"
    for slug, _, _ in modules(lang):
        module = f"{prefix}modul/{slug}/"
        page = fixture_site.page(module)
        questions = len(page.select(".p2ham-question[data-question]"))
        total += questions
        assert questions and len(page.select("details.p2ham-question__answers")) == questions
        assert not page.select("details.p2ham-question__answers[open]")
        handout = fixture_site.page(module + "peserta")
        assert content(handout)["data-p2ham-view"] == "handout"
        assert len(handout.select(".p2ham-question[data-question]")) == questions
        for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                         "[data-p2ham=check]"):
            assert not handout.select(selector), f"{module}peserta/ {selector}"
        trainer = fixture_site.page(module + "pemandu")
        assert content(trainer)["data-p2ham-view"] == "trainer"
        assert len(trainer.select("details.p2ham-question__answers[open]")) == questions
    assert len(printed.select(".p2ham-question[data-question]")) == total


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_each_trainer_handout_times_the_module_to_its_duration(fixture_site: BuiltSite, prefix: str,
                                                               lang: str) -> None:
    for slug, duration, _ in modules(lang):
        module = f"{prefix}modul/{slug}/"
        page = fixture_site.page(module + "pemandu")
        timing = page.select_one("[data-p2ham-timing]")
        assert timing is not None, module
        rows = timing.select("tbody tr")
        minutes = [int(row["data-minutes"]) for row in rows]
        assert sum(minutes) == duration, module
        assert timing.select_one("[data-p2ham-timing-total]").get_text() == elapsed(duration)
        spans = [row.select("td")[0].get_text().split(EN_DASH) for row in rows]  # "0:03" to "0:11"
        assert spans[0][0] == "0:00" and spans[-1][1] == elapsed(duration)
        for before, after in itertools.pairwise(spans):
            assert before[1] == after[0]
        for row in rows:  # each row leads to its section, titled as the reader sees it
            link = row.select_one("a")
            heading = page.find(id=link["href"].removeprefix("#"))
            assert heading is not None and heading.name == "h2", f"{module}pemandu/ {link['href']}"
            title = words(heading).removesuffix("¶").strip()
            assert words(link) == title, f"{module}pemandu/: {words(link)!r} != {title!r}"
        body = str(content(page))  # the table comes before the first section, under the introduction
        assert body.index("data-p2ham-timing") < body.index("<h2")


def slide_texts(text: str) -> list[str]:
    """The lines written in a module's slide blocks (list items and paragraphs, as text), from its source."""
    found, inside = [], False
    for line in text.splitlines():
        if line.startswith("/// slide"):
            inside = True
        elif line == "///":
            inside = False
        elif inside and line.strip() and not line.startswith(("|", "!")):
            found.append(re.sub(r"^(- |\d+\. )", "", line).replace("**", "").strip())
    return found


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_a_presentation_is_its_slides_and_only_the_decks_show_them(fixture_site: BuiltSite, prefix: str,
                                                                   lang: str) -> None:
    for slug, duration, source in modules(lang):
        module = f"{prefix}modul/{slug}/"
        participant = fixture_site.page(module)
        written = slide_texts((DOCS / source).read_text("utf-8"))
        assert written, f"{source} has no slide block: the fixture shows slides in both languages"
        for part in ("presentasi", "pembicara"):
            page = fixture_site.page(module + part)
            deck = page.select_one("[data-p2ham-deck]")
            slides = deck.select("section.p2ham-slide")
            labels = [slide["data-p2ham-slide"] for slide in slides]
            assert labels[0] == "1" and len(set(labels)) == len(labels), module + part
            assert [words(s.select_one(".p2ham-slide__number")) for s in slides] == [
                f"{label} / {re.sub('[a-z]', '', labels[-1])}" for label in labels]
            # The title slide: the module's number, duration and title, and its page's QR code.
            title = slides[0]
            assert "p2ham-slide--title" in title["class"] and title.select_one("h1").get_text() == words(
                participant.select_one("article h1")).removesuffix("¶").strip()
            assert words(title.select_one(".p2ham-slide__kicker")).startswith(("Modul ", "Module "))
            qr = title.select_one("figure[data-p2ham-module-qr] img")
            assert qr["alt"].endswith(fixture_site.site_url + module)
            # Every section's minutes once; the headings are the module's sections; the prose is not there.
            assert sum(int(s.get("data-minutes", 0)) for s in slides) == duration, module + part
            headings = {words(h).removesuffix("¶").strip() for h in content(participant).select("h2")}
            assert {words(s.select_one("h2")) for s in slides[1:-1]} <= headings
            assert words(slides[-1].select_one("h2")) == ("Discussion and self-check quiz" if prefix else
                                                          "Diskusi dan kuis mandiri")
            deck_text = "".join(deck.get_text().split())  # element boundaries (an abbreviation) add no space
            assert all("".join(line.split()) in deck_text for line in written), module + part
            prose = [words(p) for p in content(participant).select("p") if len(words(p)) > 40]
            assert prose and not [p for p in prose if "".join(p.split()) in deck_text], module + part
            # The closing slide sends the room to the quiz on the module's page.
            closing = slides[-1]
            assert "p2ham-slide--closing" in closing["class"]
            quiz = participant.select_one("section.p2ham-quiz").find_previous("h2")["id"]
            code = closing.select_one("figure[data-p2ham-module-qr] img")
            address = f"{fixture_site.site_url}{module}#{quiz}"
            assert code["alt"].endswith(address)
            svg = (fixture_site.path / module / part / code["src"]).resolve().read_text("utf-8")
            assert f"<title>{address}</title>" in svg
            # A page of its own: no theme header, navigation, search or language switcher; the other window.
            assert not page.select(".md-header, .md-sidebar, .md-search, .md-select, .md-footer")
            assert page.select_one('script[src$="assets/javascripts/present.js"]')
            assert page.select_one('link[href$="assets/stylesheets/present.css"]')
            assert page.select_one("[data-p2ham-present-back]")["href"] == "../"
            other = "pembicara" if part == "presentasi" else "presentasi"
            assert deck["data-p2ham-partner"] == f"../{other}/" and deck["data-p2ham-deck-id"] == f"{lang}/{slug}"
        # Every other view leaves the slide blocks out.
        for view in [module, module + "peserta", module + "pemandu", module + "ringkasan", prefix + PRINT_ALL]:
            page = fixture_site.page(view)
            assert not page.select(".p2ham-slide-block, .p2ham-slide"), view
            text = "".join(content(page).get_text().split())
            assert not [line for line in written if "".join(line.split()) in text], view
        assert not participant.select('script[src$="present.js"]')


SUMMARY_WORDS = {"id": ("Ringkasan", "Modul", "Ringkasan satu halaman", "Poin kunci", "Sumber"),
                 "en": ("Summary", "Module", "One-page summary", "Key points", "Sources")}


def section_words(page: BeautifulSoup, anchor: str) -> str:
    """The words of a page's ``##`` section (its heading to the next ``##``), without the heading."""
    heading = page.find("h2", id=anchor)
    assert heading is not None, anchor
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(words(sibling))
    return " ".join(parts)


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_each_summary_has_the_objectives_key_points_and_sources_and_nothing_of_notes_or_quiz(
        fixture_site: BuiltSite, prefix: str, lang: str) -> None:
    summary_word, module_word, link_text, key_points, sources = SUMMARY_WORDS[lang]
    for module in module_list(lang):
        address = f"{prefix}modul/{module.slug}/"
        participant = fixture_site.page(address)
        page = fixture_site.page(address + VIEW_PARTS["summary"])
        body = content(page)
        assert body["data-p2ham-view"] == "summary"
        assert words(body.select_one("h1")).removesuffix("¶").strip() == f"{summary_word}: {module.title}"
        assert page.select_one('link[href$="assets/stylesheets/summary.css"]')
        # The module's number, duration and objectives (its box) and the module page's QR code and address.
        box = body.select_one(".p2ham-module-info")
        assert words(box.select_one(".admonition-title")).startswith(f"{module_word} {module.number} · ")
        assert [words(item) for item in box.select("li")] == list(module.objectives)
        qr = body.select_one("figure[data-p2ham-module-qr]")
        assert words(qr.select_one(".p2ham-module-qr__address")) == fixture_site.site_url + address
        # Its key points and sources, as the module's page words them, and no other section.
        assert [words(h).removesuffix("¶").strip() for h in body.select("h2")] == [key_points, sources]
        for field, heading in (("key_points", key_points), ("sources", sources)):
            section = body.select_one(f"section[data-p2ham-summary={field}]")
            assert words(section.select_one("h2")).removesuffix("¶").strip() == heading
            anchor = section.select_one("h2")["id"]  # the same heading, so the same anchor as on the module's page
            assert section_words(page, anchor) == section_words(participant, anchor), f"{address}: {heading}"
            assert len(section_words(page, anchor)) > 20
        # Nothing of the trainer's notes or the quiz.
        assert not body.select(".p2ham-trainer-notes, .p2ham-quiz, .p2ham-question, [data-correct]")
        text = words(body)
        leaked = [note for note in note_texts(fixture_site.page(address + "pemandu")) if note in text]
        assert not leaked, f"{address}ringkasan/: trainer's notes {leaked[:2]}"
        assert not [q for q in participant.select(".p2ham-question legend") if words(q) in text]
        # The module's page leads to it, for participants.
        link = content(participant).select_one(".p2ham-module-info a[data-p2ham-summary-link]")
        assert link is not None and link["href"] == "ringkasan/" and words(link) == link_text
        assert page.select_one("[data-p2ham-summary-link]") is None  # the summary does not link to itself


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_view_pages_are_not_in_search(fixture_site: BuiltSite, prefix: str) -> None:
    index = json.loads((fixture_site.path / prefix / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    view = re.compile(rf"^(modul/[^/]+/({'|'.join(VIEW_PARTS.values())})/|{PRINT_ALL}/)")
    assert not [loc for loc in locations if view.match(loc)]
    for slug, _, _ in modules("id"):  # the module pages themselves are found
        assert f"modul/{slug}/" in locations


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_the_trainer_hub_links_every_view_and_the_offline_archive(fixture_site: BuiltSite, prefix: str,
                                                                  lang: str) -> None:
    page = fixture_site.page(f"{prefix}pemandu")
    hrefs = {a["href"] for a in content(page).select("a")}
    for slug, _, _ in modules(lang):
        assert f"../modul/{slug}/" in hrefs
        assert {f"../modul/{slug}/{part}/" for part in VIEW_PARTS.values()} <= hrefs
    assert f"../{PRINT_ALL}/" in hrefs
    link = page.select_one("[data-p2ham-offline-archive] a[download]")
    assert link is not None and link.get_text().strip()
    assert (fixture_site.path / prefix / "pemandu" / link["href"]).resolve() == (
        fixture_site.path / ARCHIVE_PATH).resolve()


# --- Builds that must fail: the wiring of the checks above (each check itself: tests/quick/test_trainer.py) ------

def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if line == needle)


def test_minutes_that_do_not_add_up_to_duration_fail_at_its_line(tmp_path: Path) -> None:
    indonesian = (DOCS / "modul" / "alfa.md").read_text("utf-8").replace("/// trainer | 10\n", "/// trainer | 25\n", 1)
    result = build_project(tmp_path, {"modul/alfa.md": indonesian})
    assert not result.ok
    assert (f"modul/alfa.md:{line_of(indonesian, 'duration: 30')}: duration: 30 minutes, but the sections' "
            "trainer blocks add up to 45 (25 + 5 + 10 + 5)") in result.log
    assert "Traceback" not in result.log


def test_languages_timed_differently_fail_at_the_first_block_that_differs(tmp_path: Path) -> None:
    english = (DOCS / "modul" / "alfa.en.md").read_text("utf-8")
    english = english.replace("/// trainer | 10\n", "/// trainer | 11\n", 1).replace(
        "/// trainer | 5\n", "/// trainer | 4\n", 1)  # the same total, other sections
    result = build_project(tmp_path, {"modul/alfa.en.md": english})
    assert not result.ok and "Traceback" not in result.log
    assert (f"modul/alfa.en.md:{line_of(english, '/// trainer | 11')}: trainer: the sections' minutes [11, 4, 10, 5] "
            "differ from modul/alfa.md's [10, 5, 10, 5]") in result.log


@pytest.mark.parametrize(("source", "heading", "rule_heading"), [("modul/alfa.md", "## Poin kunci", "Poin kunci"),
                                                                 ("modul/alfa.en.md", "## Key points", "Key points")])
def test_a_module_without_its_key_points_fails_at_its_title_before_anything_is_written(
        tmp_path: Path, source: str, heading: str, rule_heading: str) -> None:
    text = (DOCS / source).read_text("utf-8").replace(heading + "\n", "## Pokok bahasan\n", 1)
    result = build_project(tmp_path, {source: text})
    assert not result.ok and "Traceback" not in result.log
    title = next(number for number, line in enumerate(text.split("\n"), start=1) if line.startswith("# "))
    assert (f"{source}:{title}: key_points: no '## {rule_heading}' section: the module and its one-page summary need "
            "it (content rule key_points_heading)") in result.log
    assert not (result.site / "index.html").exists()


def test_slides_that_cannot_fit_fail_at_their_lines_before_anything_is_written(tmp_path: Path) -> None:
    """Beyond the content rules' limits, and without the closing block the rules ask for (the fixture's rules:
    every slide rule on, with the contract's numbers)."""
    text = (DOCS / "modul" / "alfa.md").read_text("utf-8")
    long = "/// slide\n" + "".join(f"- Butir {n}\n" for n in range(1, 8)) + "- " + "x" * 81 + "\n///\n"
    text = text.replace("## Sumber\n", f"## Sumber\n\n{long}", 1)
    closing = "/// slide | closing\n"
    text = text[: text.index(closing)] + text[text.index("///\n", text.index(closing) + len(closing)) + 4:]
    result = build_project(tmp_path, {"modul/alfa.md": text})
    assert not result.ok and "Traceback" not in result.log
    line = [number for number, row in enumerate(text.split("\n"), start=1) if row == "/// slide"][-1]
    title = next(number for number, row in enumerate(text.split("\n"), start=1) if row.startswith("# "))
    assert result.lines("modul/alfa.md:") == [
        f"modul/alfa.md:{title}: slide: no '/// slide | closing' block: the discussion section needs one, for the "
        "closing slide (content rule slide_closing)",
        f"modul/alfa.md:{line}: slide: 8 lines (list items, paragraphs, table rows): at most 6 (content rule "
        "slide_lines)",
        f"modul/alfa.md:{line}: slide: line 8 has 81 characters: at most 80 (content rule slide_line_length)",
    ]
    assert not (result.site / "index.html").exists()


def test_a_translation_with_other_slides_fails_at_the_first_block_that_differs(tmp_path: Path) -> None:
    english = (DOCS / "modul" / "alfa.en.md").read_text("utf-8")
    second = english.index("/// slide\n|")
    english = english[:second] + english[english.index("///\n", second + 10) + 4:]  # the table's slide left out
    result = build_project(tmp_path, {"modul/alfa.en.md": english})
    assert not result.ok and "Traceback" not in result.log
    assert result.lines("modul/alfa.en.md:") == [
        f"modul/alfa.en.md:{line_of(english, '/// slide')}: slide: slide blocks by section: 1, 0+closing, 0, 0; "
        "modul/alfa.md has 2, 0+closing, 0, 0 (the languages show the same slides)"]


def test_problems_in_several_modules_are_reported_together_before_anything_is_written(tmp_path: Path) -> None:
    """A quiz problem in one module and a timing problem in another: one build names both, not only the first."""
    alfa = (DOCS / "modul" / "alfa.md").read_text("utf-8").replace("//// question | Kewajiban",
                                                                    "//// qeustion | Kewajiban")
    beta = (DOCS / "modul" / "beta.md").read_text("utf-8").replace("/// trainer | 15\n", "/// trainer | 16\n", 1)
    result = build_project(tmp_path, {"modul/alfa.md": alfa, "modul/beta.md": beta})
    assert not result.ok and "Traceback" not in result.log
    assert "The modules' quizzes, trainer notes, timing or slides have problems" in result.log
    assert f"modul/alfa.md:{line_of(alfa, '//// qeustion | Kewajiban mana yang dijalankan?')}: block:" in result.log
    assert f"modul/beta.md:{line_of(beta, 'duration: 20')}: duration: 20 minutes, but" in result.log
    assert not (result.site / "index.html").exists()
