"""Hook: the trainer's toolkit built from the modules' own Markdown. For the language being built it adds, per
module, a presentation, a trainer's handout and a participant's handout, and one "print everything" page; it
tells the trainer-notes extension which view each page is, checks every module's section minutes against its
duration and against the other language, and fills the trainer hub page. Thin adapter over :mod:`p2ham.views`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hookutil import (
    build_language,
    default_language,
    fail,
    generated_page,
    interface_strings,
    offline_enabled,
    page_language,
    site_languages,
    site_modules,
)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from p2ham.errors import ContentError
from p2ham.frontmatter import key_lines, split_front_matter
from p2ham.mdext.trainer import Section, ViewState
from p2ham.modules import MODULE_DIR, find_markers, format_duration, replace_marker
from p2ham.offline import ARCHIVE_PATH
from p2ham.qr import public_address, qr_path
from p2ham.render import render
from p2ham.views import (
    PRINT_ALL,
    QR_MARKER,
    VIEW_PARTS,
    clock,
    compare_timing,
    print_all_markdown,
    timing_problems,
    timing_rows,
    view_markdown,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

EXTENSION = "p2ham.mdext.trainer"
TEMPLATES = {"presentation": "p2ham-presentation.html"}
KIT_MARKER = "trainer-kit"
ARCHIVE_MARKER = "offline-archive"

_view = ViewState()
_strings: dict[str, dict[str, str]] = {}
# Per language: each module's sections with minutes (keyed by slug), and the build's view pages.
_sections: dict[str, dict[str, list[Section]]] = {}
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> None:
    if EXTENSION not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: markdown_extensions: '{EXTENSION}' is needed by hooks/views.py")
    config.mdx_configs.setdefault(EXTENSION, {})["state"] = _view
    _strings.clear()
    _strings.update(interface_strings(config))
    _sections[build_language(config)] = {}
    _state.clear()


def _view_title(view: str, title: str, t: dict[str, str]) -> str:
    return f"{t['view_' + view]}: {title}"


@event_priority(-110)  # after static-i18n (-100) has built this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = build_language(config)
    t = _strings[lang]
    others = [code for code in site_languages(config) if code != lang]
    docs = Path(config.docs_dir)
    pages: list[File] = []
    texts = []
    _state["modules"] = {}
    for module in site_modules(config):
        text = (docs / module.source).read_text(encoding="utf-8")
        texts.append(text)
        module_file = files.get_file_from_path(f"{MODULE_DIR}/{module.slug}.md")
        _state["modules"][module.slug] = {"module": module, "file": module_file, "views": {}}
        for view, part in VIEW_PARTS.items():
            extra = {"template": TEMPLATES[view]} if view in TEMPLATES else {}
            content = view_markdown(text, view, module.slug, _view_title(view, module.title, t), extra)
            src_uri = f"{MODULE_DIR}/{module.slug}.{part}.md"
            path = f"{MODULE_DIR}/{module.slug}/{part}"
            page = generated_page(config, src_uri, path, lang, content)
            for other in others:  # the language switcher leads to the same view in the other language
                page.alternates[other] = generated_page(config, src_uri, path, other, "")
            _state["modules"][module.slug]["views"][view] = page
            pages.append(page)
    if texts:
        content = print_all_markdown(texts, t["print_all_title"], t["print_all_description"], t["print_all_intro"])
        src_uri = f"{MODULE_DIR}/{PRINT_ALL}.md"  # links inside the modules resolve as from a module
        page = generated_page(config, src_uri, PRINT_ALL, lang, content)
        for other in others:
            page.alternates[other] = generated_page(config, src_uri, PRINT_ALL, other, "")
        _state["print_all"] = page
        pages.append(page)
    for page in pages:
        files.append(page)
    plugin: Any = config.plugins["i18n"]
    plugin.i18n_files_per_language.setdefault(lang, []).extend(pages)  # static-i18n's sitemap lists them
    return files


def _is_module(page: Page) -> bool:
    return page.file.src_uri.startswith(MODULE_DIR + "/") and not page.meta.get("p2ham_view") and bool(
        page.meta.get("duration"))


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = page_language(page, config)
    view = str(page.meta.get("p2ham_view") or "participant")
    _view.start(view, _strings[lang])
    names = {name for name, _ in find_markers(markdown)}
    if QR_MARKER in markdown:
        slug = str(page.meta.get("p2ham_module", ""))
        target = _state["modules"][slug]["file"]
        html = render("module-qr.html", src=get_relative_url(qr_path(target.dest_uri), page.file.url),
                      address=public_address(config.site_url, target.url), t=_strings[lang], view=view)
        markdown = markdown.replace(QR_MARKER, "\n" + html.strip() + "\n", 1)
    if KIT_MARKER in names:
        markdown = replace_marker(markdown, KIT_MARKER, _trainer_kit(page, lang))
    if ARCHIVE_MARKER in names:  # the archive is made by `./dev build` (p2ham-offline), not inside itself
        html = render("offline-archive.html", offline=offline_enabled(config),
                      href=get_relative_url(ARCHIVE_PATH, page.file.url), t=_strings[lang])
        markdown = replace_marker(markdown, ARCHIVE_MARKER, html)
    return markdown


def _trainer_kit(page: Page, lang: str) -> str:
    t = _strings[lang]
    rows = []
    for entry in _state["modules"].values():
        module = entry["module"]
        links = {view: get_relative_url(file.url, page.file.url) for view, file in entry["views"].items()}
        rows.append({"module": module, "page": get_relative_url(entry["file"].url, page.file.url), "links": links,
                     "duration": format_duration(module.duration, t["hours"], t["minutes"])})
    print_all = get_relative_url(_state["print_all"].url, page.file.url) if "print_all" in _state else ""
    return render("trainer-kit.html", rows=rows, print_all=print_all, t=t)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if _is_module(page):
        _check_module(page, config)
        return None
    if page.meta.get("p2ham_view") == "trainer":
        rows = timing_rows(_view.sections)
        table = render("timing.html", rows=[{"row": row, "start": clock(row.start), "end": clock(row.end)}
                                            for row in rows], total=clock(rows[-1].end) if rows else "",
                       t=_strings[page_language(page, config)])
        at = html.find("<h2")
        return html[:at] + table + html[at:] if at >= 0 else html + table
    return None


def _check_module(page: Page, config: MkDocsConfig) -> None:
    lang, default = build_language(config), default_language(config)
    source = page.file.src_uri
    text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text)
    duration_line = key_lines(front, first_line=2).get("duration", 1)
    problems = timing_problems(source, text, _view.sections, _view.problems, int(page.meta["duration"]),
                               duration_line)
    slug = posixpath.basename(source).split(".")[0]
    reference = _sections.get(default, {}).get(slug)
    if lang != default and reference is not None:
        problems += compare_timing(reference, _view.sections, f"{MODULE_DIR}/{slug}.md", source, text)
    if problems:
        fail(f"Trainer notes and timing in {source}", ContentError(problems))
    _sections[lang][slug] = list(_view.sections)


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    view = page.meta.get("p2ham_view")
    if view:
        slug = str(page.meta.get("p2ham_module", ""))
        entry = _state["modules"].get(slug)
        context["p2ham_view"] = {
            "view": view,
            "module_url": get_relative_url(entry["file"].url, page.file.url) if entry else "",
            "strings": _strings[page_language(page, config)],
        }
    return context
