"""Trainer notes for Python-Markdown (pymdownx.blocks): ``/// trainer | 10`` … ``///`` under a ``##`` heading.

The argument is the minutes the section takes in a session. What a page shows depends on its *view*, which the
build sets before each page is rendered (:class:`ViewState`):

- ``participant`` (module pages) and ``handout`` (the participant's printed copy): the notes are left out of the
  HTML altogether, so neither the page nor its print nor a screen reader can reveal them; the handout also drops
  the quiz's answers and explanations (an order question keeps its items, shuffled, with empty positions);
- ``trainer`` (the trainer's handout): notes shown, quiz answers open (the answer key);
- ``presentation``: notes shown (toggled by the presentation script), and each ``##`` section wrapped in a slide.
- ``summary`` (the module's one-page summary): like the participant's handout; its Markdown is made without the
  notes and the quiz already (:mod:`p2ham.trainer.summary`), so this is a second guard.

Whatever the view, the sections and their minutes are recorded in the state for the build to check and show.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, ClassVar

from markdown import Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks.block import Block, type_any

from p2ham.core.source import LINE_OPTION
from p2ham.mdext.shared import BuildStateExtension, attached
from p2ham.trainer.timing import Section

VIEWS = ("participant", "handout", "trainer", "presentation", "summary")
NOTES_CLASS = "p2ham-trainer-notes"
DEFAULT_STRINGS = {"trainer_notes": "Trainer's notes", "trainer_minutes": "min", "slide": "Slide"}


@dataclass
class ViewState:
    """The view of the page being rendered, and what rendering found: sections with minutes, and problems."""

    view: str = "participant"
    strings: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STRINGS))
    sections: list[Section] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (trainer block number from 1, message)
    blocks: int = 0

    def start(self, view: str, strings: dict[str, str] | None = None) -> None:
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}")
        self.view = view
        self.sections, self.problems, self.blocks = [], [], 0
        if strings is not None:
            self.strings = dict(DEFAULT_STRINGS, **strings)

    @property
    def shows_notes(self) -> bool:
        return self.view in ("trainer", "presentation")


def _state(md: Markdown) -> ViewState:
    return attached(md, TrainerExtension.ATTRIBUTE, ViewState)


def _heading_title(heading: etree.Element, md: Markdown) -> str:
    """A heading's plain text as the reader sees it, without toc's permalink (as toc itself makes it)."""
    copy = deepcopy(heading)
    for link in [child for child in copy if "headerlink" in child.get("class", "").split()]:
        copy.remove(link)
    copy.tail = None
    return html.unescape(strip_tags(render_inner_html(copy, md)))


class TrainerBlock(Block):  # type: ignore[misc]
    NAME = "trainer"
    ARGUMENT = None  # the minutes; their absence is reported
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {LINE_OPTION: (None, type_any)}  # the build's line annotation

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = _state(self.md)
        state.blocks += 1
        number = state.blocks
        text = (self.argument or "").strip()
        minutes = int(text) if text.isdigit() else 0
        if not 1 <= minutes <= 240:
            state.problems.append((number, f"'/// trainer | {text}': give the section's minutes, a whole number "
                                           "from 1 to 240"))
        notes = etree.SubElement(parent, "aside", {"class": NOTES_CLASS, "data-minutes": str(minutes),
                                                   "data-block": str(number)})
        title = etree.SubElement(notes, "p", {"class": f"{NOTES_CLASS}__title"})
        title.text = f"{state.strings['trainer_notes']} · {minutes} {state.strings['trainer_minutes']}"
        return notes


class ViewTreeprocessor(Treeprocessor):
    """Records the sections and their minutes, then shapes the page for its view."""

    def run(self, root: etree.Element) -> None:
        state = _state(self.md)
        self._record(root, state, self.md)
        if not state.shows_notes:
            for parent in list(root.iter()):
                for child in [c for c in parent if c.get("class") == NOTES_CLASS]:
                    parent.remove(child)
        else:
            for notes in root.iter("aside"):
                if notes.get("class") == NOTES_CLASS:
                    notes.set("aria-label", "".join(notes[0].itertext()))
        if state.view in ("handout", "summary"):
            self._drop_answers(root)
        if state.view == "trainer":
            for details in root.iter("details"):
                if "p2ham-question__answers" in details.get("class", ""):
                    details.set("open", "open")
        if state.view == "presentation":
            self._slides(root, state)

    @staticmethod
    def _record(root: etree.Element, state: ViewState, md: Markdown) -> None:
        current: Section | None = None
        for child in root:
            if child.tag == "h2":
                current = Section(_heading_title(child, md), child.get("id", ""), None)
                state.sections.append(current)
            notes = [child] if child.get("class") == NOTES_CLASS else [
                n for n in child.iter("aside") if n.get("class") == NOTES_CLASS]
            for note in notes:
                number = int(note.get("data-block", "0"))
                if child is not note:
                    state.problems.append((number, "a trainer block must stand on its own under a ## heading, "
                                                   "not inside another block"))
                elif current is None:
                    state.problems.append((number, "a trainer block must come under a ## heading"))
                elif current.minutes is not None:
                    state.problems.append((number, f"a second trainer block in the section '{current.title}'"))
                else:
                    current.minutes = int(note.get("data-minutes", "0"))

    @staticmethod
    def _drop_answers(root: etree.Element) -> None:
        drop = ("p2ham-question__answers", "p2ham-question__actions", "p2ham-question__feedback",
                "p2ham-quiz__summary")
        for parent in list(root.iter()):
            for child in [c for c in parent if c.get("class", "").split(" ")[0] in drop]:
                parent.remove(child)
            for child in parent:
                for answer in ("data-correct", "data-key", "data-position"):  # an order question's right places
                    child.attrib.pop(answer, None)

    @staticmethod
    def _slides(root: etree.Element, state: ViewState) -> None:
        """Each ``##`` section becomes a slide; what comes before the first one joins the title slide."""
        children = list(root)
        for child in children:
            root.remove(child)
        slides: list[etree.Element] = []
        current = etree.SubElement(root, "section", {"class": "p2ham-slide p2ham-slide--intro",
                                                     "data-p2ham-slide": "intro"})
        for child in children:
            if child.tag == "h2":
                number = len(slides) + 1
                current = etree.SubElement(root, "section", {"class": "p2ham-slide", "data-p2ham-slide": str(number),
                                                             "aria-labelledby": child.get("id", "")})
                slides.append(current)
            current.append(child)
        for slide, section in zip(slides, state.sections, strict=False):
            if section.minutes:
                slide.set("data-minutes", str(section.minutes))


class TrainerExtension(BuildStateExtension):
    OPTION, ATTRIBUTE, STATE = "state", "p2ham_view_state", ViewState  # the view the build sets per page

    def register(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(TrainerBlock, {})
        # After the blocks are built and after toc (priority 5) has given every heading its id.
        md.treeprocessors.register(ViewTreeprocessor(md), "p2ham-view", 4)


def makeExtension(**kwargs: Any) -> TrainerExtension:
    return TrainerExtension(**kwargs)
