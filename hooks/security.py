"""Hook: the site's security headers (a strict CSP with the hashes of the inline scripts the theme writes), as
`_headers` and `security-headers.nginx.conf` at the top of the site. Each page's inline scripts are hashed as the
page is written (in every language); after the last language, the headers are written. Thin adapter over
:mod:`p2ham.publish.security`; DEPLOY.md says how each host uses them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from engine import context
from mkdocs.plugins import event_priority

from p2ham.core.addresses import public_path
from p2ham.publish.security import headers_file, inline_scripts, nginx_snippet, policy, script_hash, security_headers

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

HEADERS = "_headers"
NGINX = "security-headers.nginx.conf"


def _record(config: MkDocsConfig, output: str) -> None:
    context(config).run.script_hashes.update(script_hash(script) for script in inline_scripts(output))


@event_priority(-100)  # after every hook that changes a page's output: what is hashed is what is written
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    _record(config, output)
    return output


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    _record(config, output_content)  # the error page and the theme's other pages
    return output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    ctx = context(config)
    if not ctx.last:
        return  # static-i18n builds the other languages into subfolders afterwards; wait for the last one
    root = Path(config.site_dir)  # static-i18n keeps it at the top for every language
    headers = security_headers(policy(ctx.run.script_hashes))
    base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    # The pages that may use the camera (the class sessions' collection page, in every language), from the host's
    # root; in the online build only (the offline folder has no headers).
    camera = sorted(base + public_path(url) for url in ctx.run.camera_pages)
    (root / HEADERS).write_text(headers_file(headers, camera), encoding="utf-8")
    (root / NGINX).write_text(nginx_snippet(headers, camera), encoding="utf-8")
