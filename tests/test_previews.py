"""Link previews: Open Graph tags in each page's language and a card image made at build time, offline."""

from __future__ import annotations

import struct
from urllib.parse import urlsplit

from conftest import BuiltSite
from sitecheck import load_site, url_language

from p2ham.preview import HEIGHT, WIDTH, card_png

LOCALE = {"id": "id_ID", "en": "en_GB"}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_card_is_drawn_without_network_or_font_files() -> None:
    data = card_png("Judul yang panjang " * 10, "Deskripsi " * 40, "P2HAM")
    assert png_size(data) == (WIDTH, HEIGHT)


def test_every_page_has_a_preview_in_its_language(built_site: BuiltSite) -> None:
    problems = []
    for page in load_site(built_site.path, built_site.base_path):
        meta = {tag.get("property"): tag.get("content") for tag in page.soup.find_all("meta", property=True)}
        lang = url_language(page.url, built_site.base_path)
        title = page.soup.find("title").get_text()
        if not meta.get("og:title") or not title.startswith(meta["og:title"]):
            problems.append(f"{page.url}: og:title {meta.get('og:title')!r} vs <title> {title!r}")
        if meta.get("og:locale") != LOCALE[lang] or not meta.get("og:description"):
            problems.append(f"{page.url}: og:locale {meta.get('og:locale')} or description missing")
        if urlsplit(meta.get("og:url", "")).path != page.url:
            problems.append(f"{page.url}: og:url {meta.get('og:url')}")
        image = urlsplit(meta.get("og:image", "")).path
        file = built_site.path / image.removeprefix(built_site.base_path)
        if not image.endswith(".png") or not file.exists() or png_size(file.read_bytes()) != (WIDTH, HEIGHT):
            problems.append(f"{page.url}: og:image {image} missing or not {WIDTH}x{HEIGHT}")
    assert problems == []


def test_unit_pages_share_their_overview_card(built_site: BuiltSite) -> None:
    cards = list(built_site.path.glob("unit-kerja/*/preview.png"))
    assert cards == []  # none beside unit pages: the cost does not grow with the number of units
    assert (built_site.path / "unit-kerja" / "preview.png").exists()
    assert (built_site.path / "en" / "unit-kerja" / "preview.png").exists()
