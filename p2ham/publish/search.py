"""Search in the reader's language.

static-i18n merges every language into one search index at the site's top, so a reader on an Indonesian page got
English results too. After the build, :func:`split_index` makes one index per language, each page's theme
configuration points its search at its own language's index (:func:`rebase_page_config`), and Indonesian gets a
lunr language (:func:`lunr_indonesian`) whose stemmer is the Snowball Indonesian stemmer from the npm package
``@nlpjs/lang-id``, so that *melayani*, *pelayanan* and *layanan* find each other.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

# The lunr pipeline functions each language's index uses (Material removes the ones not listed). English keeps
# Material's own default (no stemmer: Material searches as you type with trailing wildcards, which lunr does not
# stem, so a stemmed index would miss "complaints"). Indonesian's stemmer handles that itself (assets/lunr.id.js).
# Indonesian has no stop-word list: short function words are kept, which never hides a term a reader typed.
PIPELINES = {"en": ["trimmer", "stopWordFilter"], "id": ["trimmer", "stemmer"]}
# The language lunr.js supports only through a file of ours (lunr.<lang>.min.js in Material's lunr folder).
OWN_LUNR_LANGUAGE = "id"
STEMMER_MODULE = "@nlpjs/lang-id/src/indonesian-stemmer.js"
ADAPTER = Path(__file__).parent / "assets" / "lunr.id.js"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


class SearchSetupError(Exception):
    """The search assets cannot be made (a missing npm package, a theme that changed)."""


def language_of(location: str, languages: list[str], default: str) -> str:
    """The language of a search entry, from its location relative to the site's top (`en/x/` is English)."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default and "/" in location else default


def split_index(index: dict[str, Any], languages: list[str], default: str) -> dict[str, dict[str, Any]]:
    """One search index per language, each entry's location made relative to its language's top folder."""
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in index["docs"]:
        lang = language_of(doc["location"], languages, default)
        location = doc["location"] if lang == default else doc["location"][len(lang) + 1:]
        docs[lang].append({**doc, "location": location})
    return {lang: {"config": {**index["config"], "lang": [lang], "pipeline": PIPELINES.get(lang, PIPELINES["en"])},
                   "docs": docs[lang]}
            for lang in languages}


def index_folder(lang: str, default: str) -> str:
    """Where a language's search index lives, relative to the site's top."""
    return "search" if lang == default else f"{lang}/search"


def rebase_page_config(page_html: str, lang: str, default: str) -> str:
    """Point a page's theme configuration at its language's top folder, where its own search index lives.

    Material reads the search index (and resolves result links) from ``config.base``; for pages of another
    language than the default it becomes ``<base>/<lang>/``.
    """
    if lang == default:
        return page_html
    match = CONFIG_SCRIPT.search(page_html)
    if match is None:
        raise SearchSetupError('the theme no longer writes <script id="__config" type="application/json">')
    config = json.loads(match.group(2))
    config["base"] = posixpath.join(config["base"], lang) + "/"  # a folder: URLs resolve inside it
    payload = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return page_html[:match.start(2)] + payload + page_html[match.end(2):]


def lunr_indonesian(node_modules: Path) -> str:
    """The lunr language file for Indonesian: the Snowball stemmer from npm, wrapped by our adapter."""
    stemmer = node_modules / STEMMER_MODULE
    if not stemmer.is_file():
        raise SearchSetupError(f"{stemmer} not found: run ./dev setup (it installs the npm packages)")
    source = stemmer.read_text(encoding="utf-8")
    if "module.exports = IndonesianStemmer" not in source:
        raise SearchSetupError(f"{stemmer}: no longer exports IndonesianStemmer; check the package's new version")
    return ("(function () {\n  var module = {exports: {}};\n" + source
            + "\n  var IndonesianStemmer = module.exports;\n" + ADAPTER.read_text(encoding="utf-8") + "})();\n")


def index_script(index_json: str) -> str:
    """The search index as a script, for pages opened from the file system (Material's offline mode)."""
    return f"var __index = {index_json}"
