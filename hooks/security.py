"""Hook: after the last language is built, write the site's security headers (a strict CSP with the hashes of
the theme's inline scripts) as `_headers` and `security-headers.nginx.conf` at the top of the site. Thin adapter
over :mod:`p2ham.publish.security`; DEPLOY.md says how each host uses them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from engine import context

from p2ham.publish.security import headers_file, inline_scripts, nginx_snippet, policy, script_hash, security_headers

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

HEADERS = "_headers"
NGINX = "security-headers.nginx.conf"


def on_post_build(*, config: MkDocsConfig) -> None:
    if not context(config).last:
        return  # static-i18n builds the other languages into subfolders afterwards; wait for the last one
    root = Path(config.site_dir)  # static-i18n keeps it at the top for every language
    hashes = {script_hash(script) for page in root.rglob("*.html")
              for script in inline_scripts(page.read_text(encoding="utf-8"))}
    headers = security_headers(policy(hashes))
    (root / HEADERS).write_text(headers_file(headers), encoding="utf-8")
    (root / NGINX).write_text(nginx_snippet(headers), encoding="utf-8")
