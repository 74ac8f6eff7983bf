"""Hook: the glossary. Every page gets the glossary's abbreviations as tooltips in its language, and a page with
the marker ``<!-- p2ham:glossary -->`` gets the whole glossary. Thin adapter over :mod:`p2ham.glossary`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hookutil import fail, page_language, project_path, site_languages

from p2ham.errors import ContentError
from p2ham.glossary import Entry, abbreviation_markdown, load_glossary
from p2ham.modules import replace_marker
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

GLOSSARY_FILE = "content/glossary.yml"
_entries: list[Entry] = []
_abbreviations: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> None:
    _entries.clear()
    _abbreviations.clear()
    try:
        _entries.extend(load_glossary(project_path(config, GLOSSARY_FILE), site_languages(config)))
    except ContentError as error:
        fail("The glossary has problems", error)
    for lang in site_languages(config):
        _abbreviations[lang] = abbreviation_markdown(_entries, lang)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    lang = page_language(page, config)
    if "p2ham:glossary" in markdown:
        markdown = replace_marker(markdown, "glossary", render("glossary.html", entries=_entries, lang=lang))
    # Abbreviation definitions at the end of the page: Markdown's `abbr` extension turns every whole-word
    # occurrence into <abbr title="...">, which Material shows as a tooltip (content.tooltips).
    return markdown.rstrip() + "\n\n" + _abbreviations[lang] + "\n"
