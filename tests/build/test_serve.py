"""`./dev serve` (p2ham-serve) on a fixture project: a saved change in the data folder, in content/ and in a page
shows on the served site without a restart; a change in the generator's code (hooks/) restarts the server."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import UNITS_FIXTURE, free_port, make_project

TIMEOUT = 90  # seconds for a rebuild on a busy two-core machine


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str, Path, subprocess.Popen[bytes]]]:
    """p2ham-serve on a fixture project; (project, its address, the server's log, the process)."""
    project = make_project(tmp_path / "project").parent
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "p2ham.serve", "--config", str(project / "mkdocs.yml"),
                                    "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                   stderr=subprocess.STDOUT, env={**os.environ, "P2HAM_DATA": ""})
        try:
            yield project, f"http://127.0.0.1:{port}/p2ham/", log, process
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if text in page(url):
            return
        time.sleep(0.5)
    pytest.fail(f"{text!r} never appeared at {url}; the server said:\n{log.read_text()}")


def test_saved_inputs_show_without_a_restart_and_code_restarts_the_server(
        server: tuple[Path, str, Path, subprocess.Popen[bytes]]) -> None:
    project, root, log, process = server
    wait_for(root + "unit-kerja/lapas-uji/", "Lapas Kelas IIA Uji", log)
    unit = project / "data" / "units" / "lapas-uji.yml"
    unit.write_text(unit.read_text("utf-8").replace("Lapas Kelas IIA Uji", "Lapas Kelas IIA Baru"), "utf-8")
    wait_for(root + "unit-kerja/lapas-uji/", "Lapas Kelas IIA Baru", log)  # the data folder
    glossary = project / "content" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8").replace("Unit Layanan Terpadu", "Unit Layanan Terpadu Baru"))
    wait_for(root + "glosarium/", "Unit Layanan Terpadu Baru", log)  # content/
    hook = project / "hooks" / "glossary.py"
    hook.write_text(hook.read_text("utf-8") + "\n", "utf-8")
    deadline = time.monotonic() + TIMEOUT
    while "starting the server again" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "starting the server again" in log.read_text()
    wait_for(root + "tentang/", "Situs ini hanya untuk pengujian", log)
    assert unit.exists() and UNITS_FIXTURE.exists()
    process.terminate()  # as a service manager stops it: the MkDocs server it started stops too
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while page(root + "tentang/") and time.monotonic() < deadline:
        time.sleep(0.5)
    assert page(root + "tentang/") == "", "the MkDocs server outlived p2ham-serve"
