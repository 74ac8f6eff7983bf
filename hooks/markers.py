"""Hook: page markers. Fills every ``<!-- p2ham:NAME -->`` line of a page with what the concern that registered the
marker makes (:mod:`p2ham.core.markers`), each at its phase, and stops the build at a marker nobody registered.

Concern hooks register their markers in ``on_config``; this hook runs after them in ``mkdocs.yml``, so that its
Markdown pass sees the page as they left it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from engine import context
from mkdocs.exceptions import PluginError

from p2ham.core.markers import Phase

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    markers = context(config).markers
    # Checked in the page's source, so that the line is the file's whatever other hooks inserted before.
    unknown = markers.unknown(page.file.content_string, page.file.src_uri)
    if unknown:
        raise PluginError("\n".join(str(problem) for problem in unknown))
    return markers.fill(markdown, Phase.MARKDOWN, page)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    return context(config).markers.fill(html, Phase.HTML, page)


def on_page_context(context_: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    if page.content is not None:
        page.content = context(config).markers.fill(page.content, Phase.LATE, page)
    return context_
