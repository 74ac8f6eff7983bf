"""Training modules: front matter checks with the line of every bad key, collecting the modules of a language, a
module's sections found with their lines, and where the objectives box goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from p2ham.core.errors import ContentError
from p2ham.course.modules import (
    check_module_meta,
    collect_modules,
    insert_before_first_section,
    module_of,
    module_section,
    module_slugs,
    title_line,
)

GOOD_META: dict[str, Any] = {
    "title": "Modul uji", "description": "Deskripsi.", "module": 1, "duration": 60,
    "objectives": ["Menjelaskan sesuatu"], "checked": dt.date(2026, 11, 28),
}
GOOD_YAML = ("title: Modul uji\ndescription: Deskripsi.\nmodule: {n}\nduration: 60\n"
             "objectives:\n  - Menjelaskan sesuatu\nchecked: 2026-11-28\n")


def module_text(meta: str, body: str = "# Judul\n\nPembuka.\n\n## Poin kunci\n\n- Satu\n") -> str:
    return f"---\n{meta}---\n\n{body}"


def test_good_meta_has_no_problem() -> None:
    assert check_module_meta(GOOD_META, "modul/x.md") == []
    assert check_module_meta({**GOOD_META, "checked": "2026-11-28"}, "modul/x.md") == []


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"duration": "satu jam"}, "duration", "must be minutes"),
    ({"duration": 5}, "duration", "must be minutes"),
    ({"objectives": []}, "objectives", "non-empty list"),
    ({"objectives": ["ok", ""]}, "objectives", "non-empty list"),
    ({"module": 0}, "module", "whole number"),
    ({"checked": "kemarin"}, "checked", "YYYY-MM-DD"),
    ({"checked": "2026-02-30"}, "checked", "YYYY-MM-DD"),
    ({"title": " "}, "title", "non-empty text"),
    ({"description": "x" * 201}, "description", "201 characters"),
    ({"durasi": 60}, "durasi", "unknown front-matter key"),
])
def test_each_bad_field_is_named(change: dict[str, Any], field: str, message: str) -> None:
    problems = check_module_meta({**GOOD_META, **change}, "modul/x.md", {field: 7})
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"modul/x.md:7: {field}: ")
    assert message in problems[0].message


def test_missing_fields_are_all_reported() -> None:
    problems = check_module_meta({"title": "x"}, "modul/x.md")
    assert {p.field for p in problems} == {"description", "module", "duration", "objectives", "checked"}


def test_collect_modules_orders_falls_back_and_reports_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "modul"
    folder.mkdir()
    (folder / "b.md").write_text(module_text(GOOD_YAML.format(n=1)), "utf-8")
    (folder / "a.md").write_text(module_text(GOOD_YAML.format(n=2)), "utf-8")
    (folder / "a.en.md").write_text(module_text(GOOD_YAML.format(n=2).replace("Modul uji", "Test module")), "utf-8")
    english = collect_modules(tmp_path, "en", "id")
    assert [(m.slug, m.title, m.source, m.duration_line) for m in english] == [
        ("b", "Modul uji", "modul/b.md", 5), ("a", "Test module", "modul/a.en.md", 5)]
    assert module_slugs(tmp_path) == ["a", "b"]
    (folder / "c.md").write_text(module_text(GOOD_YAML.format(n=3).replace("duration: 60", "duration: x")), "utf-8")
    (folder / "d.md").write_text(module_text(GOOD_YAML.format(n=1)), "utf-8")
    (folder / "e.md").write_text(module_text("title: [x\n"), "utf-8")
    (folder / "f.md").write_text("# No front matter\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        collect_modules(tmp_path, "id", "id")
    assert str(caught.value).splitlines() == [
        "modul/c.md:5: duration: must be minutes, a whole number from 15 to 240",
        "modul/d.md:1: module: number 1 is also used by modul/b.md",
        "modul/e.md:3: YAML syntax: did not find expected ',' or ']'",
        "modul/f.md:1: a module needs YAML front matter between --- lines",
    ]


def test_a_module_page_is_known_by_its_source_in_any_language() -> None:
    assert [module_of(src) for src in ("modul/x.md", "modul/x.en.md", "x.md", "modul/a/b.md")] == [
        "x", "x", None, None]


def test_box_goes_before_the_first_section() -> None:
    assert insert_before_first_section("# T\n\nIntro.\n\n## A\n", "<div>box</div>") == (
        "# T\n\nIntro.\n\n\n<div>box</div>\n\n## A\n")
    assert insert_before_first_section("# T\n", "<div>box</div>").endswith("<div>box</div>\n\n")
    wrapped = '# T\n\n<section markdown>\n\n## A\n\n</section>\n'  # a summary's sections are wrapped
    assert insert_before_first_section(wrapped, "<div>box</div>") == (
        "# T\n\n\n<div>box</div>\n\n<section markdown>\n\n## A\n\n</section>\n")


def test_modules_are_counted_in_words() -> None:
    from p2ham.course.modules import module_count

    strings = {"module_count": "{count} modules", "module_count_one": "1 module"}
    assert (module_count(1, strings), module_count(12, strings)) == ("1 module", "12 modules")


def test_a_section_is_found_with_its_line_up_to_the_next_heading() -> None:
    body = ("# Judul\n\nPembuka.\n\n## Poin kunci\n\n- Satu\n\n```\n## Sumber\n```\n\n### Rincian\n\nIsi.\n\n"
            "## Sumber\n\n- UU 25/2009\n\n# Lampiran\n\nBukan sumber.\n")
    text = module_text(GOOD_YAML.format(n=1), body)
    lines = text.split("\n")
    assert title_line(text) == lines.index("# Judul") + 1
    found = module_section(text, "Poin kunci")
    assert found is not None and found.line == lines.index("## Poin kunci") + 1
    assert found.body == "- Satu\n\n```\n## Sumber\n```\n\n### Rincian\n\nIsi."  # a heading in code is text
    sources = module_section(text, "Sumber")
    heading = max(number for number, line in enumerate(lines, start=1) if line == "## Sumber")  # not the one in code
    assert sources is not None and sources.line == heading and sources.body == "- UU 25/2009"
    assert module_section(text, "Kasus") is None and module_section(text, "Poin") is None
