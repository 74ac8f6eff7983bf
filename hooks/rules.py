"""Hook: the office's content rules (``extra.content_rules`` in mkdocs.yml), checked once per run when the default
language's pages are made and before any is written: the text of pages and of every language's modules, the
quizzes (the other languages' quizzes match the default's question by question), the agendas, the glossary and the
published addresses (every page has its counterpart in every language). Every problem at once, as
``file:line: field: problem``. Thin adapter over :mod:`p2ham.course.rules`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import jinja2
from engine import content_rules, context, fail, project_path
from mkdocs.plugins import event_priority

from p2ham.core.addresses import public_path
from p2ham.core.errors import ContentError, Problem
from p2ham.course.agendas import AGENDAS_FILE, load_agendas
from p2ham.course.glossary import GLOSSARY_FILE
from p2ham.course.modules import collect_modules
from p2ham.course.rules import (
    check_agendas,
    check_glossary,
    check_module_texts,
    check_page_text,
    check_published,
    check_quizzes,
)
from p2ham.units.pages import UNIT_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

WHAT = "The content does not follow the office's content rules (extra.content_rules in mkdocs.yml)"


@event_priority(-50)  # after every hook's on_env: the default language's pages are made, none is written yet
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    ctx = context(config)
    if ctx.lang != ctx.default:
        return env  # a run checks every language once, in its first build
    rules = content_rules(config)
    problems: list[Problem] = []
    for page in sorted(ctx.docs.rglob("*.md")):
        problems += check_page_text(page.relative_to(ctx.docs).as_posix(), page.read_text(encoding="utf-8"), rules)
    modules = {lang: ctx.modules if lang == ctx.lang else tuple(collect_modules(ctx.docs, lang, ctx.default))
               for lang in ctx.languages}
    problems += check_module_texts(ctx.docs, modules, rules)
    problems += check_quizzes(ctx.modules, ctx.run.questions.get(ctx.lang, {}), rules)
    agendas_file = project_path(config, AGENDAS_FILE)
    if agendas_file.is_file() and ctx.modules:
        try:
            agendas = load_agendas(agendas_file, {m.slug: m.duration for m in ctx.modules}, ctx.languages)
        except ContentError as error:
            problems += error.problems
        else:
            problems += check_agendas(agendas, ctx.modules, agendas_file, rules)
    problems += check_glossary(ctx.glossary, project_path(config, GLOSSARY_FILE), rules)
    if rules.published_addresses:
        problems += _published(config, files, rules.published_addresses)
    if problems:
        fail(WHAT, ContentError(problems))
    return env


def _published(config: MkDocsConfig, files: Files, name: str) -> list[Problem]:
    """Every language's addresses, from the default language's pages (each has its counterpart in every language,
    translated or marked untranslated) and redirects."""
    ctx = context(config)
    base = public_path("/" + (config.site_url or "/").split("://", 1)[-1].partition("/")[2])
    prefixes = [base] + [f"{base}{lang}/" for lang in ctx.others]
    pages, redirects, data_pages = set(), set(), set()
    for file in files:
        if not file.dest_uri.endswith(".html") or file.dest_uri.endswith("404.html"):
            continue
        address = public_path(file.url)
        if file.is_documentation_page():
            pages |= {prefix + address for prefix in prefixes}
            if file.generated_by and address.startswith(f"{UNIT_DIR}/") and address != f"{UNIT_DIR}/":
                data_pages |= {prefix + address for prefix in prefixes}
        elif file.generated_by and address.endswith("/"):
            redirects |= {prefix + address for prefix in prefixes}
    return check_published(project_path(config, name), pages, redirects, data_pages)
