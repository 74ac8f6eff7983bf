"""Hook: search in the reader's language. Thin adapter over :mod:`p2ham.publish.search`.

Every page's theme configuration is pointed at its language's folder; once static-i18n has written its merged
index (after the last language), the index is split per language and the Indonesian lunr language is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from engine import context, every_language_built, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from p2ham.mdext.view import DECK_VIEWS
from p2ham.publish.search import (
    OWN_LUNR_LANGUAGE,
    SearchSetupError,
    index_folder,
    index_script,
    lunr_indonesian,
    rebase_page_config,
    split_index,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("p2ham_view") in DECK_VIEWS:
        return output  # a presentation's own page: no theme, so no search
    ctx = context(config)
    try:
        return rebase_page_config(output, ctx.lang, ctx.default)
    except SearchSetupError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


@event_priority(-200)  # after static-i18n (-100) has built every language and written the merged index
def on_post_build(*, config: MkDocsConfig) -> None:
    if not every_language_built(config):
        return  # a language built inside the default one's build; the merged index is not written yet
    ctx = context(config)
    root = Path(config.site_dir)
    merged = root / "search" / "search_index.json"
    if not merged.is_file():
        raise PluginError(f"{merged}: the search index was not written (is the search plugin on?)")
    offline = (root / "search" / "search_index.js").is_file()  # Material's offline plugin inlines the index
    indexes = split_index(json.loads(merged.read_text(encoding="utf-8")), list(ctx.languages), ctx.default)
    for lang, index in indexes.items():
        folder = root / index_folder(lang, ctx.default)
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(index_script(text), encoding="utf-8")
    if OWN_LUNR_LANGUAGE in indexes:
        try:
            script = lunr_indonesian(project_path(config, "node_modules"))
        except SearchSetupError as exc:
            raise PluginError(str(exc)) from None
        target = root / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{OWN_LUNR_LANGUAGE}.min.js"
        target.write_text(script, encoding="utf-8")
