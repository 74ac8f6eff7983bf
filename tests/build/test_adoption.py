"""Another office adopts the generator, end to end, in a copy of this project: `./dev new-office` with the office's
settings, its own three-unit workbook, a seventh module of its own with a three-question quiz, its content rules
set in mkdocs.yml alone; then a strict build passes and the tests that hold for any office's content pass on it,
unedited. The same with the starter kit in place of the sample modules."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from helpers import ROOT, SITE_FIXTURE, build

from p2ham.trainer.views import VIEW_PARTS

OFFICE = ["--name-id", "Kantor Wilayah Uji Coba", "--name-en", "Trial Regional Office",
          "--url", "https://p2ham.uji.go.id/kanwil/", "--contact-name-id", "Tim P2HAM Kanwil Uji Coba",
          "--contact-name-en", "Trial office P2HAM team", "--contact-email", "p2ham@uji.go.id",
          "--contact-url", "https://uji.go.id/kontak"]
UNITS = [
    ["id", "name_id", "name_en", "type", "parent", "region", "stage", "predicate_year", "predicate_decree"],
    ["kanwil-uji-coba", "Kanwil Uji Coba", "Trial Regional Office", "kanwil", None, "Kota Uji", "penilaian",
     None, None],
    ["rutan-uji-coba", "Rutan Uji Coba", "Trial Remand Centre", "rutan", "kanwil-uji-coba", "Kota Uji",
     "pencanangan", None, None],
    ["kanim-uji-coba", "Kanim Uji Coba", "Trial Immigration Office", "kanim", "kanwil-uji-coba", "Kabupaten Uji",
     "evaluasi", None, None],
]


def project_copy(folder: Path) -> Path:
    """This project as a new office gets it: the files git tracks, and the npm packages it installed."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return folder


def new_office(project: Path, *options: str) -> str:
    result = subprocess.run([sys.executable, "-m", "p2ham.office", "--project", str(project), *OFFICE, *options],
                            cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def add_workbook(project: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "units"
    for row in UNITS:
        sheet.append(row)
    workbook.save(project / "data" / "units.xlsx")


def add_module(project: Path) -> None:
    """A seventh module of the office's own: the fixture's module with a new name, number and question ids."""
    for suffix in ("md", "en.md"):
        text = (SITE_FIXTURE / "docs" / "modul" / f"alfa.{suffix}").read_text("utf-8")
        text = text.replace("module: 1", "module: 7").replace("alfa-", "tujuh-").replace("](beta.md)", "](alfa.md)")
        text = text.replace("(../glosarium.md#term-ult)", "(../glosarium.md)")
        text = text.replace("Modul Alfa", "Modul Tujuh").replace("Module Alpha", "Module Seven")
        text = text.replace("](alfa.md)", "](p2ham-p5ham.md)")
        (project / "docs" / "modul" / f"modul-tujuh.{suffix}").write_text(text, "utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("      - modul/dari-pencanangan-ke-predikat.md\n",
                        "      - modul/dari-pencanangan-ke-predikat.md\n      - modul/modul-tujuh.md\n")
    # The office's content rules, in the configuration alone: its new module is short, and its trainings
    # (the two-day formats) do not teach it yet.
    for rule, value in (("module_minutes", "[30, 90]"), ("trainer_blocks", "4"), ("quiz_questions", "3"),
                        ("quiz_scenario_share", "0.3"), ("agendas_teach_every_module", "[]"),
                        ("module_mentions", "[]")):
        text = re.sub(rf"^    {rule}:.*\n(      - .*\n)*", f"    {rule}: {value}\n", text, count=1, flags=re.MULTILINE)
    config.write_text(text, "utf-8")
    listed = project / "published-addresses.txt"
    lines = [f"/kanwil/{prefix}modul/modul-tujuh/{part}" for prefix in ("", "en/")
             for part in ("", *(f"{part}/" for part in VIEW_PARTS.values()))]
    listed.write_text(listed.read_text("utf-8") + "\n".join(lines) + "\n", "utf-8")


def test_an_office_adopts_the_generator_with_its_workbook_and_a_module_of_its_own(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "office")
    left = new_office(project)
    assert "What is left to do" in left and "ADOPTING.md" in left
    assert not list((project / "data" / "units").glob("*.yml"))  # the sample's units are gone
    assert "sample: false" in (project / "data" / "dataset.yml").read_text("utf-8")
    add_workbook(project)
    add_module(project)
    result = build(project / "mkdocs.yml")
    assert result.ok, result.log
    about = (result.site / "tentang" / "index.html").read_text("utf-8")
    assert "Kantor Wilayah Uji Coba" in about and "ilustratif" not in about.split("<article", 1)[1]
    assert "Rutan Uji Coba" in (result.site / "unit-kerja" / "index.html").read_text("utf-8")
    assert "Tim P2HAM Kanwil Uji Coba" in (result.site / "aksesibilitas" / "index.html").read_text("utf-8")
    assert "Total durasi (7 modul)" in (result.site / "mulai" / "index.html").read_text("utf-8")
    # The tests that hold for any office's content, run on the adopted copy as they are.
    # The strict build above is the office site those checks read (they would build the same again).
    (result.site.parent / f"{result.site.name}.log").write_text(result.log, encoding="utf-8")
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/quick",
                            "tests/site/test_office_site.py"], cwd=project, capture_output=True, text=True,
                           check=False, env={**os.environ, "PYTHONPATH": str(project),
                                             "P2HAM_TEST_OFFICE_SITE": str(result.site)})
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_an_office_starts_from_the_starter_kit(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "office")
    new_office(project, "--without-sample-modules")
    assert sorted(path.name for path in (project / "docs" / "modul").glob("*.md")) == [
        "modul-pertama.en.md", "modul-pertama.md"]
    add_workbook(project)
    result = build(project / "mkdocs.yml")
    assert result.ok, result.log
    start = (result.site / "mulai" / "index.html").read_text("utf-8")
    assert "Total durasi (1 modul)" in start and "p2ham-p5ham" not in start
    assert (result.site / "en" / "modul" / "modul-pertama" / "presentasi" / "index.html").is_file()
