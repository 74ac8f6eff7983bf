"""What the tests share: where things are, projects to build (the fixture site or a few pages of one's own),
building them as a user would, reading built pages, and serving a built site.

The generator's tests build the fixture site in ``tests/fixtures/site`` (two modules, every page marker, three
units), never the office's own content: an office that replaces the modules, the data and the settings keeps them
green. ``tests/content`` checks the office's own site with checks that hold for any valid content.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from sitecheck import (
    LANGUAGES,
    BuiltPage,
    check_alternates,
    check_counterparts,
    check_switcher,
    external_resources_in_css,
    external_resources_in_html,
    load_site,
    parsed_inline_scripts,
    url_language,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SITE_FIXTURE = FIXTURES / "site"
UNITS_FIXTURE = FIXTURES / "units"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
QUICK_ENV = "P2HAM_TEST_QUICK"  # set while only the quick layer runs: build() refuses to build then
# The generator: what every office's site is made with. Everything else is the office's (or a fixture's) content.
GENERATOR = ("hooks", "overrides", "content/ui-strings.yml", "docs/assets")
OFFICE_SETTINGS = ("site_name", "site_description", "site_url", "copyright", "nav")
OFFICE_EXTRA = ("contact", "content_rules")  # settings under `extra` that are the office's

# Every content rule off (extra.content_rules): for projects made of a test's own pages.
OFF_RULES: dict[str, Any] = {
    "module_minutes": None, "modules_numbered_from_one": False, "same_sections_in_every_language": False,
    "trainer_blocks": 0, "quiz_questions": 0, "quiz_scenario_share": 0, "quiz_all_types": False,
    "key_points_heading": {}, "sources_heading": {}, "sources_cite_article": {}, "module_mentions": [],
    "agendas_teach_every_module": [], "agenda_teaching_minutes": 0, "published_addresses": "", "glossary_terms": [],
    "placeholders": [], "forbidden": {}, "no_empty_sections": False, "slide_lines": 0, "slide_line_length": 0,
    "slide_table_columns": 0, "slide_closing": False, "slide_closing_items": 0, "slide_closing_line_length": 0,
}

# Two pages in both languages: the least a project needs to build.
HOME = {"index.md": "---\ntitle: Beranda\n---\n\n# Beranda\n\nIsi.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nText.\n"}


# --- mkdocs.yml, read and written with its tags (!ENV) kept -------------------------------------------------------

@dataclass
class Tagged:
    """A YAML value with an application tag (``!ENV [P2HAM_OFFLINE, false]``), kept as written."""

    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigDumper.add_representer(Tagged, _represent_tagged)


def read_config(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    assert isinstance(data, dict)
    return data


def write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def i18n_languages(config: dict[str, Any]) -> list[dict[str, Any]]:
    plugin = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return list(plugin["languages"])


def generator_config(overlay: dict[str, Any]) -> dict[str, Any]:
    """The project's mkdocs.yml with the office's own settings replaced by `overlay` (a fixture's site.yml)."""
    config = read_config(ROOT / "mkdocs.yml")
    for key in OFFICE_SETTINGS:
        config.pop(key, None)
    config.update({key: value for key, value in overlay.items() if key in OFFICE_SETTINGS})
    extra = config.setdefault("extra", {})
    for key in OFFICE_EXTRA:
        extra.pop(key, None)
    extra.update(overlay.get("extra", {}))
    for language in i18n_languages(config):
        if not language.get("default"):
            for key in ("site_description", "copyright", "nav_translations"):
                language.pop(key, None)
            language.update(overlay.get(f"i18n_{language['locale']}", {}))
    return config


# --- projects -----------------------------------------------------------------------------------------------------

def make_project(folder: Path, pages: dict[str, str | None] | None = None, *, fixture_docs: bool = True,
                 files: dict[str, str | None] | None = None, settings: dict[str, Any] | None = None) -> Path:
    """A project in `folder`: the generator (hooks, templates, interface strings, site assets) with the fixture
    site's content, settings and three-unit dataset; returns its mkdocs.yml.

    - `pages` adds or (with None) removes pages of the docs folder; with `fixture_docs=False` the docs folder holds
      only `pages`, the navigation is left to MkDocs and there is no redirect (the fixture's needs its page);
    - `files` adds or removes other files of the project (``content/glossary.yml``, ``data/units/x.yml``);
    - `settings` is laid over the fixture's settings (``site_url``, ``extra``, ``nav``; ``nav: None`` drops it).
    """
    for name in GENERATOR:
        source, target = ROOT / name, folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copyfile(source, target)
    shutil.copytree(SITE_FIXTURE / "content", folder / "content", dirs_exist_ok=True)
    shutil.copytree(UNITS_FIXTURE, folder / "data", dirs_exist_ok=True)
    if fixture_docs:
        shutil.copytree(SITE_FIXTURE / "docs", folder / "docs", dirs_exist_ok=True)
        shutil.copyfile(SITE_FIXTURE / "published-addresses.txt", folder / "published-addresses.txt")
    if (ROOT / "node_modules").is_dir() and not (folder / "node_modules").exists():  # read only: the build copies
        (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)  # site assets from it
    overlay = yaml.safe_load((SITE_FIXTURE / "site.yml").read_text(encoding="utf-8"))
    if not fixture_docs:  # a few pages of a test's own: no navigation, no redirect, no rule, no class session
        overlay.pop("nav")
        overlay["extra"]["content_rules"] = OFF_RULES
        files = {"content/redirects.yml": "{}\n", "content/sessions.yml": None, **(files or {})}
    overlay.update(settings or {})
    for key in [key for key, value in overlay.items() if value is None]:
        del overlay[key]
    write_config(folder / "mkdocs.yml", generator_config(overlay))
    for base, changes in (("docs", pages), ("", files)):
        for name, text in (changes or {}).items():
            target = folder / base / name
            if text is None:
                target.unlink()
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return folder / "mkdocs.yml"


@dataclass
class Build:
    """What `mkdocs build` did: its exit status, everything it printed, and where it wrote."""

    returncode: int
    log: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def lines(self, prefix: str) -> list[str]:
        """The printed lines that start with `prefix` (a problem's ``file:``)."""
        return [line for line in self.log.splitlines() if line.startswith(prefix)]


class PendingBuild:
    """`mkdocs build` running in a subprocess, as a user would run it; `result()` waits for it."""

    def __init__(self, config_file: Path, site_dir: Path | None = None, env: dict[str, str] | None = None,
                 strict: bool = True) -> None:
        if os.environ.get(QUICK_ENV):
            raise RuntimeError("the quick layer builds no site: move this test to tests/build")
        self.site = site_dir or config_file.parent / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file), "--site-dir",
                   str(self.site)]
        if strict:
            command.append("--strict")
        full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        self.process = subprocess.Popen(command, cwd=config_file.parent, env=full_env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)

    def result(self) -> Build:
        output, _ = self.process.communicate()
        return Build(self.process.returncode, output, self.site)


def build(config_file: Path, site_dir: Path | None = None, env: dict[str, str] | None = None,
          strict: bool = True) -> Build:
    """Run `mkdocs build` in a subprocess, as a user would, and wait for it."""
    return PendingBuild(config_file, site_dir, env, strict).result()


def build_project(folder: Path, pages: dict[str, str | None] | None = None, **options: Any) -> Build:
    """make_project and build, in one step."""
    return build(make_project(folder, pages, **options))


# --- built sites --------------------------------------------------------------------------------------------------

def site_base_path(config_file: Path) -> str:
    """The path part of `site_url`: the built site's links assume it is served there."""
    url = read_config(config_file).get("site_url") or "/"
    path = urlsplit(str(url)).path or "/"
    return path if path.endswith("/") else path + "/"


@dataclass
class BuiltSite:
    """A finished strict build: where it is, the address path it is served under, and what the build printed.
    Pages are parsed once and kept, for every check that reads them."""

    path: Path
    base_path: str
    log: str
    config_file: Path
    _pages: list[BuiltPage] | None = field(default=None, repr=False)
    _soups: dict[str, BeautifulSoup] = field(default_factory=dict, repr=False)
    _problems: dict[str, list[str]] | None = field(default=None, repr=False)  # site_problems, found once

    @property
    def site_url(self) -> str:
        return str(read_config(self.config_file)["site_url"])

    def pages(self) -> list[BuiltPage]:
        """Every HTML page except the error page and redirects, parsed, sorted by address."""
        if self._pages is None:
            self._pages = load_site(self.path, self.base_path)
        return self._pages

    def page(self, path: str) -> BeautifulSoup:
        """A page by its path in the site (``modul/alfa/``, ``en/``, ``404.html``), parsed once."""
        if path not in self._soups:
            file = self.path / path if path.endswith(".html") else self.path / path / "index.html"
            self._soups[path] = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        return self._soups[path]

    def text(self, path: str) -> str:
        return (self.path / path).read_text("utf-8")


def built(pending: PendingBuild, config_file: Path) -> BuiltSite:
    """A strict build that must succeed (the test fails with the build's output otherwise)."""
    import pytest

    result = pending.result()
    if not result.ok:
        pytest.fail(f"strict build of {config_file} failed (exit {result.returncode}):\n{result.log}")
    return BuiltSite(path=result.site, base_path=site_base_path(config_file), log=result.log, config_file=config_file)


# --- serving --------------------------------------------------------------------------------------------------------

class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    extra_headers: dict[str, str] = {}  # noqa: RUF012 - set per server through a subclass

    header_rules: list[tuple[str, dict[str, str]]] = []  # noqa: RUF012 - `_headers` rules, set per server

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        for name, value in {**self.extra_headers, **headers_for(self.header_rules, path)}.items():
            self.send_header(name, value)
        super().end_headers()

    def translate_path(self, path: str) -> str:
        # Serve the site under the path of site_url, and nothing outside it.
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_base_path__")
        return super().translate_path("/" + path[len(self.base_path):])

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def header_rules(directory: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of the headers file the build wrote for static hosts (`_headers`): (path pattern, headers)."""
    file = directory / "_headers"
    rules: list[tuple[str, dict[str, str]]] = []
    if not file.exists():
        return rules
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.startswith((" ", "\t")) and ":" in line and rules:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
        elif line.strip():
            rules.append((line.strip(), {}))
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    """The headers a static host sends for `path`: those of every rule that matches, in order, the values of a
    header set by several rules joined by ", " (as Netlify and Cloudflare Pages do)."""
    headers: dict[str, str] = {}
    for pattern, values in rules:
        if re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), path):
            for name, value in values.items():
                headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def host_headers(directory: Path) -> dict[str, str]:
    """The headers the build wrote for static hosts for every page (`_headers`, block `/*`)."""
    return next((values for pattern, values in header_rules(directory) if pattern == "/*"), {})


@contextlib.contextmanager
def serve(directory: Path, base_path: str = "/", headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 at a free port under `base_path`, with the security headers the
    build wrote for each path (or `headers` for every path); yield the site's root address."""
    rules = header_rules(directory) if headers is None else []
    settings = {"base_path": base_path, "extra_headers": headers or {}, "header_rules": rules}
    handler = functools.partial(type("Handler", (_SiteHandler,), settings), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


# --- the checks every built site passes, whatever its content -------------------------------------------------

def site_problems(site: BuiltSite) -> dict[str, list[str]]:
    """What each site-wide check of the built output finds (an empty list: it passes); found once per site, for
    the tests that each assert one check."""
    if site._problems is None:
        site._problems = find_site_problems(site)
    return site._problems


def find_site_problems(site: BuiltSite) -> dict[str, list[str]]:
    from p2ham.publish.security import script_hash

    pages = site.pages()
    languages = {url_language(page.url, site.base_path) for page in pages}
    csp = host_headers(site.path).get("Content-Security-Policy", "")
    scripts = {s for file in site.path.rglob("*.html") for s in parsed_inline_scripts(file.read_text("utf-8"))}
    sitemap = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", site.text("sitemap.xml")))
    return {
        "a strict build without warning": [line for line in site.log.splitlines() if "WARNING" in line],
        "every language built": [f"no page in {lang}" for lang in LANGUAGES if lang not in languages],
        "each page's counterpart in every language": check_counterparts(pages, site.base_path),
        "a switcher that leads to the same page": check_switcher(pages, site.base_path),
        "canonical and alternate addresses": check_alternates(pages, site.site_url, site.base_path),
        "nothing from another origin": [p for page in pages for p in external_resources_in_html(page)] + [
            p for css in sorted(site.path.rglob("*.css"))
            for p in external_resources_in_css(str(css), css.read_text("utf-8"))],
        "every page in the sitemap": sorted({page.url for page in pages} - sitemap),
        "no template source published": [
            str(path) for path in site.path.rglob("*") if path.suffix in (".svg", ".html", ".xml", ".json")
            and ("{{ " in (text := path.read_text("utf-8", errors="replace")) or "{% " in text)],
        "every inline script in the security policy": ["no inline script found"] if not scripts else [
            script[:60] for script in sorted(scripts) if script_hash(script) not in csp],
    }


SITE_CHECKS = ("a strict build without warning", "every language built", "each page's counterpart in every language",
               "a switcher that leads to the same page", "canonical and alternate addresses",
               "nothing from another origin", "every page in the sitemap", "no template source published",
               "every inline script in the security policy")
