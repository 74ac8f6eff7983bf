"""The offline archive without a build: what goes in, in which order and with which bytes, and the command's
answer to a missing configuration."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from p2ham.publish.offline import README, TOP_FOLDER, archived_files, main, zip_folder

MADE = dt.date(2026, 3, 14)


def test_the_archive_leaves_out_its_own_folder_and_host_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("index.html", "_headers", "security-headers.nginx.conf", "unduh/old.zip", "x/preview.png"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", "utf-8")
    # Written at the top, only the archive itself is left out.
    assert [name for name, _ in archived_files(site, site / "p2ham-luring.zip")] == ["index.html", "unduh/old.zip"]
    made = zip_folder(site, site / "unduh" / "p2ham-luring.zip", MADE)
    with zipfile.ZipFile(made.path) as zf:
        assert zf.namelist() == [f"{TOP_FOLDER}/{README}", f"{TOP_FOLDER}/index.html"]


def test_the_command_explains_a_missing_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "out.zip"
    assert main(["--config", str(tmp_path / "nope.yml"), "--output", str(output)]) == 2
    assert "nope.yml: no such file" in capsys.readouterr().err
    assert not output.exists()
