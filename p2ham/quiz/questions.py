"""Self-check quizzes: the question model, its checks, and the comparison between a page's two languages.

The Markdown side (:mod:`p2ham.mdext.quiz`) builds :class:`Question` objects from the parsed blocks and reports every
problem here, with the line of the block in the source file. Nothing in this module imports MkDocs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from p2ham.core.errors import Problem

QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
TYPES = ("single", "multiple", "truefalse", "order")
QUESTION_OPTIONS = ("id", "type", "hint")
ORDER_ITEMS = (3, 8)  # an order question puts at least 3 and at most 8 items in order


@dataclass(frozen=True)
class Option:
    """One answer a question offers, and whether it is right."""

    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    """A checked question, with the file and line of its block: the same id in every language of a page.

    For an ``order`` question, ``options`` are the items in the right order, as written, and the page shows them in
    the order :func:`shuffled` gives.
    """

    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    source: str
    line: int
    scenario: bool = False  # the question sets a scene: a paragraph before its options

    @property
    def shown(self) -> tuple[int, ...]:
        """The options in the order the page shows them, as indexes into ``options`` (from 0)."""
        return shuffled(self.id, len(self.options)) if self.type == "order" else tuple(range(len(self.options)))

    @property
    def key(self) -> str:
        """The answer key, the same in every language of a page. Which options are correct, as a string of 0 and 1;
        for an order question, the right place (from 1) of each item as the page shows it, e.g. ``3142``."""
        if self.type == "order":
            return "".join(str(index + 1) for index in self.shown)
        return "".join("1" if option.correct else "0" for option in self.options)


def shuffled(seed: str, count: int) -> tuple[int, ...]:
    """A fixed shuffle of ``range(count)`` made from ``seed`` (a question's id): the same on every build and in every
    language, and never the right order when there are three items or more."""
    attempt = 0
    while True:
        order = tuple(sorted(range(count), key=lambda index: hashlib.sha256(
            f"{seed}:{attempt}:{index}".encode()).hexdigest()))
        if count < 3 or order != tuple(range(count)):
            return order
        attempt += 1


def check_question(qid: object, qtype: object, prompt: str, options: list[tuple[str, bool | None, bool]],
                   hint: object) -> list[tuple[str, str]]:
    """Problems with one question, as (field, message). ``options`` holds (text, correct, has_explanation), with
    ``correct`` None for an option written without a ``[x]``/``[ ]`` marker (as the items of an order question)."""
    problems: list[tuple[str, str]] = []
    if not isinstance(qid, str) or not qid:
        problems.append(("id", "missing: every question needs a stable id"))
    elif len(qid) > MAX_ID_LENGTH or not QUESTION_ID.match(qid):
        problems.append(("id", f"'{qid}' must be lowercase letters, digits and hyphens, at most {MAX_ID_LENGTH}"))
    if qtype is None:
        problems.append(("type", f"missing: one of {', '.join(TYPES)}"))
    elif qtype not in TYPES:
        problems.append(("type", f"unknown type '{qtype}': use one of {', '.join(TYPES)}"))
    if not prompt.strip():
        problems.append(("prompt", "empty: write the question after '| ' on the block's first line"))
    if hint is not None and (not isinstance(hint, str) or not hint.strip()):
        problems.append(("hint", "must be one line of text"))
    if qtype == "order":
        return problems + _check_items(options)
    correct = sum(1 for _, is_correct, _ in options if is_correct)
    if len(options) < 2:
        problems.append(("options", "a question needs at least two options written as '- [x] ...' / '- [ ] ...'"))
    elif correct == 0:
        problems.append(("options", "no correct option: mark one with '- [x]'"))
    elif qtype in ("single", "truefalse") and correct > 1:
        problems.append(("options", f"a {qtype} question has exactly one correct option, found {correct}"))
    if qtype == "truefalse" and len(options) != 2:
        problems.append(("options", f"a truefalse question has exactly two options, found {len(options)}"))
    if qtype == "multiple" and len(options) < 3:
        problems.append(("options", "a multiple question needs at least three options"))
    problems += _entry_problems(options, "option", wants_marker=True)
    return problems


def _check_items(items: list[tuple[str, bool | None, bool]]) -> list[tuple[str, str]]:
    """The items of an order question: written in the right order, without markers, each with its explanation."""
    problems: list[tuple[str, str]] = []
    least, most = ORDER_ITEMS
    if not least <= len(items) <= most:
        problems.append(("items", f"an order question has from {least} to {most} items written as '- ...' in the "
                                  f"right order, found {len(items)}"))
    return problems + _entry_problems(items, "item", wants_marker=False)


def _entry_problems(entries: list[tuple[str, bool | None, bool]], kind: str,
                    wants_marker: bool) -> list[tuple[str, str]]:
    """Each option (or order item) has a marker only where one is wanted, a text, and an explanation."""
    problems: list[tuple[str, str]] = []
    for number, (text, marker, has_explanation) in enumerate(entries, start=1):
        field = f"{kind} {number}"
        if wants_marker and marker is None:
            problems.append((field, "no '[x]' or '[ ]' marker: write '- [x] ...' for a right option and '- [ ] ...' "
                                    "for a wrong one (items to put in order need 'type: order')"))
        elif not wants_marker and marker is not None:
            problems.append((field, "no '[x]' or '[ ]' marker in an order question: write the items as '- ...' in "
                                    "the right order"))
        elif not text.strip():
            problems.append((field, f"empty {kind} text"))
        if not has_explanation:
            problems.append((field, f"no explanation: add a paragraph under the {kind}, after a blank line, "
                                    "indented by 4 spaces"))
    return problems


@dataclass
class PageQuiz:
    """The questions found on one page while it is rendered, and the problems."""

    source: str
    questions: list[Question] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def duplicate_ids(questions: Iterable[Question], seen: dict[str, Question]) -> list[Problem]:
    """Questions whose id was already used elsewhere in the same language; ``seen`` is updated."""
    problems = []
    for question in questions:
        first = seen.get(question.id)
        if first is not None and (first.source, first.line) != (question.source, question.line):
            problems.append(Problem(question.source, question.line, f"question '{question.id}'",
                                    f"duplicate id, first used at {first.source}:{first.line}"))
        else:
            seen[question.id] = question
    return problems


def compare_languages(reference: list[Question], translation: list[Question], ref_source: str,
                      source: str) -> list[Problem]:
    """The same page in two languages must ask the same questions with the same answers."""
    problems = []
    by_id = {q.id: q for q in reference}
    for question in translation:
        other = by_id.get(question.id)
        where = (question.source, question.line, f"question '{question.id}'")
        if other is None:
            problems.append(Problem(*where, f"not in {ref_source}"))
        elif other.type != question.type:
            problems.append(Problem(*where, f"type '{question.type}' differs from '{other.type}' in "
                                            f"{other.source}:{other.line}"))
        elif question.type == "order" and len(other.options) != len(question.options):
            problems.append(Problem(*where, f"{len(question.options)} items differ from {len(other.options)} in "
                                            f"{other.source}:{other.line} (the same items, in the same right order)"))
        elif other.key != question.key:
            problems.append(Problem(*where, f"correct options {question.key} differ from {other.key} in "
                                            f"{other.source}:{other.line} (1 marks a correct option)"))
    translated = {q.id for q in translation}
    for question in reference:
        if question.id not in translated:
            problems.append(Problem(question.source, question.line, f"question '{question.id}'",
                                    f"missing from {source}"))
    return problems
