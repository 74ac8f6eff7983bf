"""Units kept in a spreadsheet (units.xlsx or units-csv/*.csv): records shaped like unit YAML, problems at cells."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import ROOT

from p2ham.core.errors import ContentError, Problem, display
from p2ham.units.load import load_data
from p2ham.units.schema import Unit
from p2ham.units.sheets import clean, read_all

Rows = list[list[Any]]

# As Excel gives them: whole numbers as floats, dates as datetimes
GOOD_SHEETS: dict[str, Rows] = {
    "units": [
        ["id", "name_id", "name_en", "type", "parent", "region", "stage", "predicate_year", "predicate_decree"],
        ["kanwil-contoh", "Kantor Wilayah Contoh", "Example Regional Office", "kanwil", None, "Kota Contoh",
         "pembinaan", 2023.0, "SK 12/2023"],
        [None, None, None, None, None, None, None, None, None],  # an empty row, skipped
        ["  lapas-contoh ", "Lapas Contoh", "Example Prison", "lapas", "kanwil-contoh", "Kabupaten Contoh",
         "penilaian", None, None],
    ],
    "indicators": [
        ["unit_id", "indicator", "status", "note", "date"],
        ["lapas-contoh", "bidang-miring", "ada", "Ramp at the **main entrance**", dt.datetime(2024, 11, 30)],
        ["lapas-contoh", "ruang-laktasi", "proses", None, None],
        ["kanwil-contoh", "bidang-miring", "ada", None, "2024-10-01"],
    ],
    "history": [
        ["unit_id", "year", "stage", "result", "decree"],
        ["kanwil-contoh", 2022.0, "penilaian", "belum-memenuhi", None],
        ["kanwil-contoh", 2023.0, "penilaian", "predikat", 12.0],
        ["lapas-contoh", 2024.0, "penilaian", None, None],
    ],
    "actions": [
        ["unit_id", "action_id", "action_en"],
        ["lapas-contoh", "Pasang ubin pemandu", "Lay guiding blocks"],
        ["lapas-contoh", "Latih petugas", "Train staff"],
    ],
}

EXPECTED: list[dict[str, Any]] = [
    {
        "id": "kanwil-contoh",
        "name": {"id": "Kantor Wilayah Contoh", "en": "Example Regional Office"},
        "type": "kanwil",
        "region": "Kota Contoh",
        "stage": "pembinaan",
        "predicate": {"year": 2023, "decree": "SK 12/2023"},
        "history": [
            {"year": 2022, "stage": "penilaian", "result": "belum-memenuhi"},
            {"year": 2023, "stage": "penilaian", "result": "predikat", "decree": "12"},
        ],
        "indicators": {"bidang-miring": {"status": "ada", "date": "2024-10-01"}},
        "next_actions": [],
    },
    {
        "id": "lapas-contoh",
        "name": {"id": "Lapas Contoh", "en": "Example Prison"},
        "type": "lapas",
        "parent": "kanwil-contoh",
        "region": "Kabupaten Contoh",
        "stage": "penilaian",
        "history": [{"year": 2024, "stage": "penilaian"}],
        "indicators": {
            "bidang-miring": {"status": "ada", "note": "Ramp at the **main entrance**", "date": "2024-11-30"},
            "ruang-laktasi": {"status": "proses"},
        },
        "next_actions": [
            {"id": "Pasang ubin pemandu", "en": "Lay guiding blocks"},
            {"id": "Latih petugas", "en": "Train staff"},
        ],
    },
]


def good_sheets() -> dict[str, Rows]:
    return copy.deepcopy(GOOD_SHEETS)


def as_text(value: Any) -> str:
    """A cell as a CSV file holds it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_csvs(folder: Path, sheets: dict[str, Rows], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        with (folder / f"{name}.csv").open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, delimiter=delimiter).writerows([[as_text(v) for v in row] for row in rows])
    return folder


def read(folder: Path) -> tuple[list[Any], list[Problem]]:
    """Every record and problem from the folder's spreadsheets."""
    records: list[Any] = []
    problems: list[Problem] = []
    for found_records, found_problems in read_all(folder):
        records += found_records
        problems += found_problems
    return records, problems


def problem_texts(folder: Path) -> list[str]:
    return [str(problem) for problem in read(folder)[1]]


def check_good(records: list[Any], problems: list[Problem]) -> None:
    assert problems == []
    assert [record.data for record in records] == EXPECTED
    for record in records:
        Unit.model_validate(record.data)


# Good data


def test_good_workbook(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "units.xlsx", good_sheets())
    check_good(*read(tmp_path))


def test_good_csv_folder(tmp_path: Path) -> None:
    write_csvs(tmp_path / "units-csv", good_sheets())
    check_good(*read(tmp_path))


def test_semicolon_csv_with_bom_accepted(tmp_path: Path) -> None:
    write_csvs(tmp_path / "units-csv", good_sheets(), delimiter=";", encoding="utf-8-sig")
    assert (tmp_path / "units-csv" / "units.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    check_good(*read(tmp_path))


def test_only_units_sheet_needed(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "units.xlsx", {"units": good_sheets()["units"], "notes": [["anything", "goes"]]})
    records, problems = read(tmp_path)
    assert problems == []
    assert [r.data["id"] for r in records] == ["kanwil-contoh", "lapas-contoh"]
    assert records[0].data["indicators"] == {} and records[0].data["history"] == []


def test_no_spreadsheet_no_records(tmp_path: Path) -> None:
    assert list(read_all(tmp_path)) == []


def store_whole_numbers_as_floats(path: Path) -> None:
    """Write 2023 as 2023.0 in the workbook's XML, as some programs (and cached formula results) do."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in entries:
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb"<v>(\d+)</v>", rb"<v>\1.0</v>", content)
            target.writestr(info, content)


def test_excel_float_year_becomes_int(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "units.xlsx", good_sheets())
    store_whole_numbers_as_floats(path)
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert isinstance(next(workbook["history"].iter_rows(min_row=2, values_only=True))[1], float)  # really a float
    workbook.close()
    records, _ = read(tmp_path)
    assert records[0].data["predicate"]["year"] == 2023
    assert [entry["year"] for entry in records[0].data["history"]] == [2022, 2023]
    assert all(type(entry["year"]) is int for entry in records[0].data["history"])
    assert clean(2023.0, "year") == 2023 and clean("2023.0", "year") == 2023 and clean(" 2023 ", "year") == 2023
    assert clean(12.0, "decree") == "12" and clean(2.5, "year") == 2.5 and clean("dua ribu", "year") == "dua ribu"


def test_excel_datetime_becomes_iso_date(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "units.xlsx", good_sheets())
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert isinstance(next(workbook["indicators"].iter_rows(min_row=2, values_only=True))[4], dt.datetime)
    workbook.close()
    records, _ = read(tmp_path)
    assert records[1].data["indicators"]["bidang-miring"]["date"] == "2024-11-30"
    assert clean(dt.datetime(2024, 1, 5, 13, 30), "date") == "2024-01-05"
    assert clean("05/01/2024", "date") == "05/01/2024"  # text stays text: the schema names the problem


# Where a problem points


def test_problem_points_at_row_and_column(tmp_path: Path) -> None:
    file = display(write_xlsx(tmp_path / "units.xlsx", good_sheets()))
    kanwil, lapas = read(tmp_path)[0]
    assert kanwil.problem(("stage",), "m") == Problem(file, 2, "sheet units, column stage", "m")
    assert lapas.problem(("name", "en"), "m") == Problem(file, 4, "sheet units, column name_en", "m")
    assert lapas.problem(("indicators", "ruang-laktasi", "status"), "m") == Problem(
        file, 3, "sheet indicators, column status", "m")
    assert lapas.problem(("indicators", "Bad", "[key]"), "m") == Problem(file, 4, "sheet units", "m")  # the nearest
    assert kanwil.problem(("history", 1, "stage"), "m") == Problem(file, 3, "sheet history, column stage", "m")
    assert kanwil.problem(("history", 1), "m") == Problem(file, 3, "sheet history", "m")
    assert lapas.problem(("next_actions", 1, "en"), "m") == Problem(file, 3, "sheet actions, column action_en", "m")
    assert lapas.problem((), "m") == Problem(file, 4, "sheet units", "m")


def test_missing_optional_column_points_at_header_row(tmp_path: Path) -> None:
    sheets: dict[str, Rows] = {"units": [
        [None, None],  # the header may follow empty rows
        ["id", "name_id", "name_en", "type", "region", "stage"],
        ["kanwil-contoh", "Kantor Wilayah Contoh", "Example Regional Office", "kanwil", "Kota Contoh", "pembinaan"],
    ]}
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    records, problems = read(tmp_path)
    assert problems == []
    assert records[0].problem(("parent",), "m") == Problem(file, 2, "sheet units, column parent", "m")
    assert records[0].problem(("predicate",), "m") == Problem(file, 2, "sheet units, column predicate_year", "m")
    assert records[0].problem(("stage",), "m") == Problem(file, 3, "sheet units, column stage", "m")


def test_csv_problem_names_the_file_and_column(tmp_path: Path) -> None:
    folder = write_csvs(tmp_path / "units-csv", good_sheets())
    records, _ = read(tmp_path)
    assert str(records[0].problem(("history", 0, "result"), "unknown result 'x'")) == (
        f"{display(folder / 'history.csv')}:2: column result: unknown result 'x'")


# Problems


def test_unknown_header(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["units"][0][4] = "Parent"
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    records, problems = read(tmp_path)
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{file}:1: sheet units, column Parent: unknown column 'Parent': the columns "
                                       "of sheet units are id, name_id, ")
    assert "parent" not in records[1].data  # the column is left out; the rest is read


def test_unknown_header_csv(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["history"][0].append("comment")
    folder = write_csvs(tmp_path / "units-csv", sheets)
    assert problem_texts(tmp_path) == [f"{display(folder / 'history.csv')}:1: column comment: unknown column "
                                       "'comment': the columns of history.csv are unit_id, year, stage, result, "
                                       "decree"]


def test_missing_required_column_reported_once(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["units"] = [row[:6] + row[7:] for row in sheets["units"]]  # no stage column
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    records, problems = read(tmp_path)
    assert records == []
    assert [str(p) for p in problems] == [f"{file}:1: sheet units, column stage: missing column: sheet units needs "
                                          "the columns id, name_id, name_en, type, region, stage"]


def test_unit_id_not_found(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["indicators"][2][0] = "lapas-contoh-2"
    sheets["actions"].append([None, "Tanpa unit", "No unit"])
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    assert problem_texts(tmp_path) == [
        f"{file}:3: sheet indicators, column unit_id: no unit 'lapas-contoh-2' in sheet units",
        f"{file}:4: sheet actions, column unit_id: empty: write the id of the unit this row is for",
    ]


def test_duplicate_indicator(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["indicators"].append(["lapas-contoh", "bidang-miring", "belum", None, None])
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    records, problems = read(tmp_path)
    assert [str(p) for p in problems] == [f"{file}:5: sheet indicators, column indicator: indicator 'bidang-miring' "
                                          "appears twice for unit 'lapas-contoh' (first on row 2)"]
    assert records[1].data["indicators"]["bidang-miring"]["status"] == "ada"  # the first is kept


def test_missing_units_sheet(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["Units"] = sheets.pop("units")
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    records, problems = read(tmp_path)
    assert records == []
    assert sorted(str(p) for p in problems) == [
        f"{file}: no sheet named 'units' (the workbook has indicators, history, actions, Units): it lists the units",
        f"{file}: sheet Units: rename the sheet 'units', exactly",
    ]


def test_missing_units_csv(tmp_path: Path) -> None:
    sheets = good_sheets()
    del sheets["units"]
    folder = write_csvs(tmp_path / "units-csv", sheets)
    (folder / "unit.csv").write_text("id\n", encoding="utf-8")
    assert problem_texts(tmp_path) == [
        f"{display(folder / 'unit.csv')}: unknown file: this folder holds units.csv, indicators.csv, history.csv, "
        "actions.csv",
        f"{display(folder / 'units.csv')}: file not found: it lists the units, one a row",
    ]


@pytest.mark.parametrize("content", [b"", b"not a workbook at all", b"PK\x03\x04 truncated zip"])
def test_corrupt_xlsx_is_one_problem(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "units.xlsx").write_bytes(content)
    records, problems = read(tmp_path)
    assert records == []
    assert len(problems) == 1
    assert problems[0].file == display(tmp_path / "units.xlsx")
    assert "cannot read this Excel workbook" in problems[0].message


def test_truncated_real_xlsx_is_one_problem(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", good_sheets()).read_bytes()
    (tmp_path / "units.xlsx").write_bytes(good[: len(good) // 2])
    records, problems = read(tmp_path)
    assert records == [] and len(problems) == 1
    assert "cannot read this Excel workbook" in str(problems[0])


def test_non_utf8_csv(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["units"][3][5] = "Kabupaten Contoh Sélatan"
    folder = write_csvs(tmp_path / "units-csv", sheets, encoding="cp1252")
    assert problem_texts(tmp_path) == [f"{display(folder / 'units.csv')}:4: not UTF-8 text: in Excel, save as "
                                       "'CSV UTF-8 (Comma delimited)'"]


def test_value_without_header(tmp_path: Path) -> None:
    sheets = good_sheets()
    sheets["actions"][2] += [None, "stray"]
    file = display(write_xlsx(tmp_path / "units.xlsx", sheets))
    assert problem_texts(tmp_path) == [f"{file}:3: sheet actions, column E: a value in a column that has no name in "
                                       "the header row"]


# End to end, through the loader


def data_folder(tmp_path: Path) -> Path:
    for name in ("framework.yml", "dataset.yml"):
        source = ROOT / "data" / name
        if not source.is_file():
            pytest.skip(f"data/{name} is not there yet: the end-to-end check needs the real framework")
        shutil.copy(source, tmp_path / name)
    return tmp_path


def test_load_data_names_file_row_sheet_and_column(tmp_path: Path) -> None:
    folder = data_folder(tmp_path)
    sheets = good_sheets()
    sheets["units"] = [sheets["units"][0], sheets["units"][1]]
    sheets["units"][1][6] = "nope"
    for name in ("indicators", "history", "actions"):
        sheets[name] = [row for row in sheets[name] if row[0] != "lapas-contoh"]
    write_xlsx(folder / "units.xlsx", sheets)
    with pytest.raises(ContentError) as caught:
        load_data(folder)
    text = str(caught.value)
    assert f"{display(folder / 'units.xlsx')}:2: sheet units, column stage: unknown stage 'nope'" in text
    assert len(caught.value.problems) == 1


def test_load_data_reads_good_workbook_and_csv(tmp_path: Path) -> None:
    folder = data_folder(tmp_path)
    write_xlsx(folder / "units.xlsx", good_sheets())
    data = load_data(folder)
    assert [unit.id for unit in data.units] == ["kanwil-contoh", "lapas-contoh"]
    assert data.sources["lapas-contoh"] == display(folder / "units.xlsx")
    (folder / "units.xlsx").unlink()
    write_csvs(folder / "units-csv", good_sheets(), delimiter=";")
    assert [unit.model_dump(mode="json", exclude_none=True) for unit in load_data(folder).units] == EXPECTED


def test_load_data_schema_problem_in_csv_history(tmp_path: Path) -> None:
    folder = data_folder(tmp_path)
    sheets = good_sheets()
    sheets["history"][2][1] = "dua ribu"
    sheets["indicators"][1][2] = "sudah"
    csv_folder = write_csvs(folder / "units-csv", sheets)
    with pytest.raises(ContentError) as caught:
        load_data(folder)
    assert [str(p) for p in caught.value.problems] == [
        f"{display(csv_folder / 'history.csv')}:3: column year: Input should be a valid integer, unable to parse "
        "string as an integer",
        f"{display(csv_folder / 'indicators.csv')}:2: column status: must be one of 'ada', 'proses' or 'belum', "
        "not 'sudah'",
    ]
