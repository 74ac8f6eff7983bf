"""`./dev serve` (p2ham-serve) on a fixture project: a saved change in the data folder, in content/ and in a page
shows on the served site without a restart; a change in the generator's code (hooks/) restarts the server."""

from __future__ import annotations

import os
import re
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


LIVE_RELOAD = re.compile(r"<script>[^<]*livereload[^<]*</script>")


def start(project: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("a") as out:
        return subprocess.Popen([sys.executable, "-m", "p2ham.serve", "--config", str(project / "mkdocs.yml"),
                                 "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, "P2HAM_DATA": ""})


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=30)


def test_a_rebuild_takes_unchanged_views_from_the_one_before_and_serves_what_a_fresh_server_serves(
        tmp_path: Path) -> None:
    """Saving one module renders its views again and takes the others' from the rebuild before (hooks/serve.py);
    every view page then has the bytes a server started afresh on the saved project serves."""
    project = make_project(tmp_path / "project").parent
    port, log = free_port(), tmp_path / "serve.log"
    root = f"http://127.0.0.1:{port}/p2ham/"
    views = [f"{lang}modul/{slug}/{part}/" for lang in ("", "en/") for slug in ("alfa", "beta")
             for part in ("presentasi", "pembicara", "pemandu", "peserta", "ringkasan")] + ["cetak/", "en/cetak/"]
    process = start(project, port, log)
    try:
        wait_for(root + "modul/alfa/pemandu/", "Catatan pemandu alfa", log)
        module = project / "docs" / "modul" / "alfa.md"
        module.write_text(module.read_text("utf-8").replace("Anda dapat menjelaskan isinya.",
                                                            "Anda dapat menjelaskan isinya dengan zirkonium."))
        wait_for(root + "modul/alfa/pemandu/", "zirkonium", log)
        wait_for(root + "cetak/", "zirkonium", log)  # the print-all page is made of the handouts, as rendered
        served = {view: LIVE_RELOAD.sub("", page(root + view)) for view in views}
    finally:
        stop(process)
    said = log.read_text()
    counts = {lang: (int(kept), int(total)) for lang, kept, total in
              re.findall(r"(id|en): (\d+) of (\d+) trainer's views unchanged since the last rebuild", said)}
    assert counts["en"][0] == counts["en"][1] == 11, said  # the English module did not change: every view taken
    assert 0 < counts["id"][0] < counts["id"][1] == 11, said  # the saved module's views rendered again
    fresh_log = tmp_path / "fresh.log"
    process = start(project, port, fresh_log)
    try:
        wait_for(root + "modul/alfa/pemandu/", "zirkonium", fresh_log)
        fresh = {view: LIVE_RELOAD.sub("", page(root + view)) for view in views}
    finally:
        stop(process)
    assert "taken from it" not in fresh_log.read_text()
    assert all(fresh[view] for view in views)
    assert [view for view in views if served[view] != fresh[view]] == []
