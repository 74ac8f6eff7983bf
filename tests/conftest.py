"""The test suite's layers, its shared builds and its browser.

Layers, one folder each (README: "Tests"):

- ``tests/quick``: pure functions and hooks called directly; no site build, no browser (``./dev test --quick``);
- ``tests/build``: builds of the fixture site (``tests/fixtures/site``) and of small projects, and their output;
- ``tests/browser``: the fixture site in a real browser (Playwright driving Debian's Chromium);
- ``tests/site``: the office's own site, with checks that hold for any valid content (built once, browsed once).

Builds that many tests read are made once per session (``fixture_site``, ``office_site``, ``offline_site``);
a test that needs a site of its own makes a project in its temporary folder (``helpers.make_project``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    IN_CI,
    QUICK_ENV,
    ROOT,
    BuiltSite,
    PendingBuild,
    built,
    chromium_path,
    make_project,
    serve,
    site_base_path,
)

from p2ham.core.cache import CACHE_ENV

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # One renderer process per tab rather than per site and no extension processes: the sites under test are
    # served from one origin without frames, and page loads took about a tenth less time (the suite is CPU-bound).
    "--disable-site-isolation-trials",
    "--disable-extensions",
]
LAYERS = ("quick", "build", "browser", "site")
# Fixtures that build a site or start a browser: a quick test may use none of them.
# The longest test files, longest first: they start first, one per test process, and the others share out the
# rest meanwhile (`pytest -n 2 --dist loadfile` hands out files in the order collected); the quick layer's files,
# each a fraction of a second, come last, so that both processes finish together. (Started last, the office's
# browser check alone kept one process busy for two minutes after the other had finished.)
LONGEST_FIRST = ("site/test_office_browser.py", "browser/test_browser_layout.py", "browser/test_browser_site.py",
                 "browser/test_browser_trainer.py", "browser/test_browser_quiz.py", "browser/test_browser_publish.py",
                 "site/test_office_site.py", "build/test_adoption.py")
HEAVY_FIXTURES = {"fixture_site", "office_site", "offline_site", "browser", "fixture_server", "office_server"}

FIGURES_ENV = "P2HAM_TEST_FIGURES"  # the file where every test process writes the figures it measured


def is_worker(config: pytest.Config) -> bool:
    """Whether this process is one of the workers of `pytest -n 2` (./dev test), not the main process."""
    return hasattr(config, "workerinput")


def figure(name: str, value: str) -> None:
    """A figure a test measured (page weight, asset sizes), printed at the end of every run."""
    with open(os.environ[FIGURES_ENV], "a", encoding="utf-8") as out:
        out.write(json.dumps([name, value]) + "\n")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--quick", action="store_true",
                     help="run only the quick layer (tests/quick: no site build, no browser)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--quick"):
        os.environ[QUICK_ENV] = "1"
    if not is_worker(config):  # the main process: its workers inherit these
        os.environ[FIGURES_ENV] = str(BUILDS.folder / "figures.jsonl")
    # One cache for every build of the session (preview cards and QR codes are made once, as in a user's builds).
    os.environ.setdefault(CACHE_ENV, str(ROOT / ".cache" / "tests"))  # kept between runs, as a user's is


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(BUILDS.folder, ignore_errors=True)  # each process's own builds


def started_at(item: pytest.Item) -> int:
    """Where a test goes in the order of the run: the longest files first (LONGEST_FIRST), then the others as
    collected, the quick layer last."""
    path = Path(str(item.fspath))
    name = f"{path.parent.name}/{path.name}"
    if name in LONGEST_FIRST:
        return LONGEST_FIRST.index(name)
    return len(LONGEST_FIRST) + (path.parent.name == "quick")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    quick_only = config.getoption("--quick")
    selected, deselected = [], []
    for item in items:
        layer = Path(str(item.fspath)).parent.name
        if layer not in LAYERS:
            raise pytest.UsageError(f"{item.nodeid}: tests live in one of tests/{{{','.join(LAYERS)}}}/")
        item.add_marker(getattr(pytest.mark, layer))
        heavy = HEAVY_FIXTURES & set(getattr(item, "fixturenames", ()))
        if layer == "quick" and heavy:
            raise pytest.UsageError(f"{item.nodeid}: a quick test may not use {', '.join(sorted(heavy))}")
        (selected if layer == "quick" or not quick_only else deselected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
    whole_suite = config.args_source == pytest.Config.ArgsSource.TESTPATHS and not config.getoption("-k") \
        and not config.getoption("-m")
    missing = [layer for layer in LAYERS if not any(Path(str(item.fspath)).parent.name == layer for item in items)]
    if whole_suite and not quick_only and missing:  # a folder pytest would not look in (it skips "build" unless told)
        raise pytest.UsageError(f"the whole suite collected no test from tests/{', tests/'.join(missing)}")
    items.sort(key=started_at)
    # The shared builds the selected tests need start now, side by side, while the first tests run (in a worker
    # of `pytest -n`, which runs only some of the tests it collected, each build starts when a test needs it).
    if is_worker(config):
        return
    needed = {name for item in items for name in getattr(item, "fixturenames", ()) if name in SESSION_SITES}
    for name in SESSION_SITES:
        if name in needed and not (name == "office_site" and os.environ.get(OFFICE_SITE_ENV)):
            BUILDS.start(name)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    path = Path(os.environ.get(FIGURES_ENV, "/nonexistent"))
    if is_worker(config) or not path.is_file():
        return
    terminalreporter.section("measured")
    for line in path.read_text("utf-8").splitlines():
        name, value = json.loads(line)
        terminalreporter.write_line(f"{name}: {value}")


class SessionBuilds:
    """The builds that many tests read, made once per session: each starts as soon as the collected tests show it
    is needed, in a subprocess of its own, so that the builds run side by side while the quick tests run."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="p2ham-tests-"))
        self.pending: dict[str, tuple[PendingBuild, Path]] = {}
        self._fixture_project: Path | None = None

    @property
    def fixture_project(self) -> Path:
        if self._fixture_project is None:
            self._fixture_project = make_project(self.folder / "fixture-project")
        return self._fixture_project

    def start(self, name: str) -> None:
        if name in self.pending:
            return
        offline = {"P2HAM_OFFLINE": "true"} if name == "offline_site" else None
        config = ROOT / "mkdocs.yml" if name == "office_site" else self.fixture_project
        self.pending[name] = (PendingBuild(config, self.folder / name, offline), config)

    def site(self, name: str) -> BuiltSite:
        if name == "office_site" and os.environ.get(OFFICE_SITE_ENV):
            # Already built by the caller (the adoption test runs these checks on the site it has just built).
            site = Path(os.environ[OFFICE_SITE_ENV])
            config = ROOT / "mkdocs.yml"
            log = (site.parent / f"{site.name}.log").read_text("utf-8")
            return BuiltSite(path=site, base_path=site_base_path(config), log=log, config_file=config)
        self.start(name)
        pending, config = self.pending[name]
        return built(pending, config)


BUILDS = SessionBuilds()
# A strict build of this project's mkdocs.yml made by the caller, with its output beside it as <folder>.log.
OFFICE_SITE_ENV = "P2HAM_TEST_OFFICE_SITE"
SESSION_SITES = ("fixture_site", "offline_site", "office_site")


@pytest.fixture(scope="session")
def fixture_project() -> Path:
    """The fixture site as a project (the generator with the fixture's content); its mkdocs.yml."""
    return BUILDS.fixture_project


@pytest.fixture(scope="session")
def fixture_site() -> BuiltSite:
    """The fixture site, built once and strictly: what every read-only check of the generator reads."""
    return BUILDS.site("fixture_site")


@pytest.fixture(scope="session")
def offline_site() -> BuiltSite:
    """The fixture site's offline build (pages as files, opened from a folder), built once."""
    return BUILDS.site("offline_site")


@pytest.fixture(scope="session")
def office_site() -> BuiltSite:
    """The office's own site (this project's content), built once and strictly."""
    return BUILDS.site("office_site")


@pytest.fixture(scope="session")
def fixture_server(fixture_site: BuiltSite) -> Iterator[str]:
    """The fixture site served over HTTP with its security headers; the value is its root address."""
    with serve(fixture_site.path, fixture_site.base_path) as root:
        yield root


@pytest.fixture(scope="session")
def office_server(office_site: BuiltSite) -> Iterator[str]:
    with serve(office_site.path, office_site.base_path) as root:
        yield root


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
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


ARCHIVE_DATE = dt.date(2026, 3, 14)  # the date the fixture site's archive carries


@pytest.fixture(scope="session")
def offline_archive(offline_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site's offline build zipped, as `./dev build` zips it."""
    from p2ham.publish.offline import TOP_FOLDER, human_size, zip_folder

    made = zip_folder(offline_site.path, tmp_path_factory.mktemp("archive") / f"{TOP_FOLDER}.zip", ARCHIVE_DATE)
    figure("offline archive of the fixture site", f"{human_size(made.size)}, {made.files} files")
    return made.path


@pytest.fixture(scope="session")
def offline_folder(offline_archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive extracted, as a trainer would: its top folder."""
    import zipfile

    from p2ham.publish.offline import TOP_FOLDER

    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_archive) as zf:
        zf.extractall(folder)
    return folder / TOP_FOLDER
