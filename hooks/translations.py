"""Hook: the site's interface strings in the reader's language, and no page left untranslated by accident.

Thin adapter over :mod:`p2ham.strings`. static-i18n runs the whole build once per language, so the state is
rebuilt in ``on_config`` and every lookup asks which language is being built now.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import jinja2
from hookutil import build_language, default_language, interface_strings, offline_enabled
from mkdocs.exceptions import PluginError

from p2ham.addresses import public_path
from p2ham.strings import STRINGS_FILE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.translations")
_strings: dict[str, dict[str, str]] = {}


def on_config(config: MkDocsConfig) -> None:
    _strings.clear()
    _strings.update(interface_strings(config))
    # The heading permalinks' title in the language being built (mkdocs.yml can only give one).
    if "toc" in config.markdown_extensions:
        title = _strings[build_language(config)]["permalink_title"]
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = title


@jinja2.pass_context
def _translate(context: Any, key: str) -> str:
    language = context["config"].theme["language"]
    try:
        return _strings[language][key]
    except KeyError:
        raise PluginError(f"{STRINGS_FILE}: {language}.{key}: unknown interface string") from None


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["p2ham_t"] = _translate
    return env


def absolute_alternates(site_url: str, alternates: list[dict[str, str]], default: str) -> list[dict[str, str]]:
    """The language switcher's links as absolute addresses, plus x-default for the default language.

    static-i18n gives page links relative to the site ("en/tentang/") and home links from the host root
    ("/en/", with the site's path in front when it has one); joining each to site_url gives the right address.
    They are published addresses: in the offline build, whose links are files (`en/tentang.html`), the folder.
    """
    found = [{"lang": alt["lang"], "href": urljoin(site_url, public_path(alt["link"]))} for alt in alternates]
    found += [{"lang": "x-default", "href": alt["href"]} for alt in found if alt["lang"] == default]
    return found


def on_page_context(context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    alternates = getattr(config.extra, "alternate", None)  # static-i18n sets it per page as an attribute
    if config.site_url and isinstance(alternates, list):
        context["p2ham_alternates"] = absolute_alternates(config.site_url, alternates, default_language(config))
    return context


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Warn (and so fail a strict build) when a page falls back to another language without saying so."""
    source_language = getattr(page.file, "locale", None)
    if source_language and source_language != build_language(config) and page.meta.get("translation") != "pending":
        log.warning(
            "%s: no '%s' translation. Add one, or mark the page 'translation: pending' in its front matter "
            "to publish it with a notice.",
            page.file.src_uri,
            build_language(config),
        )
    return None


_error_page: dict[str, bytes] = {}
ERROR_PAGE = "404.html"


def on_post_build(*, config: MkDocsConfig) -> None:
    """One error page per language: the theme writes `404.html` at the site's top in every language's build, so
    the last language would replace the default one. Its own goes to `<lang>/404.html` (its links are absolute,
    so it works there) and the default language's is put back."""
    root = Path(config.site_dir)
    page = root / ERROR_PAGE
    if not page.is_file() or offline_enabled(config):  # a folder opened without a server has no error page
        return
    lang = build_language(config)
    if lang == default_language(config):
        _error_page["default"] = page.read_bytes()
    elif "default" in _error_page:
        target = root / lang / ERROR_PAGE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        page.write_bytes(_error_page["default"])
