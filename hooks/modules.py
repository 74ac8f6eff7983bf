"""Hook: training modules. Finds each module's page in the language being built, puts the objectives-and-duration
box on the module's page and on its trainer's views, and fills the start page's learning path and the stages flow
(markers ``learning-path`` and ``stages-flow``). The modules themselves are read and checked once per build by the
build context. Thin adapter over :mod:`p2ham.course.modules`; HTML comes from ``overrides/p2ham/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import context, page_language
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from p2ham.core.dates import long_date
from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.course.modules import MODULE_DIR, ModulePage, insert_before_first_section, module_count, module_of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

STAGE_KEYS = ("stage_1", "stage_2", "stage_3", "stage_4")


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    ctx.markers.register("learning-path", Phase.MARKDOWN, lambda page: _learning_path(page, config))
    ctx.markers.register("stages-flow", Phase.MARKDOWN, lambda page: _stages_flow(page, config))


@event_priority(-110)  # after static-i18n (-100) has made this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = context(config)
    for module in ctx.modules:
        file = files.get_file_from_path(f"{MODULE_DIR}/{module.slug}.md")
        if file is None:
            raise PluginError(f"{module.source}: the module's page is not part of the site")
        ctx.module_pages[module.slug] = ModulePage(url=file.url, dest=file.dest_uri)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """The module's box goes on its page and on its trainer's views (``p2ham_module`` in their front matter); on the
    module's own page it links to the module's one-page summary (made by hooks/trainer.py)."""
    ctx = context(config)
    view = page.meta.get("p2ham_view")
    slug = str(page.meta.get("p2ham_module") or "") if view else module_of(page.file.src_uri)
    module = ctx.module(slug) if slug else None
    if module is None:
        return None
    lang = page_language(page, config)
    summary = "" if view else ctx.module_views.get(module.slug, {}).get("summary", "")
    box = render("module-info.html", module=module, duration=ctx.duration(module.duration, lang),
                 checked=long_date(module.checked, lang), t=ctx.strings[lang],
                 summary=get_relative_url(summary, page.file.url) if summary else "")
    return insert_before_first_section(markdown, box)


def _learning_path(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    if not ctx.modules:
        raise PluginError(f"{page.file.src_uri}: learning path: no module found in {MODULE_DIR}/")
    items = [{"module": module, "url": get_relative_url(ctx.module_pages[module.slug].url, page.url),
              "duration": ctx.duration(module.duration)} for module in ctx.modules]
    total = ctx.duration(sum(module.duration for module in ctx.modules))
    return render("learning-path.html", items=items, total=total, count=module_count(len(ctx.modules), ctx.t), t=ctx.t)


def _stages_flow(page: Page, config: MkDocsConfig) -> str:
    t = context(config).strings[page_language(page, config)]
    return render("stages-flow.html", stages=[t[key] for key in STAGE_KEYS], caption=t["stages_caption"])


