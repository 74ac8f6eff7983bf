"""Hook: every page in every language. Gives each page the absolute addresses of its language versions (for
``hreflang`` alternates, with x-default), stops a strict build when a page falls back to another language without
saying so, and keeps one error page per language. Thin adapter over :mod:`p2ham.publish.languages`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import context

from p2ham.publish.languages import ERROR_PAGE, absolute_alternates, untranslated

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.languages")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Warn (and so fail a strict build) when a page falls back to another language without saying so."""
    lang = context(config).lang
    if untranslated(getattr(page.file, "locale", None), lang, page.meta.get("translation")):
        log.warning("%s: no '%s' translation. Add one, or mark the page 'translation: pending' in its front matter "
                    "to publish it with a notice.", page.file.src_uri, lang)
    return None


def on_page_context(context_: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    alternates = getattr(config.extra, "alternate", None)  # static-i18n sets it per page as an attribute
    if config.site_url and isinstance(alternates, list):
        context_["p2ham_alternates"] = absolute_alternates(config.site_url, alternates, context(config).default)
    return context_


def on_post_build(*, config: MkDocsConfig) -> None:
    """One error page per language: the theme writes `404.html` at the site's top in every language's build, so
    the last language would replace the default one. Its own goes to `<lang>/404.html` (its links are absolute,
    so it works there) and the default language's is put back."""
    ctx = context(config)
    root = Path(config.site_dir)
    page = root / ERROR_PAGE
    if not page.is_file() or ctx.offline:  # a folder opened without a server has no error page
        return
    if ctx.lang == ctx.default:
        ctx.run.error_page = page.read_bytes()
    elif ctx.run.error_page is not None:
        target = root / ctx.lang / ERROR_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        page.write_bytes(ctx.run.error_page)
