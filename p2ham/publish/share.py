"""QR codes that open a page on a phone, made at build time as SVG by segno (no network, no run-time library).

Used by the share control of every page and by the trainer's views (module pages, the presentation's title
slide, handouts). A QR code always carries the page's public address in its language
(:func:`p2ham.core.addresses.public_address`), also in the offline build, whose own links are files.
"""

from __future__ import annotations

import functools
import io
import multiprocessing
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import segno

from p2ham.core.cache import Cache, code_version

QR_SUFFIX = ".qr.svg"
CODE = code_version(Path(__file__), segno.__version__)  # what draws a code: this file and segno
WARM_AT_LEAST = 64  # fewer missing codes are made as their pages ask: starting processes would cost more


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


def _qr_bytes(address: str) -> bytes:
    return qr_svg(address).encode("utf-8")


def warm_qr_cache(cache: Cache, addresses: Iterable[str], processes: int | None = None,
                  at_least: int = WARM_AT_LEAST) -> int:
    """Make the codes of `addresses` that the cache lacks on every core at once, and keep them, so that the pages
    find them (a site's first build with thousands of unit pages spent a third of its time in segno's mask search,
    on one core). The codes are the same bytes as :func:`cached_qr_svg` makes. Returns how many were made."""
    missing = sorted({address for address in addresses if not cache.has("qr", CODE, (address,))})
    workers = processes or os.cpu_count() or 1
    if len(missing) < at_least or workers < 2:
        return 0
    # "spawn": a build may run beside threads (mkdocs serve's), and a forked copy of those can hang.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for address, data in zip(missing, pool.map(_qr_bytes, missing, chunksize=32), strict=True):
            cache.get("qr", CODE, (address,), functools.partial(bytes, data))
    return len(missing)
