"""From built pages to a published site, on the fixture site: every page in both languages with its counterpart,
switcher, canonical and alternates; nothing from another origin; the sitemap; search per language; the security
headers; link previews; share controls; redirects; the theme patch; an error page per language."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from helpers import HOME, SITE_CHECKS, BuiltSite, build, build_project, host_headers, make_project, site_problems
from sitecheck import (
    is_redirect,
    url_language,
)

from p2ham.publish.previews import HEIGHT, LOCALES, WIDTH
from p2ham.publish.theme_patch import DISABLED_SELECTOR


@pytest.mark.parametrize("check", SITE_CHECKS)
def test_every_site_wide_check_passes(fixture_site: BuiltSite, check: str) -> None:
    assert len(fixture_site.pages()) >= 2 * 20  # pages, module views, units
    assert site_problems(fixture_site)[check] == []


def test_the_theme_speaks_the_page_language(fixture_site: BuiltSite) -> None:
    assert 'placeholder="Cari"' in fixture_site.text("index.html")
    assert 'placeholder="Search"' in fixture_site.text("en/index.html")
    for prefix, title in (("", "Tautan ke bagian ini"), ("en/", "Link to this section")):
        assert f'title="{title}"' in fixture_site.text(f"{prefix}modul/alfa/index.html")


def test_each_language_has_its_own_error_page(fixture_site: BuiltSite) -> None:
    for prefix, lang in (("", "id"), ("en/", "en")):
        assert fixture_site.page(f"{prefix}404.html").find("html")["lang"] == lang


def test_the_theme_bundle_is_patched(fixture_site: BuiltSite) -> None:
    bundles = list((fixture_site.path / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1 and DISABLED_SELECTOR in bundles[0].read_text("utf-8")


# --- search ----------------------------------------------------------------------------------------------------------

def test_each_language_has_its_own_search_index(fixture_site: BuiltSite) -> None:
    indexes = {lang: json.loads(fixture_site.text(f"{folder}/search_index.json"))
               for lang, folder in (("id", "search"), ("en", "en/search"))}
    for lang, index in indexes.items():
        assert index["config"]["lang"] == [lang]
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        assert "" in pages and "modul/alfa/" in pages
        top = fixture_site.path if lang == "id" else fixture_site.path / "en"
        for location in pages:  # every entry is a page of this language, found from the language's top
            assert (top / location / "index.html").is_file() or (top / location).is_file(), (lang, location)
            assert not location.startswith("en/")
    titles = {lang: {d["title"] for d in index["docs"]} for lang, index in indexes.items()}
    assert "Kemajuan saya" in titles["id"] and "Kemajuan saya" not in titles["en"]
    assert "My progress" in titles["en"] and "My progress" not in titles["id"]
    lunr_id = fixture_site.path / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js"
    assert "lunr.id = function" in lunr_id.read_text("utf-8")


# --- security headers ----------------------------------------------------------------------------------------------

def test_headers_are_shipped_for_static_hosts_and_nginx(fixture_site: BuiltSite) -> None:
    csp = host_headers(fixture_site.path)["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'self'" in csp
    nginx = fixture_site.text("security-headers.nginx.conf")
    assert f'add_header Content-Security-Policy "{csp}" always;' in nginx


# --- link previews -------------------------------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_page_has_a_preview_in_its_language(fixture_site: BuiltSite) -> None:
    problems = []
    for page in fixture_site.pages():
        meta = {tag.get("property"): tag.get("content") for tag in page.soup.find_all("meta", property=True)}
        lang = url_language(page.url, fixture_site.base_path)
        title = page.soup.find("title").get_text()
        if not meta.get("og:title") or not title.startswith(meta["og:title"]):
            problems.append(f"{page.url}: og:title {meta.get('og:title')!r} vs <title> {title!r}")
        if meta.get("og:locale") != LOCALES[lang] or not meta.get("og:description"):
            problems.append(f"{page.url}: og:locale {meta.get('og:locale')} or description missing")
        if urlsplit(meta.get("og:url", "")).path != page.url:
            problems.append(f"{page.url}: og:url {meta.get('og:url')}")
        image = urlsplit(meta.get("og:image", "")).path
        file = fixture_site.path / image.removeprefix(fixture_site.base_path)
        if not image.endswith(".png") or not file.exists() or png_size(file.read_bytes()) != (WIDTH, HEIGHT):
            problems.append(f"{page.url}: og:image {image} missing or not {WIDTH}x{HEIGHT}")
    assert problems == []


def test_unit_pages_share_their_overview_card(fixture_site: BuiltSite) -> None:
    assert list(fixture_site.path.glob("unit-kerja/*/preview.png")) == []  # the cost does not grow with units
    assert (fixture_site.path / "unit-kerja" / "preview.png").exists()
    assert (fixture_site.path / "en" / "unit-kerja" / "preview.png").exists()
    assert (fixture_site.path / "modul" / "alfa" / "pemandu" / "preview.png").exists()  # views have their own


# --- share controls --------------------------------------------------------------------------------------------------

def test_every_page_has_its_share_control_and_qr_code(fixture_site: BuiltSite) -> None:
    checked = 0
    for page in fixture_site.pages():
        canonical = page.soup.select_one("link[rel=canonical]")["href"]
        view = page.soup.select_one("[data-p2ham-view]")
        if view is not None and view["data-p2ham-view"] != "participant" and page.soup.select_one(
                "[data-p2ham-module-qr]"):
            continue  # a trainer's view of a module carries the module page's QR code instead
        share = page.soup.select_one("[data-p2ham-share]")
        assert share is not None, page.url
        assert share.select_one("[data-p2ham-share-address]")["value"] == canonical, page.url
        image = share.select_one("img[data-p2ham-qr]")
        assert image["alt"].endswith(canonical)
        svg = (page.file.parent / image["src"]).read_text("utf-8")
        assert f"<title>{canonical}</title>" in svg, page.url
        checked += 1
    assert checked >= 2 * 12


# --- redirects and stable addresses ---------------------------------------------------------------------------------

def answers(site: Path, address: str) -> str | None:
    """'page', 'redirect' or None for an address on the built site."""
    file = site / address.strip("/") / "index.html"
    if not file.exists():
        return None
    return "redirect" if is_redirect(BeautifulSoup(file.read_text("utf-8"), "html.parser")) else "page"


def test_redirects_lead_to_the_page_in_the_same_language(fixture_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        soup = fixture_site.page(f"{prefix}profil")
        target = soup.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
        landing = (fixture_site.path / prefix / "profil" / target).resolve()
        assert landing == (fixture_site.path / prefix / "tentang").resolve()
        assert soup.find("link", rel="canonical")["href"] == f"{fixture_site.site_url}{prefix}tentang/"
        assert not soup.find("script")
        assert answers(fixture_site.path, f"{prefix}profil/") == "redirect"


@pytest.mark.parametrize(("redirects", "message"), [
    ("lama/: hilang/\n", "content/redirects.yml:1: lama/: the new address /hilang/ is not a page of the site"),
    ("baru/: index/\n", "content/redirects.yml:1: baru/: a page still lives at /baru/: remove the page or the "
                        "redirect"),
])
def test_a_redirect_that_leads_nowhere_fails_the_build(tmp_path: Path, redirects: str, message: str) -> None:
    pages = {**HOME, "baru.md": "# Baru\n", "baru.en.md": "# New\n", "index/index.md": "# I\n",
             "index/index.en.md": "# I\n"}
    result = build_project(tmp_path, pages, fixture_docs=False, files={"content/redirects.yml": redirects})
    assert not result.ok and message in result.log and "Traceback" not in result.log


# --- work done once: the build cache -------------------------------------------------------------------------------

def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def test_the_same_input_gives_the_same_bytes_with_or_without_the_cache(tmp_path: Path) -> None:
    config = make_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": "1764547200"}
    cold = build(config, tmp_path / "cold", env={**env, "P2HAM_CACHE": str(tmp_path / "cache")})
    warm = build(config, tmp_path / "warm", env={**env, "P2HAM_CACHE": str(tmp_path / "cache")})
    assert cold.ok and warm.ok
    assert (tmp_path / "cache" / "preview").is_dir() and (tmp_path / "cache" / "qr").is_dir()
    cold_tree, warm_tree = tree(cold.site), tree(warm.site)
    assert cold_tree.keys() == warm_tree.keys()
    assert [name for name in cold_tree if cold_tree[name] != warm_tree[name]] == []


def test_a_changed_title_gets_a_new_card_never_the_cached_one(tmp_path: Path) -> None:
    from p2ham.publish.previews import card_png

    config = make_project(tmp_path / "project")
    cache = {"P2HAM_CACHE": str(tmp_path / "cache")}
    before = build(config, env=cache)
    assert before.ok
    card = (before.site / "tentang" / "preview.png").read_bytes()
    page = tmp_path / "project" / "docs" / "tentang.md"
    page.write_text(page.read_text("utf-8").replace("title: Tentang", "title: Tentang kami"), "utf-8")
    after = build(config, env=cache)
    assert after.ok
    new = (after.site / "tentang" / "preview.png").read_bytes()
    assert new != card
    assert new == card_png("Tentang kami", "Tentang situs uji.", "P2HAM · Pelayanan Publik Berbasis HAM")
