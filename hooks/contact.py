"""Hook: the configured contact (mkdocs.yml ``extra.contact``), checked at the build's start and shown where a page
has the marker ``contact``. Thin adapter over :mod:`p2ham.course.contact`; HTML from
``overrides/p2ham/contact.html``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import context, page_language
from mkdocs.exceptions import PluginError

from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.course.contact import ContactError, contact_from_config

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    for lang in ctx.languages:
        try:
            contact_from_config(config.extra, lang)
        except ContactError as exc:
            raise PluginError(str(exc)) from None
    ctx.markers.register("contact", Phase.MARKDOWN, lambda page: _contact(page, config))


def _contact(page: Page, config: MkDocsConfig) -> str:
    lang = page_language(page, config)
    return render("contact.html", contact=contact_from_config(config.extra, lang), t=context(config).strings[lang])
