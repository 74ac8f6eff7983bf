"""A strict Content-Security-Policy for the built site, and the header files that carry it to a host.

No script runs unless it is a file from the site itself or an inline script whose SHA-256 hash is listed (the
theme writes a few small ones); nothing loads from another origin; plugins, <base> and framing by other sites
are refused. Hashes are taken from each finished page as the build writes it, so they match what is published.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence

JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
TYPE = re.compile(r"""\btype\s*=\s*(["']?)(?P<type>[^"'\s>]*)\1""", re.IGNORECASE)
SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script that a browser would run, as the page's HTML gives it (the build hands each
    page over as text: a pattern finds them, with no HTML parser walking every page)."""
    found = []
    for match in SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = TYPE.search(attributes)
        if SOURCE.search(attributes) or (kind and kind.group("type").strip().lower() not in JS_TYPES):
            continue
        found.append(match.group("body"))
    return found


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(hashes: Iterable[str], frame_ancestors: str = "'self'") -> str:
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        f"frame-ancestors {frame_ancestors}",
    ])


PERMISSIONS = "Permissions-Policy"
NO_CAMERA, CAMERA = "camera=()", "camera=(self)"  # the camera: refused everywhere but on the pages that scan


def security_headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        PERMISSIONS: f"{NO_CAMERA}, microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def headers_file(headers: dict[str, str], camera_paths: Sequence[str] = ()) -> str:
    """`_headers` for static hosts that read it from the published folder (Netlify, Cloudflare Pages). The pages
    under `camera_paths` (the class-session collection page, from the host's root) add `camera=(self)`: a host
    joins the values of every rule that matches, and in a Permissions-Policy the last value of a feature counts."""
    text = "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())
    return text + "".join(f"{path}*\n  {PERMISSIONS}: {CAMERA}\n" for path in camera_paths)


def nginx_snippet(headers: dict[str, str], camera_paths: Sequence[str] = ()) -> str:
    """Lines to include in an nginx `server` block. The pages under `camera_paths` may use the camera."""
    lines = ["# Security headers for the P2HAM site; written by the build. Include it in the server block."]
    for name, value in headers.items():
        if name == PERMISSIONS and camera_paths:
            pattern = "|".join(re.escape(path.strip("/")) for path in camera_paths)
            lines += ["# The camera only on the class-session collection page, which scans QR codes.",
                      f'set $p2ham_permissions "{value}";',
                      f'if ($uri ~ "^/({pattern})(/|\\.html$)") {{',
                      f'    set $p2ham_permissions "{value.replace(NO_CAMERA, CAMERA)}";',
                      "}",
                      f"add_header {name} $p2ham_permissions always;"]
        else:
            lines.append(f'add_header {name} "{value}" always;')
    return "\n".join(lines) + "\n"
