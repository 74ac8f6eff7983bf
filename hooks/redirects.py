"""Hook: keep moved addresses working. For each entry of content/redirects.yml, in the language being built, a
small HTML page at the old address sends readers (and search engines, via canonical) to the new one, without
JavaScript. Thin adapter over :mod:`p2ham.redirects`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hookutil import build_language, default_language, fail, interface_strings, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from p2ham.addresses import public_path
from p2ham.errors import ContentError
from p2ham.redirects import Redirect, load_redirects
from p2ham.render import render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

REDIRECTS_FILE = "content/redirects.yml"
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> None:
    _state.clear()
    try:
        _state["redirects"] = load_redirects(project_path(config, REDIRECTS_FILE))
    except ContentError as error:
        fail("Redirects are invalid", error)
    _state["strings"] = interface_strings(config)


@event_priority(-120)  # after static-i18n (-100) and the generated unit pages (-110): every address is known
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang, default = build_language(config), default_language(config)
    prefix = "" if lang == default else f"{lang}/"
    # Redirects name published (folder) addresses; the pages' own URLs are files in the offline build.
    pages = {public_path(file.url): file for file in files.documentation_pages()}
    redirect: Redirect
    for redirect in _state["redirects"]:
        old, new = prefix + redirect.old, prefix + redirect.new
        where = f"{REDIRECTS_FILE}:{redirect.line}: {redirect.old}"
        if old in pages:
            raise PluginError(f"{where}: a page still lives at /{old}: remove the page or the redirect")
        if new not in pages:
            raise PluginError(f"{where}: the new address /{new} is not a page of the site")
        html = render("redirect.html", lang=lang, target=get_relative_url(pages[new].url, old),
                      absolute=(config.site_url or "/") + new, text=_state["strings"][lang]["redirect_moved"])
        files.append(File.generated(config, f"{old}index.html", content=html))
    return files
