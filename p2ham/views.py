"""The trainer's views of a module, made from the same Markdown as the participants' page: a presentation, a
trainer's handout (notes, timing, answer key) and a participant's handout; plus one "print everything" page per
language. Also the checks of the sections' minutes (see :mod:`p2ham.mdext.trainer`).

No MkDocs import: the hook in ``hooks/views.py`` adds the pages to the build.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from p2ham.errors import Problem
from p2ham.frontmatter import split_front_matter
from p2ham.mdext.trainer import Section
from p2ham.quiz import lines_outside_fences

# view -> the last part of its address, below the module's own (/modul/<slug>/<part>/)
VIEW_PARTS = {"presentation": "presentasi", "trainer": "pemandu", "handout": "peserta"}
PRINT_ALL = "cetak"  # /cetak/: every module's participant handout, for printing at once
QR_MARKER = "<!-- p2ham:module-qr -->"
TRAINER_HEADER = re.compile(r"^ {0,3}/{3,}[ ]*trainer\b")
H1 = re.compile(r"^# .*$", re.MULTILINE)


@dataclass(frozen=True)
class TimingRow:
    title: str
    anchor: str
    minutes: int
    start: int  # minutes from the session's start
    end: int


def trainer_block_lines(text: str) -> list[int]:
    """The line number (from 1, in the whole file) of every ``/// trainer`` block header, outside code fences."""
    return [number for number, line, is_text in lines_outside_fences(text) if is_text and TRAINER_HEADER.match(line)]


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


def clock(minutes: int) -> str:
    """Minutes from the start as H:MM (0:00, 1:05)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _front_matter(meta: dict[str, Any]) -> str:
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n"


def view_markdown(module_text: str, view: str, slug: str, title: str, extra: dict[str, Any] | None = None) -> str:
    """A view page of a module: its Markdown with new front matter, and a QR code marker under its title."""
    front, body, _ = split_front_matter(module_text)
    meta = yaml.safe_load(front) or {}
    meta.update({"title": title, "p2ham_view": view, "p2ham_module": slug, "search": {"exclude": True},
                 "share": False, **(extra or {})})
    # A handout is titled as one ("Lembar pemandu: …"), so it is never mistaken for the participants' page; the
    # presentation's title slide keeps the module's own title.
    heading = (lambda m: m.group(0)) if view == "presentation" else (lambda m: f"# {title}")
    return _front_matter(meta) + H1.sub(lambda m: heading(m) + "\n\n" + QR_MARKER, body, count=1)


def print_all_markdown(module_texts: Sequence[str], title: str, description: str, intro: str) -> str:
    """Every module's body, in order, as one participant's handout for printing at once."""
    bodies = []
    for text in module_texts:
        _, body, _ = split_front_matter(text)
        bodies.append(body.strip())
    meta = {"title": title, "description": description, "p2ham_view": "handout", "p2ham_module": "",
            "search": {"exclude": True}}
    return _front_matter(meta) + f"# {title}\n\n{intro}\n\n" + "\n\n".join(bodies) + "\n"
