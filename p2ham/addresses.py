"""A page's two kinds of address.

The published site uses folder addresses (``modul/x/``, served from ``modul/x/index.html``); the offline build
for trainers uses the files themselves (``modul/x.html``) so that pages open from a folder without a server. Links
between the site's own pages follow the build (MkDocs' file URLs); addresses meant for the outside world (canonical,
hreflang alternates, link previews, badge embeds, redirects' canonical) are always the published folder addresses.
"""

from __future__ import annotations

INDEX = "index.html"


def public_path(url: str) -> str:
    """The published folder address of a page, from its URL in either build.

    ``x/`` and ``x.html`` and ``x/index.html`` all give ``x/``; ``index.html`` (the home page) gives ``""``.
    A leading ``/`` and anything that is not an HTML file are kept as they are.
    """
    head, _, name = url.rpartition("/")
    prefix = head + "/" if head or url.startswith("/") else ""
    if name == INDEX:
        return prefix
    if name.endswith(".html"):
        return f"{prefix}{name[: -len('.html')]}/"
    return url


def site_relative(link: str, base_path: str) -> str:
    """A link from the host's root (``/p2ham/en/index.html`` under ``/p2ham/``) as a path from the site's top
    (``en/index.html``), so that it can be made relative to a page; other links are returned unchanged."""
    base = base_path if base_path.endswith("/") else base_path + "/"
    if not link.startswith(base):
        return link
    return link[len(base):] or INDEX
