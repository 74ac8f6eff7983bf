"""Interface strings and untranslated pages: the pure loader, the hook called directly, and small-site builds."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site, small_site

from p2ham.errors import ContentError
from p2ham.strings import load_strings

PAGE = "---\ntitle: {title}\n{extra}---\n\n# {title}\n\nIsi halaman.\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "strings.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_strings_load_in_every_language(tmp_path: Path) -> None:
    path = write(tmp_path, "id:\n  hello: Halo\nen:\n  hello: Hello\n")
    assert load_strings(path, ["id", "en"]) == {"id": {"hello": "Halo"}, "en": {"hello": "Hello"}}


def test_every_missing_string_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "id:\n  hello: Halo\n  bye: Dah\nen:\n  hello: Hello\n  bye: ''\n  extra: Only English\n")
    with pytest.raises(ContentError) as caught:
        load_strings(path, ["id", "en"])
    assert str(caught.value).splitlines() == [
        f"{path}:1: id.extra: missing translation",
        f"{path}:6: en.bye: must be non-empty text",
    ]


def test_missing_language_and_bad_yaml_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"strings.yml:1: en: language missing"):
        load_strings(write(tmp_path, "id:\n  a: b\n"), ["id", "en"])
    with pytest.raises(ContentError, match=r"strings.yml:3: invalid YAML"):
        load_strings(write(tmp_path, "id:\n  a: [b\n"), ["id", "en"])


def test_the_project_strings_are_complete() -> None:
    root = Path(__file__).resolve().parent.parent
    strings = load_strings(root / "content" / "ui-strings.yml", ["id", "en"])
    assert strings["id"].keys() == strings["en"].keys()


def fake_page(source_locale: str, meta: dict[str, Any]) -> Any:
    return SimpleNamespace(file=SimpleNamespace(locale=source_locale, src_uri="x.md"), meta=meta)


def fake_config(current: str) -> Any:
    plugin = SimpleNamespace(current_language=current, default_language="id")
    return SimpleNamespace(plugins={"i18n": plugin})


def test_hook_warns_on_an_untranslated_page(caplog: pytest.LogCaptureFixture) -> None:
    import translations

    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.translations"):
        translations.on_page_markdown("# x", page=fake_page("id", {}), config=fake_config("en"), files=Any)
    assert "x.md: no 'en' translation" in caplog.text


def test_hook_accepts_a_declared_pending_translation(caplog: pytest.LogCaptureFixture) -> None:
    import translations

    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.translations"):
        translations.on_page_markdown("# x", page=fake_page("id", {"translation": "pending"}),
                                      config=fake_config("en"), files=Any)
        translations.on_page_markdown("# x", page=fake_page("en", {}), config=fake_config("en"), files=Any)
    assert caplog.text == ""


def test_build_fails_when_a_translation_is_missing(tmp_path: Path) -> None:
    config = small_site(tmp_path, {
        "index.md": PAGE.format(title="Beranda", extra=""),
        "index.en.md": PAGE.format(title="Home", extra=""),
        "lain.md": PAGE.format(title="Lain", extra=""),
    })
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert "lain.md: no 'en' translation" in result.stdout + result.stderr


def test_pending_translation_builds_with_a_notice_in_the_reader_language(tmp_path: Path) -> None:
    config = small_site(tmp_path, {
        "index.md": PAGE.format(title="Beranda", extra=""),
        "index.en.md": PAGE.format(title="Home", extra=""),
        "lain.md": PAGE.format(title="Lain", extra="translation: pending\n"),
    })
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    english = BeautifulSoup((tmp_path / "site" / "en" / "lain" / "index.html").read_text("utf-8"), "html.parser")
    notice = english.select_one("[data-p2ham-untranslated]")
    assert notice is not None and "not been translated into English" in notice.get_text()
    assert english.select_one("[data-p2ham-content-lang]")["lang"] == "id"
    indonesian = BeautifulSoup((tmp_path / "site" / "lain" / "index.html").read_text("utf-8"), "html.parser")
    assert indonesian.select_one("[data-p2ham-untranslated]") is None


def test_alternates_become_absolute_under_a_site_path() -> None:
    import translations

    links = [{"lang": "id", "link": "/p2ham/"}, {"lang": "en", "link": "/p2ham/en/"}]
    assert translations.absolute_alternates("https://x.org/p2ham/", links, "id") == [
        {"lang": "id", "href": "https://x.org/p2ham/"}, {"lang": "en", "href": "https://x.org/p2ham/en/"},
        {"lang": "x-default", "href": "https://x.org/p2ham/"}]
    pages = [{"lang": "id", "link": "tentang/"}, {"lang": "en", "link": "en/tentang/"}]
    assert translations.absolute_alternates("https://x.org/p2ham/", pages, "id")[1] == {
        "lang": "en", "href": "https://x.org/p2ham/en/tentang/"}


def test_heading_links_are_titled_in_the_pages_language(built_site: BuiltSite) -> None:
    for prefix, title in (("", "Tautan ke bagian ini"), ("en/", "Link to this section")):
        text = (built_site.path / prefix / "tentang" / "index.html").read_text("utf-8")
        assert f'title="{title}"' in text


def test_each_language_has_its_own_error_page(built_site: BuiltSite) -> None:
    for prefix, lang in (("", "id"), ("en/", "en")):
        page = BeautifulSoup((built_site.path / prefix / "404.html").read_text("utf-8"), "html.parser")
        assert page.find("html")["lang"] == lang
