"""Quizzes in a build: the fixture site's quizzes in both languages, their script and styles only where needed,
their text out of the search index, and builds that stop naming the file and line of a quiz problem (every kind
of problem itself: tests/quick/test_quiz.py)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import figure
from helpers import SITE_FIXTURE, BuiltSite, build_project

DOCS = SITE_FIXTURE / "docs"


def source(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if line == needle)


@pytest.mark.parametrize(("prefix", "check"), [("", "Periksa jawaban"), ("en/", "Check answer")])
def test_quizzes_are_built_in_both_languages(fixture_site: BuiltSite, prefix: str, check: str) -> None:
    page = fixture_site.page(f"{prefix}modul/alfa")
    assert [q["data-question"] for q in page.select(".p2ham-question[data-question]")] == [
        "alfa-ramp", "alfa-rentan", "alfa-maklumat"]
    assert page.select_one("[data-p2ham=check]").get_text() == check
    assert page.select_one('script[src$="quiz.js"]') is not None
    assert page.select_one('link[href$="quiz.css"]') is not None
    assert not page.select(".p2ham-quiz-error")


def test_quiz_assets_are_small_and_only_on_pages_with_a_quiz(fixture_site: BuiltSite) -> None:
    assets = [fixture_site.path / "assets" / "javascripts" / "quiz.js",
              fixture_site.path / "assets" / "stylesheets" / "quiz.css"]
    compressed = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in assets)
    figure("quiz.js + quiz.css", f"{compressed / 1024:.1f} KB gzip (budget 10 KB)")
    assert compressed <= 10 * 1024
    with_quiz = 0
    for html in fixture_site.path.rglob("*.html"):
        text = html.read_text("utf-8")
        # The trainer's views show a module's quiz as a printed sheet or an answer key, without the quiz script.
        interactive = 'data-p2ham-view="participant"' in text
        has_quiz = interactive and ('class="p2ham-quiz"' in text or 'class="p2ham-progress"' in text)
        with_quiz += has_quiz
        assert ("quiz.js" in text) == has_quiz, html
    assert with_quiz == 2 * 3  # both modules and the progress page, in both languages


def test_quiz_text_stays_out_of_the_search_index(fixture_site: BuiltSite) -> None:
    index = json.loads(fixture_site.text("search/search_index.json"))
    text = " ".join(doc["text"] for doc in index["docs"])
    explanation = fixture_site.page("modul/alfa").select_one(".p2ham-answer__explanation")
    assert explanation is not None
    assert explanation.get_text(" ", strip=True)[:40] not in text
    assert "loket ULT" in text  # the module's own text is indexed


def test_the_progress_page_lists_every_module_with_its_questions(fixture_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        page = fixture_site.page(f"{prefix}kemajuan")
        assert page.select_one('script[src$="quiz.js"]') is not None
        text = str(page)
        for question in ("alfa-ramp", "alfa-rentan", "alfa-maklumat", "beta-kedua", "beta-urutan"):
            assert question in text, (prefix, question)
        assert {a["href"] for a in page.select(".p2ham-progress a")} >= {"../modul/alfa/", "../modul/beta/"}


ORDER = {"": ["Menyapa pemohon", "Memeriksa berkas", "Memberikan tanda terima", "Meminta umpan balik"],
         "en/": ["Greet the applicant", "Check the documents", "Give a receipt", "Ask for feedback"]}


def order_question(site: BuiltSite, path: str) -> Any:
    return site.page(path).select_one(".p2ham-question[data-question=beta-urutan]")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_order_question_is_built_shuffled_with_a_labelled_select_per_item(fixture_site: BuiltSite,
                                                                             prefix: str) -> None:
    page = fixture_site.page(f"{prefix}modul/beta")
    assert not page.select(".p2ham-quiz-error")
    question = order_question(fixture_site, f"{prefix}modul/beta")
    assert question["data-type"] == "order"
    right = ORDER[prefix]
    items = question.select("fieldset ul.p2ham-order > li")
    shown = [item.select_one("label").get_text(strip=True) for item in items]
    assert sorted(shown) == sorted(right) and shown != right  # never in the right order
    # The key is the right place of each item as shown: the same in both languages, so is the answer kept.
    assert question["data-key"] == "".join(str(right.index(text) + 1) for text in shown)
    assert question["data-key"] == order_question(fixture_site, "modul/beta")["data-key"]
    for item in items:
        select, label = item.select_one("select"), item.select_one("label")
        assert label["for"] == select["id"] and page.select(f"#{select['id']}") == [select]
        assert [o["value"] for o in select.select("option")] == ["", "1", "2", "3", "4"]
        assert not select.select("option[selected]")
    answers = question.select("details.p2ham-question__answers > ol > li")
    assert [a.select_one(".p2ham-answer__option").get_text(strip=True) for a in answers] == right
    assert all(a.select_one(".p2ham-answer__explanation").get_text(strip=True) for a in answers)
    assert question.select_one("fieldset")["aria-describedby"] == "q-beta-urutan-instruction"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_an_order_question_in_the_trainers_views(fixture_site: BuiltSite, prefix: str) -> None:
    participant = fixture_site.page(f"{prefix}modul/beta")
    shown = [label.get_text(strip=True) for label in order_question(fixture_site, f"{prefix}modul/beta")
             .select(".p2ham-order label")]
    for view in ("modul/beta/peserta", "cetak"):  # the items, shuffled, with empty positions; no right place
        handout = order_question(fixture_site, prefix + view)
        assert [label.get_text(strip=True) for label in handout.select(".p2ham-order label")] == shown, view
        assert len(handout.select(".p2ham-order select")) == 4 and not handout.select("option[selected]"), view
        assert not handout.select("[data-position], .p2ham-answers") and not handout.has_attr("data-key"), view
    key = order_question(fixture_site, f"{prefix}modul/beta/pemandu")
    answers = key.select("details.p2ham-question__answers[open] > ol.p2ham-answers--order > li")
    assert [a.select_one(".p2ham-answer__option").get_text(strip=True) for a in answers] == ORDER[prefix]
    assert participant.select_one('script[src$="quiz.js"]') is not None


def test_the_progress_page_carries_the_order_questions_key(fixture_site: BuiltSite) -> None:
    key = order_question(fixture_site, "modul/beta")["data-key"]
    for prefix in ("", "en/"):
        rows = fixture_site.page(f"{prefix}kemajuan").select(".p2ham-progress tbody tr")
        assert f"beta-urutan:{key}" in rows[1]["data-questions"].split(" ")
        assert rows[1].select("td")[0].get_text() == "2"


# --- Builds that must fail ------------------------------------------------------------------------------------

def test_a_block_the_parser_rejects_fails_the_build_at_its_line_in_the_file(tmp_path: Path) -> None:
    page = source("modul/alfa.md").replace("//// question | Kewajiban", "//// qeustion | Kewajiban")
    result = build_project(tmp_path, {"modul/alfa.md": page})
    assert not result.ok and "Traceback" not in result.log
    line = line_of(page, "//// qeustion | Kewajiban mana yang dijalankan?")
    assert (f"modul/alfa.md:{line}: block: '//// qeustion | Kewajiban mana yang dijalankan?' is not a valid block: "
            "unknown block 'qeustion'") in result.log


def test_a_different_answer_in_the_other_language_fails(tmp_path: Path) -> None:
    english = source("modul/beta.en.md").replace("- [x] True", "- [ ] True").replace("- [ ] False", "- [x] False")
    result = build_project(tmp_path, {"modul/beta.en.md": english})
    assert not result.ok and "Traceback" not in result.log
    line = line_of(english, "//// question | This is the second module.")
    assert (f"modul/beta.en.md:{line}: question 'beta-kedua': correct options 01 differ from 10 in "
            f"modul/beta.md:{line_of(source('modul/beta.md'), '//// question | Modul ini yang kedua.')}") in result.log


def test_an_id_used_on_two_pages_fails(tmp_path: Path) -> None:
    page = source("modul/beta.md").replace("id: beta-kedua", "id: alfa-ramp")
    result = build_project(tmp_path, {"modul/beta.md": page})
    assert not result.ok and "Traceback" not in result.log
    first = line_of(source("modul/alfa.md"), "//// question | Kewajiban mana yang dijalankan?")
    assert (f"modul/beta.md:{line_of(page, '//// question | Modul ini yang kedua.')}: question 'alfa-ramp': "
            f"duplicate id, first used at modul/alfa.md:{first}") in result.log


def test_an_order_question_with_a_marker_fails_at_its_line(tmp_path: Path) -> None:
    page = source("modul/beta.md").replace("- Memeriksa berkas", "- [x] Memeriksa berkas")
    result = build_project(tmp_path, {"modul/beta.md": page})
    assert not result.ok and "Traceback" not in result.log
    line = line_of(page, "//// question | Urutkan langkah melayani pemohon di loket ULT.")
    assert (f"modul/beta.md:{line}: question 'beta-urutan': item 2: no '[x]' or '[ ]' marker in an order question"
            in result.log)


def test_an_order_question_with_other_items_in_the_other_language_fails(tmp_path: Path) -> None:
    english = source("modul/beta.en.md").replace(
        "- Give a receipt\n\n    Third step: the applicant receives a receipt for the documents.\n\n", "")
    result = build_project(tmp_path, {"modul/beta.en.md": english})
    assert not result.ok and "Traceback" not in result.log
    line = line_of(english, "//// question | Put the steps of serving an applicant at the ULT counter in order.")
    reference = line_of(source("modul/beta.md"), "//// question | Urutkan langkah melayani pemohon di loket ULT.")
    assert (f"modul/beta.en.md:{line}: question 'beta-urutan': 3 items differ from 4 in modul/beta.md:{reference}"
            in result.log)
