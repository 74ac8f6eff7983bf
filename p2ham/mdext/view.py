"""The view of the page being rendered, which the build sets before each page (``hooks/trainer.py``), and what the
trainer's blocks found in it (:mod:`p2ham.mdext.trainer`, :mod:`p2ham.mdext.slides`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown import Markdown

from p2ham.mdext.shared import attached
from p2ham.trainer.slides import SlideFound
from p2ham.trainer.timing import Section

VIEWS = ("participant", "handout", "trainer", "presentation", "speaker", "summary")
DECK_VIEWS = ("presentation", "speaker")  # the views made of slides: the projected window and the speaker's
ATTRIBUTE = "p2ham_view_state"  # where the state is kept on the Markdown instance
DEFAULT_STRINGS = {"trainer_notes": "Trainer's notes", "trainer_minutes": "min", "slide": "Slide",
                   "present_closing": "Discussion and self-check quiz"}


@dataclass
class Deck:
    """What the slides of a presentation need from the build once the page is made: the label of its last slide
    (the title slide is "1"), how many slides it has, and the anchor of the quiz section its closing slide points
    to ("" when it has none)."""

    last: str = "1"
    count: int = 1
    quiz_anchor: str = ""


@dataclass
class ViewState:
    """The view of the page being rendered, and what rendering found: sections with minutes, slide blocks,
    problems, and for a presentation its deck."""

    view: str = "participant"
    strings: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STRINGS))
    sections: list[Section] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (trainer block number from 1, message)
    blocks: int = 0
    slides: list[SlideFound] = field(default_factory=list)
    slide_blocks: int = 0
    deck: Deck = field(default_factory=Deck)

    def start(self, view: str, strings: dict[str, str] | None = None) -> None:
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        self.view = view
        self.sections, self.problems, self.blocks = [], [], 0
        self.slides, self.slide_blocks, self.deck = [], 0, Deck()
        if strings is not None:
            self.strings = dict(DEFAULT_STRINGS, **strings)

    @property
    def shows_notes(self) -> bool:
        return self.view in ("trainer", "speaker")


def view_state(md: Markdown) -> ViewState:
    return attached(md, ATTRIBUTE, ViewState)
