"""Hook: link previews. Each page gets Open Graph tags in its language and a preview card drawn at build time
(`preview.png` beside the page); generated unit pages share their overview's card, so the cost does not grow with
the number of units. Thin adapter over :mod:`p2ham.preview`."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from hookutil import build_language, interface_strings

from p2ham.addresses import public_path
from p2ham.preview import HEIGHT, WIDTH, card_png

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

LOCALES = {"id": "id_ID", "en": "en_GB"}
UNIT_DIR = "unit-kerja"
_strings: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> None:
    _strings.clear()
    _strings.update(interface_strings(config))


def _card_url(page: Page) -> str:
    """Where the page's card lives: in the page's published folder, or, for a generated unit page, in the unit
    overview's. The same path in the offline build, where pages are files (`x.html`, card in `x/`)."""
    address = public_path(page.url)
    parts = address.strip("/").split("/")
    if len(parts) >= 2 and parts[-2] == UNIT_DIR and getattr(page.file, "generated_by", None):
        return "/".join(parts[:-1]) + "/preview.png"
    return (address + "preview.png") if address.endswith("/") or not address else address + "/preview.png"


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    lang = build_language(config)
    strings = _strings[lang]
    title = html.unescape(str(page.meta.get("title") or page.title or config.site_name))  # as in <title>
    description = html.unescape(str(page.meta.get("description") or config.site_description or ""))
    card = _card_url(page)
    # Unit pages use their overview's card; the trainer's views of a module (hooks/views.py) get their own.
    if not getattr(page.file, "generated_by", None) or page.meta.get("p2ham_view"):
        target = Path(config.site_dir) / card
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(card_png(title, description, strings["preview_footer"]))
    site_url = config.site_url or "/"
    context["p2ham_preview"] = {
        "title": title, "description": description, "url": urljoin(site_url, public_path(page.url)),
        "image": urljoin(site_url, card), "width": WIDTH, "height": HEIGHT,
        "alt": f"{title}. {strings['preview_footer']}", "locale": LOCALES.get(lang, lang),
        "alternates": [LOCALES.get(code, code) for code in LOCALES if code != lang],
        "site_name": config.site_name,
    }
    return context
