"""The trainer's toolkit without a build: the trainer-notes extension in each view (notes only where a trainer sees
them, answers only in the answer key, slides), every problem of a trainer block, the timing checks, the view
pages' Markdown and the one-page summary made from a module's text."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from quizcases import GOOD_ID, GOOD_ORDER_ID

from p2ham.core.dates import elapsed
from p2ham.core.errors import ContentError
from p2ham.core.source import split_front_matter, without_blocks
from p2ham.course.rules import Rules
from p2ham.mdext.trainer import ViewState
from p2ham.trainer.printall import PRINT_ALL_MARKER, rebase_part, rebase_url
from p2ham.trainer.summary import summary_markdown
from p2ham.trainer.timing import (
    Section,
    TimingRow,
    compare_timing,
    insert_before_first_h2,
    timing_problems,
    timing_rows,
    trainer_block_lines,
)
from p2ham.trainer.views import QR_MARKER, QUIZ_STAND_IN, print_all_markdown, view_markdown, view_title

MARKER = f"<!-- p2ham:{QR_MARKER} -->"
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


@pytest.mark.parametrize("view", ["participant", "handout", "summary"])
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


@pytest.mark.parametrize("view", ["handout", "summary"])
def test_handout_drops_answers_buttons_and_feedback_but_keeps_the_questions(view: str) -> None:
    page, _ = render(PAGE, view)  # a summary has no quiz: should one reach it, its answers are dropped all the same
    assert len(page.select(".p2ham-question[data-question]")) == 3
    assert len(page.select(".p2ham-options input")) == 8
    for selector in (".p2ham-question__answers", ".p2ham-question__actions", ".p2ham-question__feedback",
                     ".p2ham-quiz__summary", "[data-correct]", "[data-key]", "[data-p2ham=check]"):
        assert not page.select(selector), selector
    assert "Benar. Pemenuhan" not in str(page)  # no explanation either


@pytest.mark.parametrize("view", ["participant", "handout", "trainer"])
def test_an_order_question_in_each_view(view: str) -> None:
    page, _ = render("## Kuis mandiri\n\n" + GOOD_ORDER_ID, view)
    items = page.select(".p2ham-order > li")
    assert len(items) == 4 and len(page.select(".p2ham-order select")) == 4
    assert not page.select(".p2ham-order option[selected]")  # every position empty
    answers = page.select("details.p2ham-question__answers ol.p2ham-answers--order > li")
    if view == "handout":  # the items with empty positions; no right place anywhere in the page
        assert not answers and not page.select("[data-position], [data-key], .p2ham-answers")
        assert "Tahap pertama" not in str(page)
    else:
        assert [a.select_one(".p2ham-answer__option").get_text(strip=True) for a in answers] == [
            "Pencanangan", "Evaluasi (verifikasi)", "Penilaian", "Pembinaan dan pengawasan"]
        assert page.select_one("details.p2ham-question__answers").has_attr("open") == (view == "trainer")


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
    assert elapsed(minutes) == text


def test_the_timing_table_goes_before_the_first_section() -> None:
    assert insert_before_first_h2("<p>Intro</p><h2 id=a>A</h2>", "<table></table>") == (
        "<p>Intro</p><table></table><h2 id=a>A</h2>")
    assert insert_before_first_h2("<p>Intro</p>", "<table></table>") == "<p>Intro</p><table></table>"


MODULE_TEXT = "---\ntitle: Modul\nmodule: 1\nduration: 30\n---\n\n# Modul\n\nPembuka.\n\n## A\n\nIsi.\n"


def test_view_markdown_has_new_front_matter_and_a_qr_code_under_the_title() -> None:
    title = view_title("trainer", "Modul", {"view_trainer": "Lembar pemandu"})
    text = view_markdown(MODULE_TEXT + "\n# Bukan judul kedua\n", "trainer", "x", title, {"template": "t.html"})
    front, body, _ = split_front_matter(text)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Lembar pemandu: Modul" and meta["duration"] == 30 and meta["module"] == 1
    assert meta["p2ham_view"] == "trainer" and meta["p2ham_module"] == "x"
    assert meta["search"] == {"exclude": True} and meta["share"] is False
    assert meta["template"] == "t.html"
    assert body.lstrip().startswith("# Lembar pemandu: Modul\n")  # a handout is titled as one
    assert body.count(MARKER) == 1 and body.index("# Lembar") < body.index(MARKER) < body.index("Pembuka.")
    assert "## A\n\nIsi." in body and "# Bukan judul kedua" in body


DECK_MODULE = """# Modul

Pembuka.

## A

/// trainer | 5
- Catatan
///

Prosa yang tidak tampil.

/// slide
- Butir
///

!!! note "Kotak"
    Isi kotak.

## Kuis

/// quiz
//// question | Soal?
    id: x-1
- [x] Ya
////
///

## Sumber

- S
"""


@pytest.mark.parametrize("view", ["presentation", "speaker"])
def test_a_decks_markdown_is_its_headings_blocks_and_quiz_place_with_no_qr_code_marker(view: str) -> None:
    """A deck's QR code is on its title slide, which the build makes (hooks/trainer.py); its Markdown keeps what
    the deck is made of, and leaves the prose (and the questions) to the module's page."""
    text = "---\ntitle: Modul\nmodule: 1\nduration: 30\n---\n\n" + DECK_MODULE
    front, body, _ = split_front_matter(view_markdown(text, view, "x", "Presentasi: Modul"))
    assert yaml.safe_load(front)["p2ham_view"] == view
    assert MARKER not in body
    assert body.strip() == ("# Modul\n\n## A\n\n/// trainer | 5\n- Catatan\n///\n\n/// slide\n- Butir\n///\n\n"
                            "## Kuis\n\n" + QUIZ_STAND_IN + "\n\n## Sumber")


def test_print_all_is_its_title_and_introduction_then_the_handouts_place() -> None:
    front, body, _ = split_front_matter(print_all_markdown("Cetak semua", "Deskripsi.", "Pengantar."))
    meta = yaml.safe_load(front)
    assert meta == {"title": "Cetak semua", "description": "Deskripsi.", "p2ham_view": "handout",
                    "p2ham_module": "", "search": {"exclude": True}}
    assert body.strip() == f"# Cetak semua\n\nPengantar.\n\n<!-- p2ham:{PRINT_ALL_MARKER} -->"


HANDOUT = ('<h1 id="lembar">Lembar<a class="headerlink" href="#lembar">¶</a></h1>\n'
           '<img src="../index.qr.svg" alt="QR">\n<p><a href="../../beta/#kuis">Beta</a> '
           '<a href="../../../glosarium/">Glosarium</a> <a href="https://x.org/a">x</a> <a href="#lembar">atas</a></p>'
           '\n<fieldset aria-describedby="h1 h2"><input id="q1"><label for="q1">A</label></fieldset>')


@pytest.mark.parametrize(("handout", "page", "expected"), [
    ("modul/alfa/peserta/", "cetak/", ("../modul/alfa/index.qr.svg", "../modul/beta/#kuis", "../glosarium/")),
    ("en/modul/alfa/peserta/", "en/cetak/", ("../modul/alfa/index.qr.svg", "../modul/beta/#kuis", "../glosarium/")),
    ("modul/alfa/peserta.html", "cetak.html", ("modul/index.qr.svg", "beta/#kuis", "glosarium/")),  # from a folder
])
def test_a_handout_on_the_print_all_page_keeps_its_links_and_ids_of_its_own(handout: str, page: str,
                                                                          expected: tuple[str, ...]) -> None:
    html = rebase_part(HANDOUT, "alfa--", handout, page)
    assert re.findall(r'src="([^"]+)"', html) == [expected[0]]
    links = re.findall(r'href="([^"]+)"', html)
    assert links == ["#alfa--lembar", expected[1], expected[2], "https://x.org/a", "#alfa--lembar"]
    assert 'id="alfa--lembar"' in html and 'id="alfa--q1"' in html and 'for="alfa--q1"' in html
    assert 'aria-describedby="alfa--h1 alfa--h2"' in html and 'alt="QR"' in html
    assert rebase_url("", handout, page) == "" and rebase_url("?x=1", handout, page) == "?x=1"


# --- The one-page summary -----------------------------------------------------------------------------------------

SUMMARY_MODULE = ("---\ntitle: Modul\ndescription: Satu kalimat.\nmodule: 2\nduration: 30\nobjectives:\n  - Satu\n"
                  "checked: 2026-11-28\n---\n\n" + PAGE)
SUMMARY_TITLE_LINE = SUMMARY_MODULE.split("\n").index("# Judul modul") + 1


def summary_body(text: str = SUMMARY_MODULE, lang: str = "id", rules: Rules | None = None) -> tuple[dict, str]:
    made = summary_markdown(text, "modul/x.md", lang, "x", "Ringkasan: Modul", rules or Rules())
    front, body, _ = split_front_matter(made)
    return yaml.safe_load(front), body


def test_a_summary_holds_the_key_points_and_the_sources_and_nothing_else() -> None:
    meta, body = summary_body()
    assert meta == {"description": "Satu kalimat.", "title": "Ringkasan: Modul", "p2ham_view": "summary",
                    "p2ham_module": "x", "search": {"exclude": True}, "share": False}
    assert body.lstrip().startswith(f"# Ringkasan: Modul\n\n{MARKER}\n\n")  # the QR code under the title
    key_points, sources = body.index("## Poin kunci"), body.index("## Sumber")
    assert key_points < body.index("Isi poin kunci.") < sources < body.index("- Sumber tanpa menit.")
    assert '<section class="p2ham-summary__section" data-p2ham-summary="key_points" markdown>' in body
    assert '<section class="p2ham-summary__section" data-p2ham-summary="sources" markdown>' in body
    for left_out in ("Pembuka modul.", "## Kasus", "Isi kasus.", "Kuis mandiri", "///", "rahasia", "t-ramp",
                     "Pemenuhan", "duration"):
        assert left_out not in body, left_out
    # Rendered as the build renders it: the headings, the sections' text, no notes, no quiz.
    page, _ = render(body, "summary")
    assert [h.get_text().rstrip("¶") for h in page.select("h2")] == ["Poin kunci", "Sumber"]
    assert page.select_one("[data-p2ham-summary=key_points] h2#poin-kunci") is not None
    assert not page.select(".p2ham-trainer-notes, .p2ham-quiz, .p2ham-question")


def test_a_module_without_key_points_or_sources_is_named_at_its_title() -> None:
    text = SUMMARY_MODULE.replace("## Poin kunci", "## Pokok").replace("## Sumber", "## Rujukan")
    with pytest.raises(ContentError) as raised:
        summary_body(text)
    assert [str(problem) for problem in raised.value.problems] == [
        f"modul/x.md:{SUMMARY_TITLE_LINE}: key_points: no '## Poin kunci' section: the module and its one-page "
        "summary need it (content rule key_points_heading)",
        f"modul/x.md:{SUMMARY_TITLE_LINE}: sources: no '## Sumber' section: the module and its one-page summary "
        "need it (content rule sources_heading)"]
    with pytest.raises(ContentError) as raised:  # each language has its own headings
        summary_body(SUMMARY_MODULE, "en")
    assert [problem.field for problem in raised.value.problems] == ["key_points", "sources"]
    assert "no '## Key points' section" in str(raised.value.problems[0])


def test_a_summarys_headings_come_from_the_content_rules() -> None:
    text = SUMMARY_MODULE.replace("## Poin kunci", "## Pokok bahasan")
    _, body = summary_body(text, rules=Rules(key_points_heading={"id": "Pokok bahasan"}))
    assert "## Pokok bahasan\n\nIsi poin kunci." in body
    _, body = summary_body(text, rules=Rules(key_points_heading={}))  # a rule turned off: no such part
    assert "Isi poin kunci." not in body and 'data-p2ham-summary="key_points"' not in body
    assert "## Sumber" in body


def test_blocks_are_left_out_whole_and_only_those_named() -> None:
    text = ("A\n\n/// trainer | 5\nrahasia\n\n//// question | q\nx\n////\n///\n\n```\n/// trainer | 1\n```\n\n"
            "/// details | Lihat\nisi\n///\n\n/// quiz\nkuis tanpa penutup\n")
    assert without_blocks(text, ("trainer", "quiz")) == (
        "A\n\n\n```\n/// trainer | 1\n```\n\n/// details | Lihat\nisi\n///\n")
