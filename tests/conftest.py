"""Shared fixtures: one strict build of the whole site, an HTTP server for it, and a headless Chromium.

Later features reuse these: `built_site` for output checks, `site_server` + `browser` for browser tests.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# Figures that tests measured (page weight, asset sizes), printed at the end of every test run.
FIGURES: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.section("measured")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")


@dataclass
class BuiltSite:
    """A finished strict build: where it is, the address path it is served under, and what the build printed."""

    path: Path
    base_path: str
    log: str


def site_base_path(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of `site_url`: the built site's links assume it is served there."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    path = urlsplit(config.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml", env: dict[str, str] | None = None,
               strict: bool = True) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build` in a subprocess, as a user would, and return the finished process (output in stdout)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, cwd=config_file.parent, env=full_env, capture_output=True, text=True,
                          check=False, stdin=subprocess.DEVNULL)


def small_site(folder: Path, pages: dict[str, str], drop_keys: tuple[str, ...] = ("nav",)) -> Path:
    """A throwaway copy of the project (config, hooks, templates, content, a 3-unit test dataset) with only
    `pages` in its docs folder.

    Returns the path of its mkdocs.yml. Top-level config keys in `drop_keys` are removed (the nav, by default,
    so that MkDocs lists the given pages itself).
    """
    for name in ("hooks", "overrides", "content"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "tests" / "fixtures" / "units", folder / "data")  # a small, valid unit dataset
    (folder / "content" / "redirects.yml").write_text("{}\n", encoding="utf-8")  # the project's lead elsewhere
    if (ROOT / "node_modules").is_dir():  # front-end packages the build copies into the site (read only)
        (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    for name, text in pages.items():
        target = folder / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for key in drop_keys:
        config = re.sub(rf"(?ms)^{re.escape(key)}:.*?(?=^\S)", "", config + "\n")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The whole site, built once and strictly, into a temporary folder."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"strict build failed (exit {result.returncode}):\n{log}")
    return BuiltSite(path=site_dir, base_path=site_base_path(), log=log)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"
    extra_headers: dict[str, str] = {}  # noqa: RUF012 - set per server through a subclass

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
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


def host_headers(directory: Path) -> dict[str, str]:
    """The headers the build wrote for static hosts (`_headers`, block `/*`), as a host would send them."""
    file = directory / "_headers"
    if not file.exists():
        return {}
    headers = {}
    for line in file.read_text(encoding="utf-8").splitlines():
        if line.startswith((" ", "\t")) and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


@contextlib.contextmanager
def serve(directory: Path, base_path: str = "/", headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` over HTTP on 127.0.0.1 at a free port under `base_path`, with the security headers the
    build wrote (or `headers`); yield the site's root address."""
    extra = host_headers(directory) if headers is None else headers
    handler = functools.partial(type("Handler", (_SiteHandler,), {"base_path": base_path, "extra_headers": extra}),
                                directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> Iterator[str]:
    """The built site served over HTTP; the value is its root address, ending in '/'."""
    with serve(built_site.path, built_site.base_path) as root:
        yield root


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright. Skips without Chromium on a laptop, never under CI=true."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        message = "Chromium or Playwright is not installed (Debian: apt-get install chromium)"
        if IN_CI:
            pytest.fail(message + ": browser tests must run under CI=true")
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
