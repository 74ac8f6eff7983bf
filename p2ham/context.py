"""What one language's build knows, made once at its start: the languages, the interface strings, the modules
collected and checked once, the glossary, the page markers and who fills them, and what the concerns record as
pages are built (the trainer's views, the unit pages, the quizzes found).

static-i18n builds each language by running the whole build again, so a :class:`BuildContext` is made for every
language; what must outlive one language's build (the default language's quizzes and timings, to compare the
translations with) lives in :class:`RunState`, made at the start of each run. Nothing here imports the engine:
``hooks/engine.py`` makes the context from MkDocs' configuration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from p2ham.core.cache import Cache, cache_folder
from p2ham.core.dates import format_duration
from p2ham.core.errors import ContentError, Problem
from p2ham.core.markers import Markers
from p2ham.core.strings import STRINGS_FILE, Strings, load_strings
from p2ham.course.glossary import GLOSSARY_FILE, Entry, load_glossary
from p2ham.course.modules import Module, ModulePage, collect_modules
from p2ham.mdext.quiz import Collector
from p2ham.mdext.trainer import ViewState
from p2ham.quiz.questions import Question
from p2ham.quiz.sessions import SessionState
from p2ham.trainer.slides import SlideFound
from p2ham.trainer.timing import Section
from p2ham.units.pages import UnitPages


@dataclass
class RunState:
    """Kept across the languages of one run of the build (reset when the default language's build starts)."""

    questions: dict[str, dict[str, list[Question]]] = field(default_factory=dict)  # lang -> page -> questions
    question_ids: dict[str, dict[str, Question]] = field(default_factory=dict)  # lang -> id -> first use
    sections: dict[str, dict[str, list[Section]]] = field(default_factory=dict)  # lang -> module -> sections
    slides: dict[str, dict[str, list[SlideFound]]] = field(default_factory=dict)  # lang -> module -> slide blocks
    error_page: bytes | None = None  # the default language's 404.html, which later languages' builds overwrite
    script_hashes: set[str] = field(default_factory=set)  # of every inline script of every page written
    camera_pages: set[str] = field(default_factory=set)  # URLs of the pages the headers let use the camera


@dataclass
class BuildContext:
    """One language's build."""

    project: Path  # the folder of the site's configuration
    docs: Path
    lang: str  # the language being built
    default: str
    languages: tuple[str, ...]  # default first, in build order
    site_url: str
    offline: bool  # the offline build for trainers (pages are files opened from a folder)
    strings: Strings
    modules: tuple[Module, ...]  # in the language being built, in order
    glossary: tuple[Entry, ...]
    run: RunState
    cache: Cache  # results that depend only on their inputs (preview cards, QR codes), kept between builds
    markers: Markers = field(default_factory=Markers)
    quiz: Collector = field(default_factory=Collector)  # what the quiz blocks of the page being rendered found
    view: ViewState = field(default_factory=ViewState)  # the trainer's view of the page being rendered
    module_pages: dict[str, ModulePage] = field(default_factory=dict)  # module slug -> its page in this build
    module_views: dict[str, dict[str, str]] = field(default_factory=dict)  # module slug -> view -> URL
    print_all_url: str = ""
    handouts: dict[str, Any] = field(default_factory=dict)  # module slug -> its participant's handout (engine file)
    units: UnitPages | None = None
    sessions: SessionState = field(default_factory=SessionState)  # the class-session pages (pre/post-test)
    # Problems found while the pages were rendered (quizzes, trainer notes, timing, slides), every page's: the
    # build stops on them all at once once the pages are made, before any is written (hooks/context.py).
    page_problems: list[Problem] = field(default_factory=list)

    @property
    def t(self) -> dict[str, str]:
        """The interface strings of the language being built."""
        return self.strings[self.lang]

    @property
    def last(self) -> bool:
        """Whether this is the last language the run builds."""
        return self.lang == self.languages[-1]

    @property
    def others(self) -> list[str]:
        """The languages other than the one being built."""
        return [lang for lang in self.languages if lang != self.lang]

    def module(self, slug: str) -> Module | None:
        return next((module for module in self.modules if module.slug == slug), None)

    def duration(self, minutes: int, lang: str | None = None) -> str:
        strings = self.strings[lang or self.lang]
        return format_duration(minutes, strings["hours"], strings["minutes"])


def make_context(project: Path, docs: Path, lang: str, languages: Sequence[str], site_url: str, offline: bool,
                 run: RunState) -> BuildContext:
    """Read and check what every page of the build needs; raise ContentError with every problem found."""
    problems: list[Problem] = []
    strings: Strings = {}
    modules: list[Module] = []
    glossary: list[Entry] = []
    try:
        strings = load_strings(project / STRINGS_FILE, languages)
    except ContentError as error:
        problems += error.problems
    try:
        modules = collect_modules(docs, lang, languages[0])
    except ContentError as error:
        problems += error.problems
    try:
        glossary = load_glossary(project / GLOSSARY_FILE, languages)
    except ContentError as error:
        problems += error.problems
    if problems:
        raise ContentError(problems)
    return BuildContext(project=project, docs=docs, lang=lang, default=languages[0], languages=tuple(languages),
                        site_url=site_url, offline=offline, strings=strings, modules=tuple(modules),
                        glossary=tuple(glossary), run=run, cache=Cache(cache_folder(project)))
