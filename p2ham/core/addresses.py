"""A page's addresses.

The published site uses folder addresses (``modul/x/``, served from ``modul/x/index.html``); the offline build
for trainers uses the files themselves (``modul/x.html``) so that pages open from a folder without a server. Links
between the site's own pages follow the build (the engine's file URLs); addresses meant for the outside world
(canonical, hreflang alternates, link previews, QR codes, badge embeds, redirects' canonical) are always the
published folder addresses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

INDEX = "index.html"


class AddressMissing(Exception):
    """The site's public address (site_url) is not configured, so no page has an address to share."""


def public_path(url: str) -> str:
    """The published folder address of a page, from its URL in either build.

    ``x/`` and ``x.html`` and ``x/index.html`` all give ``x/``; ``index.html`` and ``./`` (the home page) give ``""``.
    A leading ``/`` and anything that is not an HTML file are kept as they are.
    """
    if url in (".", "./"):
        return ""
    head, _, name = url.rpartition("/")
    prefix = head + "/" if head or url.startswith("/") else ""
    if name == INDEX:
        return prefix
    if name.endswith(".html"):
        return f"{prefix}{name[: -len('.html')]}/"
    return url


def public_address(site_url: str | None, page_url: str) -> str:
    """The absolute public address of a page from its URL in the build (``x/``, ``x/index.html`` or ``x.html``)."""
    if not site_url:
        raise AddressMissing(
            "site_url is not set in mkdocs.yml: QR codes and share links need the site's public address "
            "(for example site_url: https://p2ham.example.org/)")
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", public_path(page_url))


def short_address(address: str) -> str:
    """An address as a room copies it from a screen: without its scheme (``example.org/modul/x/``)."""
    return address.split("://", 1)[-1]


def site_relative(link: str, base_path: str) -> str:
    """A link from the host's root (``/p2ham/en/index.html`` under ``/p2ham/``) as a path from the site's top
    (``en/index.html``), so that it can be made relative to a page; other links are returned unchanged."""
    base = base_path if base_path.endswith("/") else base_path + "/"
    if not link.startswith(base):
        return link
    return link[len(base):] or INDEX


def default_source(src_uri: str, languages: Sequence[str]) -> str:
    """The default-language source of a page, which names it in every language: ``modul/x.en.md`` -> ``modul/x.md``."""
    suffixes = "|".join(re.escape(lang) for lang in languages)
    return re.sub(rf"\.({suffixes})\.md$", ".md", src_uri) if suffixes else src_uri
