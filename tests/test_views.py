"""The trainer's toolkit without a browser: the trainer-notes extension in each view, the timing helpers, the view
pages of the real build (notes only where a trainer sees them, answers only in the answer key, timing that ends
at the module's duration, nothing in search), and small-site builds that stop with `file:line:` on bad minutes."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, BuiltSite, build_site, small_site
from quizcases import GOOD_ID

from p2ham.frontmatter import split_front_matter
from p2ham.mdext.trainer import Section, ViewState
from p2ham.views import (
    QR_MARKER,
    TimingRow,
    clock,
    compare_timing,
    print_all_markdown,
    timing_problems,
    timing_rows,
    trainer_block_lines,
    view_markdown,
)

SITE = "https://p2ham.example.org/"
MODULE_DIR = ROOT / "docs" / "modul"
SLUGS = sorted(path.stem for path in MODULE_DIR.glob("*.md") if path.name.count(".") == 1)
LANGS = [("", "md"), ("en/", "en.md")]  # address prefix, source suffix
VIEW_PARTS = ("presentasi", "pemandu", "peserta")
EN_DASH = "\u2013"

PAGE = """# Judul modul

Pembuka modul.

## Poin kunci

/// trainer | 10
- Catatan rahasia satu.
///

Isi poin kunci.

## Kasus

/// trainer | 20
Catatan rahasia dua.
///

Isi kasus.

## Kuis mandiri

""" + GOOD_ID + """
## Sumber

- Sumber tanpa menit.
"""


# --- The extension, through Markdown ------------------------------------------------------------------------


def render(text: str, view: str, extensions: tuple[str, ...] = ()) -> tuple[BeautifulSoup, ViewState]:
    state = ViewState()
    state.start(view, {"trainer_notes": "Catatan pemandu", "trainer_minutes": "menit"})
    md = markdown.Markdown(
        extensions=["toc", "abbr", "attr_list", "md_in_html", "pymdownx.details", "p2ham.mdext.quiz",
                    "p2ham.mdext.trainer", *extensions],
        extension_configs={"toc": {"permalink": True}, "p2ham.mdext.trainer": {"state": state}})
    return BeautifulSoup(md.convert(text), "html.parser"), state


@pytest.mark.parametrize("view", ["participant", "handout"])
def test_participant_views_leave_the_notes_out_of_the_html(view: str) -> None:
    page, state = render(PAGE, view)
    html = str(page)
    assert "p2ham-trainer-notes" not in html and "rahasia" not in html and "Catatan pemandu" not in html
    assert page.select_one("h2#poin-kunci") is not None and "Isi kasus." in html
    assert not page.select(".p2ham-slide")
    # The sections and their minutes are recorded whatever the view, for the build to check.
    assert [(s.title, s.anchor, s.minutes) for s in state.sections] == [
        ("Poin kunci", "poin-kunci", 10), ("Kasus", "kasus", 20), ("Kuis mandiri", "kuis-mandiri", None),
        ("Sumber", "sumber", None)]
    assert state.problems == [] and state.blocks == 2


def test_participant_view_keeps_the_quiz_and_its_answers() -> None:
    page, _ = render(PAGE, "participant")
    assert page.select(".p2ham-question__answers") and page.select("[data-correct]")
    assert page.select("[data-p2ham=check]")
    assert all(not d.has_attr("open") for d in page.select("details.p2ham-question__answers"))


def test_handout_drops_answers_buttons_and_feedback_but_keeps_the_questions() -> None:
    page, _ = render(PAGE, "handout")
    assert len(page.select(".p2ham-question[data-question]")) == 3
    assert len(page.select(".p2ham-options input")) == 8
    for selector in (".p2ham-question__answers", ".p2ham-question__actions", ".p2ham-question__feedback",
                     ".p2ham-quiz__summary", "[data-correct]", "[data-key]", "[data-p2ham=check]"):
        assert not page.select(selector), selector
    assert "Benar. Pemenuhan" not in str(page)  # no explanation either


def test_trainer_view_shows_the_notes_and_opens_the_answer_key() -> None:
    page, state = render(PAGE, "trainer")
    notes = page.select("aside.p2ham-trainer-notes")
    assert [n["data-minutes"] for n in notes] == ["10", "20"]
    assert notes[0]["aria-label"] == "Catatan pemandu · 10 menit"
    assert notes[0].select_one(".p2ham-trainer-notes__title").get_text() == "Catatan pemandu · 10 menit"
    assert "Catatan rahasia satu." in notes[0].get_text() and "Catatan rahasia dua." in notes[1].get_text()
    assert notes[0].find_parent("section") is None  # no slides outside the presentation
    answers = page.select("details.p2ham-question__answers")
    assert len(answers) == 3 and all(d.has_attr("open") for d in answers)
    assert [s.minutes for s in state.sections] == [10, 20, None, None]


def test_presentation_makes_a_slide_of_each_section() -> None:
    page, state = render(PAGE, "presentation")
    slides = page.find_all("section", recursive=False)
    assert all("p2ham-slide" in s["class"] for s in slides) and len(slides) == 5
    intro = slides[0]
    assert "p2ham-slide--intro" in intro["class"] and intro["data-p2ham-slide"] == "intro"
    assert intro.select_one("h1") is not None and "Pembuka modul." in intro.get_text()
    assert not intro.select("h2")
    for number, (slide, section) in enumerate(zip(slides[1:], state.sections, strict=True), start=1):
        assert slide["data-p2ham-slide"] == str(number)
        assert slide["aria-labelledby"] == section.anchor
        heading = slide.find(recursive=False)
        assert heading.name == "h2" and heading["id"] == section.anchor
        assert len(slide.select("h2")) == 1
        assert slide.get("data-minutes") == (str(section.minutes) if section.minutes else None)
    assert slides[1].select_one("aside.p2ham-trainer-notes") is not None  # notes stay: the script toggles them
    assert slides[3].select(".p2ham-question__answers")  # the quiz slide keeps its answers (not opened)
    assert not slides[3].select("details[open]")


def test_section_titles_are_the_readers_text_without_the_permalink() -> None:
    text = "# T\n\n## Hak & *kewajiban* `P5HAM` &amp; HAM\n\n/// trainer | 5\nn\n///\n\n*[HAM]: Hak Asasi Manusia\n"
    _, state = render(text, "participant")
    assert [s.title for s in state.sections] == ["Hak & kewajiban P5HAM & HAM"]


def test_views_are_reset_between_pages() -> None:
    state = ViewState()
    state.start("trainer")
    state.sections.append(Section("x", "x", 3))
    state.problems.append((1, "x"))
    state.blocks = 4
    state.start("handout", {"trainer_notes": "Notes"})
    assert (state.view, state.sections, state.problems, state.blocks) == ("handout", [], [], 0)
    assert state.strings["trainer_notes"] == "Notes" and state.strings["trainer_minutes"] == "min"
    assert not state.shows_notes
    with pytest.raises(ValueError, match="unknown view 'slides'"):
        state.start("slides")


@pytest.mark.parametrize("argument", ["0", "241", "ten", "", "1.5", "-3", "10 menit"])
def test_bad_minutes_are_a_problem_of_that_block(argument: str) -> None:
    header = f"/// trainer | {argument}" if argument else "/// trainer"
    text = f"# T\n\n## A\n\n/// trainer | 5\nn\n///\n\n## B\n\n{header}\nn\n///\n"
    page, state = render(text, "trainer")
    assert len(state.problems) == 1
    number, message = state.problems[0]
    assert number == 2 and "a whole number from 1 to 240" in message and f"'/// trainer | {argument}'" in message
    recorded = int(argument) if argument.isdigit() else 0  # recorded as written; the problem stops the build
    assert [s.minutes for s in state.sections] == [5, recorded]
    assert page.select("aside.p2ham-trainer-notes")[1]["data-minutes"] == str(recorded)


@pytest.mark.parametrize("minutes", ["1", "240"])
def test_minutes_at_the_limits_are_accepted(minutes: str) -> None:
    _, state = render(f"## A\n\n/// trainer | {minutes}\nn\n///\n", "participant")
    assert state.problems == [] and state.sections[0].minutes == int(minutes)


def test_a_block_before_the_first_section_is_a_problem() -> None:
    _, state = render("# T\n\n/// trainer | 5\nn\n///\n\n## A\n\n/// trainer | 5\nn\n///\n", "participant")
    assert state.problems == [(1, "a trainer block must come under a ## heading")]
    assert [s.minutes for s in state.sections] == [5]


def test_two_blocks_in_one_section_are_a_problem() -> None:
    text = "## A\n\n/// trainer | 5\nn\n///\n\n### Sub\n\n/// trainer | 7\nn\n///\n"
    _, state = render(text, "presentation")
    assert state.problems == [(2, "a second trainer block in the section 'A'")]
    assert [s.minutes for s in state.sections] == [5]


@pytest.mark.parametrize("wrapper", [
    "//// details | Lebih lanjut\n\n/// trainer | 5\nn\n///\n\n////\n",
    "<div markdown>\n\n/// trainer | 5\nn\n///\n\n</div>\n",
])
def test_a_block_inside_another_block_is_a_problem(wrapper: str) -> None:
    _, state = render("## A\n\n" + wrapper, "participant", ("pymdownx.blocks.details",))
    assert state.problems == [(1, "a trainer block must stand on its own under a ## heading, not inside another "
                                  "block")]
    assert state.sections[0].minutes is None


def test_a_nested_block_is_dropped_from_participant_pages_too() -> None:
    page, _ = render("## A\n\n//// details | X\n\n/// trainer | 5\nrahasia\n///\n\n////\n", "participant",
                     ("pymdownx.blocks.details",))
    assert "rahasia" not in str(page) and "p2ham-trainer-notes" not in str(page)


# --- Pure helpers ---------------------------------------------------------------------------------------------


def test_block_lines_count_the_whole_file_and_skip_code_fences() -> None:
    text = "\n".join([
        "---",                      # 1
        "duration: 10",             # 2
        "---",                      # 3
        "## A",                     # 4
        "/// trainer | 5",          # 5
        "///",                      # 6
        "```markdown",              # 7
        "/// trainer | 9",          # 8: inside a fence
        "```",                      # 9
        "~~~~",                     # 10
        "```",                      # 11: a shorter, other fence does not close it
        "/// trainer | 9",          # 12: still inside
        "~~~~~",                    # 13: closes
        "   /// trainer | 5",       # 14: up to three spaces of indent
        "    /// trainer | 5",      # 15: four spaces is code
        "//// trainer | 5",         # 16: more slashes (nesting) still a header
        "/// trainers | 5",         # 17: another block's name
        "/// quiz",                 # 18
    ])
    assert trainer_block_lines(text) == [5, 14, 16]
    assert trainer_block_lines("") == []


def test_timing_problems_sum_against_duration_at_its_line() -> None:
    sections = [Section("A", "a", 10), Section("B", "b", 20), Section("Sumber", "sumber", None)]
    text = "---\nduration: 30\n---\n\n## A\n\n/// trainer | 10\n///\n\n## B\n\n/// trainer | 20\n///\n"
    assert timing_problems("modul/x.md", text, sections, [], 30, 2) == []
    [problem] = timing_problems("modul/x.md", text, sections, [], 45, 2)
    assert str(problem) == ("modul/x.md:2: duration: 45 minutes, but the sections' trainer blocks add up to 30 "
                            "(10 + 20)")


def test_timing_problems_put_block_problems_at_their_lines() -> None:
    text = "---\nduration: 30\n---\n\n## A\n\n/// trainer | 10\n///\n\n## B\n\n/// trainer | x\n///\n"
    sections = [Section("A", "a", 10), Section("B", "b", 0)]
    problems = timing_problems("modul/x.md", text, sections, [(2, "bad minutes"), (9, "lost")], 10, 2)
    assert [str(p) for p in problems] == ["modul/x.md:12: trainer: bad minutes", "modul/x.md: trainer: lost"]


def test_a_module_without_minutes_is_a_problem() -> None:
    [problem] = timing_problems("modul/x.en.md", "", [Section("A", "a", None)], [], 30, 5)
    assert (problem.file, problem.line, problem.field) == ("modul/x.en.md", 5, "trainer")
    assert "no section has minutes" in problem.message


def test_languages_must_time_their_sections_alike() -> None:
    ours = [Section("A", "a", 10), Section("B", "b", 20), Section("S", "s", None)]
    same = [Section("Satu", "satu", 10), Section("Dua", "dua", 20), Section("Sumber", "sumber", None)]
    assert compare_timing(same, ours, "modul/x.md", "modul/x.en.md") == []
    swapped = [Section("Satu", "satu", 20), Section("Dua", "dua", 10), Section("Sumber", "sumber", None)]
    [problem] = compare_timing(swapped, ours, "modul/x.md", "modul/x.en.md")
    assert problem.file == "modul/x.en.md" and problem.field == "trainer"
    assert problem.message == "the sections' minutes [10, 20, 0] differ from modul/x.md's [20, 10, 0]"
    assert compare_timing(same[:2], ours, "modul/x.md", "modul/x.en.md")  # a section more is a difference too
    text = "# X\n\n## A\n\n/// trainer | 10\nx\n///\n\n## B\n\n/// trainer | 20\ny\n///\n"
    changed = [Section("Satu", "satu", 10), Section("Dua", "dua", 15), Section("Sumber", "sumber", None)]
    [problem] = compare_timing(changed, ours, "modul/x.md", "modul/x.en.md", text)
    assert problem.line == 11  # the block of the first section that differs ("B")


def test_timing_rows_run_from_the_start_of_the_session() -> None:
    sections = [Section("A", "a", 10), Section("Kuis", "kuis", None), Section("B", "b", 55), Section("C", "c", 5)]
    assert timing_rows(sections) == [TimingRow("A", "a", 10, 0, 10), TimingRow("B", "b", 55, 10, 65),
                                     TimingRow("C", "c", 5, 65, 70)]
    assert timing_rows([]) == []


@pytest.mark.parametrize(("minutes", "text"), [(0, "0:00"), (5, "0:05"), (60, "1:00"), (65, "1:05"),
                                               (135, "2:15"), (600, "10:00")])
def test_clock(minutes: int, text: str) -> None:
    assert clock(minutes) == text


MODULE_TEXT = "---\ntitle: Modul\nmodule: 1\nduration: 30\n---\n\n# Modul\n\nPembuka.\n\n## A\n\nIsi.\n"


def test_view_markdown_has_new_front_matter_and_a_qr_code_under_the_title() -> None:
    text = view_markdown(MODULE_TEXT + "\n# Bukan judul kedua\n", "presentation", "x", "Presentasi: Modul",
                         {"template": "p2ham-presentation.html"})
    front, body, _ = split_front_matter(text)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Presentasi: Modul" and meta["duration"] == 30 and meta["module"] == 1
    assert meta["p2ham_view"] == "presentation" and meta["p2ham_module"] == "x"
    assert meta["search"] == {"exclude": True} and meta["share"] is False
    assert meta["template"] == "p2ham-presentation.html"
    assert body.count(QR_MARKER) == 1 and body.index("# Modul") < body.index(QR_MARKER) < body.index("Pembuka.")
    assert "## A\n\nIsi." in body
    handout = split_front_matter(view_markdown(MODULE_TEXT, "trainer", "x", "Lembar pemandu: Modul"))[1]
    assert handout.lstrip().startswith("# Lembar pemandu: Modul\n")  # a handout is titled as one


def test_print_all_puts_every_module_in_order_as_a_handout() -> None:
    second = MODULE_TEXT.replace("# Modul", "# Modul dua").replace("Pembuka.", "Pembuka dua.")
    text = print_all_markdown([MODULE_TEXT, second], "Cetak semua", "Deskripsi.", "Pengantar.")
    front, body, _ = split_front_matter(text)
    meta = yaml.safe_load(front)
    assert meta == {"title": "Cetak semua", "description": "Deskripsi.", "p2ham_view": "handout",
                    "p2ham_module": "", "search": {"exclude": True}}
    assert body.strip().startswith("# Cetak semua\n\nPengantar.")
    assert body.index("# Modul\n") < body.index("Pembuka.") < body.index("# Modul dua") < body.index("Pembuka dua.")
    assert "duration:" not in body and QR_MARKER not in body


# --- The real build -------------------------------------------------------------------------------------------


def read(site: BuiltSite, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.path / path / "index.html").read_text("utf-8"), "html.parser")


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


def module_meta(slug: str, suffix: str) -> dict[str, Any]:
    front, _, _ = split_front_matter((MODULE_DIR / f"{slug}.{suffix}").read_text("utf-8"))
    return dict(yaml.safe_load(front))


def test_the_real_modules_are_found() -> None:
    assert len(SLUGS) == 6 and "p2ham-p5ham" in SLUGS


@pytest.mark.parametrize(("prefix", "suffix"), LANGS)
def test_every_module_has_its_view_pages_in_both_languages(built_site: BuiltSite, prefix: str, suffix: str) -> None:
    for slug in SLUGS:
        module = f"{prefix}modul/{slug}/"
        for part in VIEW_PARTS:
            page = read(built_site, module + part)
            assert page.find("html")["lang"] == (prefix.rstrip("/") or "id"), module + part
            assert page.select_one("link[rel=canonical]")["href"] == SITE + module + part + "/"
            qr = page.select_one("figure[data-p2ham-module-qr] img")
            assert qr is not None and qr["alt"].endswith(SITE + module), module + part
            svg = (built_site.path / module / part / qr["src"]).resolve().read_text("utf-8")
            assert f"<title>{SITE + module}</title>" in svg
        assert (built_site.path / prefix / "cetak" / "index.html").is_file()


@pytest.mark.parametrize(("prefix", "suffix"), LANGS)
def test_notes_appear_only_where_a_trainer_sees_them(built_site: BuiltSite, prefix: str, suffix: str) -> None:
    printed = read(built_site, prefix + "cetak")
    assert "p2ham-trainer-notes" not in str(printed)
    printed_text = words(content(printed))
    for slug in SLUGS:
        module = f"{prefix}modul/{slug}/"
        blocks = len(trainer_block_lines((MODULE_DIR / f"{slug}.{suffix}").read_text("utf-8")))
        assert blocks >= 5, module
        trainer = read(built_site, module + "pemandu")
        presentation = read(built_site, module + "presentasi")
        for page in (trainer, presentation):
            assert len(page.select("aside.p2ham-trainer-notes")) == blocks, module
        notes = note_texts(trainer)
        assert len(notes) >= blocks and note_texts(presentation) == notes
        for participant in (read(built_site, module), read(built_site, module + "peserta")):
            assert "p2ham-trainer-notes" not in str(participant), module
            text = words(content(participant))
            leaked = [note for note in notes if note in text]
            assert not leaked, f"{module}: trainer notes in a participant's page: {leaked[:2]}"
        leaked = [note for note in notes if note in printed_text]
        assert not leaked, f"{prefix}cetak/: trainer notes of {slug}: {leaked[:2]}"


@pytest.mark.parametrize(("prefix", "suffix"), LANGS)
def test_answers_only_in_the_answer_key(built_site: BuiltSite, prefix: str, suffix: str) -> None:
    printed = read(built_site, prefix + "cetak")
    assert content(printed)["data-p2ham-view"] == "handout"
    assert len(printed.select(".p2ham-question[data-question]")) >= 6 * 5
    for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                     "[data-p2ham=check]", ".p2ham-quiz__summary"):
        assert not printed.select(selector), f"{prefix}cetak/ {selector}"
    for slug in SLUGS:
        module = f"{prefix}modul/{slug}/"
        page = read(built_site, module)
        questions = len(page.select(".p2ham-question[data-question]"))
        assert questions and len(page.select("details.p2ham-question__answers")) == questions
        assert not page.select("details.p2ham-question__answers[open]")
        handout = read(built_site, module + "peserta")
        assert content(handout)["data-p2ham-view"] == "handout"
        assert len(handout.select(".p2ham-question[data-question]")) == questions
        for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                         "[data-p2ham=check]"):
            assert not handout.select(selector), f"{module}peserta/ {selector}"
        trainer = read(built_site, module + "pemandu")
        assert content(trainer)["data-p2ham-view"] == "trainer"
        assert len(trainer.select("details.p2ham-question__answers[open]")) == questions


@pytest.mark.parametrize(("prefix", "suffix"), LANGS)
def test_each_trainer_handout_times_the_module_to_its_duration(built_site: BuiltSite, prefix: str,
                                                               suffix: str) -> None:
    for slug in SLUGS:
        module = f"{prefix}modul/{slug}/"
        duration = int(module_meta(slug, suffix)["duration"])
        page = read(built_site, module + "pemandu")
        timing = page.select_one("[data-p2ham-timing]")
        assert timing is not None, module
        rows = timing.select("tbody tr")
        minutes = [int(row["data-minutes"]) for row in rows]
        assert sum(minutes) == duration, module
        assert timing.select_one("[data-p2ham-timing-total]").get_text() == clock(duration)
        spans = [row.select("td")[0].get_text().split(EN_DASH) for row in rows]  # "0:03" to "0:11"
        assert spans[0][0] == "0:00" and spans[-1][1] == clock(duration)
        for before, after in itertools.pairwise(spans):
            assert before[1] == after[0]
        for row in rows:  # each row leads to its section, titled as the reader sees it
            link = row.select_one("a")
            anchor = link["href"].removeprefix("#")
            heading = page.find(id=anchor)
            assert heading is not None and heading.name == "h2", f"{module}pemandu/ {link['href']}"
            title = words(heading).removesuffix("¶").strip()
            assert words(link) == title, f"{module}pemandu/: {words(link)!r} != {title!r}"
        # The table comes before the first section, under the module's introduction.
        body = str(content(page))
        assert body.index("data-p2ham-timing") < body.index("<h2")


@pytest.mark.parametrize(("prefix", "suffix"), LANGS)
def test_presentation_slides_follow_the_sections(built_site: BuiltSite, prefix: str, suffix: str) -> None:
    for slug in SLUGS:
        module = f"{prefix}modul/{slug}/"
        page = read(built_site, module + "presentasi")
        participant = read(built_site, module)
        slides = page.select("section.p2ham-slide")
        headings = [h["id"] for h in content(participant).select("h2")]
        assert [s["aria-labelledby"] for s in slides[1:]] == headings, module
        intro = slides[0]
        assert "p2ham-slide--intro" in intro["class"] and intro.select_one("h1")
        assert intro.select_one("figure.p2ham-module-qr--presentation[data-p2ham-module-qr] img")
        duration = int(module_meta(slug, suffix)["duration"])
        assert sum(int(s.get("data-minutes", 0)) for s in slides) == duration
        back = page.select_one("[data-p2ham-present-back]")
        assert back["href"] == "../"
        assert page.select_one('script[src$="assets/javascripts/present.js"]')
        assert page.select_one('link[href$="assets/stylesheets/present.css"]')
        assert not participant.select('script[src$="present.js"]')


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_view_pages_are_not_in_search(built_site: BuiltSite, prefix: str) -> None:
    index = json.loads((built_site.path / prefix / "search" / "search_index.json").read_text("utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    view = re.compile(r"^(modul/[^/]+/(presentasi|pemandu|peserta)/|cetak/)")
    assert not [loc for loc in locations if view.match(loc)]
    for slug in SLUGS:  # the module pages themselves are found
        assert f"modul/{slug}/" in locations


# --- Small-site builds that must fail -------------------------------------------------------------------------

HOME = {"index.md": "---\ntitle: Beranda\n---\n\n# Beranda\n\nIsi.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nText.\n"}


def real_module(suffix: str) -> str:
    """Module 1 as written, with its one link to another module pointed at the home page of the small site."""
    text = (MODULE_DIR / f"p2ham-p5ham.{suffix}").read_text("utf-8")
    return text.replace("(asas-pelayanan-publik.md)", "(../index.md)")


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [number for number, line in enumerate(text.split("\n"), start=1) if line == needle]
    return lines[nth - 1]


def build_module(tmp_path: Path, indonesian: str, english: str) -> tuple[int, str]:
    config = small_site(tmp_path / "project", {**HOME, "modul/x.md": indonesian, "modul/x.en.md": english})
    result = build_site(tmp_path / "site", config)
    return result.returncode, result.stdout + result.stderr


def test_a_real_module_builds_with_its_views(tmp_path: Path) -> None:
    code, log = build_module(tmp_path, real_module("md"), real_module("en.md"))
    assert code == 0, log
    for prefix in ("", "en/"):
        for part in VIEW_PARTS:
            assert (tmp_path / "site" / prefix / "modul" / "x" / part / "index.html").is_file()
        assert (tmp_path / "site" / prefix / "cetak" / "index.html").is_file()


def test_minutes_that_do_not_add_up_to_duration_fail_at_its_line(tmp_path: Path) -> None:
    indonesian = real_module("md").replace("duration: 60\n", "duration: 45\n", 1)
    code, log = build_module(tmp_path, indonesian, real_module("en.md"))
    assert code != 0
    assert (f"modul/x.md:{line_of(indonesian, 'duration: 45')}: duration: 45 minutes, but the sections' trainer "
            "blocks add up to 60") in log
    assert "Traceback" not in log


def test_languages_timed_differently_fail(tmp_path: Path) -> None:
    # Same total (60), different sections: 3 + 8 becomes 4 + 7 in English.
    english = real_module("en.md").replace("/// trainer | 3\n", "/// trainer | 4\n", 1).replace(
        "/// trainer | 8\n", "/// trainer | 7\n", 1)
    code, log = build_module(tmp_path, real_module("md"), english)
    assert code != 0
    assert "modul/x.en.md" in log and "Traceback" not in log
    assert re.search(r"modul/x\.en\.md:\d+: trainer: the sections' minutes \[4, 7, .*\] differ from "
                     r"modul/x\.md's \[3, 8, ", log), log


@pytest.mark.parametrize("argument", ["ten", "0"])
def test_bad_minutes_fail_at_the_blocks_line(tmp_path: Path, argument: str) -> None:
    english = real_module("en.md")
    bad = english.replace("/// trainer | 8\n", f"/// trainer | {argument}\n", 1)
    code, log = build_module(tmp_path, real_module("md"), bad)
    assert code != 0
    line = line_of(bad, f"/// trainer | {argument}")
    assert (f"modul/x.en.md:{line}: trainer: '/// trainer | {argument}': give the section's minutes, a whole "
            "number from 1 to 240") in log
    assert "Traceback" not in log


def test_a_block_outside_a_section_fails_at_its_line(tmp_path: Path) -> None:
    indonesian = real_module("md").replace("## Poin kunci\n\n/// trainer | 3\n", "/// trainer | 3\n", 1)
    code, log = build_module(tmp_path, indonesian, real_module("en.md"))
    assert code != 0
    line = line_of(indonesian, "/// trainer | 3")
    assert f"modul/x.md:{line}: trainer: a trainer block must come under a ## heading" in log
    assert "Traceback" not in log


def test_the_trainer_page_links_the_offline_archive_where_the_build_puts_it(built_site: BuiltSite) -> None:
    from p2ham.offline import ARCHIVE_PATH

    for prefix, text in (("", "Unduh arsip luring"), ("en/", "Download the offline copy")):
        link = read(built_site, f"{prefix}pemandu").select_one("[data-p2ham-offline-archive] a[download]")
        assert link is not None and text in link.get_text()
        assert (built_site.path / prefix / "pemandu" / link["href"]).resolve() == (
            built_site.path / ARCHIVE_PATH).resolve()
