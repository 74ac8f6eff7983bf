"""The print-all page made of the participant's handouts already rendered, instead of rendering every module's
Markdown again in one long page (that cost as much as all the handouts together, and more: one long page makes the
block parser's work grow with its length).

A handout's HTML moves to another address and shares a page with the other modules' handouts, so each part is
*rebased*: every relative link and image is resolved from the handout's address and written relative to the
print-all page's, and every id (and each attribute naming one, and each link to one) gets the module's prefix, so
that no two parts share an id and an anchor in a part still leads to its own module's section.

No engine import: ``hooks/trainer.py`` fills the page's marker with these parts (:data:`PRINT_ALL_MARKER`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

PRINT_ALL_MARKER = "print-all"
# Attributes holding ids (one or several, space-separated), and those holding an address.
ID_ATTRIBUTES = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
URL_ATTRIBUTES = ("href", "src")
ATTRIBUTE = re.compile(r'(\s)(' + "|".join(ID_ATTRIBUTES + URL_ATTRIBUTES) + r')="([^"]*)"')
ABSOLUTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")
SPLIT = re.compile(r"^([^?#]*)(.*)$", re.DOTALL)  # an address: its path, and its query and fragment


@dataclass(frozen=True)
class Part:
    """One module's handout, rebased for the print-all page."""

    slug: str
    html: str
    lang: str


def _folder(url: str) -> str:
    """The folder a relative address is resolved from, for a page at `url` (``x/y/`` or ``x/y.html``)."""
    return url if url.endswith("/") or not url else posixpath.dirname(url) + "/"


def rebase_url(value: str, from_url: str, to_url: str) -> str:
    """`value`, a link in the page at `from_url`, as a link from the page at `to_url` (both site-relative)."""
    path, rest = SPLIT.match(value).groups()  # type: ignore[union-attr]  # the pattern matches any text
    if not path or ABSOLUTE.match(path):
        return value
    target = posixpath.normpath(posixpath.join("/" + _folder(from_url), path))
    relative = posixpath.relpath(target, "/" + _folder(to_url))
    if path.endswith(("/", "/.")) or path == ".":
        relative = relative.rstrip("/") + "/"
    return relative + rest


def rebase_part(html: str, prefix: str, from_url: str, to_url: str) -> str:
    """A handout's HTML, with its ids prefixed and its relative addresses written from `to_url`."""

    def replace(match: re.Match[str]) -> str:
        space, name, value = match.groups()
        if name in ID_ATTRIBUTES:
            value = " ".join(prefix + token for token in value.split())
        elif value.startswith("#") and len(value) > 1:
            value = "#" + prefix + value[1:]
        else:
            value = rebase_url(value, from_url, to_url)
        return f'{space}{name}="{value}"'

    return ATTRIBUTE.sub(replace, html)
