"""The offline archive for trainers: the site built with Material's offline plugin, zipped, opened from a folder.

One offline build of the real project (module-scoped), zipped once and unpacked; the checks read what a trainer
gets: every link resolves to a file, nothing comes from another origin, public addresses stay the published
folders, and in a browser with the network off a module, its quiz, the language switcher and search work.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browsing import VIEWPORTS
from bs4 import BeautifulSoup
from conftest import FIGURES, ROOT, small_site
from sitecheck import (
    BuiltPage,
    check_alternates,
    external_resources_in_css,
    external_resources_in_html,
    is_external,
    is_redirect,
)

from p2ham.addresses import public_path, site_relative
from p2ham.offline import (
    HOST_ONLY,
    README,
    TOP_FOLDER,
    OfflineBuildFailed,
    archived_files,
    build_offline_site,
    human_size,
    main,
    zip_folder,
)

MADE = dt.date(2026, 3, 14)
MODULE = "modul/asas-pelayanan-publik.html"
SHIM = "assets/javascripts/iframe-worker-shim.js"
# Schemes that never fetch anything from another origin.
LOCAL_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")


def site_url() -> str:
    from mkdocs.config import load_config

    return str(load_config(str(ROOT / "mkdocs.yml")).site_url)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once, strictly, with the offline plugin on."""
    site = tmp_path_factory.mktemp("offline") / "site"
    started = time.perf_counter()
    try:
        build_offline_site(ROOT / "mkdocs.yml", site)
    except OfflineBuildFailed as failure:
        pytest.fail(f"the offline build failed:\n{failure}")
    FIGURES["offline build"] = f"{time.perf_counter() - started:.1f} s"
    return site


@pytest.fixture(scope="module")
def archive(offline_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = zip_folder(offline_site, tmp_path_factory.mktemp("archive") / f"{TOP_FOLDER}.zip", MADE)
    FIGURES["offline archive"] = f"{human_size(made.size)}, {made.files} files"
    return made.path


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive extracted, as a trainer would: the top folder."""
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(folder)
    return folder / TOP_FOLDER


def html_pages(folder: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(file.relative_to(folder).as_posix(), BeautifulSoup(file.read_text("utf-8"), "html.parser"))
            for file in sorted(folder.rglob("*.html"))]


def content_pages(folder: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(path, soup) for path, soup in html_pages(folder) if not is_redirect(soup)]


# Addresses --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "public"), [
    ("modul/x/", "modul/x/"), ("modul/x.html", "modul/x/"), ("modul/index.html", "modul/"), ("index.html", ""),
    ("", ""), ("/en/index.html", "/en/"), ("/p2ham/en/tentang.html", "/p2ham/en/tentang/"),
    ("unit-kerja/data.json", "unit-kerja/data.json"),
])
def test_a_page_url_in_either_build_gives_its_published_folder(url: str, public: str) -> None:
    assert public_path(url) == public


def test_switcher_links_from_the_host_root_become_paths_in_the_site() -> None:
    assert site_relative("/index.html", "/") == "index.html"
    assert site_relative("/p2ham/en/index.html", "/p2ham/") == "en/index.html"
    assert site_relative("/p2ham/", "/p2ham") == "index.html"
    assert site_relative("en/tentang.html", "/") == "en/tentang.html"
    assert site_relative("/elsewhere/x.html", "/p2ham/") == "/elsewhere/x.html"


def test_hreflang_alternates_of_offline_pages_are_published_folders() -> None:
    import translations

    links = [{"lang": "id", "link": "/index.html"}, {"lang": "en", "link": "en/tentang.html"}]
    assert [alt["href"] for alt in translations.absolute_alternates("https://x.org/", links, "id")] == [
        "https://x.org/", "https://x.org/en/tentang/", "https://x.org/"]


# The build --------------------------------------------------------------------------------------------------------

def test_the_offline_build_makes_files_not_folders(offline_site: Path) -> None:
    assert (offline_site / "index.html").is_file()
    assert (offline_site / MODULE).is_file()
    assert (offline_site / "en" / MODULE).is_file()
    assert not (offline_site / "modul" / "asas-pelayanan-publik" / "index.html").exists()
    assert (offline_site / SHIM).read_bytes() == (ROOT / "node_modules/iframe-worker/shim/index.js").read_bytes()
    for lang in ("", "en/"):  # hooks/search.py: one inlined index per language, read without a server
        assert (offline_site / f"{lang}search/search_index.js").read_text("utf-8").startswith("var __index")
    for lang, text in (("", "salinan luring"), ("en/", "offline copy")):  # no link to the archive inside it
        page = BeautifulSoup((offline_site / f"{lang}pemandu.html").read_text("utf-8"), "html.parser")
        note = page.select_one("[data-p2ham-offline-archive]")
        assert note is not None and text in note.get_text() and note.select_one("a") is None


# What the archive holds, read as files ----------------------------------------------------------------------------

def link_problems(folder: Path, path: str, soup: BeautifulSoup) -> list[str]:
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
                if node.name == "a" and not value.startswith(site_url()):
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


def test_every_link_in_the_archive_opens_a_file(unpacked: Path) -> None:
    pages = html_pages(unpacked)
    assert len(pages) > 50
    problems = [problem for path, soup in pages for problem in link_problems(unpacked, path, soup)]
    assert problems == []


def test_nothing_in_the_archive_loads_from_another_origin(unpacked: Path) -> None:
    problems = []
    for path, soup in html_pages(unpacked):
        problems += external_resources_in_html(BuiltPage(file=unpacked / path, url=path, soup=soup))
        scripts = [str(node["src"]) for node in soup.find_all("script", src=True)]
        if not is_redirect(soup) and not any(src.endswith(SHIM) for src in scripts):
            problems.append(f"{path}: the local iframe-worker shim is not loaded")
    for css in sorted(unpacked.rglob("*.css")):
        problems += external_resources_in_css(css.relative_to(unpacked).as_posix(), css.read_text("utf-8"))
    assert problems == []


def test_the_language_switcher_leads_to_the_counterpart_file(unpacked: Path) -> None:
    problems = []
    pages = content_pages(unpacked)
    for path, soup in pages:
        base = path.removeprefix("en/")
        expected = {"id": base, "en": f"en/{base}"}
        found = {str(a["hreflang"]): str(a["href"]) for a in soup.select(".md-select a[hreflang]")}
        for lang, target in expected.items():
            href = found.get(lang)
            resolved = (unpacked / path).parent / href if href else None
            if resolved is None or not resolved.is_file() or resolved.resolve() != (unpacked / target).resolve():
                problems.append(f"{path}: switcher {lang} link is {href!r}, expected the file {target}")
    assert [path for path, _ in pages if path in ("index.html", "en/index.html")] == ["en/index.html", "index.html"]
    assert problems == []


def test_public_addresses_stay_the_published_folders(unpacked: Path) -> None:
    """Canonical, hreflang and Open Graph addresses are those of the online site, never `x.html`."""
    url = site_url()
    pages = [BuiltPage(file=unpacked / path, url="/" + public_path(path), soup=soup)
             for path, soup in content_pages(unpacked) if path != "404.html"]
    assert check_alternates(pages, url) == []
    for page in pages:
        og = page.soup.find("meta", property="og:url")
        assert og is not None and og["content"] == url.rstrip("/") + page.url, page.file
    unit = next(page for page in pages if page.url.startswith("/unit-kerja/") and page.url != "/unit-kerja/")
    snippet = unit.soup.select_one(".p2ham-snippet code").get_text()
    assert f'href="{url}{unit.url.lstrip("/")}"' in snippet
    assert f'src="{url}{unit.url.lstrip("/")}badge.svg"' in snippet


# The archive ------------------------------------------------------------------------------------------------------

def test_the_archive_has_one_top_folder_with_the_site_and_a_readme(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
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


def test_the_archive_is_the_same_bytes_for_the_same_site(offline_site: Path, archive: Path, tmp_path: Path) -> None:
    for file in offline_site.rglob("*"):  # files written at another time: the archive must not change
        os.utime(file, (1_800_000_000, 1_800_000_000))
    again = zip_folder(offline_site, tmp_path / "again.zip", MADE)
    assert again.path.read_bytes() == archive.read_bytes()
    with zipfile.ZipFile(archive) as zf:
        assert {info.date_time for info in zf.infolist()} == {(2026, 3, 14, 0, 0, 0)}


def test_the_archive_leaves_out_its_own_folder_and_host_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "_headers", "security-headers.nginx.conf", "unduh/old.zip", "x/preview.png"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", "utf-8")
    # Written at the top, only the archive itself is left out.
    assert [name for name, _ in archived_files(site, site / "p2ham-luring.zip")] == ["index.html", "unduh/old.zip"]
    made = zip_folder(site, site / "unduh" / "p2ham-luring.zip", MADE)
    with zipfile.ZipFile(made.path) as zf:
        assert zf.namelist() == [f"{TOP_FOLDER}/{README}", f"{TOP_FOLDER}/index.html"]


def test_the_command_explains_a_missing_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.zip"
    assert main(["--config", str(tmp_path / "nope.yml"), "--output", str(output)]) == 2
    assert "nope.yml: no such file" in capsys.readouterr().err
    assert not output.exists()


def test_a_failed_offline_build_prints_why_and_writes_nothing(tmp_path: Path) -> None:
    """A project without its npm packages: the build stops at once, saying how to get them; no traceback."""
    config = small_site(tmp_path / "project", {"index.md": "# Beranda\n", "index.en.md": "# Home\n"})
    (config.parent / "node_modules").unlink(missing_ok=True)
    output = tmp_path / "out" / "p2ham-luring.zip"
    result = subprocess.run([sys.executable, "-m", "p2ham.offline", "--config", str(config), "--output", str(output)],
                            cwd=ROOT, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "iframe-worker/shim/index.js not found" in result.stderr and "./dev setup" in result.stderr
    assert "the offline build failed" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not output.exists() and not output.parent.exists()


# In a browser, from the folder, with the network off ----------------------------------------------------------------

@pytest.fixture
def offline_context(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A browser context without network: anything but file:// is aborted, and every request is recorded."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], service_workers="block")
    context.set_offline(True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else route.abort())
    yield context, requests
    context.close()


def open_file(context: Any, url: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page, errors


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


@pytest.mark.browser
def test_a_module_works_from_the_folder(offline_context: tuple[Any, list[str]], unpacked: Path) -> None:
    context, requests = offline_context
    module_url = (unpacked / MODULE).as_uri()
    page, errors = open_file(context, module_url)
    assert "Asas Pelayanan Publik" in page.locator("article h1").inner_text()
    # A quiz question answered and checked, and still answered after a reload.
    question = page.locator(".p2ham-question[data-question]").first
    correct = [int(i) for i in question.evaluate(
        "q => [...q.querySelectorAll('.p2ham-option')].flatMap((o, i) => o.dataset.correct === 'true' ? [i] : [])")]
    for option in correct:
        question.locator(".p2ham-options input").nth(option).check()
    question.locator("[data-p2ham=check]").click()
    feedback = question.locator(".p2ham-question__feedback.p2ham-is-correct")
    assert feedback.is_visible()
    page.reload(wait_until="load")
    assert all(question.locator(".p2ham-options input").nth(option).is_checked() for option in correct)
    assert feedback.is_visible()
    # A link to another module opens its file.
    hrefs = [str(href) for href in page.locator("article a[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]
    others = [href for href in hrefs if "/" not in href and href.endswith(".html") and href != Path(MODULE).name]
    assert others, f"no link to another module in {MODULE}: {hrefs}"
    page.locator(f"article a[href='{others[0]}']").first.click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == unpacked / "modul" / others[0]
    assert page.locator("article h1").count() == 1
    # The language switcher leads to the English file of the same module, with the answer kept.
    page.goto(module_url, wait_until="load")
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header .md-select a[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == (unpacked / "en" / MODULE)
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Score: 1 of" in page.locator(".p2ham-quiz__score").first.inner_text()
    assert [url for url in requests if not url.startswith("file:")] == []
    assert errors == []


@pytest.mark.browser
def test_search_works_from_the_folder(offline_context: tuple[Any, list[str]], unpacked: Path) -> None:
    context, requests = offline_context
    for lang, word in (("", "diskriminasi"), ("en/", "discrimination")):
        page, errors = open_file(context, (unpacked / lang / MODULE).as_uri())
        meta = page.locator(".md-search-result__meta")
        preparing = meta.text_content().strip()
        page.locator("input.md-search__input").click()
        # The index is ready (read through the worker shim) when the theme stops saying it is preparing search.
        page.wait_for_function("([el, text]) => el.textContent.trim() !== text",
                               arg=[meta.element_handle(), preparing], timeout=20_000)
        page.locator("input.md-search__input").press_sequentially(word, delay=20)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=20_000)
        hrefs = [str(href) for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert hrefs and all(file_of(href).is_file() for href in hrefs), hrefs
        assert all(file_of(href).is_relative_to(unpacked / "en") == (lang == "en/") for href in hrefs), hrefs
        assert errors == []
    assert [url for url in requests if not url.startswith("file:")] == []
