"""Hook: self-check quizzes. Feeds the quiz Markdown extension (:mod:`p2ham.mdext.quiz`) the page's language and
source lines, fails the build on any quiz problem (``file:line: field: problem``), compares each page's quiz with
its default-language page, loads the quiz script and styles only on pages that need them, and fills the "my
progress" page (marker ``quiz-progress``). Thin adapter over :mod:`p2ham.quiz`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from engine import configure_extension, context, page_language
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from p2ham.core.addresses import default_source
from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.core.source import annotate_block_lines, first_body_line
from p2ham.mdext.quiz import QuizExtension
from p2ham.quiz.progress import progress_rows, quiz_script_strings
from p2ham.quiz.questions import compare_languages, duplicate_ids

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

EXTENSION = "p2ham.mdext.quiz"
META_FLAG = "p2ham_quiz"  # page metadata read by overrides/main.html: load quiz.js and quiz.css


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    configure_extension(config, EXTENSION, QuizExtension.OPTION, ctx.quiz, "hooks/quiz.py")
    ctx.run.questions[ctx.lang] = {}
    ctx.run.question_ids[ctx.lang] = {}
    ctx.markers.register("quiz-progress", Phase.LATE, lambda page: _progress(page, config))


@event_priority(100)  # before any hook changes the page's Markdown: the lines recorded are the source file's
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    ctx = context(config)
    ctx.quiz.start(page.file.src_uri, ctx.strings[page_language(page, config)])
    if page.meta.get("p2ham_view") or "///" not in markdown:
        return None  # a trainer's view of a module shows its blocks, checked on the module's own page
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    return annotate_block_lines(markdown, first_body_line(source, markdown))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.meta.get("p2ham_view"):
        return None
    ctx = context(config)
    found = ctx.quiz.page
    problems = list(found.problems) + duplicate_ids(found.questions, ctx.run.question_ids[ctx.lang])
    key = default_source(page.file.src_uri, ctx.languages)
    reference = ctx.run.questions.get(ctx.default, {}).get(key)
    if ctx.lang != ctx.default and reference is not None:
        problems += compare_languages(reference, found.questions, key, page.file.src_uri)
    ctx.page_problems += problems  # every page's, reported together before any page is written (hooks/context.py)
    ctx.run.questions[ctx.lang][key] = found.questions
    if found.questions:
        page.meta[META_FLAG] = True
    return None


def _progress(page: Page, config: MkDocsConfig) -> str:
    """The progress page's table: filled once every page's content is built, so that every quiz is known."""
    ctx = context(config)

    def url_of(slug: str) -> str:
        target = ctx.module_pages.get(slug)
        return get_relative_url(target.url, page.url) if target else ""

    page.meta[META_FLAG] = True
    rows = progress_rows(ctx.modules, ctx.run.questions[ctx.lang], url_of)
    return render("quiz-progress.html", rows=rows, t=ctx.t, strings=quiz_script_strings(ctx.t))
