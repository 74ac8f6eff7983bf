"""Hook: the glossary. Every page gets the glossary's abbreviations as tooltips in its language, and the marker
``glossary`` becomes the whole glossary. The glossary is read and checked once per build by the build context.
Thin adapter over :mod:`p2ham.course.glossary`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import context, page_language
from mkdocs.plugins import event_priority

from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.course.glossary import abbreviation_markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    ctx.markers.register("glossary", Phase.MARKDOWN, lambda page: render(
        "glossary.html", entries=ctx.glossary, lang=page_language(page, config)))


@event_priority(-150)  # after every other hook has changed the page's Markdown (page markers included)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    # Abbreviation definitions at the end of the page: Markdown's `abbr` extension turns every whole-word
    # occurrence into <abbr title="...">, which Material shows as a tooltip (content.tooltips). Only the terms the
    # page contains: a unit page, whose HTML comes from a template, gets none (3 ms a page saved).
    abbreviations = abbreviation_markdown(list(context(config).glossary), page_language(page, config), markdown)
    return markdown.rstrip() + "\n\n" + abbreviations + "\n" if abbreviations else None
