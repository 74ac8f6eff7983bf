"""Hook: session agendas for trainers. Fills the marker ``agendas`` with a timetable per format of
``content/agendas.yml``, whose module times come from the modules' front matter. Thin adapter over
:mod:`p2ham.course.agendas`; HTML comes from ``overrides/p2ham/agenda.html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import context, fail, page_language, project_path
from mkdocs.utils import get_relative_url

from p2ham.core.errors import ContentError
from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.course.agendas import AGENDAS_FILE, agenda_tables, load_agendas

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    context(config).markers.register("agendas", Phase.MARKDOWN, lambda page: _agendas(page, config))


def _agendas(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    modules = {module.slug: module for module in ctx.modules}
    try:
        agendas = load_agendas(project_path(config, AGENDAS_FILE),
                               {slug: module.duration for slug, module in modules.items()}, ctx.languages)
    except ContentError as error:
        fail("The session agendas have problems", error)
    lang = page_language(page, config)
    tables = agenda_tables(agendas, modules, lang, ctx.strings[lang],
                           lambda slug: get_relative_url(ctx.module_pages[slug].url, page.url))
    return render("agenda.html", agendas=tables, t=ctx.strings[lang])
