"""The timing of a module's sessions: the minutes of each ``##`` section, from the trainer blocks
(:mod:`p2ham.mdext.trainer`), checked against the module's ``duration`` and against its other language, and the
timing table of the trainer's handout."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from p2ham.core.errors import Problem
from p2ham.core.source import block_lines


@dataclass
class Section:
    """A ``##`` section of a module page as rendered: its title, its anchor and its minutes (None: no block)."""

    title: str
    anchor: str
    minutes: int | None


@dataclass(frozen=True)
class TimingRow:
    title: str
    anchor: str
    minutes: int
    start: int  # minutes from the session's start
    end: int


def trainer_block_lines(text: str) -> list[int]:
    """The line number (from 1, in the whole file) of every ``/// trainer`` block header, outside code fences."""
    return block_lines(text, "trainer")


def timing_problems(source: str, text: str, sections: Sequence[Section], found: Sequence[tuple[int, str]],
                    duration: int, duration_line: int) -> list[Problem]:
    """Problems of a module's trainer blocks and minutes: each at its block's line, and the total against the
    module's ``duration`` (at the line of ``duration``)."""
    lines = trainer_block_lines(text)
    problems = [Problem(source, lines[number - 1] if 0 < number <= len(lines) else 0, "trainer", message)
                for number, message in found]
    timed = [section for section in sections if section.minutes]
    if not timed:
        problems.append(Problem(source, duration_line, "trainer",
                                "no section has minutes: add '/// trainer | <minutes>' blocks under the ## headings"))
    elif (total := sum(s.minutes or 0 for s in timed)) != duration:
        detail = " + ".join(str(s.minutes) for s in timed)
        problems.append(Problem(source, duration_line, "duration",
                                f"{duration} minutes, but the sections' trainer blocks add up to {total} ({detail})"))
    return problems


def compare_timing(reference: Sequence[Section], sections: Sequence[Section], reference_source: str,
                   source: str, text: str = "") -> list[Problem]:
    """The languages of a module must time their sections alike: the same minutes, section by section. The
    problem names the line of the first trainer block that differs (`text` is the translation's source)."""
    ours = [s.minutes or 0 for s in sections]
    theirs = [s.minutes or 0 for s in reference]
    if ours == theirs:
        return []
    lines = trainer_block_lines(text)
    timed = [index for index, minutes in enumerate(ours) if minutes]
    first = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b), min(len(ours), len(theirs)))
    block = sum(1 for index in timed if index < first)  # trainer blocks before the first differing section
    line = lines[block] if block < len(lines) else (lines[-1] if lines else 0)
    return [Problem(source, line, "trainer", f"the sections' minutes {ours} differ from {reference_source}'s {theirs}")]


def timing_rows(sections: Sequence[Section]) -> list[TimingRow]:
    rows, start = [], 0
    for section in sections:
        if section.minutes:
            rows.append(TimingRow(section.title, section.anchor, section.minutes, start, start + section.minutes))
            start += section.minutes
    return rows


def insert_before_first_h2(html: str, block: str) -> str:
    """``block`` put in the page's HTML before its first ``<h2``, or at the end of a page without one."""
    at = html.find("<h2")
    return html[:at] + block + html[at:] if at >= 0 else html + block
