"""Unit data: every problem found at once and named as file:line: field: problem; the command that checks it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT, UNITS_FIXTURE

from p2ham.core.errors import ContentError
from p2ham.units.cli import main as data_command
from p2ham.units.cli import schema_files
from p2ham.units.load import load_data

FIXTURE = UNITS_FIXTURE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_data(folder)
    return [str(p).replace(str(folder) + "/", "") for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_the_fixture_is_valid(folder: Path) -> None:
    data = load_data(folder)
    assert [u.id for u in data.units] == ["kanim-uji", "kanwil-uji", "lapas-uji"]
    assert data.dataset.sample is True


LAPAS = "units/lapas-uji.yml"
CASES = {
    "yaml syntax": (LAPAS, "region: Kabupaten Uji", "region: [Kabupaten Uji", f"{LAPAS}:6: YAML syntax"),
    "missing field": (LAPAS, "region: Kabupaten Uji\n", "", f"{LAPAS}:1: region: required field is missing"),
    "wrong type": (LAPAS, "predicate: {year: 2023,", "predicate: {year: dua ribu,", f"{LAPAS}:7: predicate.year: "),
    "unknown stage": (LAPAS, "stage: penilaian", "stage: selesai", f"{LAPAS}:6: stage: unknown stage 'selesai'"),
    "unknown type": (LAPAS, "type: lapas", "type: penjara", f"{LAPAS}:3: type: unknown unit type 'penjara'"),
    "unknown indicator": (LAPAS, "  toilet: {status: proses}", "  lift: {status: proses}",
                          f"{LAPAS}:13: indicators.lift: unknown indicator 'lift'"),
    "unknown result": (LAPAS, "result: predikat", "result: juara", f"{LAPAS}:9: history[0].result: unknown result"),
    "bad status": (LAPAS, "toilet: {status: proses}", "toilet: {status: lengkap}",
                   f"{LAPAS}:13: indicators.toilet.status: must be one of 'ada', 'proses' or 'belum'"),
    "id differs from file": (LAPAS, "id: lapas-uji", "id: lapas-lain",
                             f"{LAPAS}:1: id: 'lapas-lain' differs from the file name 'lapas-uji'"),
    "unknown parent": (LAPAS, "parent: kanwil-uji", "parent: kanwil-lain",
                       f"{LAPAS}:4: parent: unknown parent 'kanwil-lain'"),
    "impossible date": (LAPAS, "date: 2024-05-02", "date: 2024-02-30",
                        f"{LAPAS}:12: indicators.ramp.date: '2024-02-30' is not a real date"),
    "label missing in one language": (LAPAS, "name: {id: Lapas Kelas IIA Uji, en: Uji Class IIA Prison}",
                                      "name: {id: Lapas Kelas IIA Uji}", f"{LAPAS}:2: name.en: required field"),
    "unknown field": (LAPAS, "region: Kabupaten Uji", "region: Kabupaten Uji\nwarna: merah",
                      f"{LAPAS}:6: warna: unknown field"),
    "bad id": (LAPAS, "id: lapas-uji", "id: Lapas Uji", f"{LAPAS}:1: id: 'Lapas Uji' must be lowercase"),
    "dataset date": ("dataset.yml", "as_of: 2024-11-30", "as_of: 30/11/2024", "dataset.yml:2: as_of: "),
    "framework duplicate": ("framework.yml", "{id: toilet,", "{id: ramp,",
                            "framework.yml:20: criteria[0].indicators[1].id: duplicate indicator id 'ramp'"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_names_file_line_and_field(folder: Path, name: str) -> None:
    file, old, new, expected = CASES[name]
    edit(folder / file, old, new)
    found = problems(folder)
    assert any(p.startswith(expected) for p in found), found


def test_duplicate_id_and_cycles(folder: Path) -> None:
    shutil.copy(folder / LAPAS, folder / "units" / "lapas-dua.yml")
    edit(folder / "units" / "kanwil-uji.yml", "region: Kota Uji", "region: Kota Uji\nparent: lapas-uji")
    found = problems(folder)
    assert any("units/lapas-dua.yml:1: id: 'lapas-uji' differs from the file name 'lapas-dua'" in p for p in found)
    assert any(p.startswith("units/lapas-uji.yml:1: id: duplicate unit id 'lapas-uji'") for p in found), found
    assert any("parent: the parent chain leads back to this unit" in p for p in found), found


def test_unreadable_files_are_named(folder: Path) -> None:
    (folder / "units" / "kosong.yml").write_text("  \n", "utf-8")
    (folder / "units" / "latin.yml").write_bytes("id: latin\nregion: Cianjur \xe9\n".encode("latin-1"))
    (folder / "units" / "catatan.txt").write_text("x", "utf-8")
    found = problems(folder)
    assert "units/kosong.yml:1: the file is empty" in found
    assert "units/latin.yml:2: not UTF-8 text: save the file as UTF-8" in found
    assert "units/catatan.txt: not a unit file: unit files end in .yml" in found


def test_every_problem_is_reported_at_once(folder: Path) -> None:
    edit(folder / LAPAS, "stage: penilaian", "stage: selesai")
    edit(folder / "units" / "kanim-uji.yml", "type: kanim", "type: imigrasi")
    edit(folder / "dataset.yml", "sample: true", "sample: mungkin")
    found = problems(folder)
    assert len(found) == 3, found
    assert found == sorted(found)


def test_the_command_checks_without_building(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert data_command(["validate", str(folder)]) == 0
    assert "OK, 3 units, 1 holding the predicate (illustrative sample)" in capsys.readouterr().out
    edit(folder / LAPAS, "stage: penilaian", "stage: selesai")
    assert data_command(["validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "lapas-uji.yml:6: stage: unknown stage 'selesai'" in err and "1 problem in" in err


def test_data_folder_comes_from_the_environment(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("P2HAM_DATA", str(folder))
    assert data_command(["validate"]) == 0
    assert "OK, 3 units" in capsys.readouterr().out


def test_json_schema_files_are_up_to_date() -> None:
    for path, text in schema_files(ROOT / "schema").items():
        assert path.read_text("utf-8") == text, f"{path} is stale: run `p2ham-data schema`"


def test_framework_rules_are_checked_even_when_the_schema_fails(folder: Path) -> None:
    edit(folder / LAPAS, "stage: penilaian", "stage: selesai")
    edit(folder / LAPAS, "toilet: {status: proses}", "toilet: {status: lengkap}")
    found = problems(folder)
    assert any(p.startswith(f"{LAPAS}:6: stage: unknown stage 'selesai'") for p in found), found
    assert any(p.startswith(f"{LAPAS}:13: indicators.toilet.status: must be one of") for p in found), found


def test_the_about_page_notice_follows_the_sample_flag(folder: Path) -> None:
    from p2ham.core.strings import load_strings
    from p2ham.units.pages import data_notice

    strings = load_strings(ROOT / "content" / "ui-strings.yml", ["id", "en"])
    data = load_data(folder)
    assert "illustrative sample" in data_notice(data, "en", strings["en"])
    real = data.dataset.model_copy(update={"sample": False})
    data.dataset = real
    notice = data_notice(data, "en", strings["en"])
    assert "Test Regional Office" in notice and "30 November 2024" in notice and "illustrative" not in notice.replace(
        "(illustrative data)", "")
