"""Hook: the offline build for trainers, which opens from a folder or USB stick without a server (``file://``).

Material's offline plugin (on only with ``P2HAM_OFFLINE=true``; ``p2ham-offline`` sets it) makes every page a file
(``modul/x.html``). This hook keeps that build working from a folder and free of other origins:

- the iframe-worker shim the plugin would load from a CDN is copied from the npm package into the site and listed
  in ``extra.polyfills``, so the plugin adds no CDN address (the online site does not load it);
- the language switcher's links on the home pages, absolute paths from the host's root, become paths in the site;
- canonical addresses stay the published folder addresses (the pages' own links follow the build).

Nothing happens in the online build. Thin adapter over :mod:`p2ham.publish.offline`, which makes the archive.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from engine import offline_enabled, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from p2ham.core.addresses import public_path, site_relative

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

SHIM_SOURCE = "iframe-worker/shim/index.js"  # in node_modules (package.json: iframe-worker)
SHIM = "assets/javascripts/iframe-worker-shim.js"  # where the site serves it


def _shim_source(config: MkDocsConfig) -> Path:
    return project_path(config, "node_modules") / SHIM_SOURCE


@event_priority(100)  # before the offline plugin's on_config, which adds the CDN shim unless one is listed
def on_config(config: MkDocsConfig) -> None:
    if not offline_enabled(config):
        return
    source = _shim_source(config)
    if not source.is_file():
        raise PluginError(f"{source} not found: the offline build serves the iframe-worker shim from the site. "
                          "Run ./dev setup (it installs the npm packages; needs npm).")
    polyfills = list(config.extra.get("polyfills") or [])
    if SHIM not in polyfills:
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    if config.use_directory_urls:
        return context
    if config.site_url and page.canonical_url:
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        page.canonical_url = urljoin(base, public_path(page.url))
    # static-i18n links the home pages' switcher from the host's root (`/en/index.html`), which from a folder
    # means the disk's root; as a path in the site, the theme makes it relative to the page.
    base_path = urlsplit(config.site_url or "/").path or "/"
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = site_relative(alternate["link"], base_path)
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    if offline_enabled(config):  # static-i18n keeps site_dir at the top for every language
        target = Path(config.site_dir) / SHIM
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_shim_source(config), target)
