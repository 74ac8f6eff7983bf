"""Hook: keep moved addresses working. For each entry of ``content/redirects.yml``, in the language being built, a
small HTML page at the old address sends readers (and search engines, via canonical) to the new one, without
JavaScript. Thin adapter over :mod:`p2ham.publish.redirects`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine import context, fail, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from p2ham.core.addresses import public_path
from p2ham.core.errors import ContentError
from p2ham.core.render import render
from p2ham.publish.redirects import REDIRECTS_FILE, load_redirects

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(-120)  # after static-i18n (-100) and the generated pages (-110): every address is known
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = context(config)
    try:
        redirects = load_redirects(project_path(config, REDIRECTS_FILE))
    except ContentError as error:
        fail("Redirects are invalid", error)
    prefix = "" if ctx.lang == ctx.default else f"{ctx.lang}/"
    # Redirects name published (folder) addresses; the pages' own URLs are files in the offline build.
    pages = {public_path(file.url): file for file in files.documentation_pages()}
    for redirect in redirects:
        old, new = prefix + redirect.old, prefix + redirect.new
        where = f"{REDIRECTS_FILE}:{redirect.line}: {redirect.old}"
        if old in pages:
            raise PluginError(f"{where}: a page still lives at /{old}: remove the page or the redirect")
        if new not in pages:
            raise PluginError(f"{where}: the new address /{new} is not a page of the site")
        html = render("redirect.html", lang=ctx.lang, target=get_relative_url(pages[new].url, old),
                      absolute=(config.site_url or "/") + new, text=ctx.t["redirect_moved"])
        files.append(File.generated(config, f"{old}index.html", content=html))
    return files
