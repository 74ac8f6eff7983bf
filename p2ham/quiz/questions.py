"""Self-check quizzes: the question model, its checks, and the comparison between a page's two languages.

The Markdown side (:mod:`p2ham.mdext.quiz`) builds :class:`Question` objects from the parsed blocks and reports every
problem here, with the line of the block in the source file. Nothing in this module imports MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from p2ham.core.errors import Problem

QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64
TYPES = ("single", "multiple", "truefalse")
QUESTION_OPTIONS = ("id", "type", "hint")


@dataclass(frozen=True)
class Option:
    """One answer a question offers, and whether it is right."""

    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    """A checked question, with the file and line of its block: the same id in every language of a page."""

    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    source: str
    line: int
    scenario: bool = False  # the question sets a scene: a paragraph before its options

    @property
    def key(self) -> str:
        """Which options are correct, as a string of 0 and 1: the same in every language of a page."""
        return "".join("1" if option.correct else "0" for option in self.options)


def check_question(qid: object, qtype: object, prompt: str, options: list[tuple[str, bool, bool]],
                   hint: object) -> list[tuple[str, str]]:
    """Problems with one question, as (field, message). ``options`` holds (text, correct, has_explanation)."""
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
    for number, (text, _, has_explanation) in enumerate(options, start=1):
        if not text.strip():
            problems.append((f"option {number}", "empty option text"))
        if not has_explanation:
            problems.append((f"option {number}", "no explanation: add a paragraph under the option, after a "
                                                 "blank line, indented by 4 spaces"))
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
        elif other.key != question.key:
            problems.append(Problem(*where, f"correct options {question.key} differ from {other.key} in "
                                            f"{other.source}:{other.line} (1 marks a correct option)"))
    translated = {q.id for q in translation}
    for question in reference:
        if question.id not in translated:
            problems.append(Problem(question.source, question.line, f"question '{question.id}'",
                                    f"missing from {source}"))
    return problems
