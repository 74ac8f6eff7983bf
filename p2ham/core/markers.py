"""Page markers: a line ``<!-- p2ham:NAME -->`` in a page that the build replaces with generated HTML.

Every marker is registered once, by the concern that fills it, with the moment it is filled (:class:`Phase`); one
pass over each page (``hooks/markers.py``) fills them all, and a marker nobody registered stops the build instead
of leaking into the page as a comment. ``README.md`` lists the markers authors use.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from p2ham.core.errors import Problem

MARKER = re.compile(r"^<!--\s*p2ham:([a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)


class Phase(enum.Enum):
    """When a marker is filled."""

    MARKDOWN = "markdown"  # in the page's Markdown, before it is parsed: the HTML becomes a raw HTML block
    HTML = "html"  # in the page's HTML, after Markdown: nothing in it is ever read as Markdown
    LATE = "late"  # once every page's content is built, for markers that show what other pages hold


Filler = Callable[[Any], str]  # given the engine's page, the HTML that replaces the marker


@dataclass(frozen=True)
class Marker:
    name: str
    phase: Phase
    fill: Filler


def find_markers(text: str) -> list[tuple[str, int]]:
    """The markers of a text as (name, line), lines counted from 1."""
    return [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in MARKER.finditer(text)]


class Markers:
    """The markers of one build: who fills which, and when."""

    def __init__(self) -> None:
        self._markers: dict[str, Marker] = {}

    def register(self, name: str, phase: Phase, fill: Filler) -> None:
        if name in self._markers:
            raise ValueError(f"the marker {name!r} is registered twice")
        self._markers[name] = Marker(name, phase, fill)

    @property
    def names(self) -> list[str]:
        return sorted(self._markers)

    def unknown(self, text: str, source: str, first_line: int = 1) -> list[Problem]:
        """A problem for every marker in ``text`` (found in ``source`` from ``first_line``) that nobody fills."""
        known = ", ".join(self.names) or "none"
        return [Problem(source, first_line + line - 1, f"<!-- p2ham:{name} -->", f"unknown marker (known: {known})")
                for name, line in find_markers(text) if name not in self._markers]

    def fill(self, text: str, phase: Phase, page: Any) -> str:
        """``text`` with every marker of ``phase`` replaced by what its filler makes for ``page``."""
        made: dict[str, str] = {}

        def replace(match: re.Match[str]) -> str:
            marker = self._markers.get(match.group(1))
            if marker is None or marker.phase is not phase:
                return match.group(0)
            if marker.name not in made:
                made[marker.name] = marker.fill(page).strip()
            html = made[marker.name]
            return f"\n{html}\n" if phase is Phase.MARKDOWN else html

        return MARKER.sub(replace, text)

    def present(self, text: str, phase: Phase) -> bool:
        """Whether ``text`` holds a marker filled in ``phase`` (cheap: no filler runs)."""
        return any(self._markers[name].phase is phase for name, _ in find_markers(text) if name in self._markers)
