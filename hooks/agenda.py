"""Hook: session agendas for trainers. Fills ``<!-- p2ham:agendas -->`` with a timetable per standard format of
``content/agendas.yml``, whose module times come from the modules' front matter. Thin adapter over
:mod:`p2ham.agenda`; HTML comes from ``overrides/p2ham/agenda.html``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hookutil import build_language, fail, interface_strings, page_language, project_path, site_languages, site_modules
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from p2ham.agenda import AGENDAS_FILE, Agenda, clock_text, load_agendas, schedule
from p2ham.errors import ContentError
from p2ham.modules import MODULE_DIR, Module, find_markers, format_duration, replace_marker
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "agendas"
# Rebuilt at every build's start (static-i18n builds once per language); agendas keyed by the build's language.
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    _state["strings"] = interface_strings(config)
    _state["agendas"] = {}


def _loaded(config: MkDocsConfig) -> tuple[list[Agenda], dict[str, Module]]:
    """The checked agendas and the modules of the language being built, read once per build."""
    lang = build_language(config)
    if lang not in _state["agendas"]:
        modules = {module.slug: module for module in site_modules(config)}
        try:
            agendas = load_agendas(project_path(config, AGENDAS_FILE),
                                   {slug: module.duration for slug, module in modules.items()},
                                   site_languages(config))
        except ContentError as error:
            fail("The session agendas have problems", error)
        _state["agendas"][lang] = (agendas, modules)
    loaded: tuple[list[Agenda], dict[str, Module]] = _state["agendas"][lang]
    return loaded


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not any(name == MARKER for name, _ in find_markers(markdown)):
        return None
    agendas, modules = _loaded(config)
    lang = page_language(page, config)
    t = _state["strings"][lang]

    def duration(minutes: int) -> str:
        return format_duration(minutes, t["hours"], t["minutes"])

    views = []
    for agenda in agendas:
        rows = []
        for row in schedule(agenda, lang):
            view = {"start": row.start_text, "end": row.end_text, "minutes": row.minutes, "kind": row.kind,
                    "label": row.label, "url": "", "number": 0}
            if row.module:
                module = modules[row.module]
                target = files.get_file_from_path(f"{MODULE_DIR}/{module.slug}.md")
                if target is None:
                    raise PluginError(f"{page.file.src_uri}: agendas: {module.source} is not part of the site")
                view.update(label=module.title, url=get_relative_url(target.url, page.url), number=module.number)
            rows.append(view)
        views.append({"id": agenda.id, "title": agenda.title[lang], "description": agenda.description[lang],
                      "start": clock_text(agenda.start), "end": clock_text(agenda.end), "minutes": agenda.minutes,
                      "total": duration(agenda.minutes), "module_total": duration(agenda.module_minutes),
                      "rows": rows})
    return replace_marker(markdown, MARKER, render("agenda.html", agendas=views, t=t))
