"""Hook: puts the configured contact (mkdocs.yml `extra.contact`) where a page has `<!-- p2ham:contact -->`.
Thin adapter over :mod:`p2ham.contact`; HTML from ``overrides/p2ham/contact.html``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hookutil import interface_strings, page_language, site_languages
from mkdocs.exceptions import PluginError

from p2ham.contact import ContactError, contact_from_config
from p2ham.modules import find_markers, replace_marker
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    for lang in site_languages(config):
        try:
            contact_from_config(config.extra, lang)
        except ContactError as exc:
            raise PluginError(str(exc)) from None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if not any(name == "contact" for name, _ in find_markers(markdown)):
        return None
    lang = page_language(page, config)
    contact = contact_from_config(config.extra, lang)
    html = render("contact.html", contact=contact, t=interface_strings(config)[lang])
    return replace_marker(markdown, "contact", html)
