"""Quiz blocks: parsed by the Markdown parser into accessible HTML; every authoring mistake reported with its line."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from quizcases import (
    BAD_CASES,
    BAD_ORDER_CASES,
    GOOD_EN,
    GOOD_ID,
    GOOD_ORDER_EN,
    GOOD_ORDER_ID,
    ORDER_PROMPT,
    REJECTED_BLOCKS,
)

from p2ham.core.source import annotate_block_lines
from p2ham.mdext.quiz import Collector
from p2ham.quiz.progress import progress_rows, quiz_script_strings
from p2ham.quiz.questions import ORDER_ITEMS, Option, Question, compare_languages, duplicate_ids, shuffled


def render(text: str, first_line: int = 1) -> tuple[BeautifulSoup, Collector]:
    """The page's Markdown as the build renders it: block lines annotated, with every extension of the site."""
    collector = Collector()
    collector.start("modul/x.md")
    html = markdown.markdown(annotate_block_lines(text, first_line),
                             extensions=["p2ham.mdext.quiz", "p2ham.mdext.checklist", "p2ham.mdext.trainer"],
                             extension_configs={"p2ham.mdext.quiz": {"collector": collector}})
    return BeautifulSoup(html, "html.parser"), collector


def test_good_quiz_becomes_native_inputs_in_fieldsets() -> None:
    page, collector = render(GOOD_ID)
    assert collector.page.problems == []
    assert [(q.id, q.type, q.key) for q in collector.page.questions] == [
        ("t-ramp", "single", "010"), ("t-rentan", "multiple", "110"), ("t-maklumat", "truefalse", "10")]
    first = page.select_one("#q-t-ramp")
    legend = first.select_one("fieldset > legend").get_text(" ", strip=True)
    assert legend == "Question 1 Kewajiban mana yang dijalankan?"
    radios = first.select("input[type=radio][name=q-t-ramp]")
    assert len(radios) == 3
    for radio in radios:
        assert first.select_one(f"label[for={radio['id']}]") is not None
    assert first.select_one("fieldset")["aria-describedby"] == "q-t-ramp-context q-t-ramp-instruction"
    assert "Bedakan menahan diri" in first.select_one("#q-t-ramp-instruction").get_text()
    assert len(page.select("#q-t-rentan input[type=checkbox]")) == 3
    # No checklist markers or raw block syntax leak into the page.
    assert "[x]" not in page.get_text() and "///" not in page.get_text()


def test_every_explanation_is_in_details_without_javascript() -> None:
    page, _ = render(GOOD_ID)
    answers = page.select("#q-t-ramp details.p2ham-question__answers li")
    assert [a["data-correct"] for a in answers] == ["false", "true", "false"]
    assert [a.select_one(".p2ham-answer__explanation").get_text(strip=True) for a in answers] == [
        "Kurang tepat. Penghormatan berarti menahan diri.", "Benar. Pemenuhan berarti menyediakan.",
        "Kurang tepat. Penegakan berarti menindak pelanggaran."]
    # The live region and the score are in the page from the start; buttons wait for the script.
    quiz = page.select_one(".p2ham-quiz")
    assert quiz.select_one("[role=status][aria-live=polite]") is not None
    assert quiz.select_one("[data-p2ham=check]").has_attr("hidden")
    assert quiz.has_attr("data-search-exclude")


def test_strings_follow_the_page_language() -> None:
    collector = Collector({"quiz_check": "Periksa jawaban", "quiz_question": "Pertanyaan"})
    collector.start("modul/x.md", {"quiz_check": "Periksa jawaban", "quiz_question": "Pertanyaan"})
    html = markdown.markdown(GOOD_ID, extensions=["p2ham.mdext.quiz"],
                             extension_configs={"p2ham.mdext.quiz": {"collector": collector}})
    assert "Periksa jawaban" in html and "Pertanyaan 1" in html


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_each_mistake_is_reported_and_no_answer_key_is_left(name: str) -> None:
    text, expected = BAD_CASES[name]
    page, collector = render(text, first_line=20)
    messages = [str(p) for p in collector.page.problems]
    assert any(expected in m for m in messages), messages
    assert all(p.file == "modul/x.md" and p.line >= 20 for p in collector.page.problems), messages
    assert page.select(".p2ham-quiz-error"), "the broken block must be replaced by an error note"
    # No answer key is left: no checklist made of options, no option list outside a built question.
    assert not page.select(".p2ham-checklist, input[checked]")
    assert all(o.find_parent(class_="p2ham-question").has_attr("data-question")
               for o in page.select(".p2ham-option"))
    assert not page.select("[data-p2ham-line]")


@pytest.mark.parametrize("name", sorted(REJECTED_BLOCKS))
def test_a_block_the_parser_rejects_is_reported_at_its_line_and_shows_nothing(name: str) -> None:
    text, expected, line = REJECTED_BLOCKS[name]
    page, collector = render(text, first_line=20)
    messages = [str(p) for p in collector.page.problems]
    assert messages and all(m.startswith(f"modul/x.md:{line + 19}: ") for m in messages), messages
    assert any(expected in m for m in messages), messages
    assert page.select(".p2ham-quiz-error")
    text = page.get_text()
    assert "[x]" not in text and "Pemenuhan berarti" not in text  # no answer key left in the page
    assert "Catatan rahasia" not in text  # nor a trainer's notes


def test_two_misspelt_blocks_closed_in_their_own_paragraph_are_both_reported() -> None:
    text = ("## Satu\n\n/// trainr | 5\n- Catatan rahasia satu\n///\n\nTeks tetap.\n\n"
            "## Dua\n\n/// trainr | 5\n- Catatan rahasia dua\n///\n\nTeks juga tetap.\n")
    page, collector = render(text)
    messages = [str(p) for p in collector.page.problems]
    assert [m.split(":")[1] for m in messages] == ["3", "11"], messages
    assert len(page.select(".p2ham-quiz-error")) == 2
    assert "Catatan rahasia" not in page.get_text()
    assert "Teks tetap." in page.get_text() and "Teks juga tetap." in page.get_text()  # only the blocks are dropped


def test_problem_lines_point_at_the_block() -> None:
    text, _ = BAD_CASES["no correct option"]
    _, collector = render("Intro.\n\n" + text, first_line=10)
    assert [p.line for p in collector.page.problems] == [14]  # "//// question" of t-ramp, in the source file


def q(qid: str, key: str, source: str = "a.md", line: int = 1, qtype: str = "single") -> Question:
    return Question(qid, qtype, "p", tuple(Option(str(i), c == "1") for i, c in enumerate(key)), source, line)


def test_duplicate_ids_across_pages_name_both_places() -> None:
    seen: dict[str, Question] = {}
    assert duplicate_ids([q("a", "01", "x.md", 3)], seen) == []
    problems = duplicate_ids([q("a", "01", "y.md", 9)], seen)
    assert [str(p) for p in problems] == ["y.md:9: question 'a': duplicate id, first used at x.md:3"]


def test_languages_must_ask_the_same_questions_with_the_same_answers() -> None:
    reference = [q("a", "010", "x.md", 3), q("b", "10", "x.md", 9, "truefalse"), q("c", "01", "x.md", 20)]
    translation = [q("a", "001", "x.en.md", 4), q("b", "10", "x.en.md", 10, "single"), q("d", "01", "x.en.md", 30)]
    problems = [str(p) for p in compare_languages(reference, translation, "x.md", "x.en.md")]
    assert problems == [
        "x.en.md:4: question 'a': correct options 001 differ from 010 in x.md:3 (1 marks a correct option)",
        "x.en.md:10: question 'b': type 'single' differs from 'truefalse' in x.md:9",
        "x.en.md:30: question 'd': not in x.md",
        "x.md:20: question 'c': missing from x.en.md",
    ]


def test_the_progress_page_lists_each_modules_questions() -> None:
    import datetime as dt

    from p2ham.course.modules import Module

    module = Module("x", 1, "X", "d", 30, ("o",), dt.date(2026, 1, 1), "modul/x.md")
    rows = progress_rows([module], {"modul/x.md": [q("a", "01")]}, lambda slug: f"../modul/{slug}/")
    assert [(row["module"].slug, row["url"], [q.id for q in row["questions"]]) for row in rows] == [
        ("x", "../modul/x/", ["a"])]
    assert quiz_script_strings({"quiz_check": "a", "progress_none": "b", "hours": "c"}) == {
        "quiz_check": "a", "progress_none": "b"}


def test_english_version_of_the_good_quiz_matches() -> None:
    _, indonesian = render(GOOD_ID)
    _, english = render(GOOD_EN)
    assert compare_languages(indonesian.page.questions, english.page.questions, "x.md", "x.en.md") == []


# --- Order questions ------------------------------------------------------------------------------------------

STAGES = ["Pencanangan", "Evaluasi (verifikasi)", "Penilaian", "Pembinaan dan pengawasan"]


def test_an_order_question_shows_its_items_shuffled_each_with_a_labelled_select() -> None:
    page, collector = render(GOOD_ORDER_ID)
    assert collector.page.problems == []
    [question] = collector.page.questions
    assert (question.type, [o.text for o in question.options]) == ("order", STAGES)  # the right order, as written
    shown = [STAGES[index] for index in question.shown]
    assert sorted(shown) == sorted(STAGES) and shown != STAGES
    assert question.key == "".join(str(index + 1) for index in question.shown)
    block = page.select_one("#q-t-urutan")
    assert (block["data-type"], block["data-key"]) == ("order", question.key)
    fieldset = block.select_one("fieldset")
    assert fieldset.select_one("legend").get_text(" ", strip=True) == (
        "Question 1 Urutkan tahap P2HAM menurut Permenkumham 25/2023.")
    assert fieldset["aria-describedby"] == "q-t-urutan-context q-t-urutan-instruction"
    assert "Mulai dari komitmen" in block.select_one("#q-t-urutan-instruction").get_text()
    items = fieldset.select("ul.p2ham-order > li.p2ham-order__item")
    assert [item.select_one("label").get_text(strip=True) for item in items] == shown
    for number, item in enumerate(items, start=1):
        select = item.select_one("select")
        assert select["id"] == f"q-t-urutan-{number}" and item.select_one("label")["for"] == select["id"]
        assert [(o["value"], o.get_text()) for o in select.select("option")] == [
            ("", "Position"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")]
        assert not select.select("option[selected]")  # every position starts empty
        assert item["data-position"] == str(STAGES.index(shown[number - 1]) + 1)
    assert not page.select("input") and "[x]" not in page.get_text() and "///" not in page.get_text()


def test_an_order_questions_answers_give_the_right_order_with_each_explanation() -> None:
    page, collector = render(GOOD_ORDER_ID)
    answers = page.select("#q-t-urutan details.p2ham-question__answers > ol.p2ham-answers--order > li")
    assert [a.select_one(".p2ham-answer__option").get_text(strip=True) for a in answers] == STAGES
    assert [a["data-position"] for a in answers] == ["1", "2", "3", "4"]
    assert [a.select_one(".p2ham-answer__explanation").get_text(strip=True) for a in answers] == [
        "Tahap pertama: pimpinan menyatakan komitmen.", "Tahap kedua: kriteria diperiksa.",
        "Tahap ketiga: hasil evaluasi dinilai.", "Tahap keempat: hasilnya dijaga."]
    # Each entry names the item as shown (its select is q-t-urutan-N): the script finds the chosen position by it.
    shown = collector.page.questions[0].shown
    assert [int(a["data-option"]) for a in answers] == [shown.index(i) + 1 for i in range(4)]


def test_an_order_question_is_the_same_bytes_on_every_build() -> None:
    first, _ = render(GOOD_ORDER_ID)
    second, _ = render(GOOD_ORDER_ID)
    assert str(first) == str(second)


@pytest.mark.parametrize("count", range(ORDER_ITEMS[0], ORDER_ITEMS[1] + 1))
def test_the_shuffle_is_fixed_by_the_id_and_never_the_right_order(count: int) -> None:
    for number in range(200):
        seed = f"m{number}-urutan"
        order = shuffled(seed, count)
        assert sorted(order) == list(range(count)) and order != tuple(range(count)), (seed, order)
        assert shuffled(seed, count) == order



def test_the_shuffle_does_not_change_between_versions() -> None:
    # A stored answer is kept by the question's key, which the shuffle makes: a new shuffle would drop every answer.
    assert shuffled("t-urutan", 4) == (3, 2, 0, 1)
    assert shuffled("t-urutan", 8) == shuffled("t-urutan", 8) != shuffled("t-urutan-2", 8)


@pytest.mark.parametrize("name", sorted(BAD_ORDER_CASES))
def test_each_order_mistake_is_reported_at_its_question_and_shows_no_answer(name: str) -> None:
    text, expected = BAD_ORDER_CASES[name]
    page, collector = render(text, first_line=20)
    messages = [str(p) for p in collector.page.problems]
    line = text.split("\n").index(ORDER_PROMPT) + 20
    assert any(m.startswith(f"modul/x.md:{line}: ") and expected in m for m in messages), messages
    assert all(p.line == line for p in collector.page.problems), messages
    assert page.select(".p2ham-quiz-error") and not page.select(".p2ham-order, .p2ham-answers, .p2ham-checklist")
    assert "Tahap pertama" not in page.get_text()


def test_the_english_order_question_matches_and_a_different_count_of_items_does_not() -> None:
    _, indonesian = render(GOOD_ORDER_ID)
    _, english = render(GOOD_ORDER_EN)
    assert [q.key for q in english.page.questions] == [q.key for q in indonesian.page.questions]
    assert compare_languages(indonesian.page.questions, english.page.questions, "x.md", "x.en.md") == []
    _, shorter = render(GOOD_ORDER_EN.replace("- Assessment\n\n    Stage ketiga: hasil evaluasi dinilai.\n\n", ""))
    assert len(shorter.page.questions[0].options) == 3
    problems = [str(p) for p in compare_languages(indonesian.page.questions, shorter.page.questions, "x.md",
                                                   "x.en.md")]
    assert problems == ["modul/x.md:3: question 't-urutan': 3 items differ from 4 in modul/x.md:3 (the same items, "
                        "in the same right order)"]


def test_languages_compare_an_order_questions_type_and_answer_key() -> None:
    def order(qid: str, count: int, source: str, line: int) -> Question:
        return Question(qid, "order", "p", tuple(Option(str(i), True) for i in range(count)), source, line)

    reference = [order("a", 4, "x.md", 3), order("b", 3, "x.md", 9), q("c", "010", "x.md", 20)]
    translation = [order("a", 5, "x.en.md", 4), q("b", "010", "x.en.md", 10), order("c", 3, "x.en.md", 21)]
    problems = [str(p) for p in compare_languages(reference, translation, "x.md", "x.en.md")]
    assert problems == [
        "x.en.md:4: question 'a': 5 items differ from 4 in x.md:3 (the same items, in the same right order)",
        "x.en.md:10: question 'b': type 'single' differs from 'order' in x.md:9",
        "x.en.md:21: question 'c': type 'order' differs from 'single' in x.md:20",
    ]
    assert order("a", 4, "x.md", 3).key == order("a", 4, "x.en.md", 4).key  # the same id: the same shuffle
    assert order("a", 4, "x.md", 3).key != order("a", 5, "x.md", 3).key  # other items: another key, stale answers


def test_the_progress_page_carries_an_order_questions_key() -> None:
    import datetime as dt

    from p2ham.course.modules import Module

    _, collector = render(GOOD_ORDER_ID)
    module = Module("x", 1, "X", "d", 30, ("o",), dt.date(2026, 1, 1), "modul/x.md")
    [row] = progress_rows([module], {"modul/x.md": collector.page.questions}, lambda slug: slug)
    assert [(q.id, q.key) for q in row["questions"]] == [("t-urutan", collector.page.questions[0].key)]
