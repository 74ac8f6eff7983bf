"""Not a hook: what every hook needs from the engine (MkDocs and static-i18n), in one place, and the build context.

static-i18n runs the whole build once per language in the same process, with the same configuration: every hook
event fires once per language. ``hooks/context.py`` calls :func:`start_build` first thing in each language's
build; every hook then asks :func:`context` for what that build knows (:class:`p2ham.context.BuildContext`) instead
of keeping state of its own. A move to another engine rewrites this file and the hooks, not ``p2ham/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from p2ham.context import BuildContext, RunState, make_context
from p2ham.core.errors import ContentError
from p2ham.course.rules import Rules, load_rules

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

OFFLINE_PLUGINS = ("offline", "material/offline")  # the names MkDocs may register Material's offline plugin by
_current: dict[str, Any] = {}  # the context of the build that is running: "context" and the config it is for


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def site_languages(config: MkDocsConfig) -> list[str]:
    """The locales the i18n plugin builds, default first."""
    languages = sorted(_i18n(config).config.languages, key=lambda lang: not lang.default)
    return [lang.locale for lang in languages if lang.build]


def default_language(config: MkDocsConfig) -> str:
    return str(_i18n(config).default_language)


def build_language(config: MkDocsConfig) -> str:
    """The language of the build that is running now (static-i18n runs one build per language)."""
    plugin = _i18n(config)
    return str(plugin.current_language or plugin.default_language)


def every_language_built(config: MkDocsConfig) -> bool:
    """True in the last `on_post_build` handlers below static-i18n's priority (-100) of the outer build: every
    language is built and static-i18n has written its merged files (search index, sitemap)."""
    return not _i18n(config).building


def offline_enabled(config: MkDocsConfig) -> bool:
    """Whether this is the offline build (Material's offline plugin on: pages are files opened from a folder)."""
    for name in OFFLINE_PLUGINS:
        plugin: Any = config.plugins.get(name)
        if plugin is not None:
            return bool(plugin.config.enabled)
    return False


def project_path(config: MkDocsConfig, relative: str = "") -> Path:
    return Path(config.config_file_path).parent / relative


def fail(what: str, error: ContentError) -> NoReturn:
    """Stop the build with every problem, one per line, and no Python traceback."""
    raise PluginError(f"{what}:\n{error}") from None


def content_rules(config: MkDocsConfig) -> Rules:
    """The office's content rules (``extra.content_rules`` in mkdocs.yml over the defaults); a build error, every
    problem named at its line, when they are not valid."""
    rules, problems = load_rules(Path(config.config_file_path), config.extra.get("content_rules"))
    if rules is None:
        fail("The content rules in mkdocs.yml are not valid", ContentError(problems))
    return rules


def configure_extension(config: MkDocsConfig, extension: str, option: str, value: Any, hook: str) -> None:
    """Hand a Markdown extension of the site its per-build object; a build error if mkdocs.yml does not list it."""
    if extension not in config.markdown_extensions:
        raise PluginError(f"mkdocs.yml: markdown_extensions: '{extension}' is needed by {hook}")
    config.mdx_configs.setdefault(extension, {})[option] = value


def start_build(config: MkDocsConfig) -> BuildContext:
    """Make the context of the language whose build starts now; a build error if the content has problems."""
    lang, languages = build_language(config), site_languages(config)
    previous: BuildContext | None = _current.get("context")
    # A run starts with the default language; the other languages' builds keep its run state.
    run = previous.run if previous is not None and lang != languages[0] else RunState()
    try:
        made = make_context(project_path(config), Path(config.docs_dir), lang, languages, config.site_url or "",
                            offline_enabled(config), run)
    except ContentError as error:
        _current.clear()
        fail("The site's content has problems (nothing was built)", error)
    _current.update(context=made, config=id(config))
    return made


def context(config: MkDocsConfig) -> BuildContext:
    """The context of the build that is running now."""
    made: BuildContext | None = _current.get("context")
    if made is None or _current.get("config") != id(config) or made.lang != build_language(config):
        raise PluginError("no build context for this build: hooks/context.py must be the first hook in mkdocs.yml")
    return made


SOURCE_LANG = "p2ham_source_lang"  # a generated page's front matter: the language its text is written in


def page_language(page: Any, config: MkDocsConfig) -> str:
    """The language a page's text is written in: its source file's, which differs on an untranslated page, or for a
    generated page (an untranslated module's views) the one its front matter names (SOURCE_LANG)."""
    meta = getattr(page, "meta", None) or {}
    return str(meta.get(SOURCE_LANG) or getattr(page.file, "locale", None) or build_language(config))


def localised_file(config: MkDocsConfig, src_uri: str, lang: str, content: str, *, dest_uri: str | None = None,
                   inclusion: InclusionLevel | None = None, alternates: bool = False) -> Any:
    """A generated file for one language, carrying the metadata static-i18n gives the files it builds: written at
    `dest_uri` (by default where MkDocs would put `src_uri`), under the language's folder. Links in a generated
    page resolve from `src_uri`'s folder, like those of a page written there. With `alternates`, its counterparts
    in the other languages are set, so that the language switcher leads to the same page in each."""
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
    if alternates:
        for other in site_languages(config):
            if other != lang:
                file.alternates[other] = localised_file(  # type: ignore[attr-defined]
                    config, src_uri, other, "", dest_uri=dest_uri)
    return file


def generated_page(config: MkDocsConfig, src_uri: str, path: str, lang: str, content: str) -> Any:
    """A generated page for one language at `path` (without extension: `modul/x/presentasi`), written as a
    folder (`…/index.html`) or, in the offline build, as a file (`….html`), with its counterparts in the other
    languages."""
    dest = f"{path}/index.html" if config.use_directory_urls else f"{path}.html"
    return localised_file(config, src_uri, lang, content, dest_uri=dest, alternates=True)


def add_to_sitemap(config: MkDocsConfig, lang: str, pages: list[Any]) -> None:
    """static-i18n writes sitemap.xml from its own per-language list of pages: generated pages join it."""
    _i18n(config).i18n_files_per_language.setdefault(lang, []).extend(pages)
