"""Class sessions: which existing quiz questions make the pre-test and the post-test of each session format
(``content/sessions.yml``, beside the agendas), checked against the agendas, the modules' quizzes and their
sections, and what the session pages show of them.

File layout::

    sessions:
      - format: setengah-hari        # a format of content/agendas.yml
        pre:                         # the pre-test, in order
          - question: m1-lima-kewajiban     # a quiz question's id
            section: Lima kewajiban P5HAM   # the `##` section of its module that teaches it (default language)
        post:                        # optional: a parallel set of the same length; without it, the same set
          - ...

Every problem is reported at once as ``file:line: field: problem``. The answers of one test must fit in a hand-in
code of at most 20 characters (:mod:`p2ham.quiz.handin`); the build says how far a test is over.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from p2ham.core.errors import ContentError, Problem
from p2ham.core.yamlfile import FieldPath, YamlRecord, load
from p2ham.course.modules import module_of
from p2ham.quiz import handin
from p2ham.quiz.questions import Question

SESSIONS_FILE = "content/sessions.yml"
# The pages, by kind: the trainer's session page, the participants' page, the trainer's collection page.
SESSION_PAGES = {"start": "sesi", "join": "ikut", "collect": "sesi/kumpul"}
TOP_KEYS = ("sessions",)
SESSION_KEYS = ("format", "pre", "post")
ENTRY_KEYS = ("question", "section")
QUESTION_BLOCK = re.compile(r'<div class="p2ham-question"[^>]*\bdata-question="(?P<id>[a-z0-9-]+)"')
DIV = re.compile(r"<(/?)div\b")
NUMBER = re.compile(r'(<span class="p2ham-question__number">)[^<]*(</span>)')


@dataclass(frozen=True)
class TestQuestion:
    """A question of a test, with the module and the section (its place among the module's `##` sections) that
    teach it."""

    id: str
    module: str
    section: int


@dataclass(frozen=True)
class SessionFormat:
    """The tests of one session format; its place in the file is the first character of its session codes."""

    index: int
    format: str
    pre: tuple[TestQuestion, ...]
    post: tuple[TestQuestion, ...]
    line: int = 0

    @property
    def same(self) -> bool:
        return self.pre == self.post


@dataclass
class SessionState:
    """What one language's build gathers for the session pages: the pages' addresses, each question's block as
    its module page shows it, and the checked formats."""

    pages: dict[str, str] = field(default_factory=dict)  # kind (start, join, collect) -> URL
    blocks: dict[str, tuple[str, str]] = field(default_factory=dict)  # question id -> (its module page's URL, the
    # HTML of its block there)
    formats: list[SessionFormat] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # format id -> its title in this language


def answer_radix(question: Question) -> int:
    return handin.radix(question.type, len(question.options))


def correct_value(question: Question) -> int:
    """The value a right answer has in a hand-in code (see :mod:`p2ham.quiz.handin`)."""
    if question.type == "order":
        return 1 + handin.order_rank([int(place) for place in question.key])
    if question.type == "multiple":
        return sum(2**index for index, option in enumerate(question.options) if option.correct)
    return 1 + next(index for index, option in enumerate(question.options) if option.correct)


def load_sessions(path: Path, formats: Mapping[str, Sequence[str]], questions: Mapping[str, Question],
                  sections: Mapping[str, Sequence[str]]) -> list[SessionFormat]:
    """Read and check the sessions file; raise ContentError with every problem found. ``formats``: each agenda
    format's modules; ``questions``: every quiz question by id; ``sections``: each module's `##` section titles in
    the default language."""
    record, problems = load(path)
    if record is None:
        raise ContentError(problems)
    found, problems = check_sessions(record, formats, questions, sections)
    if problems:
        raise ContentError(problems)
    return found


def _entry(record: YamlRecord, raw: object, path: FieldPath, modules: Sequence[str],
           questions: Mapping[str, Question], sections: Mapping[str, Sequence[str]],
           problems: list[Problem]) -> TestQuestion | None:
    if not isinstance(raw, dict):
        problems.append(record.problem(path, "must be `question: <id>` with `section: <title>`"))
        return None
    problems += record.unknown_keys(raw, path, ENTRY_KEYS)
    qid, title = raw.get("question"), raw.get("section")
    question = questions.get(qid) if isinstance(qid, str) else None
    if "question" not in raw:
        problems.append(record.problem(path, "needs `question: <id>`, the id of a quiz question"))
    elif question is None:
        problems.append(record.problem((*path, "question"), f"unknown question {qid!r}: no quiz question has this id"))
    if "section" not in raw:
        problems.append(record.problem(path, "needs `section: <title>`: the `##` section of the question's module "
                                             "that teaches it (its title in the default language)"))
    if question is None or "section" not in raw:
        return None
    slug = module_of(question.source) or ""
    if slug not in modules:
        problems.append(record.problem((*path, "question"), f"{qid!r} is a question of module {slug or '?'}, which "
                                                            "this format does not teach"))
        return None
    titles = list(sections.get(slug, ()))
    if not isinstance(title, str) or title.strip() not in titles:
        problems.append(record.problem((*path, "section"), f"{title!r} is not a `##` section of module {slug}: "
                                                           f"its sections are {', '.join(titles) or 'none'}"))
        return None
    return TestQuestion(id=str(qid), module=slug, section=titles.index(title.strip()))


def _test(record: YamlRecord, raw: object, path: FieldPath, modules: Sequence[str], questions: Mapping[str, Question],
          sections: Mapping[str, Sequence[str]], problems: list[Problem]) -> list[TestQuestion] | None:
    if not isinstance(raw, list) or not raw:
        problems.append(record.problem(path, "must be a non-empty list of questions"))
        return None
    before = len(problems)
    entries: list[TestQuestion] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        entry = _entry(record, item, (*path, index), modules, questions, sections, problems)
        if entry is None:
            continue
        where = (*path, index, "question")
        if entry.id in seen:
            problems.append(record.problem(where, f"duplicate question {entry.id!r}, also at line {seen[entry.id]}"))
        seen.setdefault(entry.id, record.line(where))
        entries.append(entry)
    if len(problems) > before:
        return None
    radices = [answer_radix(questions[entry.id]) for entry in entries]
    if not handin.fits(radices):
        need, room = handin.bits(handin.answers_space(radices)), handin.bits(handin.ANSWER_SPACE)
        problems.append(record.problem(path, f"the answers take {need:.1f} bits, but a hand-in code of "
                                             f"{handin.MAX_LENGTH} characters holds {room:.1f}: leave out a question "
                                             "or choose questions with fewer options (see the file's comments)"))
        return None
    return entries


def _session(record: YamlRecord, raw: object, index: int, formats: Mapping[str, Sequence[str]],
             questions: Mapping[str, Question], sections: Mapping[str, Sequence[str]],
             problems: list[Problem]) -> SessionFormat | None:
    path: FieldPath = ("sessions", index)
    if not isinstance(raw, dict):
        problems.append(record.problem(path, "must be a session format with " + ", ".join(SESSION_KEYS)))
        return None
    problems += record.unknown_keys(raw, path, SESSION_KEYS)
    format_id = raw.get("format")
    if "format" not in raw:
        problems.append(record.problem((*path, "format"), "required: the id of a format of content/agendas.yml"))
        return None
    if not isinstance(format_id, str) or format_id not in formats:
        known = ", ".join(formats) or "none"
        problems.append(record.problem((*path, "format"), f"unknown format {format_id!r}: the formats are {known}"))
        return None
    modules = formats[format_id]
    if "pre" not in raw:
        problems.append(record.problem((*path, "pre"), "required: the questions of the pre-test"))
        return None
    pre = _test(record, raw["pre"], (*path, "pre"), modules, questions, sections, problems)
    post = pre
    if "post" in raw:
        post = _test(record, raw["post"], (*path, "post"), modules, questions, sections, problems)
        if pre is not None and post is not None:
            shared = sorted({entry.id for entry in pre} & {entry.id for entry in post})
            if len(post) != len(pre):
                problems.append(record.problem((*path, "post"), f"{len(post)} questions, but the pre-test has "
                                                                f"{len(pre)}: parallel sets have the same length"))
                return None
            if shared:
                problems.append(record.problem((*path, "post"), f"{', '.join(shared)} also in the pre-test: parallel "
                                                                "sets share no question (leave post out to use "
                                                                "the same set)"))
                return None
    if pre is None or post is None:
        return None
    return SessionFormat(index=index, format=format_id, pre=tuple(pre), post=tuple(post), line=record.line(path))


def check_sessions(record: YamlRecord, formats: Mapping[str, Sequence[str]], questions: Mapping[str, Question],
                   sections: Mapping[str, Sequence[str]]) -> tuple[list[SessionFormat], list[Problem]]:
    """Every session format of the file, checked; and every problem found."""
    problems: list[Problem] = []
    data = record.data
    if not isinstance(data, dict):
        return [], [record.problem((), "expected `sessions:` with a list of session formats")]
    problems += record.unknown_keys(data, (), TOP_KEYS)
    raw_sessions = data.get("sessions")
    if not isinstance(raw_sessions, list) or not raw_sessions:
        return [], [*problems, record.problem(("sessions",), "must be a non-empty list of session formats")]
    if len(raw_sessions) > handin.FORMAT_SLOTS:
        problems.append(record.problem(("sessions",), f"{len(raw_sessions)} formats: a session code has room for "
                                                      f"{handin.FORMAT_SLOTS}"))
    found: list[SessionFormat] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_sessions):
        format_id = raw.get("format") if isinstance(raw, dict) else None
        if isinstance(format_id, str):
            where = ("sessions", index, "format")
            if format_id in seen:
                problems.append(record.problem(where, f"duplicate format {format_id!r}, also at line "
                                                      f"{seen[format_id]}"))
            seen.setdefault(format_id, record.line(where))
        session = _session(record, raw, index, formats, questions, sections, problems)
        if session is not None:
            found.append(session)
    return found, problems


def question_blocks(html: str) -> dict[str, str]:
    """Each question's block (``<div class="p2ham-question" data-question=...>`` to its end) in a module page's
    HTML, made by the quiz extension, by id."""
    blocks = {}
    for match in QUESTION_BLOCK.finditer(html):
        depth = 0
        for tag in DIV.finditer(html, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = html.index(">", tag.end()) + 1
                blocks[match.group("id")] = html[match.start():end]
                break
    return blocks


LINK = re.compile(r'\b(?P<attr>href|src)="(?P<url>[^"]*)"')


def relative_url(target: str, source: str) -> str:
    """``target`` (a page's URL in the site: ``modul/x/``, ``modul/x.html#a``) as a link from the page at
    ``source``."""
    path, _, anchor = target.partition("#")
    here = posixpath.dirname(source.rstrip("/")) if not source.endswith("/") else source.rstrip("/")
    link = posixpath.relpath(path or ".", here or ".")
    if path.endswith("/") and not link.endswith("/"):
        link += "/"
    return link + (f"#{anchor}" if anchor else "")


def rebased(block: str, page_url: str, new_url: str) -> str:
    """A block of HTML from the page at ``page_url`` with its relative links made to work from ``new_url``
    (a link to an anchor leads to that anchor on the page the block comes from)."""

    def rebase(match: re.Match[str]) -> str:
        url = match.group("url")
        if not url or re.match(r"^[a-z][a-z0-9+.-]*:|^/", url):
            return match.group(0)
        absolute = urljoin("/" + page_url, url)[1:] if not url.startswith("#") else page_url + url
        return f'{match.group("attr")}="{relative_url(absolute, new_url)}"'

    return LINK.sub(rebase, block)


def numbered(block: str, label: str) -> str:
    """A question's block with the number it has in a test instead of its number in its module's quiz."""
    return NUMBER.sub(lambda m: m.group(1) + label + m.group(2), block, count=1)


def session_data(formats: Sequence[SessionFormat], titles: Mapping[str, str], questions: Mapping[str, Question],
                 modules: Mapping[str, tuple[str, int]], section_link: Callable[[str, int], tuple[str, str]],
                 code_of: Callable[[int], str]) -> dict[str, Any]:
    """What the session pages' script needs, in one language: each format's tests (ids, the values of the answers,
    the right ones) and each question's prompt, module and teaching section. ``titles``: format id -> title;
    ``modules``: slug -> (title, number); ``section_link(slug, index)``: (title, URL) of a module's section;
    ``code_of(index)``: the character of a format's place."""
    used: dict[str, TestQuestion] = {}
    result_formats = []
    for session in formats:
        for entry in (*session.pre, *session.post):
            used.setdefault(entry.id, entry)
        result_formats.append({
            "index": session.index, "char": code_of(session.index), "id": session.format,
            "title": titles[session.format], "same": session.same,
            "pre": [entry.id for entry in session.pre], "post": [entry.id for entry in session.post],
            "radices": [[answer_radix(questions[entry.id]) for entry in test]
                        for test in (session.pre, session.post)],
        })
    result_questions = {}
    for qid, entry in used.items():
        question = questions[qid]
        module_title, number = modules[entry.module]
        section_title, url = section_link(entry.module, entry.section)
        result_questions[qid] = {"prompt": question.prompt, "type": question.type,
                                 "options": len(question.options), "radix": answer_radix(question),
                                 "right": correct_value(question), "module": module_title, "number": number,
                                 "section": section_title, "url": url}
    return {"formats": result_formats, "questions": result_questions}
