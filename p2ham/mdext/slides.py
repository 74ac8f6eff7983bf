"""Slide blocks for Python-Markdown (pymdownx.blocks): ``/// slide`` … ``///`` (and ``/// slide | closing``) under a
``##`` section: what the room reads from the wall, while the prose stays on the participants' page.

Every view measures every block (:class:`p2ham.trainer.slides.SlideFound`), so that the build can check the module's
own page; only the two views made of slides keep them (:data:`p2ham.mdext.view.DECK_VIEWS`): there the page becomes
its deck (:func:`build_deck`), every other view drops the blocks from its HTML (:func:`drop_slide_blocks`).

The deck, after the title slide the build adds: one slide per timed ``##`` section (one with a trainer block), made
of its slide blocks ("3", or "3a", "3b" … when it has several), or of its heading alone when it has none; the quiz
section is no slide of its own; last, the closing slide: titled "discussion and quiz" (the interface strings; the
quiz's heading when no block holds questions), its questions, and a place for the quiz's QR code
(:data:`QUIZ_QR`, filled by the build). The minutes of a section go to its first slide; those of sections that make
no slide of their own (the quiz, a section holding only the closing block) go to the closing slide. In the
speaker's view each section's trainer notes follow its first slide, marked
with the slide's timing group; the projected view has no notes at all (they are dropped before the deck is made).
"""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as etree
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any, ClassVar

from markdown import Markdown
from markdown.util import HTML_PLACEHOLDER_RE
from pymdownx.blocks.block import Block, type_any

from p2ham.core.source import LINE_OPTION
from p2ham.mdext.view import ViewState, view_state
from p2ham.trainer.slides import CLOSING, SlideFound

SLIDE_CLASS = "p2ham-slide-block"
NOTES_CLASS = "p2ham-trainer-notes"
QUIZ_CLASS = "p2ham-quiz"
QUIZ_QR = "data-p2ham-quiz-qr"  # on the closing slide's empty place for the quiz's QR code: the quiz's anchor
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LETTERS = string.ascii_lowercase


class SlideBlock(Block):  # type: ignore[misc]
    NAME = "slide"
    ARGUMENT = None  # nothing, or "closing"
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {LINE_OPTION: (None, type_any)}  # the build's line annotation

    def on_create(self, parent: etree.Element) -> etree.Element:
        state = view_state(self.md)
        state.slide_blocks += 1
        line = self.options.get(LINE_OPTION)
        return etree.SubElement(parent, "div", {"class": SLIDE_CLASS, "data-block": str(state.slide_blocks),
                                                "data-kind": (self.argument or "").strip(),
                                                "data-line": str(line if isinstance(line, int) else 0)})


def _is_block(element: etree.Element) -> bool:
    return element.get("class") == SLIDE_CLASS


def _text(element: etree.Element, md: Markdown) -> tuple[str, bool]:
    """An element's text as the reader sees it (each character entity one character), and whether it holds HTML."""
    markup = False

    def unstash(match: re.Match[str]) -> str:
        nonlocal markup
        index = int(match.group(1))
        blocks = md.htmlStash.rawHtmlBlocks
        stored = blocks[index] if index < len(blocks) else ""
        if not isinstance(stored, str) or not re.fullmatch(r"&#?\w+;", stored.strip()):
            markup = True
        return "x"

    text = HTML_PLACEHOLDER_RE.sub(unstash, "".join(element.itertext()))
    return " ".join(text.split()), markup


def measure(block: etree.Element, md: Markdown) -> tuple[list[int], int, list[str]]:
    """The lengths of a slide block's lines, its table's columns, and what the contract never allows in it."""
    lines: list[int] = []
    columns = tables = 0
    problems: list[str] = []
    html = False
    for child in block:
        classes = child.get("class", "").split()
        if child.tag in ("ul", "ol"):
            for item in child:
                if any(inner.tag in ("ul", "ol") for inner in item.iter() if inner is not item):
                    problems.append("a list inside a list item: a slide has one level of list")
                text, markup = _text(item, md)
                lines.append(len(text))
                html = html or markup
        elif child.tag == "p":
            text, markup = _text(child, md)
            lines.append(len(text))
            html = html or markup
        elif child.tag == "table":
            tables += 1
            rows = list(child.iter("tr"))
            columns = max([columns, *(len(row) for row in rows)])
            for row in rows:
                cells = [_text(cell, md) for cell in row]
                lines.append(sum(len(text) for text, _ in cells))
                html = html or any(markup for _, markup in cells)
        elif child.tag in HEADINGS:
            problems.append(f"a heading ({'#' * int(child.tag[1])}): the slide's title is its section's heading")
        elif NOTES_CLASS in classes:
            problems.append("a trainer block inside a slide block: put it under the section's heading")
        elif QUIZ_CLASS in classes:
            problems.append("a quiz inside a slide block: the closing slide leads the room to the quiz")
        elif SLIDE_CLASS in classes:
            problems.append("a slide block inside a slide block")
        elif "admonition" in classes or child.tag == "details":
            problems.append("an admonition: a slide holds lists, short paragraphs, one table and one image")
        else:
            problems.append(f"<{child.tag}>: a slide holds lists, short paragraphs, one table and one image")
    if html:
        problems.append("HTML: write the slide in Markdown (lists, paragraphs, a table, an image, emphasis, links)")
    if tables > 1:
        problems.append(f"{tables} tables: a slide holds one")
    images = sum(1 for _ in block.iter("img"))
    if images > 1:
        problems.append(f"{images} images: a slide holds one")
    if not len(block):
        problems.append("empty: write the slide's text, or leave the block out for a slide of the heading alone")
    return lines, columns, problems


def record_slides(root: etree.Element, state: ViewState, md: Markdown) -> None:
    """Measure every slide block of the page and note the section it belongs to (in `state.slides`)."""
    section: int | None = None
    count = 0
    for child in root:
        if child.tag == "h2":
            section = count
            count += 1
        blocks = [child] if _is_block(child) else [el for el in child.iter("div") if _is_block(el)]
        for block in blocks:
            kind = block.get("data-kind", "")
            found = SlideFound(int(block.get("data-block", "0")), int(block.get("data-line", "0")), section,
                               closing=kind == CLOSING)
            if kind not in ("", CLOSING):
                found.problems.append(f"'/// slide | {kind}': a slide block takes no argument but "
                                      f"'{CLOSING}'")
            if block is not child:
                found.problems.append("a slide block must stand on its own under a ## heading, not inside another "
                                      "block")
            elif section is None:
                found.problems.append("a slide block must come under a ## heading")
            found.lines, found.columns, problems = measure(block, md)
            found.problems += problems
            state.slides.append(found)


def drop_slide_blocks(root: etree.Element) -> None:
    for parent in list(root.iter()):
        for child in [c for c in parent if _is_block(c)]:
            parent.remove(child)


@dataclass
class _Slide:
    heading: etree.Element
    block: etree.Element | None  # None: the heading alone
    group: int
    closing: bool = False
    label: str = ""


@dataclass
class _Group:
    minutes: int = 0
    notes: list[etree.Element] = field(default_factory=list)


def _plan(parts: list[tuple[etree.Element, list[etree.Element]]], state: ViewState) -> tuple[list[_Slide],
                                                                                              list[_Group], str]:
    slides: list[_Slide] = []
    groups: list[_Group] = []
    closing_group = _Group()
    closing: tuple[etree.Element, etree.Element | None] | None = None
    quiz_heading: etree.Element | None = None
    for (heading, body), section in zip(parts, state.sections, strict=False):
        is_quiz = any(QUIZ_CLASS in el.get("class", "").split() for child in body for el in child.iter())
        if is_quiz and quiz_heading is None:
            quiz_heading = heading
        if section.minutes is None:
            continue  # not timed, so not taught from the screen (sources, what next)
        blocks = [child for child in body if _is_block(child) and child.get("data-kind", "") in ("", CLOSING)]
        regular = [block for block in blocks if block.get("data-kind") != CLOSING]
        closers = [block for block in blocks if block.get("data-kind") == CLOSING]
        notes = [child for child in body if child.get("class") == NOTES_CLASS]
        if closers and closing is None:
            closing = (heading, closers[0])
        if regular or not (closers or is_quiz):
            groups.append(_Group(section.minutes, notes))
            chosen: list[etree.Element | None] = list(regular) or [None]
            slides += [_Slide(heading, block, len(groups) - 1) for block in chosen]
        else:  # taught with the closing slide
            closing_group.minutes += section.minutes
            closing_group.notes += notes
    if closing is None and quiz_heading is not None:
        closing = (quiz_heading, None)
    if closing is not None:
        groups.append(closing_group)
        slides.append(_Slide(closing[0], closing[1], len(groups) - 1, closing=True))
    return slides, groups, quiz_heading.get("id", "") if quiz_heading is not None else ""


def _label(slides: list[_Slide]) -> str:
    """Label each slide ("2", "3a", "3b" …; the title slide is "1") and return the last label."""
    last = "1"
    for group in sorted({slide.group for slide in slides}):
        members = [slide for slide in slides if slide.group == group]
        number = str(group + 2)
        for index, slide in enumerate(members):
            slide.label = number + (LETTERS[index % len(LETTERS)] if len(members) > 1 else "")
        last = number
    return last


def without_permalink(heading: etree.Element) -> etree.Element:
    """A copy of a heading without toc's permalink."""
    copy = deepcopy(heading)
    for link in [child for child in copy if "headerlink" in child.get("class", "").split()]:
        copy.remove(link)
    copy.tail = None
    return copy


def _heading_copy(heading: etree.Element, ident: str) -> etree.Element:
    copy = without_permalink(heading)
    copy.attrib.clear()
    copy.set("id", ident)
    return copy


def build_deck(root: etree.Element, state: ViewState) -> None:
    """Make the page its deck: the slides (and in the speaker's view each section's notes), nothing else."""
    children = list(root)
    for child in children:
        root.remove(child)
    parts: list[tuple[etree.Element, list[etree.Element]]] = []
    for child in children:
        if child.tag == "h2":
            parts.append((child, []))
        elif parts:
            parts[-1][1].append(child)
    slides, groups, quiz_anchor = _plan(parts, state)
    last = _label(slides)
    used: set[str] = set()
    seen: set[int] = set()
    for slide in slides:
        anchor = slide.heading.get("id", "")
        ident = anchor if anchor and anchor not in used else f"slide-{slide.label}-title"
        used.add(ident)
        kind = " p2ham-slide--closing" if slide.closing else (" p2ham-slide--divider" if slide.block is None else "")
        section = etree.SubElement(root, "section", {"class": "p2ham-slide" + kind, "id": f"slide-{slide.label}",
                                                     "data-p2ham-slide": slide.label,
                                                     "data-p2ham-group": str(slide.group), "aria-labelledby": ident})
        first = slide.group not in seen
        if first:
            section.set("data-minutes", str(groups[slide.group].minutes))
        body = etree.SubElement(section, "div", {"class": "p2ham-slide__body"})
        if slide.closing and slide.block is not None:  # the questions, wherever their section: what the room does
            ident = "slide-closing-title"
            section.set("aria-labelledby", ident)
            title = etree.SubElement(body, "h2", {"id": ident})
            title.text = state.strings["present_closing"]
        else:
            body.append(_heading_copy(slide.heading, ident))
        if slide.block is not None:
            body.extend(list(slide.block))
        if slide.closing and quiz_anchor:
            etree.SubElement(section, "div", {"class": "p2ham-slide__quiz", QUIZ_QR: quiz_anchor})
        number = etree.SubElement(section, "p", {"class": "p2ham-slide__number"})
        number.text = f"{slide.label} / {last}"
        if first and state.shows_notes:
            for notes in groups[slide.group].notes:
                notes.set("data-p2ham-notes-for", str(slide.group))
                root.append(notes)
        seen.add(slide.group)
    state.deck.last, state.deck.count, state.deck.quiz_anchor = last, len(slides) + 1, quiz_anchor
