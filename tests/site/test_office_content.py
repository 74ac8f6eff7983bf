"""The office's content as written: both languages equal in shape, no placeholders, no empty sections, sources
that cite an article, quizzes of a size, trainer's notes, agendas that add up, a glossary of the programme's terms,
the bundled sample data and the search stemmer over the Indonesian pages."""

from __future__ import annotations

import re
from pathlib import Path

import itertools
import json
import shutil
import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import IN_CI, ROOT, BuiltSite

from p2ham.core.source import split_front_matter
from p2ham.course.agendas import AGENDAS_FILE, load_agendas, schedule
from p2ham.course.glossary import load_glossary
from p2ham.course.modules import collect_modules
from p2ham.trainer.timing import trainer_block_lines
from p2ham.units.load import load_data

DOCS = ROOT / "docs"
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


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.stem)
def test_every_module_has_five_trainer_blocks_or_more(module: Path) -> None:
    for path in (module, english(module)):
        assert len(trainer_block_lines(path.read_text("utf-8"))) >= 5, path


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_module_ends_with_a_quiz_of_eight_or_more_mostly_scenarios(office_site: BuiltSite, prefix: str) -> None:
    modules = sorted(path for path in (office_site.path / prefix / "modul").iterdir()
                     if path.is_dir() and (path / "presentasi").is_dir())
    assert len(modules) == 6
    for module in modules:
        soup = BeautifulSoup((module / "index.html").read_text("utf-8"), "html.parser")
        questions = soup.select(".p2ham-quiz .p2ham-question[data-question]")
        scenarios = [q for q in questions if q.select_one(".p2ham-question__context")]
        assert len(questions) >= 8, module.name
        assert 2 * len(scenarios) >= len(questions), module.name
        assert {q["data-type"] for q in questions} == {"single", "multiple", "truefalse"}, module.name
        assert not soup.select(".p2ham-quiz-error")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_agendas_add_up_with_the_modules_and_the_full_day_teaches_every_module(lang: str) -> None:
    modules = collect_modules(DOCS, lang, "id")
    agendas = load_agendas(ROOT / AGENDAS_FILE, {m.slug: m.duration for m in modules}, ["id", "en"])
    durations = {m.slug: m.duration for m in modules}
    for agenda in agendas:
        rows = schedule(agenda, lang)
        assert rows[0].start == agenda.start and rows[-1].end == agenda.end, agenda.id
        assert all(b.start == a.end for a, b in itertools.pairwise(rows)), agenda.id
        assert all(row.minutes == durations[row.module] for row in rows if row.module)
        assert any(row.kind == "break" for row in rows), agenda.id
    full = next(a for a in agendas if a.id == "sehari-penuh")
    assert [row.module for row in schedule(full, lang) if row.module] == [m.slug for m in modules]
    assert any(row.kind == "lunch" for row in schedule(full, lang))


def test_the_glossary_covers_the_programmes_terms() -> None:
    terms = {e.term for e in load_glossary(ROOT / "content" / "glossary.yml", ["id", "en"])}
    required = {"P2HAM", "P5HAM", "HAM", "UPT", "Satker", "Kanwil", "OPD", "K/L", "Lapas", "Rutan", "LPKA",
                "Bapas", "Kanim", "SKM", "ZI", "WBK", "WBBM", "Ditjen HAM", "FNF"}
    assert required <= terms


def test_the_bundled_sample_is_valid() -> None:
    data = load_data(ROOT / "data")
    assert data.dataset.sample is True
    assert len(data.units) == 20
    assert sum(1 for u in data.units if u.predicate) == 6
    assert len({u.type for u in data.units}) >= 6


def words_of_indonesian_pages() -> list[str]:
    text = " ".join(p.read_text("utf-8") for p in DOCS.rglob("*.md") if p.name.count(".") == 1)
    return sorted({w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)})


def test_the_npm_stemmer_is_the_snowball_indonesian_stemmer() -> None:
    """The stemmer the site ships (JavaScript, from npm) stems every word of the Indonesian pages exactly like
    the Snowball project's Python implementation of the same algorithm."""
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("node is needed to check the search stemmer under CI=true")
        pytest.skip("node is not installed")
    snowballstemmer = pytest.importorskip("snowballstemmer")
    words = words_of_indonesian_pages()
    assert len(words) > 1000
    script = ("const S = require(process.argv[1]); const s = new S(); const words = JSON.parse(require('fs')"
              ".readFileSync(0, 'utf8')); process.stdout.write(JSON.stringify(words.map(w => s.stemWord(w))));")
    stemmer = ROOT / "node_modules" / "@nlpjs" / "lang-id" / "src" / "indonesian-stemmer.js"
    result = subprocess.run([node, "-e", script, str(stemmer)], input=json.dumps(words), capture_output=True,
                            text=True, check=True)
    ours = json.loads(result.stdout)
    reference = snowballstemmer.stemmer("indonesian").stemWords(words)
    differ = [(w, a, b) for w, a, b in zip(words, ours, reference, strict=True) if a != b]
    assert not differ, differ[:20]
    stems = dict(zip(words, ours, strict=True))
    assert stems["melayani"] == stems["pelayanan"] == stems["layanan"] == "layan"
