"""Hook: self-check quizzes. Feeds the quiz Markdown extension the page's language and source lines, fails the
build on any quiz problem (``file:line: problem``), compares each page's quiz with its other language, loads the
quiz script and styles only on pages that need them, and fills the "my progress" page.

Thin adapter over :mod:`p2ham.quiz` and :mod:`p2ham.mdext.quiz`. It must be the first hook in ``mkdocs.yml``: it
records source lines before other hooks insert text into pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from hookutil import (
    build_language,
    default_language,
    fail,
    interface_strings,
    page_language,
    site_languages,
    site_modules,
)
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from p2ham.errors import ContentError
from p2ham.mdext.quiz import Collector
from p2ham.modules import MODULE_DIR
from p2ham.quiz import Question, annotate_block_lines, compare_languages, duplicate_ids
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

EXTENSION = "p2ham.mdext.quiz"
PROGRESS_MARKER = "<!-- p2ham:quiz-progress -->"
META_FLAG = "p2ham_quiz"

_collector = Collector()
_strings: dict[str, dict[str, str]] = {}
# Per language: the questions of each page (keyed by its default-language source) and every id seen.
_pages: dict[str, dict[str, list[Question]]] = {}
_ids: dict[str, dict[str, Question]] = {}


def on_config(config: MkDocsConfig) -> None:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: markdown_extensions: '{EXTENSION}' is needed by hooks/quiz.py")
    config.mdx_configs.setdefault(EXTENSION, {})["collector"] = _collector
    _strings.clear()
    _strings.update(interface_strings(config))
    # static-i18n runs one build per language: start this language afresh, keep the others for comparison.
    lang = build_language(config)
    _pages[lang] = {}
    _ids[lang] = {}


def script_strings(strings: dict[str, str]) -> dict[str, str]:
    """The strings quiz.js needs, given to it in the page's language as a data attribute."""
    return {key: value for key, value in strings.items() if key.startswith(("quiz_", "progress_"))}


def page_key(src_uri: str, languages: list[str]) -> str:
    """The default-language source path of a page: `modul/x.en.md` -> `modul/x.md`."""
    suffixes = "|".join(re.escape(lang) for lang in languages)
    return re.sub(rf"\.({suffixes})\.md$", ".md", src_uri)


def _first_body_line(page: Page, markdown: str) -> int:
    source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig").rstrip()
    body = markdown.rstrip()
    if not source.endswith(body):
        return 1
    return source[: len(source) - len(body)].count("\n") + 1


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    _collector.start(page.file.src_uri, _strings[page_language(page, config)])
    if page.meta.get("p2ham_view"):
        return None  # a trainer's view of a module (hooks/views.py): its quiz is checked on the module's page
    if "quiz" not in markdown and "question" not in markdown:
        return None
    return annotate_block_lines(markdown, _first_body_line(page, markdown))


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if page.meta.get("p2ham_view"):
        return None
    found = _collector.page
    lang = build_language(config)
    problems = list(found.problems) + duplicate_ids(found.questions, _ids[lang])
    key = page_key(page.file.src_uri, site_languages(config))
    default = default_language(config)
    if lang != default and key in _pages.get(default, {}):
        reference = _pages[default][key]
        problems += compare_languages(reference, found.questions, key, page.file.src_uri)
    if problems:
        fail(f"Quiz problems in {page.file.src_uri}", ContentError(problems))
    _pages[lang][key] = found.questions
    if found.questions:
        page.meta[META_FLAG] = True
    return None


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
                    ) -> TemplateContext | None:
    if page.content is None or PROGRESS_MARKER not in page.content:
        return None
    lang = build_language(config)
    modules = site_modules(config)
    rows = []
    for module in modules:
        questions = _pages[lang].get(f"{MODULE_DIR}/{module.slug}.md", [])
        target = next((p for p in nav.pages if p.file.src_uri.startswith(f"{MODULE_DIR}/{module.slug}.")), None)
        url = get_relative_url(target.url, page.url) if target is not None else ""
        rows.append({"module": module, "url": url, "questions": questions})
    table = render("quiz-progress.html", rows=rows, t=_strings[lang],
                   strings=script_strings(_strings[lang]))
    page.content = page.content.replace(PROGRESS_MARKER, table, 1)
    page.meta[META_FLAG] = True
    return context
