"""Content checks over the Markdown sources: both languages equal in shape, no placeholders, no empty sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from p2ham.frontmatter import split_front_matter
from p2ham.modules import collect_modules

DOCS = Path(__file__).resolve().parent.parent / "docs"
MODULES = sorted(p for p in (DOCS / "modul").glob("*.md") if p.name.count(".") == 1)
PAGES = sorted(p for p in DOCS.rglob("*.md") if p.name.count(".") == 1)
SOURCES_HEADING = {"id": "## Sumber", "en": "## Sources"}
PLACEHOLDER = re.compile(r"\b(TODO|FIXME|TBD|lorem|ipsum|xxx+)\b", re.IGNORECASE)
HEADING = re.compile(r"^(#{1,6})\s+\S")
# Facts the reference file marks as false: they must never appear.
KNOWN_FALSE = [re.compile(p, re.IGNORECASE) for p in (r"Permenkumham\s+(Nomor\s+)?2\s*/\s*2019",
                                                       r"Nomor\s+2\s+Tahun\s+2019")]


def english(path: Path) -> Path:
    return path.with_name(path.stem + ".en.md")


def body_lines(text: str) -> list[str]:
    """The Markdown body without front matter and fenced code blocks."""
    _, body, _ = split_front_matter(text)
    lines, fenced = [], False
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            lines.append(line)
    return lines


def headings(text: str, level: int) -> list[str]:
    return [line for line in body_lines(text) if line.startswith("#" * level + " ")]


def front_matter(path: Path) -> dict[str, object]:
    front, _, _ = split_front_matter(path.read_text("utf-8"))
    data = yaml.safe_load(front)
    assert isinstance(data, dict), f"{path}: no front matter"
    return data


def empty_sections(text: str) -> list[str]:
    """Headings followed by nothing, or directly by a heading of the same or a higher level."""
    found: list[str] = []
    lines = [line for line in body_lines(text) if line.strip()]
    for index, line in enumerate(lines):
        match = HEADING.match(line)
        if not match:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_match = HEADING.match(following) if following else None
        if following is None or (next_match and len(next_match.group(1)) <= len(match.group(1))):
            found.append(line)
    return found


def test_there_are_six_modules() -> None:
    assert [p.stem for p in MODULES] == sorted([
        "p2ham-p5ham", "asas-pelayanan-publik", "permenkumham-25-2023", "kelompok-rentan",
        "standar-pelayanan", "dari-pencanangan-ke-predikat",
    ])


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.stem)
def test_module_languages_match_in_shape(module: Path) -> None:
    indonesian, english_text = module.read_text("utf-8"), english(module).read_text("utf-8")
    id_meta, en_meta = front_matter(module), front_matter(english(module))
    assert id_meta.keys() == en_meta.keys()
    for key in ("module", "duration", "checked"):
        assert id_meta[key] == en_meta[key], key
    assert len(id_meta["objectives"]) == len(en_meta["objectives"])  # type: ignore[arg-type]
    assert len(headings(indonesian, 2)) == len(headings(english_text, 2))
    assert len(headings(indonesian, 3)) == len(headings(english_text, 3))
    assert SOURCES_HEADING["id"] in headings(indonesian, 2)
    assert SOURCES_HEADING["en"] in headings(english_text, 2)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.stem)
def test_module_cites_instruments_and_settings(module: Path) -> None:
    for path in (module, english(module)):
        text = path.read_text("utf-8")
        sources = text.split(SOURCES_HEADING["id" if path == module else "en"], 1)[1]
        assert re.search(r"\b\d{1,3}/(19|20)\d{2}\b|Tahun (19|20)\d{2}|of (19|20)\d{2}", sources), path
        assert re.search(r"Pasal|Article", sources), f"{path}: sources cite no article"
        # Examples from three service settings: corrections, immigration, local government / service mall.
        assert re.search(r"Lapas|Rutan", text), path
        assert re.search(r"Imigrasi|Kanim|immigration", text, re.IGNORECASE), path
        assert re.search(r"OPD|Mal Pelayanan Publik|pemerintah daerah|local[- ]government|public service mall",
                         text, re.IGNORECASE), path


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_has_no_placeholder_empty_section_or_known_falsehood(page: Path) -> None:
    for path in (page, english(page)):
        assert path.exists(), f"{path} is missing"
        text = path.read_text("utf-8")
        body = "\n".join(body_lines(text))
        assert PLACEHOLDER.findall(body) == [], path
        assert empty_sections(text) == [], path
        assert [p.pattern for p in KNOWN_FALSE if p.search(body)] == [], path


@pytest.mark.parametrize("lang", ["id", "en"])
def test_modules_are_numbered_one_to_six(lang: str) -> None:
    modules = collect_modules(DOCS, lang, "id")
    assert [m.number for m in modules] == [1, 2, 3, 4, 5, 6]
    assert all(m.source.endswith(".en.md") == (lang == "en") for m in modules)
    assert all(45 <= m.duration <= 90 for m in modules)


def test_lint_finds_an_empty_section_and_a_placeholder() -> None:
    text = "---\ntitle: x\n---\n# T\n\nIntro.\n\n## Empty\n\n## Full\n\nText TODO.\n\n### Last\n"
    assert empty_sections(text) == ["## Empty", "### Last"]
    assert PLACEHOLDER.findall("Lorem ipsum, xxx") == ["Lorem", "ipsum", "xxx"]
    assert empty_sections("# T\n\n## A\n\n### B\n\ntext\n") == []
