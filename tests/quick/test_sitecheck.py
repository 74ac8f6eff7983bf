"""Each site-wide check fails on a deliberately broken case: a check that cannot fail proves nothing."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from sitecheck import (
    BuiltPage,
    check_alternates,
    check_counterparts,
    check_switcher,
    counterpart_url,
    external_resources_in_css,
    external_resources_in_html,
    url_language,
)


def make_page(url: str, lang: str, *, content_lang: str | None = None, notice: bool = False,
              switcher: dict[str, str] | None = None, extra: str = "") -> BuiltPage:
    content_lang = content_lang or lang
    links = "".join(f'<a hreflang="{code}" href="{href}">{code}</a>' for code, href in (switcher or {}).items())
    notice_html = '<p data-p2ham-untranslated="">notice</p>' if notice else ""
    html = (f'<html lang="{lang}"><head>{extra}</head><body><div class="md-select">{links}</div>'
            f'{notice_html}<div data-p2ham-content-lang="{content_lang}">text</div></body></html>')
    return BuiltPage(file=Path("x.html"), url=url, soup=BeautifulSoup(html, "html.parser"))


def good_pair() -> list[BuiltPage]:
    return [
        make_page("/tentang/", "id", switcher={"id": "./", "en": "../en/tentang/"}),
        make_page("/en/tentang/", "en", switcher={"id": "../../tentang/", "en": "./"}),
    ]


def test_addresses_map_between_languages() -> None:
    assert url_language("/en/tentang/") == "en"
    assert url_language("/tentang/") == "id"
    assert url_language("/p2ham/en/x/", "/p2ham/") == "en"
    assert counterpart_url("/tentang/", "en") == "/en/tentang/"
    assert counterpart_url("/en/tentang/", "id") == "/tentang/"
    assert counterpart_url("/en/", "id") == "/"
    assert counterpart_url("/p2ham/en/x/", "id", "/p2ham/") == "/p2ham/x/"


def test_good_pages_pass() -> None:
    assert check_counterparts(good_pair()) == []
    assert check_switcher(good_pair()) == []


def test_missing_translation_fails() -> None:
    problems = check_counterparts(good_pair()[:1])
    assert problems == ["/tentang/: no en counterpart at /en/tentang/"]


def test_page_in_the_wrong_language_without_notice_fails() -> None:
    pages = good_pair()
    pages[1] = make_page("/en/tentang/", "en", content_lang="id")
    assert check_counterparts(pages) == ["/en/tentang/: content is in 'id' without an untranslated notice"]


def test_page_in_the_other_language_with_notice_passes() -> None:
    pages = good_pair()
    pages[1] = make_page("/en/tentang/", "en", content_lang="id", notice=True)
    assert check_counterparts(pages) == []


def test_wrong_html_lang_fails() -> None:
    pages = good_pair()
    pages[1] = make_page("/en/tentang/", "id")
    assert "/en/tentang/: <html lang> is 'id', expected 'en'" in check_counterparts(pages)


def test_switcher_to_the_home_page_fails() -> None:
    pages = good_pair()
    pages[0] = make_page("/tentang/", "id", switcher={"id": "./", "en": "../en/"})
    assert check_switcher(pages) == ["/tentang/: switcher en link goes to /en/, expected /en/tentang/"]


def test_switcher_missing_a_language_fails() -> None:
    pages = [make_page("/tentang/", "id", switcher={"id": "./"})]
    assert check_switcher(pages) == ["/tentang/: language switcher has no en link"]


def test_a_page_without_the_sites_header_says_so_to_have_no_switcher() -> None:
    """A presentation's windows show slides only: their <html> says so; any other page needs its switcher."""
    bare = make_page("/modul/x/presentasi/", "id")
    assert check_switcher([bare]) == ["/modul/x/presentasi/: language switcher has no id link",
                                      "/modul/x/presentasi/: language switcher has no en link"]
    bare.soup.find("html")["data-p2ham-chrome"] = "none"
    assert check_switcher([bare]) == []


def test_external_font_stylesheet_and_script_are_found() -> None:
    page = make_page("/", "id", extra=(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script>'
        '<link rel="canonical" href="https://p2ham.example.org/">'
        '<style>@font-face { src: url("https://fonts.gstatic.com/r.woff2") }</style>'
    ))
    found = external_resources_in_html(page)
    assert len(found) == 3, found
    assert any("fonts.googleapis.com" in f for f in found)
    assert any("cdn.example.com" in f for f in found)
    assert any("fonts.gstatic.com" in f for f in found)


def test_external_image_srcset_and_inline_style_are_found() -> None:
    page = make_page("/", "id", extra='<meta name="x">')
    page.soup.body.append(BeautifulSoup(
        '<img alt="" src="a.png" srcset="b.png 1x, https://img.example.com/c.png 2x">'
        '<div style="background: url(http://track.example.com/p.gif)"></div>'
        '<img alt="" src="data:image/png;base64,AAAA">', "html.parser"))
    found = external_resources_in_html(page)
    assert len(found) == 2, found


def test_external_url_in_css_is_found() -> None:
    css = '@import "https://fonts.googleapis.com/css2?family=Inter"; .a{background:url(../img/x.svg)}'
    assert external_resources_in_css("a.css", css) == ["a.css: url(https://fonts.googleapis.com/css2?family=Inter)"]
    assert external_resources_in_css("b.css", ".a{background:url('data:image/svg+xml;utf8,<svg/>')}") == []


def with_head(url: str, head: str) -> BuiltPage:
    html = f'<html lang="id"><head>{head}</head><body></body></html>'
    return BuiltPage(file=Path("x.html"), url=url, soup=BeautifulSoup(html, "html.parser"))


GOOD_HEAD = ('<link rel="canonical" href="https://x.org/tentang/">'
             '<link rel="alternate" hreflang="id" href="https://x.org/tentang/">'
             '<link rel="alternate" hreflang="en" href="https://x.org/en/tentang/">'
             '<link rel="alternate" hreflang="x-default" href="https://x.org/tentang/">')


def test_alternates_check_passes_and_fails() -> None:
    assert check_alternates([with_head("/tentang/", GOOD_HEAD)], "https://x.org/") == []
    relative = GOOD_HEAD.replace('href="https://x.org/en/tentang/"', 'href="../en/tentang/"')
    assert len(check_alternates([with_head("/tentang/", relative)], "https://x.org/")) == 1
    no_canonical = GOOD_HEAD.split(">", 1)[1]
    assert "canonical is None" in check_alternates([with_head("/tentang/", no_canonical)], "https://x.org/")[0]
