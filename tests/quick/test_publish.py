"""Publishing without a build: search per language, the security policy, link-preview cards, QR codes, the
languages' absolute alternates."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from sitecheck import parsed_inline_scripts

from p2ham.core.cache import Cache
from p2ham.publish.languages import absolute_alternates, untranslated
from p2ham.publish.previews import HEIGHT, WIDTH, card_path, card_png
from p2ham.publish.search import SearchSetupError, language_of, lunr_indonesian, rebase_page_config, split_index
from p2ham.publish.security import inline_scripts, policy, script_hash
from p2ham.publish.share import cached_qr_svg, qr_path, qr_svg, warm_qr_cache

SITE = "https://p2ham.example.org/"
CONFIG = {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [" "], "fields": {}}


# --- search -----------------------------------------------------------------------------------------------------

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


# --- security policy -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
    '<script type="module">b()</script>',
    '<SCRIPT TYPE="text/javascript">c()</SCRIPT><script\ntype=module>d()</script ><script async src=x.js></script>',
    '<p>no script</p><script id="__config" type="application/json">{"a":"</p>"}</script><script>x<y</script>',
])
def test_the_builds_inline_scripts_are_those_a_parser_finds(html: str) -> None:
    assert inline_scripts(html) == parsed_inline_scripts(html)


def test_inline_scripts_are_found_and_hashed() -> None:
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<script type="module">b()</script>')
    assert inline_scripts(html) == ["a()", "b()"]
    assert script_hash("a()").startswith("'sha256-")
    csp = policy([script_hash("a()")])
    assert "'unsafe-inline'" not in csp and "object-src 'none'" in csp and "base-uri 'none'" in csp


# --- link previews --------------------------------------------------------------------------------------------

def test_a_card_is_drawn_without_network_or_font_files() -> None:
    data = card_png("Judul yang panjang " * 10, "Deskripsi " * 40, "P2HAM")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (WIDTH, HEIGHT)


@pytest.mark.parametrize(("url", "shared", "card"), [
    ("", False, "preview.png"), ("modul/x/", False, "modul/x/preview.png"), ("modul/x.html", False,
                                                                              "modul/x/preview.png"),
    ("en/unit-kerja/lapas/", True, "en/unit-kerja/preview.png"), ("unit-kerja/lapas.html", True,
                                                                   "unit-kerja/preview.png"),
])
def test_a_card_is_published_beside_its_page_or_its_parent(url: str, shared: bool, card: str) -> None:
    assert card_path(url, shared_with_parent=shared) == card


# --- share ----------------------------------------------------------------------------------------------------

def test_qr_file_sits_beside_the_page() -> None:
    assert qr_path("modul/x/index.html") == "modul/x/index.qr.svg"
    assert qr_path("modul/x.html") == "modul/x.qr.svg"
    svg = qr_svg(SITE + "modul/x/")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "viewBox" in svg
    assert f"<title>{SITE}modul/x/</title>" in svg


def test_qr_codes_made_on_every_core_are_those_a_page_would_make(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache")
    addresses = [f"{SITE}unit-kerja/u{n:03d}/" for n in range(6)]
    assert warm_qr_cache(cache, addresses[:2], processes=2, at_least=3) == 0  # too few to start processes for
    assert warm_qr_cache(cache, addresses, processes=2, at_least=3) == 6
    assert warm_qr_cache(cache, addresses, processes=2, at_least=3) == 0  # kept: nothing left to make
    for address in addresses:
        assert cached_qr_svg(Cache(tmp_path / "empty"), address) == cached_qr_svg(cache, address) == qr_svg(address)


# --- languages ------------------------------------------------------------------------------------------------

def test_alternates_become_absolute_under_a_site_path() -> None:
    links = [{"lang": "id", "link": "/p2ham/"}, {"lang": "en", "link": "/p2ham/en/"}]
    assert absolute_alternates("https://x.org/p2ham/", links, "id") == [
        {"lang": "id", "href": "https://x.org/p2ham/"}, {"lang": "en", "href": "https://x.org/p2ham/en/"},
        {"lang": "x-default", "href": "https://x.org/p2ham/"}]
    pages = [{"lang": "id", "link": "tentang/"}, {"lang": "en", "link": "en/tentang/"}]
    assert absolute_alternates("https://x.org/p2ham/", pages, "id")[1] == {
        "lang": "en", "href": "https://x.org/p2ham/en/tentang/"}


def test_hreflang_alternates_of_offline_pages_are_published_folders() -> None:
    links = [{"lang": "id", "link": "/index.html"}, {"lang": "en", "link": "en/tentang.html"}]
    assert [alt["href"] for alt in absolute_alternates("https://x.org/", links, "id")] == [
        "https://x.org/", "https://x.org/en/tentang/", "https://x.org/"]


def test_a_page_is_untranslated_when_shown_in_another_language_unannounced() -> None:
    assert untranslated("id", "en", None)
    assert not untranslated("id", "en", "pending")
    assert not untranslated("en", "en", None) and not untranslated(None, "en", None)
