"""Every page in every language: the absolute addresses of a page's language versions (canonical alternates and
the switcher), the notice for a page published before its translation, and one error page per language."""

from __future__ import annotations

from urllib.parse import urljoin

from p2ham.core.addresses import public_path

ERROR_PAGE = "404.html"
PENDING = "pending"  # `translation: pending` in a page's front matter: published untranslated on purpose


def absolute_alternates(site_url: str, alternates: list[dict[str, str]], default: str) -> list[dict[str, str]]:
    """The language switcher's links as absolute addresses, plus x-default for the default language.

    The engine gives page links relative to the site ("en/tentang/") and home links from the host root
    ("/en/", with the site's path in front when it has one); joining each to site_url gives the right address.
    They are published addresses: in the offline build, whose links are files (`en/tentang.html`), the folder.
    """
    found = [{"lang": alt["lang"], "href": urljoin(site_url, public_path(alt["link"]))} for alt in alternates]
    found += [{"lang": "x-default", "href": alt["href"]} for alt in found if alt["lang"] == default]
    return found


def untranslated(source_language: str | None, build_language: str, translation: object) -> bool:
    """Whether a page falls back to another language without saying so (``translation: pending``)."""
    return bool(source_language) and source_language != build_language and translation != PENDING
