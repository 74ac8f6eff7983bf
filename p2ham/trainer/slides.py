"""A module's slides (README: "Slides"): what the room reads from the wall, written by the author in ``/// slide``
blocks under the module's ``##`` sections. The Markdown extension (:mod:`p2ham.mdext.slides`) measures each block
as it parses the module's page; here those measurements are checked against the limits (content rules
``slide_*`` in ``mkdocs.yml``) and the two languages are compared, every problem as ``file:line: slide: problem``.

A line of a slide is a list item, a paragraph or a table row (its header row included); its length is its text as
the reader sees it (a table row: all its cells together). No engine import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from p2ham.core.errors import Problem
from p2ham.core.source import block_lines
from p2ham.course.rules import Rules
from p2ham.trainer.timing import Section

FIELD = "slide"
CLOSING = "closing"  # `/// slide | closing`: the discussion questions on the closing slide


@dataclass
class SlideFound:
    """One ``/// slide`` block of a page, as the extension measured it."""

    number: int  # the block's number in the page, from 1
    line: int  # its line in the source file (0: not known; the block's number then finds it)
    section: int | None  # the index of its ## section in the page's sections (None: before the first)
    closing: bool = False
    lines: list[int] = field(default_factory=list)  # the length of each line, in order
    columns: int = 0  # its table's columns (0: no table)
    problems: list[str] = field(default_factory=list)  # what a slide never holds (a heading, a nested list...)


@dataclass(frozen=True)
class SlideLimits:
    """What a slide may hold at most (0: no limit), from the content rules."""

    lines: int = 6
    line_length: int = 80
    table_columns: int = 4
    closing: bool = True  # exactly one closing block per module
    closing_items: int = 5
    closing_line_length: int = 70


def slide_limits(rules: Rules) -> SlideLimits:
    """The limits the office's content rules set."""
    return SlideLimits(rules.slide_lines, rules.slide_line_length, rules.slide_table_columns, rules.slide_closing,
                       rules.slide_closing_items, rules.slide_closing_line_length)


def _line_of(found: SlideFound, lines: Sequence[int]) -> int:
    if found.line:
        return found.line
    return lines[found.number - 1] if 0 < found.number <= len(lines) else 0


def slide_problems(source: str, text: str, slides: Sequence[SlideFound], sections: Sequence[Section],
                   limits: SlideLimits, title_line: int) -> list[Problem]:
    """Every problem of a module's slide blocks (`text`: the module's source, `title_line`: the line of its title,
    where a missing closing block is reported), each at its block's line."""
    lines = block_lines(text, "slide")
    problems = []
    for found in slides:
        where = (source, _line_of(found, lines), FIELD)
        problems += [Problem(*where, message) for message in found.problems]
        if found.section is not None and found.section < len(sections) and sections[found.section].minutes is None:
            title = sections[found.section].title
            problems.append(Problem(*where, f"the section '{title}' has no trainer block, so it is not shown as a "
                                            "slide: time it with '/// trainer | <minutes>' or move the slide block"))
        most, length, rule = ((limits.closing_items, limits.closing_line_length, "slide_closing")
                              if found.closing else (limits.lines, limits.line_length, "slide"))
        what = "items" if found.closing else "lines (list items, paragraphs, table rows)"
        if most and len(found.lines) > most:
            problems.append(Problem(*where, f"{len(found.lines)} {what}: at most {most} (content rule "
                                            f"{rule}_{'items' if found.closing else 'lines'})"))
        for number, characters in enumerate(found.lines, start=1):
            if length and characters > length:
                problems.append(Problem(*where, f"line {number} has {characters} characters: at most {length} "
                                                f"(content rule {rule}_line_length)"))
        if limits.table_columns and found.columns > limits.table_columns:
            problems.append(Problem(*where, f"a table of {found.columns} columns: at most {limits.table_columns} "
                                            "(content rule slide_table_columns)"))
    if limits.closing:
        closing = [found for found in slides if found.closing]
        if not closing:
            problems.append(Problem(source, title_line, FIELD, f"no '/// slide | {CLOSING}' block: the discussion "
                                                               "section needs one, for the closing slide (content rule "
                                                               "slide_closing)"))
        for extra in closing[1:]:
            problems.append(Problem(source, _line_of(extra, lines), FIELD, f"a second '/// slide | {CLOSING}' "
                                    "block: a module has exactly one (content rule slide_closing)"))
    return problems


def _layout(slides: Sequence[SlideFound], sections: int) -> list[str]:
    """The slide blocks of each section, in words: "2" (two blocks), "1+closing", "0"."""
    counts = [[0, False] for _ in range(sections)]
    for found in slides:
        if found.section is not None and found.section < sections:
            if found.closing:
                counts[found.section][1] = True
            else:
                counts[found.section][0] += 1
    return [f"{regular}{'+' + CLOSING if closing else ''}" for regular, closing in counts]


def compare_slides(reference: Sequence[SlideFound], reference_sections: int, slides: Sequence[SlideFound],
                   sections: int, reference_source: str, source: str, text: str) -> list[Problem]:
    """A module's translation has its slide blocks in the same sections, as many of them: the problem names the
    first block of the first section that differs (or the last block, when a section lacks some)."""
    ours, theirs = _layout(slides, sections), _layout(reference, reference_sections)
    if ours == theirs:
        return []
    first = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours),
                                                                                                 len(theirs)))
    lines = block_lines(text, "slide")
    at = next((found for found in slides if found.section is not None and found.section >= first), None)
    line = _line_of(at, lines) if at else (_line_of(slides[-1], lines) if slides else 0)
    return [Problem(source, line, FIELD, f"slide blocks by section: {', '.join(ours)}; {reference_source} has "
                                         f"{', '.join(theirs)} (the languages show the same slides)")]
