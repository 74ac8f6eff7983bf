"""The share control: every page's public address to copy and a QR code that opens it, made at build time; a
clear build error without the site's public address; in the browser, copying works and the QR code shown on the
page decodes (zxing-cpp) to the page's own address in its language."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from browsing import axe_violations, describe_violations
from conftest import BuiltSite, build_site, small_site
from sitecheck import load_site

from p2ham.qr import AddressMissing, public_address, qr_path, qr_svg

SITE = "https://p2ham.example.org/"


@pytest.mark.parametrize(("page_url", "expected"), [
    ("", SITE), ("modul/x/", SITE + "modul/x/"), ("en/modul/x/", SITE + "en/modul/x/"),
    ("modul/x.html", SITE + "modul/x/"), ("en/index.html", SITE + "en/"), ("index.html", SITE),
])
def test_public_address_is_the_folder_address_also_for_offline_files(page_url: str, expected: str) -> None:
    assert public_address(SITE, page_url) == expected
    assert public_address("https://host.example/p2ham", "x/") == "https://host.example/p2ham/x/"


def test_no_public_address_is_a_clear_error() -> None:
    with pytest.raises(AddressMissing, match=r"site_url is not set in mkdocs\.yml"):
        public_address(None, "x/")


def test_qr_file_sits_beside_the_page() -> None:
    assert qr_path("modul/x/index.html") == "modul/x/index.qr.svg"
    assert qr_path("modul/x.html") == "modul/x.qr.svg"
    svg = qr_svg(SITE + "modul/x/")
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "viewBox" in svg


def test_every_page_has_its_share_control_and_qr_code(built_site: BuiltSite) -> None:
    pages = load_site(built_site.path, built_site.base_path)
    assert len(pages) > 50
    for page in pages:
        canonical = page.soup.select_one("link[rel=canonical]")["href"]
        view = page.soup.select_one("[data-p2ham-view]")
        if view is not None and view["data-p2ham-view"] != "participant" and page.soup.select_one(
                "[data-p2ham-module-qr]"):
            continue  # a trainer's view of a module carries the module page's QR code instead (test_views.py)
        share = page.soup.select_one("[data-p2ham-share]")
        assert share is not None, page.url
        assert share.select_one("[data-p2ham-share-address]")["value"] == canonical, page.url
        image = share.select_one("img[data-p2ham-qr]")
        assert image["alt"].endswith(canonical)
        svg = (page.file.parent / image["src"]).read_text("utf-8")
        assert f"<title>{canonical}</title>" in svg, page.url


def test_missing_site_url_stops_the_build(tmp_path: Path) -> None:
    config = small_site(tmp_path / "project", {"index.md": "# Beranda\n", "index.en.md": "# Home\n"},
                        drop_keys=("nav", "site_url"))
    result = build_site(tmp_path / "site", config)
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "site_url is not set in mkdocs.yml" in log and "Traceback" not in log


def decode_qr(page: Any, selector: str) -> str:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(element.screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code found in the screenshot"
    return str(found[0].text)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["modul/asas-pelayanan-publik/", "en/modul/asas-pelayanan-publik/",
                                  "en/unit-kerja/"])
def test_the_qr_code_opens_the_page_in_its_language(browser: Any, site_server: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server + path, wait_until="networkidle")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical.endswith(path)
    page.locator(".p2ham-share summary").click()
    page.locator("img[data-p2ham-qr]").evaluate("img => img.decode()")
    assert decode_qr(page, "img[data-p2ham-qr]") == canonical
    page.locator("[data-p2ham-share-copy]").click()
    expected = "Address copied." if path.startswith("en/") else "Alamat sudah disalin."
    page.locator("[data-p2ham-share-status]").filter(has_text=expected).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    violations = axe_violations(page)
    assert not violations, describe_violations(path, "phone, share open", violations)
    assert not errors
    context.close()


@pytest.mark.browser
def test_without_javascript_the_address_can_still_be_selected(browser: Any, site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + "mulai/")
    page.locator(".p2ham-share summary").click()
    assert page.locator("[data-p2ham-share-address]").is_visible()
    assert not page.locator("[data-p2ham-share-copy]").is_visible()  # the button needs JavaScript
    context.close()
