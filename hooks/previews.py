"""Hook: link previews. Each page gets Open Graph tags in its language and a preview card drawn at build time
(``preview.png`` beside the page); generated unit pages share their overview's card, so the cost does not grow
with the number of units. Thin adapter over :mod:`p2ham.publish.previews`."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from engine import context

from p2ham.core.addresses import public_path
from p2ham.publish.previews import HEIGHT, LOCALES, WIDTH, cached_card_png, card_path
from p2ham.units.pages import UNIT_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def _is_unit_page(page: Page) -> bool:
    """A generated unit page (``unit-kerja/<id>/``), which shares the overview's card."""
    parts = public_path(page.url).strip("/").split("/")
    return bool(page.file.generated_by) and len(parts) >= 2 and parts[-2] == UNIT_DIR


def on_page_context(context_: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    ctx = context(config)
    title = html.unescape(str(page.meta.get("title") or page.title or config.site_name))  # as in <title>
    description = html.unescape(str(page.meta.get("description") or config.site_description or ""))
    shared = _is_unit_page(page)
    card = card_path(page.url, shared_with_parent=shared)
    if not shared:  # the trainer's views of a module (generated too) get their own card
        target = Path(config.site_dir) / card
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cached_card_png(ctx.cache, title, description, ctx.t["preview_footer"]))
    site_url = config.site_url or "/"
    context_["p2ham_preview"] = {
        "title": title, "description": description, "url": urljoin(site_url, public_path(page.url)),
        "image": urljoin(site_url, card), "width": WIDTH, "height": HEIGHT,
        "alt": f"{title}. {ctx.t['preview_footer']}", "locale": LOCALES.get(ctx.lang, ctx.lang),
        "alternates": [LOCALES.get(code, code) for code in LOCALES if code != ctx.lang],
        "site_name": config.site_name,
    }
    return context_
