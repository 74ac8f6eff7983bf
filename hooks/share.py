"""Hook: the "share this page" control (address to copy and a QR code) on every page, and the QR codes other
templates show (module pages, the presentation's title slide). Thin adapter over :mod:`p2ham.qr`.

The build stops with a clear message when the site's public address (site_url) is not configured.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hookutil import build_language, interface_strings
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from p2ham.qr import AddressMissing, public_address, qr_path, qr_svg

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


_strings: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> None:
    _strings.clear()
    _strings.update(interface_strings(config))
    try:
        public_address(config.site_url, "")
    except AddressMissing as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    if page.file.dest_uri.endswith("404.html") or page.meta.get("share") is False:
        return context  # the error page has no address of its own
    address = public_address(config.site_url, page.url)
    target = qr_path(page.file.dest_uri)
    out = Path(config.site_dir) / target
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(qr_svg(address), encoding="utf-8")
    context["p2ham_strings"] = _strings[build_language(config)]
    context["p2ham_share"] = {"address": address, "qr": get_relative_url(target, page.file.url)}
    return context
