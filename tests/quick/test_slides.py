"""Slides without a build: the slide blocks in each view (a deck in the presentation and the speaker view, nothing
elsewhere), the deck's slides, labels, minutes and notes, what a slide may not hold, the limits of the content
rules and the two languages compared."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from quizcases import GOOD_ID

from p2ham.core.errors import Problem
from p2ham.course.rules import Rules
from p2ham.mdext.trainer import ViewState
from p2ham.trainer.slides import SlideFound, SlideLimits, compare_slides, slide_limits, slide_problems
from p2ham.trainer.timing import Section

DECK = """# Modul

Pembuka yang tidak masuk slide.

## Poin kunci

/// trainer | 10
Catatan rahasia satu.
///

Prosa panjang untuk peserta.

/// slide
- Butir *satu* dengan `kode`
- Butir [dua](#kasus)
///

## Kasus

/// trainer | 20
Catatan rahasia dua.
///

/// slide
Paragraf kasus.
///

/// slide
| Kolom | Lain |
|---|---|
| isi satu | isi dua |
///

## Jeda

/// trainer | 5
Catatan jeda.
///

Prosa jeda.

## Diskusi

/// trainer | 8
Catatan diskusi.
///

/// slide | closing
1. Pertanyaan satu?
2. Pertanyaan dua?
///

## Kuis mandiri

/// trainer | 7
Catatan kuis.
///

""" + GOOD_ID + """
## Sumber

/// slide
Tidak tampil: bagian tanpa menit.
///

- Sumber tanpa menit.
"""


def render(text: str, view: str, extensions: tuple[str, ...] = ()) -> tuple[BeautifulSoup, ViewState]:
    state = ViewState()
    state.start(view, {"trainer_notes": "Catatan pemandu", "trainer_minutes": "menit"})
    md = markdown.Markdown(
        extensions=["toc", "abbr", "attr_list", "md_in_html", "tables", "admonition", "pymdownx.details",
                    "p2ham.mdext.quiz", "p2ham.mdext.trainer", *extensions],
        extension_configs={"toc": {"permalink": True}, "p2ham.mdext.trainer": {"state": state}})
    return BeautifulSoup(md.convert(text), "html.parser"), state


def words(node: object) -> str:
    return " ".join(node.get_text(" ").split())  # type: ignore[attr-defined]


@pytest.mark.parametrize("view", ["presentation", "speaker"])
def test_a_deck_is_its_slides_and_nothing_of_the_prose(view: str) -> None:
    page, state = render(DECK, view)
    slides = page.select("section.p2ham-slide")
    assert [s["data-p2ham-slide"] for s in slides] == ["2", "3a", "3b", "4", "5"]
    assert [words(s.select_one(".p2ham-slide__number")) for s in slides] == [
        "2 / 5", "3a / 5", "3b / 5", "4 / 5", "5 / 5"]
    assert [s["id"] for s in slides] == ["slide-2", "slide-3a", "slide-3b", "slide-4", "slide-5"]
    titles = [words(s.select_one("h2")) for s in slides]
    # A continuation repeats its heading; the closing slide says what the room does now, whatever its section.
    assert titles == ["Poin kunci", "Kasus", "Kasus", "Jeda", "Discussion and self-check quiz"]
    for slide in slides:  # each named by its heading; a heading's id once in the page
        assert slide.select_one(f"h2#{slide['aria-labelledby']}") is not None
    assert [s.select_one("h2")["id"] for s in slides] == ["poin-kunci", "kasus", "slide-3b-title", "jeda",
                                                           "slide-closing-title"]
    assert not page.select(".headerlink")
    text = str(page)
    for prose in ("Pembuka", "Prosa panjang", "Prosa jeda", "Sumber tanpa menit", "Tidak tampil", "Kewajiban"):
        assert prose not in text, prose
    assert words(slides[0].select_one("ul")) == "Butir satu dengan kode Butir dua"
    assert slides[0].select_one("li em") and slides[0].select_one("li code") and slides[0].select_one("li a")
    assert slides[2].select_one("table") and "p2ham-slide--divider" in slides[3]["class"]
    closing = slides[4]
    assert "p2ham-slide--closing" in closing["class"] and len(closing.select("ol > li")) == 2
    assert closing.select_one(".p2ham-slide__quiz")["data-p2ham-quiz-qr"] == "kuis-mandiri"
    # The minutes of each section on its first slide; the quiz's go to the closing slide: every minute once.
    assert [s.get("data-minutes") for s in slides] == ["10", "20", None, "5", "15"]
    assert [s["data-p2ham-group"] for s in slides] == ["0", "1", "1", "2", "3"]
    assert (state.deck.last, state.deck.count, state.deck.quiz_anchor) == ("5", 6, "kuis-mandiri")
    assert not page.select(".p2ham-slide-block")


def test_the_projected_deck_has_no_notes_and_the_speakers_has_each_sections_after_its_first_slide() -> None:
    projected, _ = render(DECK, "presentation")
    assert "rahasia" not in str(projected) and "p2ham-trainer-notes" not in str(projected)
    assert "Catatan" not in str(projected)
    page, _ = render(DECK, "speaker")
    notes = page.select("aside.p2ham-trainer-notes")
    assert [n["data-p2ham-notes-for"] for n in notes] == ["0", "1", "2", "3", "3"]
    assert [words(n).split("menit ")[-1] for n in notes] == [
        "Catatan rahasia satu.", "Catatan rahasia dua.", "Catatan jeda.", "Catatan diskusi.", "Catatan kuis."]
    first = page.select_one("section#slide-3a")
    assert first.find_next_sibling() is notes[1]  # after its section's first slide


@pytest.mark.parametrize("view", ["participant", "handout", "trainer", "summary"])
def test_other_views_drop_the_slide_blocks_and_measure_them(view: str) -> None:
    page, state = render(DECK, view)
    assert not page.select(".p2ham-slide-block, .p2ham-slide") and "Pertanyaan satu" not in str(page)
    assert "Prosa panjang" in str(page)
    assert [(s.number, s.section, s.closing, s.lines, s.columns, s.problems) for s in state.slides] == [
        (1, 0, False, [22, 9], 0, []), (2, 1, False, [15], 0, []), (3, 1, False, [9, 15], 2, []),
        (4, 3, True, [16, 15], 0, []), (5, 5, False, [33], 0, [])]


def test_a_module_without_slide_blocks_has_a_divider_per_timed_section_and_a_closing_slide_for_its_quiz() -> None:
    text = "# M\n\n## A\n\n/// trainer | 5\nn\n///\n\n## Kuis\n\n" + GOOD_ID + "\n## Sumber\n\n- s\n"
    page, state = render(text, "presentation")
    slides = page.select("section.p2ham-slide")
    assert [(s["data-p2ham-slide"], words(s.select_one("h2"))) for s in slides] == [("2", "A"), ("3", "Kuis")]
    assert "p2ham-slide--closing" in slides[1]["class"] and slides[1].get("data-minutes") == "0"
    assert state.deck.quiz_anchor == "kuis"
    page, _ = render("# M\n\n## A\n\n/// trainer | 5\nn\n///\n", "presentation")
    assert [s["data-p2ham-slide"] for s in page.select("section.p2ham-slide")] == ["2"]  # no quiz: no closing


BAD = [
    ("- a\n    - nested", "a list inside a list item: a slide has one level of list"),
    ("### Sub", "a heading (###): the slide's title is its section's heading"),
    ('!!! note "N"\n    text', "an admonition: a slide holds lists, short paragraphs, one table and one image"),
    ("Some <span>html</span>.", "HTML: write the slide in Markdown (lists, paragraphs, a table, an image, emphasis, "
                                "links)"),
    ("<div>x</div>", "HTML: write the slide in Markdown (lists, paragraphs, a table, an image, emphasis, links)"),
    ("| a |\n|---|\n| b |\n\n| c |\n|---|\n| d |", "2 tables: a slide holds one"),
    ("![a](a.png) ![b](b.png)", "2 images: a slide holds one"),
    ("> quoted", "<blockquote>: a slide holds lists, short paragraphs, one table and one image"),
    ("/// trainer | 5\nn\n///", "a trainer block inside a slide block: put it under the section's heading"),
    ("", "empty: write the slide's text, or leave the block out for a slide of the heading alone"),
]


@pytest.mark.parametrize(("content", "problem"), BAD)
def test_what_a_slide_never_holds_is_a_problem_of_its_block(content: str, problem: str) -> None:
    _, state = render(f"## A\n\n/// trainer | 5\nn\n///\n\n/// slide\n{content}\n///\n", "participant")
    assert [found.problems for found in state.slides] == [[problem]]


def test_entities_are_one_character_and_no_html() -> None:
    _, state = render("## A\n\n/// trainer | 5\nn\n///\n\n/// slide\nA &rarr; B &amp; C\n///\n", "participant")
    assert state.slides[0].problems == [] and state.slides[0].lines == [9]


@pytest.mark.parametrize(("text", "problem"), [
    ("/// slide\nx\n///\n\n## A\n\n/// trainer | 5\nn\n///\n", "a slide block must come under a ## heading"),
    ("## A\n\n/// trainer | 5\nn\n///\n\n!!! note\n\n    /// slide\n    x\n    ///\n",
     "a slide block must stand on its own under a ## heading, not inside another block"),
    ("## A\n\n/// trainer | 5\nn\n///\n\n/// slide | penutup\nx\n///\n",
     "'/// slide | penutup': a slide block takes no argument but 'closing'"),
])
def test_a_misplaced_or_misnamed_block_is_a_problem(text: str, problem: str) -> None:
    _, state = render(text, "participant")
    assert problem in state.slides[0].problems


# --- the checks (pure functions) --------------------------------------------------------------------------------

SECTIONS = [Section("A", "a", 5), Section("Diskusi", "diskusi", 5), Section("Sumber", "sumber", None)]
TEXT = "\n".join(["---", "duration: 10", "---", "# M", "## A", "/// slide", "x", "///", "/// slide", "y", "///",
                  "## Diskusi", "/// slide | closing", "z", "///", "## Sumber", "/// slide", "s", "///"])


def found(number: int, section: int | None, lines: list[int], *, closing: bool = False, columns: int = 0,
          problems: list[str] | None = None, line: int = 0) -> SlideFound:
    return SlideFound(number, line, section, closing, lines, columns, problems or [])


def messages(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def test_slides_within_the_limits_have_no_problem() -> None:
    slides = [found(1, 0, [80] * 6, columns=4), found(2, 0, [10]), found(3, 1, [70] * 5, closing=True)]
    assert slide_problems("modul/x.md", TEXT, slides, SECTIONS, SlideLimits(), 4) == []


def test_every_limit_is_named_with_its_rule_at_the_blocks_line() -> None:
    slides = [found(1, 0, [80] * 6 + [81], columns=5), found(2, 0, [10], problems=["a heading (###): x"]),
              found(3, 1, [71] * 6, closing=True), found(4, 2, [5])]
    assert messages(slide_problems("modul/x.md", TEXT, slides, SECTIONS, SlideLimits(), 4)) == [
        "modul/x.md:6: slide: 7 lines (list items, paragraphs, table rows): at most 6 (content rule slide_lines)",
        "modul/x.md:6: slide: line 7 has 81 characters: at most 80 (content rule slide_line_length)",
        "modul/x.md:6: slide: a table of 5 columns: at most 4 (content rule slide_table_columns)",
        "modul/x.md:9: slide: a heading (###): x",
        "modul/x.md:13: slide: 6 items: at most 5 (content rule slide_closing_items)",
        *[f"modul/x.md:13: slide: line {n} has 71 characters: at most 70 (content rule slide_closing_line_length)"
          for n in range(1, 7)],
        "modul/x.md:17: slide: the section 'Sumber' has no trainer block, so it is not shown as a slide: time it "
        "with '/// trainer | <minutes>' or move the slide block",
    ]


def test_a_recorded_line_wins_over_counting_blocks() -> None:
    problems = slide_problems("m.md", TEXT, [found(1, 0, [], problems=["p"], line=42)], SECTIONS,
                              SlideLimits(closing=False), 4)
    assert messages(problems) == ["m.md:42: slide: p"]


def test_exactly_one_closing_block_when_the_rule_asks_for_it() -> None:
    none = slide_problems("modul/x.md", TEXT, [found(1, 0, [1])], SECTIONS, SlideLimits(), 4)
    assert messages(none) == ["modul/x.md:4: slide: no '/// slide | closing' block: the discussion section needs "
                              "one, for the closing slide (content rule slide_closing)"]
    two = [found(1, 1, [1], closing=True), found(2, 1, [1], closing=True)]
    assert messages(slide_problems("modul/x.md", TEXT, two, SECTIONS, SlideLimits(), 4)) == [
        "modul/x.md:9: slide: a second '/// slide | closing' block: a module has exactly one (content rule "
        "slide_closing)"]
    assert slide_problems("modul/x.md", TEXT, [], SECTIONS, SlideLimits(closing=False), 4) == []


def test_a_limit_of_zero_is_off_and_the_rules_set_the_limits() -> None:
    off = SlideLimits(lines=0, line_length=0, table_columns=0, closing=False, closing_items=0, closing_line_length=0)
    assert slide_problems("m.md", TEXT, [found(1, 0, [500] * 20, columns=9)], SECTIONS, off, 4) == []
    assert slide_limits(Rules()) == SlideLimits()
    assert slide_limits(Rules(slide_lines=8, slide_closing=False)) == SlideLimits(lines=8, closing=False)


def test_the_languages_have_the_same_slide_blocks_in_the_same_sections() -> None:
    reference = [found(1, 0, [1]), found(2, 0, [1]), found(3, 1, [1], closing=True)]
    same = [found(1, 0, [9]), found(2, 0, [9]), found(3, 1, [9], closing=True)]
    assert compare_slides(reference, 3, same, 3, "modul/x.md", "modul/x.en.md", TEXT) == []
    fewer = [found(1, 0, [9]), found(2, 1, [9], closing=True)]
    assert messages(compare_slides(reference, 3, fewer, 3, "modul/x.md", "modul/x.en.md", TEXT)) == [
        "modul/x.en.md:6: slide: slide blocks by section: 1, 0+closing, 0; modul/x.md has 2, 0+closing, 0 (the "
        "languages show the same slides)"]
    moved = [found(1, 0, [9]), found(2, 0, [9]), found(3, 2, [9], closing=True)]
    [problem] = compare_slides(reference, 3, moved, 3, "modul/x.md", "modul/x.en.md", TEXT)
    assert problem.line == 13  # the first block from the first section that differs ("Diskusi"): the closing one
