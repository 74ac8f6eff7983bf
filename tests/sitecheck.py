"""Site-wide checks over a built site, as plain functions that return the problems they find.

Each function takes parsed pages (or text) and returns a list of human-readable problems; an empty list means the
check passed. Tests assert on these lists, and tests/test_sitecheck_selftest.py shows each check failing on a
deliberately broken case.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from p2ham.publish.security import JS_TYPES

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")

# Elements and attributes that make the browser fetch something.
RESOURCE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# <link rel=...> values that load a resource (not plain navigation links such as canonical or alternate).
LOADING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload",
                     "manifest", "dns-prefetch", "preconnect", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.IGNORECASE)


@dataclass
class BuiltPage:
    """One HTML page of the built site."""

    file: Path
    url: str  # path on the site, always starting and ending with "/" for directory URLs
    soup: BeautifulSoup = field(repr=False)

    @property
    def lang(self) -> str:
        html = self.soup.find("html")
        return str(html.get("lang", "")) if html else ""

    @property
    def content_lang(self) -> str | None:
        node = self.soup.find(attrs={"data-p2ham-content-lang": True})
        return str(node["data-p2ham-content-lang"]) if node else None

    @property
    def has_untranslated_notice(self) -> bool:
        return self.soup.find(attrs={"data-p2ham-untranslated": True}) is not None

    @property
    def has_chrome(self) -> bool:
        """Whether the page has the site's header (with the language switcher) and scripts: a presentation's
        windows do not (they show slides only), and say so on their <html>."""
        return not has_no_chrome(self.soup)

    def switcher_links(self) -> dict[str, str]:
        """hreflang -> site path that the language switcher in the header points to."""
        links: dict[str, str] = {}
        for anchor in self.soup.select(".md-select a[hreflang]"):
            links[str(anchor["hreflang"])] = urlsplit(urljoin("http://site" + self.url, str(anchor["href"]))).path
        return links


def has_no_chrome(soup: BeautifulSoup) -> bool:
    html = soup.find("html")
    return html is not None and html.get("data-p2ham-chrome") == "none"


def page_url(site_dir: Path, file: Path, base_path: str = "/") -> str:
    rel = file.relative_to(site_dir).as_posix()
    rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return base_path.rstrip("/") + "/" + rel


def is_redirect(soup: BeautifulSoup) -> bool:
    return soup.find("meta", attrs={"name": "p2ham:redirect"}) is not None


def load_site(site_dir: Path, base_path: str = "/") -> list[BuiltPage]:
    """Every HTML page of the site except the 404 page and redirects, sorted by address."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        if file.name == "404.html":
            continue
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        if is_redirect(soup):
            continue
        pages.append(BuiltPage(file=file, url=page_url(site_dir, file, base_path), soup=soup))
    return pages


def url_language(url: str, base_path: str = "/") -> str:
    rest = url[len(base_path.rstrip("/")) :].lstrip("/")
    first = rest.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def counterpart_url(url: str, to_lang: str, base_path: str = "/") -> str:
    """The address of the same page in another language (suffix layout: default at /, others at /<lang>/)."""
    base = base_path.rstrip("/")
    rest = url[len(base) :].lstrip("/")
    from_lang = url_language(url, base_path)
    if from_lang != DEFAULT_LANGUAGE:
        rest = rest[len(from_lang) + 1 :]
    prefix = "" if to_lang == DEFAULT_LANGUAGE else to_lang + "/"
    return f"{base}/{prefix}{rest}"


def check_counterparts(pages: list[BuiltPage], base_path: str = "/") -> list[str]:
    """Every page exists in every language, in the reader's language or with a visible untranslated notice."""
    problems = []
    urls = {page.url for page in pages}
    for page in pages:
        lang = url_language(page.url, base_path)
        if page.lang != lang:
            problems.append(f"{page.url}: <html lang> is {page.lang!r}, expected {lang!r}")
        for other in LANGUAGES:
            if other != lang and counterpart_url(page.url, other, base_path) not in urls:
                problems.append(f"{page.url}: no {other} counterpart at {counterpart_url(page.url, other, base_path)}")
        if page.content_lang is None:
            problems.append(f"{page.url}: content language not marked (data-p2ham-content-lang missing)")
        elif page.content_lang != lang and not page.has_untranslated_notice:
            problems.append(f"{page.url}: content is in {page.content_lang!r} without an untranslated notice")
    return problems


def check_switcher(pages: list[BuiltPage], base_path: str = "/") -> list[str]:
    """The language switcher of every page leads to the same page in each language (a presentation's windows have
    none: they show slides only)."""
    problems = []
    for page in pages:
        if not page.has_chrome:
            continue
        links = page.switcher_links()
        for lang in LANGUAGES:
            expected = counterpart_url(page.url, lang, base_path)
            got = links.get(lang)
            if got is None:
                problems.append(f"{page.url}: language switcher has no {lang} link")
            elif posixpath.normpath(got) != posixpath.normpath(expected):
                problems.append(f"{page.url}: switcher {lang} link goes to {got}, expected {expected}")
    return problems


def is_external(url: str) -> bool:
    """True for an address on another origin: a scheme-qualified or protocol-relative URL (data: is local)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = urlsplit(url).scheme.lower()
    return scheme not in ("", "data", "blob", "about", "javascript", "mailto", "tel")


def _srcset_urls(value: str) -> Iterable[str]:
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            yield parts[0]


def css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) or "" for m in CSS_URL.finditer(css)]


def external_resources_in_html(page: BuiltPage) -> list[str]:
    """Resources a page would load from another origin, from its markup and inline styles."""
    found = []
    for tag, attrs in RESOURCE_ATTRIBUTES.items():
        for node in page.soup.find_all(tag):
            for attr in attrs:
                value = node.get(attr)
                if not value:
                    continue
                urls = _srcset_urls(str(value)) if attr == "srcset" else [str(value)]
                found += [f"{page.url}: <{tag} {attr}={url}>" for url in urls if is_external(url)]
    for node in page.soup.find_all("link"):
        rels = {r.lower() for r in node.get("rel", [])}
        href = str(node.get("href", ""))
        if rels & LOADING_LINK_RELS and is_external(href):
            found.append(f"{page.url}: <link rel={' '.join(sorted(rels))} href={href}>")
    for node in page.soup.find_all("style"):
        found += [f"{page.url}: <style> url({u})" for u in css_urls(node.get_text()) if is_external(u)]
    for node in page.soup.find_all(style=True):
        found += [f"{page.url}: style= url({u})" for u in css_urls(str(node["style"])) if is_external(u)]
    return found


def external_resources_in_css(name: str, css: str) -> list[str]:
    return [f"{name}: url({u})" for u in css_urls(css) if is_external(u)]


def check_alternates(pages: list[BuiltPage], site_url: str, base_path: str = "/") -> list[str]:
    """Each page declares its absolute canonical address and its alternates in every language (x-default: the
    default language)."""
    origin = site_url[: len(site_url) - len(urlsplit(site_url).path)] if urlsplit(site_url).path else site_url
    problems = []
    for page in pages:
        canonical = page.soup.find("link", rel="canonical")
        expected = origin.rstrip("/") + page.url
        if canonical is None or canonical.get("href") != expected:
            problems.append(f"{page.url}: canonical is {canonical and canonical.get('href')}, expected {expected}")
        declared = {str(link.get("hreflang")): str(link.get("href"))
                    for link in page.soup.find_all("link", rel="alternate") if link.get("hreflang")}
        wanted = {lang: origin.rstrip("/") + counterpart_url(page.url, lang, base_path) for lang in LANGUAGES}
        wanted["x-default"] = wanted[DEFAULT_LANGUAGE]
        if declared != wanted:
            problems.append(f"{page.url}: alternates {declared}, expected {wanted}")
    return problems


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = {name: (value or "") for name, value in attrs}
        if "src" not in attributes and attributes.get("type", "").strip().lower() in JS_TYPES:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def parsed_inline_scripts(html: str) -> list[str]:
    """Every inline script a browser would run, found by an HTML parser: the check of what the build hashed."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts
