"""Search in the reader's language: one index per language, pages pointed at their own, and Indonesian words
matching their affixed forms through the Snowball stemmer (checked against the Python Snowball implementation)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import IN_CI, ROOT, BuiltSite

from p2ham.search import SearchSetupError, language_of, lunr_indonesian, rebase_page_config, split_index

CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [" "], "fields": {}}


def test_locations_are_split_by_language_and_made_relative_to_it() -> None:
    docs = [{"location": "", "title": "Beranda"}, {"location": "en/", "title": "Home"},
            {"location": "entri/", "title": "Entri"}, {"location": "en/modul/x/#a", "title": "A"},
            {"location": "modul/x/#a", "title": "A id"}]
    indexes = split_index({"config": CONFIG, "docs": docs}, ["id", "en"], "id")
    assert [d["location"] for d in indexes["id"]["docs"]] == ["", "entri/", "modul/x/#a"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["", "modul/x/#a"]
    assert indexes["id"]["config"]["lang"] == ["id"] and "stemmer" in indexes["id"]["config"]["pipeline"]
    assert indexes["en"]["config"]["lang"] == ["en"] and "trimmer" in indexes["en"]["config"]["pipeline"]
    assert language_of("en", ["id", "en"], "id") == "id"  # a page called "en" in the default language


def test_page_config_points_at_its_language_folder() -> None:
    page = '<p>x</p><script id="__config" type="application/json">{"base":"../..","search":"w.js"}</script>'
    assert rebase_page_config(page, "id", "id") == page
    rebased = rebase_page_config(page, "en", "id")
    config = json.loads(re.search(r'json">(.*?)</script>', rebased).group(1))  # type: ignore[union-attr]
    assert config == {"base": "../../en/", "search": "w.js"}
    with pytest.raises(SearchSetupError, match="__config"):
        rebase_page_config("<p>theme changed</p>", "en", "id")


def test_missing_npm_package_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchSetupError, match=r"run \./dev setup"):
        lunr_indonesian(tmp_path)


def test_built_site_has_one_index_per_language(built_site: BuiltSite) -> None:
    indexes = {lang: json.loads((built_site.path / folder / "search_index.json").read_text("utf-8"))
               for lang, folder in (("id", "search"), ("en", "en/search"))}
    for lang, index in indexes.items():
        assert index["config"]["lang"] == [lang]
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        assert "" in pages and "modul/asas-pelayanan-publik/" in pages
        for location in pages:  # every entry is a page of this language, found from the language's top
            top = built_site.path if lang == "id" else built_site.path / "en"
            assert (top / location / "index.html").is_file() or (top / location).is_file(), (lang, location)
            assert not location.startswith("en/")
    titles = {lang: {d["title"] for d in index["docs"]} for lang, index in indexes.items()}
    assert "Kemajuan saya" in titles["id"] and "Kemajuan saya" not in titles["en"]
    assert "My progress" in titles["en"] and "My progress" not in titles["id"]
    lunr_id = built_site.path / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js"
    assert "lunr.id = function" in lunr_id.read_text("utf-8")


def words_of_indonesian_modules() -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in (ROOT / "docs" / "modul").glob("*.md") if ".en." not in p.name)
    return sorted({w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)})


def test_the_npm_stemmer_is_the_snowball_indonesian_stemmer() -> None:
    """The stemmer the site ships (JavaScript, from npm) stems every word of the Indonesian modules exactly like
    the Snowball project's Python implementation of the same algorithm."""
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("node is needed to check the search stemmer under CI=true")
        pytest.skip("node is not installed")
    snowballstemmer = pytest.importorskip("snowballstemmer")
    words = words_of_indonesian_modules()
    assert len(words) > 1000
    script = ("const S = require(process.argv[1]); const s = new S(); const words = JSON.parse(require('fs')"
              ".readFileSync(0, 'utf8')); process.stdout.write(JSON.stringify(words.map(w => s.stemWord(w))));")
    stemmer = ROOT / "node_modules" / "@nlpjs" / "lang-id" / "src" / "indonesian-stemmer.js"
    result = subprocess.run([node, "-e", script, str(stemmer)], input=json.dumps(words), capture_output=True,
                            text=True, check=True)
    ours = json.loads(result.stdout)
    reference = snowballstemmer.stemmer("indonesian").stemWords(words)
    differ = [(w, a, b) for w, a, b in zip(words, ours, reference, strict=True) if a != b]
    assert not differ, differ[:20]
    stems = dict(zip(words, ours, strict=True))
    assert stems["melayani"] == stems["pelayanan"] == stems["layanan"] == "layan"


def search(page: Any, words: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"  # the count is announced
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return list(hrefs)


@pytest.mark.browser
def test_readers_get_results_in_their_own_language(browser: Any, site_server: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server + "modul/p2ham-p5ham/")
    # "diadukan" appears nowhere on the site; its stem (adu) does, in "pengaduan" and "mengadukan".
    found = search(page, "diadukan")
    assert found and all(not href.startswith(site_server + "en/") for href in found), found
    assert any("standar-pelayanan" in href for href in found), found
    found = search(page, "pelay")  # while typing: a word's beginning still finds it
    assert any("asas-pelayanan-publik" in href for href in found), found
    page.goto(site_server + "en/modul/p2ham-p5ham/")
    found = search(page, "complaints")
    assert found and all(href.startswith(site_server + "en/") for href in found), found
    page.goto(site_server + "en/glosarium/")
    found = search(page, "pelayanan")  # an Indonesian word on an English page: English pages only
    assert all(href.startswith(site_server + "en/") for href in found), found
    assert not errors
    context.close()
