"""Hook: work-unit progress pages. Loads and checks the data folder before anything is written, then adds, for
the language being built, a page and a status badge per unit, fills the overview page, and publishes the data as
JSON and CSV. Thin adapter over :mod:`p2ham.units`.

Unit pages never enter the navigation (each page would carry every unit and the site would grow quadratically)
and are left out of the search index (the overview, with every unit's name, is indexed instead).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from hookutil import build_language, default_language, fail, interface_strings, localised_file, site_languages
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from p2ham.addresses import public_path
from p2ham.errors import ContentError
from p2ham.units.load import UnitData, data_dir, load_data
from p2ham.units.render import Links, open_data_csv, open_data_json, overview, render_badge, render_unit, t

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

UNIT_DIR = "unit-kerja"
OVERVIEW_MARKER = "<!-- p2ham:unit-overview -->"
UNIT_MARKER = "<!-- p2ham:unit -->"
DATA_JSON = f"{UNIT_DIR}/data.json"
DATA_CSV = f"{UNIT_DIR}/data.csv"

_state: dict[str, Any] = {}
# The checked data, kept between the builds of one `mkdocs build` (one per language) and `serve` rebuilds while
# no data file changed: keyed by every file's path, size and modification time.
_cache: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    _state["strings"] = interface_strings(config)


@event_priority(100)  # before anything else of the build, and before MkDocs cleans the site folder
def on_pre_build(*, config: MkDocsConfig) -> None:
    folder = data_dir(base=Path(config.config_file_path).parent)
    key = signature(folder)
    if _cache.get("key") != key:
        _cache.clear()
        try:
            _cache["data"] = load_data(folder)
        except ContentError as error:
            fail(f"The unit data in {folder} has problems (nothing was built)", error)
        _cache["key"] = key
    _state["data"] = _cache["data"]


def signature(folder: Path) -> tuple[object, ...]:
    """What identifies the data folder's content cheaply: every file's path, size and modification time."""
    if not folder.is_dir():
        return (str(folder),)
    return (str(folder.resolve()), *sorted((str(p), st.st_size, st.st_mtime_ns)
                                           for p in folder.rglob("*") if p.is_file() for st in (p.stat(),)))


def _links(url: str, site_url: str, targets: list[str], unit_id: str = "") -> Links:
    """Links from the page at `url` to the overview, the units in `targets`, the open data and the badge.

    Links between pages come from MkDocs' own file URLs, so they follow the build (folders online, `x.html` files
    in the offline build); the badge embed names the published address. A unit page links to its parent only:
    linking every unit from every unit page would grow as N squared.
    """
    urls: dict[str, str] = _state["urls"]
    badge: str = _state["badges"].get(unit_id, "")
    return Links(
        overview=get_relative_url(_state["overview"], url),
        unit={target: get_relative_url(urls[target], url) for target in targets},
        data_json=get_relative_url(DATA_JSON, url),
        data_csv=get_relative_url(DATA_CSV, url),
        badge=get_relative_url(badge, url) if unit_id else "",
        badge_absolute=f"{site_url}{badge}" if unit_id else "",
        page_absolute=f"{site_url}{public_path(url)}" if unit_id else "",
    )


def unit_markdown(title: str, description: str) -> str:
    """A generated page: front matter written by the YAML library (so data cannot break it) and a marker where
    on_page_content puts the unit's HTML (rendered there, so Markdown never parses it: faster, and nothing in
    the data can be read as Markdown).

    Material prints a page's title and description without escaping (MkDocs templates do not autoescape), so
    text from the data is escaped here.
    """
    meta = {"title": html.escape(title), "description": html.escape(description), "search": {"exclude": True},
            "hide": ["toc"]}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n{UNIT_MARKER}\n"


def _overview_url(files: Files, prefix: str, directory_urls: bool) -> str:
    """The URL of the unit overview page in this language (where it would be, on a site without one)."""
    dest = f"{prefix}{UNIT_DIR}/index.html"
    found = next((file.url for file in files.documentation_pages() if file.dest_uri == dest), None)
    return found or (dest if not directory_urls else f"{prefix}{UNIT_DIR}/")


@event_priority(-110)  # after static-i18n (-100) has built this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    data: UnitData = _state["data"]
    lang, default = build_language(config), default_language(config)
    others = [code for code in site_languages(config) if code != lang]
    strings = _state["strings"][lang]
    plugin: Any = config.plugins["i18n"]
    pages = []
    _state["pages"], _state["urls"], _state["badges"] = {}, {}, {}
    _state["overview"] = _overview_url(files, "" if lang == default else f"{lang}/", config.use_directory_urls)
    for unit in data.units:
        src_uri = f"{UNIT_DIR}/{unit.id}.md"
        description = f"{t(unit.name, lang)}: P2HAM. {strings['unit_as_of']} {data.dataset.as_of.isoformat()}."
        page = localised_file(config, src_uri, lang, unit_markdown(t(unit.name, lang), description))
        _state["pages"][src_uri] = unit
        for other in others:  # the language switcher leads to the same unit in the other language
            page.alternates[other] = localised_file(config, src_uri, other, "")
        files.append(page)
        pages.append(page)
        badge = localised_file(config, f"{UNIT_DIR}/{unit.id}/badge.svg", lang,
                               render_badge(unit, data, lang, strings), inclusion=InclusionLevel.INCLUDED)
        files.append(badge)
        _state["urls"][unit.id], _state["badges"][unit.id] = page.url, badge.url
    if lang == default:  # open data has one address for every language
        files.append(File.generated(config, DATA_JSON, content=open_data_json(data)))
        files.append(File.generated(config, DATA_CSV, content=open_data_csv(data)))
    # static-i18n writes sitemap.xml from its own per-language list of pages.
    plugin.i18n_files_per_language.setdefault(lang, []).extend(pages)
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the generated HTML in place of its marker, after Markdown: nothing from the data is read as Markdown,
    and the parser never walks a large HTML block. The search index is made after this, from the result."""
    data: UnitData = _state["data"]
    lang = build_language(config)
    site_url, strings = config.site_url or "/", _state["strings"][lang]
    unit = _state.get("pages", {}).get(page.file.src_uri)
    if unit is not None and UNIT_MARKER in html:
        links = _links(page.url, site_url, [unit.parent] if unit.parent else [], unit.id)
        return html.replace(UNIT_MARKER, render_unit(unit, data, lang, strings, links), 1)
    if OVERVIEW_MARKER in html:
        links = _links(page.url, site_url, [u.id for u in data.units])
        page.meta["p2ham_units"] = True  # loads units.js (sorting and filtering the table)
        return html.replace(OVERVIEW_MARKER, overview(data, lang, strings, links), 1)
    return None
