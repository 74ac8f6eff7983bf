"""The offline archive for trainers: the fixture site built with Material's offline plugin, zipped, and offline_folder
as a trainer would: every link resolves to a file, nothing comes from another origin, public addresses stay the
published folders, the archive is the same bytes for the same site, and a failed build writes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import ARCHIVE_DATE
from helpers import HOME, ROOT, BuiltSite, make_project
from sitecheck import (
    BuiltPage,
    check_alternates,
    external_resources_in_css,
    external_resources_in_html,
    has_no_chrome,
    is_external,
    is_redirect,
)

from p2ham.core.addresses import public_path
from p2ham.publish.offline import HOST_ONLY, README, TOP_FOLDER, zip_folder

MODULE = "modul/alfa.html"
SHIM = "assets/javascripts/iframe-worker-shim.js"
# Schemes that never fetch anything from another origin.
LOCAL_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")


def html_pages(folder: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(file.relative_to(folder).as_posix(), BeautifulSoup(file.read_text("utf-8"), "html.parser"))
            for file in sorted(folder.rglob("*.html"))]


def content_pages(folder: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(path, soup) for path, soup in html_pages(folder) if not is_redirect(soup)]


# The build --------------------------------------------------------------------------------------------------------

def test_the_offline_build_makes_files_not_folders(offline_site: BuiltSite) -> None:
    offline_site = offline_site.path  # type: ignore[assignment]
    assert (offline_site / "index.html").is_file()
    assert (offline_site / MODULE).is_file()
    assert (offline_site / "en" / MODULE).is_file()
    assert not (offline_site / "modul" / "alfa" / "index.html").exists()
    assert (offline_site / SHIM).read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    for lang in ("", "en/"):  # hooks/search.py: one inlined index per language, read without a server
        assert (offline_site / f"{lang}search/search_index.js").read_text("utf-8").startswith("var __index")
    for lang, text in (("", "salinan luring"), ("en/", "offline copy")):  # no link to the archive inside it
        page = BeautifulSoup((offline_site / f"{lang}pemandu.html").read_text("utf-8"), "html.parser")
        note = page.select_one("[data-p2ham-offline-archive]")
        assert note is not None and text in note.get_text() and note.select_one("a") is None


# What the archive holds, read as files ----------------------------------------------------------------------------

def link_problems(folder: Path, path: str, soup: BeautifulSoup, site_url: str) -> list[str]:
    """Every href/src of a page that does not lead to a file of the archive (or is a resource from elsewhere)."""
    problems = []
    here = (folder / path).parent
    for node in soup.find_all(True):
        for attr in ("href", "src"):
            value = node.get(attr)
            if value is None:
                continue
            value = str(value).strip()
            rels = {str(rel) for rel in node.get("rel", [])}
            if value.startswith("#") or value.startswith(LOCAL_SCHEMES):
                continue
            if is_external(value):
                # Published addresses for search engines, and links the text makes to other sites, are allowed;
                # a link to the online site itself from the page is not (the archive has every page).
                if node.name == "link" and rels & {"canonical", "alternate"}:
                    continue
                if node.name == "a" and not value.startswith(site_url):
                    continue
                problems.append(f"{path}: <{node.name} {attr}={value}> leaves the archive")
                continue
            target_path = unquote(urlsplit(value).path)
            if not target_path:
                continue
            target = here / target_path
            if target_path.startswith("/") or target_path.endswith("/") or not target.is_file():
                problems.append(f"{path}: <{node.name} {attr}={value}> is not a file of the archive")
    return problems


def test_every_link_in_the_archive_opens_a_file(offline_folder: Path, offline_site: BuiltSite) -> None:
    pages = html_pages(offline_folder)
    assert len(pages) > 40
    problems = [problem for path, soup in pages for problem in link_problems(offline_folder, path, soup,
                                                                              offline_site.site_url)]
    assert problems == []


def test_nothing_in_the_archive_loads_from_another_origin(offline_folder: Path) -> None:
    problems = []
    for path, soup in html_pages(offline_folder):
        problems += external_resources_in_html(BuiltPage(file=offline_folder / path, url=path, soup=soup))
        scripts = [str(node["src"]) for node in soup.find_all("script", src=True)]
        if not is_redirect(soup) and not has_no_chrome(soup) and not any(src.endswith(SHIM) for src in scripts):
            problems.append(f"{path}: the local iframe-worker shim is not loaded")
    for css in sorted(offline_folder.rglob("*.css")):
        problems += external_resources_in_css(css.relative_to(offline_folder).as_posix(), css.read_text("utf-8"))
    assert problems == []


def test_the_language_switcher_leads_to_the_counterpart_file(offline_folder: Path) -> None:
    problems = []
    pages = content_pages(offline_folder)
    for path, soup in pages:
        if has_no_chrome(soup):
            continue  # a presentation's window: slides only, no switcher
        base = path.removeprefix("en/")
        expected = {"id": base, "en": f"en/{base}"}
        found = {str(a["hreflang"]): str(a["href"]) for a in soup.select(".md-select a[hreflang]")}
        for lang, target in expected.items():
            href = found.get(lang)
            resolved = (offline_folder / path).parent / href if href else None
            if resolved is None or not resolved.is_file() or resolved.resolve() != (offline_folder / target).resolve():
                problems.append(f"{path}: switcher {lang} link is {href!r}, expected the file {target}")
    assert [path for path, _ in pages if path in ("index.html", "en/index.html")] == ["en/index.html", "index.html"]
    assert problems == []


def test_public_addresses_stay_the_published_folders(offline_folder: Path, offline_site: BuiltSite) -> None:
    """Canonical, hreflang and Open Graph addresses are those of the online site, never `x.html`."""
    url = offline_site.site_url
    base = offline_site.base_path
    pages = [BuiltPage(file=offline_folder / path, url=base + public_path(path), soup=soup)
             for path, soup in content_pages(offline_folder) if path != "404.html"]
    assert check_alternates(pages, url, base) == []
    for page in pages:
        og = page.soup.find("meta", property="og:url")
        assert og is not None and og["content"] == url + page.url.removeprefix(base), page.file
    unit = next(page for page in pages
                if page.url.startswith(f"{base}unit-kerja/") and page.url != f"{base}unit-kerja/")
    snippet = unit.soup.select_one(".p2ham-snippet code").get_text()
    assert f'href="{url}{unit.url.removeprefix(base)}"' in snippet
    assert f'src="{url}{unit.url.removeprefix(base)}badge.svg"' in snippet


# The archive ------------------------------------------------------------------------------------------------------

def test_the_archive_has_one_top_folder_with_the_site_and_a_readme(offline_archive: Path) -> None:
    with zipfile.ZipFile(offline_archive) as zf:
        names = zf.namelist()
        readme = zf.read(f"{TOP_FOLDER}/{README}").decode("utf-8")
    assert names[0] == f"{TOP_FOLDER}/{README}"
    assert all(name.startswith(f"{TOP_FOLDER}/") for name in names)
    assert {f"{TOP_FOLDER}/index.html", f"{TOP_FOLDER}/en/index.html", f"{TOP_FOLDER}/{MODULE}"} <= set(names)
    assert names[1:] == sorted(names[1:])
    assert not [name for name in names if name.removeprefix(f"{TOP_FOLDER}/") in HOST_ONLY]
    assert not [name for name in names if name.endswith((".map", "/preview.png"))]
    assert "index.html" in readme and "14 Maret 2026" in readme and "14 March 2026" in readme
    assert "peramban ini" in readme and "this browser" in readme


def test_the_archive_is_the_same_bytes_for_the_same_site(offline_site: BuiltSite, offline_archive: Path,
                                                         tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(offline_site.path, copy)
    for file in copy.rglob("*"):  # files written at another time: the archive must not change
        os.utime(file, (1_800_000_000, 1_800_000_000))
    again = zip_folder(copy, tmp_path / "again.zip", ARCHIVE_DATE)
    assert again.path.read_bytes() == offline_archive.read_bytes()
    with zipfile.ZipFile(offline_archive) as zf:
        assert {info.date_time for info in zf.infolist()} == {(2026, 3, 14, 0, 0, 0)}


def test_a_failed_offline_build_prints_why_and_writes_nothing(tmp_path: Path) -> None:
    """A project without its npm packages: the build stops at once, saying how to get them; no traceback."""
    config = make_project(tmp_path / "project", HOME, fixture_docs=False)
    (config.parent / "node_modules").unlink(missing_ok=True)
    output = tmp_path / "out" / "p2ham-luring.zip"
    result = subprocess.run([sys.executable, "-m", "p2ham.publish.offline", "--config", str(config), "--output",
                             str(output)],
                            cwd=ROOT, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "iframe-worker/shim/index.js not found" in result.stderr and "./dev setup" in result.stderr
    assert "the offline build failed" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not output.exists() and not output.parent.exists()
