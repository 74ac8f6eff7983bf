"""Shared by the hooks (not a hook itself): what the i18n plugin is building now, and error reporting."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from p2ham.errors import ContentError
from p2ham.modules import Module, collect_modules
from p2ham.strings import STRINGS_FILE, load_strings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def site_languages(config: MkDocsConfig) -> list[str]:
    """The locales the i18n plugin builds, default first."""
    plugin: Any = config.plugins["i18n"]
    languages = sorted(plugin.config.languages, key=lambda lang: not lang.default)
    return [lang.locale for lang in languages if lang.build]


def default_language(config: MkDocsConfig) -> str:
    plugin: Any = config.plugins["i18n"]
    return str(plugin.default_language)


def build_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now (static-i18n runs one build per language)."""
    plugin: Any = config.plugins["i18n"]
    return str(plugin.current_language or plugin.default_language)


def every_language_built(config: MkDocsConfig) -> bool:
    """True in the last `on_post_build` handlers below static-i18n's priority (-100) of the outer build: every
    language is built and static-i18n has written its merged files (search index, sitemap)."""
    plugin: Any = config.plugins["i18n"]
    return not plugin.building


OFFLINE_PLUGINS = ("offline", "material/offline")  # the names MkDocs may register Material's offline plugin by


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether this is the offline build (Material's offline plugin on: pages are files opened from a folder)."""
    for name in OFFLINE_PLUGINS:
        plugin: Any = config.plugins.get(name)
        if plugin is not None:
            return bool(plugin.config.enabled)
    return False


def page_language(page: Any, config: MkDocsConfig) -> str:
    """The language a page's text is written in (its source file's, which differs on an untranslated page)."""
    return str(getattr(page.file, "locale", None) or build_language(config))


def project_path(config: MkDocsConfig, relative: str) -> Path:
    return Path(config.config_file_path).parent / relative


def interface_strings(config: MkDocsConfig) -> dict[str, dict[str, str]]:
    """The site's interface strings, checked complete in every language; a build error otherwise.

    Several hooks need them at every build's start: the file is read once until it changes.
    """
    path = project_path(config, STRINGS_FILE)
    key = (str(path), path.stat().st_mtime_ns if path.exists() else 0, tuple(site_languages(config)))
    if _strings_cache.get("key") != key:
        try:
            _strings_cache["strings"] = load_strings(path, list(key[2]))
        except ContentError as error:
            fail("Interface strings are incomplete", error)
        _strings_cache["key"] = key
    strings: dict[str, dict[str, str]] = _strings_cache["strings"]
    return strings


_strings_cache: dict[str, Any] = {}


def site_modules(config: MkDocsConfig) -> list[Module]:
    """The training modules in the language being built, in order; a build error if their front matter is bad."""
    try:
        return collect_modules(Path(config.docs_dir), build_language(config), default_language(config))
    except ContentError as error:
        fail("Module front matter is invalid", error)


def fail(what: str, error: ContentError) -> NoReturn:
    """Stop the build with every problem, one per line, and no Python traceback."""
    raise PluginError(f"{what}:\n{error}") from None


def localised_file(config: MkDocsConfig, src_uri: str, lang: str, content: str, *, dest_uri: str | None = None,
                   inclusion: InclusionLevel | None = None) -> Any:
    """A generated file for one language, carrying the metadata static-i18n gives the files it builds: written at
    `dest_uri` (by default where MkDocs would put `src_uri`), under the language's folder. Links in a generated
    page resolve from `src_uri`'s folder, like those of a page written there."""
    default = default_language(config)
    # Generated pages stay out of the navigation (the site would grow quadratically), without a warning.
    file = File.generated(config, src_uri, content=content, inclusion=inclusion or InclusionLevel.NOT_IN_NAV)
    prefix = "" if lang == default else f"{lang}/"
    file.dest_uri = prefix + (dest_uri or file.dest_uri)
    file.locale = lang  # type: ignore[attr-defined]
    file.localization = None if lang == default else lang  # type: ignore[attr-defined]
    file.locale_alternate_of = lang  # type: ignore[attr-defined]
    file.norm_src_uri = src_uri  # type: ignore[attr-defined]
    file.alternates = {lang: file}  # type: ignore[attr-defined]
    return file


def generated_page(config: MkDocsConfig, src_uri: str, path: str, lang: str, content: str) -> Any:
    """A generated page for one language at `path` (without extension: `modul/x/presentasi`), written as a
    folder (`…/index.html`) or, in the offline build, as a file (`….html`)."""
    dest = f"{path}/index.html" if config.use_directory_urls else f"{path}.html"
    return localised_file(config, src_uri, lang, content, dest_uri=dest)
