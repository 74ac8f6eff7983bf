"""Hook: training modules. Checks each module's front matter, adds its objectives-and-duration box, and fills
the start page's learning path. Thin adapter over :mod:`p2ham.modules`; HTML comes from ``overrides/p2ham/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hookutil import build_language, fail, interface_strings, page_language, site_modules
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from p2ham.dates import long_date
from p2ham.errors import ContentError, Problem
from p2ham.frontmatter import key_lines, split_front_matter
from p2ham.modules import (
    MODULE_DIR,
    Module,
    check_module_meta,
    find_markers,
    format_duration,
    insert_before_first_section,
    module_from_meta,
    replace_marker,
)
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

KNOWN_MARKERS = {"learning-path", "glossary", "stages-flow", "quiz-progress", "unit-overview", "unit", "agendas",
                 "contact", "module-qr", "trainer-kit", "offline-archive"}
STAGE_KEYS = ("stage_1", "stage_2", "stage_3", "stage_4")
_strings: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> None:
    _strings.clear()
    _strings.update(interface_strings(config))


def _duration(minutes: int, lang: str) -> str:
    return format_duration(minutes, _strings[lang]["hours"], _strings[lang]["minutes"])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    source = page.file.src_uri
    for name, line in find_markers(markdown):
        if name not in KNOWN_MARKERS:
            raise PluginError(f"{source}:{line}: unknown marker <!-- p2ham:{name} -->")
    lang = page_language(page, config)
    if page.meta.get("p2ham_view") and page.meta.get("p2ham_module"):  # a trainer's view of a module
        module = module_from_meta(page.meta, str(page.meta["p2ham_module"]), source)
        markdown = insert_before_first_section(markdown, _info_box(module, lang))
    elif source.startswith(MODULE_DIR + "/") and not page.meta.get("p2ham_view"):
        markdown = _module_page(markdown, page, lang)
    names = {name for name, _ in find_markers(markdown)}
    if "learning-path" in names:
        markdown = _learning_path(markdown, page, config, files)
    if "stages-flow" in names:
        t = _strings[lang]
        html = render("stages-flow.html", stages=[t[key] for key in STAGE_KEYS], caption=t["stages_caption"])
        markdown = replace_marker(markdown, "stages-flow", html)
    return markdown


def _module_page(markdown: str, page: Page, lang: str) -> str:
    source = page.file.src_uri
    front, _, _ = split_front_matter(Path(page.file.abs_src_path or "").read_text(encoding="utf-8"))
    problems = check_module_meta(page.meta, source, key_lines(front, first_line=2))
    if problems:
        fail("Module front matter is invalid", ContentError(problems))
    module = module_from_meta(page.meta, Path(source).name.split(".")[0], source)
    return insert_before_first_section(markdown, _info_box(module, lang))


def _info_box(module: Module, lang: str) -> str:
    return render("module-info.html", module=module, duration=_duration(module.duration, lang),
                  checked=long_date(module.checked, lang), t=_strings[lang])


def _learning_path(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = build_language(config)
    modules = site_modules(config)
    items = []
    for module in modules:
        target = files.get_file_from_path(f"{MODULE_DIR}/{module.slug}.md")
        if target is None:
            raise PluginError(f"{page.file.src_uri}: learning path: {module.source} is not part of the site")
        items.append({"module": module, "url": get_relative_url(target.url, page.url),
                      "duration": _duration(module.duration, lang)})
    if not items:
        problem = Problem(page.file.src_uri, 0, "learning-path", f"no module found in {MODULE_DIR}/")
        raise PluginError(str(problem))
    total = _duration(sum(module.duration for module in modules), lang)
    html = render("learning-path.html", items=items, total=total, t=_strings[lang])
    return replace_marker(markdown, "learning-path", html)
