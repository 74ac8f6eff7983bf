"""The office's content rules, each one failing on content that breaks it, with its file, line and field; the rules
read from mkdocs.yml over the defaults, and a bad setting named at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import SITE_FIXTURE

from p2ham.course.agendas import Agenda, Item
from p2ham.course.glossary import Entry
from p2ham.course.modules import Module, collect_modules
from p2ham.course.rules import (
    Rules,
    check_agendas,
    check_glossary,
    check_module_texts,
    check_page_text,
    check_published,
    check_quizzes,
    load_rules,
    rules_table,
)
from p2ham.quiz.questions import Option, Question

DOCS = SITE_FIXTURE / "docs"
LENIENT = Rules(module_minutes=(15, 60), trainer_blocks=2, quiz_questions=1, quiz_scenario_share=0.3,
                quiz_all_types=False, module_mentions=[["ULT"]], glossary_terms=["ULT"])


def modules_of(docs: Path) -> dict[str, list[Module]]:
    return {lang: collect_modules(docs, lang, "id") for lang in ("id", "en")}


def copy_docs(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(DOCS, tmp_path / "docs")
    return tmp_path / "docs"


def test_the_fixtures_content_meets_its_rules() -> None:
    assert check_module_texts(DOCS, modules_of(DOCS), LENIENT) == []
    for page in DOCS.rglob("*.md"):
        assert check_page_text(str(page), page.read_text("utf-8"), LENIENT) == [], page


def test_module_rules_name_file_line_and_rule(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    alfa = docs / "modul" / "alfa.md"
    text = alfa.read_text("utf-8").replace("duration: 30", "duration: 70")
    text = text.replace("- UU Nomor 25 Tahun 2009 tentang Pelayanan Publik, Pasal 4.", "- UU tentang pelayanan.")
    text = text.replace("loket ULT", "loket").replace("## Daftar periksa\n", "## Daftar periksa\n\n### Rincian\n")
    alfa.write_text(text.replace("/// trainer | 10", "/// trainer | 50", 1), "utf-8")
    (docs / "modul" / "beta.md").write_text((docs / "modul" / "beta.md").read_text("utf-8").replace(
        "module: 2", "module: 3"), "utf-8")
    problems = [str(p) for p in check_module_texts(docs, modules_of(docs), LENIENT)]
    sources = text.split("\n").index("## Sumber") + 1
    assert problems == [
        "modul/beta.md:1: module: the modules are numbered [1, 3]: number them 1 to 2 without a gap (content rule "
        "modules_numbered_from_one)",
        "modul/alfa.md:5: duration: 70 minutes: a module takes 15 to 60 minutes (content rule module_minutes)",
        f"modul/alfa.md:{sources}: sources: cite each instrument with its year and the Pasal (content rule "
        "sources_cite_article)",
        "modul/alfa.en.md:1: sections: 0 ### sections, but modul/alfa.md has 1 (content rule "
        "same_sections_in_every_language)",
    ]
    beta = docs / "modul" / "beta.md"
    beta.write_text(beta.read_text("utf-8").replace("loket ULT", "loket"), "utf-8")
    assert "modul/beta.md:1: text: names none of ULT (content rule module_mentions)" in [
        str(p) for p in check_module_texts(docs, modules_of(docs), LENIENT)]


def test_a_module_without_enough_timed_sections_key_points_or_sources_is_named(tmp_path: Path) -> None:
    docs = copy_docs(tmp_path)
    beta = docs / "modul" / "beta.en.md"
    text = beta.read_text("utf-8").replace("## Sources", "## References").replace("## Key points", "## Essentials")
    beta.write_text(text, "utf-8")
    rules = Rules(**{**LENIENT.model_dump(), "trainer_blocks": 3})
    problems = [str(p) for p in check_module_texts(docs, modules_of(docs), rules)]
    assert "modul/beta.md:5: trainer: 2 timed sections: at least 3 (content rule trainer_blocks)" in problems
    title = text.split("\n").index("# Module Beta") + 1  # a missing section is named at the module's title
    for field, heading, rule in (("key_points", "Key points", "key_points_heading"),
                                 ("sources", "Sources", "sources_heading")):
        assert (f"modul/beta.en.md:{title}: {field}: no '## {heading}' section: the module and its one-page summary "
                f"need it (content rule {rule})") in problems
    off = Rules(**{**rules.model_dump(), "key_points_heading": {}, "sources_heading": {"id": "Sumber"}})
    assert not [p for p in check_module_texts(docs, modules_of(docs), off) if p.field in ("key_points", "sources")]


def test_page_text_rules() -> None:
    text = "---\ntitle: x\n---\n\n# Judul\n\nTODO tulis.\n\n## Kosong\n\n## Isi\n\nMenurut Permenkumham 2/2019.\n"
    assert [str(p) for p in check_page_text("x.md", text, Rules())] == [
        "x.md:7: text: placeholder 'TODO': write the text",
        "x.md:13: text: 'Permenkumham\\\\s+(Nomor\\\\s+)?2\\\\s*/\\\\s*2019' found: there is no P2HAM regulation "
        "numbered 2/2019",
        "x.md:9: section: '## Kosong' is empty",
    ]
    assert check_page_text("x.md", "```\nTODO in code\n```\n", Rules()) == []
    assert check_page_text("x.md", text, Rules(placeholders=[], forbidden={}, no_empty_sections=False)) == []


def question(qid: str, qtype: str, scenario: bool, line: int = 10) -> Question:
    return Question(qid, qtype, "p", (Option("a", True), Option("b", False)), "modul/x.md", line, scenario)


def test_quiz_rules() -> None:
    module = Module("x", 1, "X", "d", 30, ("o",), dt.date(2026, 1, 1), "modul/x.md", duration_line=5)
    quiz = [question("a", "single", True, 12), question("b", "single", False), question("c", "truefalse", False)]
    rules = Rules(quiz_questions=4, quiz_scenario_share=0.5, quiz_all_types=True)
    assert [str(p) for p in check_quizzes([module], {"modul/x.md": quiz}, rules)] == [
        "modul/x.md:12: quiz: 3 questions: at least 4 (content rule quiz_questions)",
        "modul/x.md:12: quiz: 1 of 3 questions set a scene (a paragraph before the options): at least 50% "
        "(content rule quiz_scenario_share)",
        "modul/x.md:12: quiz: no multiple question (content rule quiz_all_types)",
    ]
    assert [str(p) for p in check_quizzes([module], {}, rules)] == [
        "modul/x.md:5: quiz: 0 questions: at least 4 (content rule quiz_questions)"]
    assert check_quizzes([module], {}, Rules(quiz_questions=0)) == []
    every_type = [question(qid, qtype, True) for qid, qtype in
                  (("a", "single"), ("b", "multiple"), ("c", "truefalse"), ("d", "order"))]
    assert check_quizzes([module], {"modul/x.md": every_type}, rules) == []


def test_agenda_rules() -> None:
    modules = [Module(slug, n, slug, "d", 60, ("o",), dt.date(2026, 1, 1), f"modul/{slug}.md")
               for n, slug in enumerate(("a", "b", "c"), start=1)]
    one = Agenda("hari-1", {}, {}, 480, 600, (Item("module", 60, "a"), Item("module", 60, "b")), line=2)
    two = Agenda("hari-2", {}, {}, 480, 540, (Item("module", 60, "c"),), line=20)
    file = Path("content/agendas.yml")
    ok = Rules(agendas_teach_every_module=["hari-1", "hari-2"], agenda_teaching_minutes=120)
    assert check_agendas([one, two], modules, file, ok) == []
    strict = Rules(agendas_teach_every_module=["hari-1"], agenda_teaching_minutes=90)
    assert [str(p) for p in check_agendas([one, two], modules, file, strict)] == [
        "content/agendas.yml:2: formats: hari-1 teach a, b; together they teach every module once, in order: a, b, "
        "c (content rule agendas_teach_every_module)",
        "content/agendas.yml:2: formats.hari-1: 120 minutes of teaching without a break: at most 90 (content rule "
        "agenda_teaching_minutes)",
    ]
    assert [p.message for p in check_agendas([one], modules, file, Rules(agendas_teach_every_module=["x"],
                                                                     agenda_teaching_minutes=0))] == [
        "no format x (content rule agendas_teach_every_module)"]


def test_glossary_rule() -> None:
    entries = [Entry("ULT", True, {}, 1)]
    assert check_glossary(entries, Path("g.yml"), Rules(glossary_terms=["ULT"])) == []
    assert [str(p) for p in check_glossary(entries, Path("g.yml"), Rules(glossary_terms=["ULT", "SKM"]))] == [
        "g.yml:1: SKM: missing: the glossary explains this term (content rule glossary_terms)"]


def test_published_addresses_rule(tmp_path: Path) -> None:
    listed = tmp_path / "published.txt"
    listed.write_text("# comment\n/\n/lama/\n/hilang/\n", "utf-8")
    problems = check_published(listed, {"/", "/baru/", "/unit/x/"}, {"/lama/"}, {"/unit/x/"})
    assert [(p.line, p.field) for p in problems] == [(4, "/hilang/"), (0, "/baru/")]
    assert "no page or redirect answers here" in problems[0].message
    assert "a page not listed" in problems[1].message
    assert check_published(tmp_path / "none.txt", set(), set(), set())[0].message.startswith("not found")


def test_rules_come_from_mkdocs_yml_over_the_defaults(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  content_rules:\n    quiz_questions: 3\n    trainer_blocks: -1\n"
                      "    colour: red\n  flag: !ENV [X, false]\n", "utf-8")
    rules, problems = load_rules(config, {"quiz_questions": 3})
    assert rules is not None and rules.quiz_questions == 3 and rules.trainer_blocks == Rules().trainer_blocks
    _, problems = load_rules(config, {"quiz_questions": 3, "trainer_blocks": -1, "colour": "red"})
    assert sorted(str(p) for p in problems) == [
        f"{config}:5: extra.content_rules.trainer_blocks: Input should be greater than or equal to 0",
        f"{config}:6: extra.content_rules.colour: unknown field",
    ]
    _, problems = load_rules(config, ["x"])
    assert problems[0].field == "extra.content_rules" and problems[0].line == 3
    assert "quiz_questions: 8" in rules_table()
    with pytest.raises(ValueError):
        Rules(forbidden={"(unclosed": "bad pattern"})
