"""Quizzes through real builds: every authoring mistake fails the build and names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIGURES, BuiltSite, build_site, small_site
from quizcases import BAD_CASES, GOOD_EN, GOOD_ID

HOME = {"index.md": "---\ntitle: Beranda\n---\n\n# Beranda\n\nIsi.\n",
        "index.en.md": "---\ntitle: Home\n---\n\n# Home\n\nText.\n"}


def quiz_page(title: str, quiz: str) -> str:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\nPembuka.\n\n## Kuis\n\n{quiz}"


def header_line(page: str, needle: str) -> int:
    return page.split("\n").index(needle) + 1


def run(tmp_path: Path, pages: dict[str, str]) -> tuple[int, str]:
    config = small_site(tmp_path, {**HOME, **pages})
    result = build_site(tmp_path / "site", config)
    return result.returncode, result.stdout + result.stderr


def test_good_quiz_builds_in_both_languages(tmp_path: Path) -> None:
    code, log = run(tmp_path, {"kuis.md": quiz_page("Kuis", GOOD_ID), "kuis.en.md": quiz_page("Quiz", GOOD_EN)})
    assert code == 0, log
    for path, check in (("kuis", "Periksa jawaban"), ("en/kuis", "Check answer")):
        soup = BeautifulSoup((tmp_path / "site" / path / "index.html").read_text("utf-8"), "html.parser")
        assert len(soup.select(".p2ham-question[data-question]")) == 3
        assert soup.select_one("[data-p2ham=check]").get_text() == check
        assert soup.select_one('script[src$="quiz.js"]') is not None
        assert soup.select_one('link[href$="quiz.css"]') is not None
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "quiz.js" not in home and "quiz.css" not in home


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_each_bad_quiz_fails_the_build_and_names_the_place(tmp_path: Path, name: str) -> None:
    text, expected = BAD_CASES[name]
    page = quiz_page("Kuis", text)
    code, log = run(tmp_path, {"kuis.md": page, "kuis.en.md": quiz_page("Quiz", GOOD_EN)})
    assert code != 0
    assert expected in log
    assert "Traceback" not in log
    lines = [int(line.split(":")[1]) for line in log.splitlines() if line.startswith("kuis.md:")]
    assert lines, log
    assert all(header_line(page, "/// quiz") <= n <= len(page.split("\n")) for n in lines), log


def test_duplicate_id_on_another_page_fails(tmp_path: Path) -> None:
    second = GOOD_ID.replace("id: t-rentan", "id: t-lain").replace("id: t-maklumat", "id: t-lain-2")
    code, log = run(tmp_path, {"a.md": quiz_page("A", GOOD_ID), "a.en.md": quiz_page("A", GOOD_EN),
                               "b.md": quiz_page("B", second), "b.en.md": quiz_page("B", GOOD_EN)})
    page = quiz_page("B", second)
    assert code != 0
    assert (f"b.md:{header_line(page, '//// question | Kewajiban mana yang dijalankan?')}: question 't-ramp': "
            f"duplicate id, first used at a.md:") in log


def test_question_in_one_language_only_fails(tmp_path: Path) -> None:
    english = GOOD_EN.replace("id: t-maklumat", "id: t-other")
    code, log = run(tmp_path, {"kuis.md": quiz_page("Kuis", GOOD_ID), "kuis.en.md": quiz_page("Quiz", english)})
    assert code != 0
    assert "kuis.en.md:" in log and "question 't-other': not in kuis.md" in log
    assert "question 't-maklumat': missing from kuis.en.md" in log


def test_different_correct_options_between_languages_fail(tmp_path: Path) -> None:
    english = GOOD_EN.replace("- [x] Fulfilment", "- [ ] Fulfilment").replace("- [ ] Enforcement", "- [x] Enforcement")
    code, log = run(tmp_path, {"kuis.md": quiz_page("Kuis", GOOD_ID), "kuis.en.md": quiz_page("Quiz", english)})
    assert code != 0
    assert "question 't-ramp': correct options 001 differ from 010 in kuis.md:" in log


def test_quiz_assets_are_small_and_only_on_quiz_pages(built_site: BuiltSite) -> None:
    import gzip

    assets = [built_site.path / "assets" / "javascripts" / "quiz.js",
              built_site.path / "assets" / "stylesheets" / "quiz.css"]
    compressed = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in assets)
    FIGURES["quiz.js + quiz.css"] = f"{compressed / 1024:.1f} KB gzip (budget 10 KB)"
    assert compressed <= 10 * 1024
    for html in built_site.path.rglob("*.html"):
        text = html.read_text("utf-8")
        # The trainer's views show a module's quiz as a printed sheet or an answer key, without the quiz script.
        interactive = 'data-p2ham-view="participant"' in text
        has_quiz = interactive and ('class="p2ham-quiz"' in text or 'class="p2ham-progress"' in text)
        assert ("quiz.js" in text) == has_quiz, html


def test_quiz_text_stays_out_of_the_search_index(built_site: BuiltSite) -> None:
    index = (built_site.path / "search" / "search_index.json").read_text("utf-8")
    soup = BeautifulSoup((built_site.path / "modul" / "p2ham-p5ham" / "index.html").read_text("utf-8"),
                         "html.parser")
    explanation = soup.select_one(".p2ham-answer__explanation")
    assert explanation is not None
    assert explanation.get_text(" ", strip=True)[:60] not in index


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_module_ends_with_a_quiz_of_eight_or_more_mostly_scenarios(built_site: BuiltSite, prefix: str) -> None:
    modules = sorted(path for path in (built_site.path / prefix / "modul").iterdir() if path.is_dir())
    assert len(modules) == 6
    for module in modules:
        soup = BeautifulSoup((module / "index.html").read_text("utf-8"), "html.parser")
        questions = soup.select(".p2ham-quiz .p2ham-question[data-question]")
        scenarios = [q for q in questions if q.select_one(".p2ham-question__context")]
        assert len(questions) >= 8, module.name
        assert 2 * len(scenarios) >= len(questions), module.name
        assert {q["data-type"] for q in questions} == {"single", "multiple", "truefalse"}, module.name
        assert not soup.select(".p2ham-quiz-error")
