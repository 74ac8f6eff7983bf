"""QR codes that open a page on a phone, made at build time as SVG by segno (no network, no run-time library).

Used by the share control of every page and by the trainer's views (module pages, the presentation's title
slide, handouts). A QR code always carries the page's public address in its language, also in the offline
build, whose own links are files.
"""

from __future__ import annotations

import io
from urllib.parse import urljoin

import segno

from p2ham.addresses import public_path

QR_SUFFIX = ".qr.svg"


class AddressMissing(Exception):
    """The site's public address (site_url) is not configured, so no QR code can point at a page."""


def public_address(site_url: str | None, page_url: str) -> str:
    """The public address of a page from its URL in the build: `x/` as it is; `x/index.html`, `x.html`
    (the offline build's files) as the folder address `x/` the public site uses."""
    if not site_url:
        raise AddressMissing(
            "site_url is not set in mkdocs.yml: QR codes and share links need the site's public address "
            "(for example site_url: https://p2ham.example.org/)")
    path = public_path(page_url)
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path)


def qr_path(dest_uri: str) -> str:
    """Where a page's QR code is written, from the page's output file: `x/index.html` → `x/index.qr.svg`."""
    stem = dest_uri[: -len(".html")] if dest_uri.endswith(".html") else dest_uri.rstrip("/") + "/index"
    return stem + QR_SUFFIX


def qr_svg(address: str) -> str:
    """A standalone SVG QR code for `address`: error correction M, quiet zone of 4 modules, black on white,
    scalable (a viewBox, no fixed size)."""
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, dark="#000", light="#fff", xmldecl=False, svgns=True,
              omitsize=True, title=address)
    return out.getvalue().decode("utf-8")
