"""Hook: the "share this page" control (address to copy and a QR code) on every page. Thin adapter over
:mod:`p2ham.publish.share`; the QR codes of the trainer's views come from ``hooks/trainer.py``.

The build stops with a clear message when the site's public address (site_url) is not configured.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import context
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from p2ham.core.addresses import AddressMissing, public_address
from p2ham.publish.languages import ERROR_PAGE
from p2ham.publish.share import cached_qr_svg, qr_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> None:
    try:
        public_address(config.site_url, "")
    except AddressMissing as exc:
        raise PluginError(str(exc)) from None


def on_page_context(context_: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    if page.file.dest_uri.endswith(ERROR_PAGE) or page.meta.get("share") is False:
        return context_  # the error page has no address of its own
    address = public_address(config.site_url, page.url)
    target = qr_path(page.file.dest_uri)
    out = Path(config.site_dir) / target
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(cached_qr_svg(context(config).cache, address), encoding="utf-8")
    context_["p2ham_strings"] = context(config).t
    context_["p2ham_share"] = {"address": address, "qr": get_relative_url(target, page.file.url)}
    return context_
