"""Hook: the site's interface strings in the reader's language, for the templates (``p2ham_t('key')``) and for the
heading permalinks' title (mkdocs.yml can give only one). The strings are read and checked once per build by the
build context. Thin adapter over :mod:`p2ham.core.strings`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import jinja2
from engine import context
from mkdocs.exceptions import PluginError

from p2ham.core.strings import STRINGS_FILE

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def on_config(config: MkDocsConfig) -> None:
    if "toc" in config.markdown_extensions:
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = context(config).t["permalink_title"]


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    strings = context(config).strings

    @jinja2.pass_context
    def translate(template: Any, key: str) -> str:
        language = template["config"].theme["language"]
        try:
            return strings[language][key]
        except KeyError:
            raise PluginError(f"{STRINGS_FILE}: {language}.{key}: unknown interface string") from None

    env.globals["p2ham_t"] = translate
    return env
