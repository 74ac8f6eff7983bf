"""QR codes that open a page on a phone, made at build time as SVG by segno (no network, no run-time library).

Used by the share control of every page and by the trainer's views (module pages, the presentation's title
slide, handouts). A QR code always carries the page's public address in its language
(:func:`p2ham.core.addresses.public_address`), also in the offline build, whose own links are files.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno

from p2ham.core.cache import Cache, code_version

QR_SUFFIX = ".qr.svg"
CODE = code_version(Path(__file__), segno.__version__)  # what draws a code: this file and segno


def qr_path(dest_uri: str, part: str = "") -> str:
    """Where a page's QR code is written, from the page's output file: `x/index.html` → `x/index.qr.svg`; the code of
    a part of the page (`part`: a name) beside it: `x/index.kuis.qr.svg`."""
    stem = dest_uri[: -len(".html")] if dest_uri.endswith(".html") else dest_uri.rstrip("/") + "/index"
    return stem + (f".{part}" if part else "") + QR_SUFFIX


def qr_svg(address: str) -> str:
    """A standalone SVG QR code for `address`: error correction M, quiet zone of 4 modules, black on white,
    scalable (a viewBox, no fixed size)."""
    code = segno.make(address, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, dark="#000", light="#fff", xmldecl=False, svgns=True,
              omitsize=True, title=address)
    return out.getvalue().decode("utf-8")


def cached_qr_svg(cache: Cache, address: str) -> str:
    """The code of `qr_svg`, made once for the same address and code (segno's search for the best mask is slow)."""
    return cache.get("qr", CODE, (address,), lambda: qr_svg(address).encode("utf-8")).decode("utf-8")
