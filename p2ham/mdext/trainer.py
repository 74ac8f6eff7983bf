"""Trainer notes for Python-Markdown (pymdownx.blocks): ``/// trainer | 10`` … ``///`` under a ``##`` heading.

The argument is the minutes the section takes in a session. What a page shows depends on its *view*, which the
build sets before each page is rendered (:class:`ViewState`):

- ``participant`` (module pages) and ``handout`` (the participant's printed copy): the notes are left out of the
  HTML altogether, so neither the page nor its print nor a screen reader can reveal them; the handout also drops
  the quiz's answers and explanations (an order question keeps its items, shuffled, with empty positions);
- ``trainer`` (the trainer's handout): notes shown, quiz answers open (the answer key);
- ``presentation`` (the projected window): no notes at all; the page is its deck of slides
  (:mod:`p2ham.mdext.slides`), and nothing of the prose;
- ``speaker`` (the speaker's window): the same deck, each section's notes after its first slide;
- ``summary`` (the module's one-page summary): like the participant's handout; its Markdown is made without the
  notes and the quiz already (:mod:`p2ham.trainer.summary`), so this is a second guard.

Whatever the view, the sections and their minutes, and the slide blocks as measured, are recorded in the state for
the build to check and show; every view but the two decks drops the slide blocks from its HTML.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks.block import Block, type_any

from p2ham.core.source import LINE_OPTION
from p2ham.mdext.shared import BuildStateExtension
from p2ham.mdext.slides import NOTES_CLASS, SlideBlock, build_deck, drop_slide_blocks, record_slides, without_permalink
from p2ham.mdext.view import ATTRIBUTE, DECK_VIEWS, VIEWS, ViewState, view_state
from p2ham.trainer.timing import Section

__all__ = ["NOTES_CLASS", "VIEWS", "TrainerExtension", "ViewState", "makeExtension"]


def _heading_title(heading: etree.Element, md: Markdown) -> str:
    """A heading's plain text as the reader sees it, without toc's permalink (as toc itself makes it)."""
    copy = without_permalink(heading)
    return html.unescape(strip_tags(render_inner_html(copy, md)))


class TrainerBlock(Block):  # type: ignore[misc]
    NAME = "trainer"
    ARGUMENT = None  # the minutes; their absence is reported
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {LINE_OPTION: (None, type_any)}  # the build's line annotation

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = view_state(self.md)
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
        state = view_state(self.md)
        self._record(root, state, self.md)
        record_slides(root, state, self.md)  # before the notes go: a trainer block inside a slide block is a problem
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
        if state.view in DECK_VIEWS:
            build_deck(root, state)
        else:
            drop_slide_blocks(root)

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


class TrainerExtension(BuildStateExtension):
    OPTION, ATTRIBUTE, STATE = "state", ATTRIBUTE, ViewState  # the view the build sets per page

    def register(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(TrainerBlock, {})
        block_mgr.register(SlideBlock, {})
        # After the blocks are built and after toc (priority 5) has given every heading its id.
        md.treeprocessors.register(ViewTreeprocessor(md), "p2ham-view", 4)


def makeExtension(**kwargs: Any) -> TrainerExtension:
    return TrainerExtension(**kwargs)
