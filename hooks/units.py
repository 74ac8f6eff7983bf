"""Hook: work-unit progress pages. Loads and checks the data folder before anything is written, then adds, for the
language being built, a page and a status badge per unit, fills the overview page (markers ``unit`` and
``unit-overview``), and publishes the data as JSON and CSV. Thin adapter over :mod:`p2ham.units`.

Unit pages never enter the navigation (each page would carry every unit and the site would grow quadratically)
and are left out of the search index (the overview, with every unit's name, is indexed instead). A unit page links
to its parent only: linking every unit from every unit page would grow as N squared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import add_to_sitemap, context, fail, localised_file, page_language, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from p2ham.core.addresses import public_address, public_path
from p2ham.core.errors import ContentError
from p2ham.core.markers import Phase
from p2ham.publish.share import warm_qr_cache
from p2ham.units.load import DataCache, data_dir
from p2ham.units.pages import (
    DATA_CSV,
    DATA_JSON,
    DATA_NOTICE_MARKER,
    OVERVIEW_MARKER,
    UNIT_DIR,
    UNIT_MARKER,
    Links,
    UnitPages,
    data_notice,
    open_data_csv,
    open_data_json,
    overview,
    render_badge,
    render_unit,
    t,
    unit_description,
    unit_markdown,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

# The checked data, read again only when a data file changed: a cache keyed by the folder's content (not build
# state), kept across the builds of every language and `serve`'s rebuilds.
_DATA = DataCache()


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    ctx.markers.register(UNIT_MARKER, Phase.HTML, lambda page: _unit(page, config))
    ctx.markers.register(OVERVIEW_MARKER, Phase.HTML, lambda page: _overview(page, config))
    ctx.markers.register(DATA_NOTICE_MARKER, Phase.MARKDOWN, lambda page: _data_notice(page, config))


@event_priority(100)  # before anything else of the build, and before MkDocs cleans the site folder
def on_pre_build(*, config: MkDocsConfig) -> None:
    folder = data_dir(base=project_path(config))
    try:
        context(config).units = UnitPages(data=_DATA.load(folder))
    except ContentError as error:
        fail(f"The unit data in {folder} has problems (nothing was built)", error)


def _overview_url(files: Files, prefix: str, directory_urls: bool) -> str:
    """The URL of the unit overview page in this language (where it would be, on a site without one)."""
    dest = f"{prefix}{UNIT_DIR}/index.html"
    found = next((file.url for file in files.documentation_pages() if file.dest_uri == dest), None)
    return found or (dest if not directory_urls else f"{prefix}{UNIT_DIR}/")


@event_priority(-110)  # after static-i18n (-100) has made this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = context(config)
    assert ctx.units is not None, "set by on_pre_build"
    units, data, lang = ctx.units, ctx.units.data, ctx.lang
    units.overview = _overview_url(files, "" if lang == ctx.default else f"{lang}/", config.use_directory_urls)
    pages = []
    for unit in data.units:
        src_uri = f"{UNIT_DIR}/{unit.id}.md"
        content = unit_markdown(t(unit.name, lang), unit_description(unit, data, lang, ctx.t))
        page = localised_file(config, src_uri, lang, content, alternates=True)
        badge = localised_file(config, f"{UNIT_DIR}/{unit.id}/badge.svg", lang,
                               render_badge(unit, data, lang, ctx.t), inclusion=InclusionLevel.INCLUDED)
        files.append(page)
        files.append(badge)
        pages.append(page)
        units.pages[src_uri] = unit
        units.urls[unit.id], units.badges[unit.id] = page.url, badge.url
    if lang == ctx.default:  # open data has one address for every language
        files.append(File.generated(config, DATA_JSON, content=open_data_json(data)))
        files.append(File.generated(config, DATA_CSV, content=open_data_csv(data)))
    add_to_sitemap(config, lang, pages)
    # Their share controls' QR codes, made on every core before the pages ask for them one by one.
    warm_qr_cache(ctx.cache, [public_address(config.site_url, page.url) for page in pages])
    return files


def _links(units: UnitPages, url: str, site_url: str, targets: list[str], unit_id: str = "") -> Links:
    """Links from the page at `url` to the overview, the units in `targets`, the open data and the badge.

    Links between pages come from MkDocs' own file URLs, so they follow the build (folders online, `x.html` files
    in the offline build); the badge embed names the published address.
    """
    badge = units.badges.get(unit_id, "")
    return Links(
        overview=get_relative_url(units.overview, url),
        unit={target: get_relative_url(units.urls[target], url) for target in targets},
        data_json=get_relative_url(DATA_JSON, url),
        data_csv=get_relative_url(DATA_CSV, url),
        badge=get_relative_url(badge, url) if unit_id else "",
        badge_absolute=f"{site_url}{badge}" if unit_id else "",
        page_absolute=f"{site_url}{public_path(url)}" if unit_id else "",
    )


def _unit(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    assert ctx.units is not None
    unit = ctx.units.pages.get(page.file.src_uri)
    if unit is None:
        raise PluginError(f"{page.file.src_uri}: <!-- p2ham:{UNIT_MARKER} --> belongs on the generated unit pages only")
    links = _links(ctx.units, page.url, config.site_url or "/", [unit.parent] if unit.parent else [], unit.id)
    return render_unit(unit, ctx.units.data, ctx.lang, ctx.t, links)


def _overview(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    assert ctx.units is not None
    page.meta["p2ham_units"] = True  # loads units.js (sorting and filtering the table)
    links = _links(ctx.units, page.url, config.site_url or "/", [unit.id for unit in ctx.units.data.units])
    return overview(ctx.units.data, ctx.lang, ctx.t, links)


def _data_notice(page: Page, config: MkDocsConfig) -> str:
    """Whose unit data the site shows and whether it is an illustrative sample, from the data itself."""
    ctx = context(config)
    assert ctx.units is not None
    lang = page_language(page, config)
    return data_notice(ctx.units.data, lang, ctx.strings[lang])
