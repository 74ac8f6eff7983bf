"""Quizzes in a real browser: keyboard only, live region, progress across reloads and languages, reset,
storage denied or corrupted, no JavaScript, the progress page, and axe in every quiz state; the same for an order
question."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import NARROW, VIEWPORTS, axe_violations, describe_violations

MODULE = "modul/alfa/"
STORAGE_KEY = "p2ham-quiz-v1"
DENY_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


@pytest.fixture
def root(fixture_server: str) -> str:
    return fixture_server


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=VIEWPORTS["phone"])
    yield ctx
    ctx.close()


def open_page(context: Any, url: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return page, errors


def questions(page: Any) -> list[dict[str, Any]]:
    """What the page says about each question: id, input type, correct options (1-based)."""
    return list(page.evaluate("""() => [...document.querySelectorAll('.p2ham-question[data-question]')].map(q => ({
        id: q.dataset.question, type: q.dataset.type,
        correct: [...q.querySelectorAll('.p2ham-option')].map((o, i) => o.dataset.correct === 'true' ? i + 1 : 0)
                   .filter(Boolean),
        count: q.querySelectorAll('.p2ham-option').length}))"""))


def answer(page: Any, index: int, options: list[int]) -> None:
    """Answer question `index` (0-based) with a mouse-free click on the given options, then check it."""
    question = page.locator(".p2ham-question[data-question]").nth(index)
    for option in options:
        question.locator(".p2ham-options input").nth(option - 1).check()
    question.locator("[data-p2ham=check]").click()


def wrong_options(q: dict[str, Any]) -> list[int]:
    return [next(i for i in range(1, q["count"] + 1) if i not in q["correct"])]


def score(page: Any) -> str:
    return str(page.locator(".p2ham-quiz__score").first.inner_text())


def test_a_quiz_completed_with_the_keyboard_only(context: Any, root: str) -> None:
    page, errors = open_page(context, root + MODULE)
    items = questions(page)
    assert len(items) == 3
    # Start on the first option of the first question; from there only keys are used.
    page.locator(".p2ham-question[data-question] .p2ham-options input").first.focus()
    for item in items:
        if item["type"] == "multiple":
            for option in range(1, item["count"] + 1):
                if option in item["correct"]:
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")
        else:
            page.keyboard.press("Space")
            for _ in range(item["correct"][0] - 1):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.dataset.p2ham") == "check", item["id"]
        page.keyboard.press("Enter")
        assert page.locator(f"#q-{item['id']} .p2ham-question__feedback.p2ham-is-correct").is_visible()
        page.keyboard.press("Tab")  # the "all answers" summary
        page.keyboard.press("Tab")  # the next question's first option, or the reset button after the last
    assert page.evaluate("document.activeElement.dataset.p2ham") == "reset"
    assert f"{len(items)} dari {len(items)} benar" in score(page)
    page.keyboard.press("Enter")  # reset, still by keyboard
    assert f"0 dari {len(items)} benar" in score(page)
    assert errors == []


def test_result_is_announced_from_the_live_region_without_moving_focus(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    item = questions(page)[0]
    live = page.locator(".p2ham-quiz [role=status]")
    assert live.count() == 1 and live.inner_text() == ""  # present, empty, before any answer
    answer(page, 0, wrong_options(item))
    page.wait_for_function("el => el.textContent.length > 0", arg=live.element_handle())
    text = live.inner_text()
    assert text.startswith("Pertanyaan 1. Salah.")
    explanation = page.locator(f"#q-{item['id']} .p2ham-answers li").nth(wrong_options(item)[0] - 1)
    assert explanation.locator(".p2ham-answer__explanation").inner_text().strip()[:40] in text
    assert page.evaluate("document.activeElement.dataset.p2ham") == "check"
    feedback = page.locator(f"#q-{item['id']} .p2ham-question__feedback")
    assert "Salah" in feedback.inner_text() and "Jawaban yang benar:" in feedback.inner_text()
    # Retry: choose the right answer and check again.
    answer(page, 0, item["correct"])
    assert "Benar" in feedback.inner_text()
    assert page.locator(f"#q-{item['id']} .p2ham-question__feedback.p2ham-is-correct").count() == 1


def test_progress_survives_reload_and_switching_language(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    items = questions(page)
    answer(page, 0, items[0]["correct"])
    answer(page, 1, wrong_options(items[1]))
    assert f"1 dari {len(items)} benar (2 sudah dijawab)" in score(page)
    page.reload(wait_until="networkidle")
    assert f"1 dari {len(items)} benar (2 sudah dijawab)" in score(page)
    first = page.locator(f"#q-{items[0]['id']}")
    assert first.locator(".p2ham-options input").nth(items[0]["correct"][0] - 1).is_checked()
    assert first.locator(".p2ham-question__feedback.p2ham-is-correct").is_visible()
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header .md-select a[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/en/" + MODULE)
    assert f"Score: 1 of {len(items)} correct (2 answered)" in score(page)
    second = page.locator(f"#q-{items[1]['id']}")
    assert second.locator(".p2ham-question__feedback.p2ham-is-incorrect").is_visible()
    assert "Incorrect" in second.locator(".p2ham-question__feedback").inner_text()


def test_reset_clears_answers_and_storage(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    items = questions(page)
    answer(page, 0, items[0]["correct"])
    page.locator("[data-p2ham=reset]").click()
    assert f"0 dari {len(items)} benar (0 sudah dijawab)" in score(page)
    assert not page.locator(".p2ham-options input:checked").count()
    assert not page.locator(".p2ham-question__feedback:visible").count()
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")
    assert items[0]["id"] not in stored["questions"]
    live = page.locator(".p2ham-quiz [role=status]")
    page.wait_for_function("el => el.textContent.includes('Kuis diulang')", arg=live.element_handle())


def test_quiz_works_with_storage_denied(browser: Any, root: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.add_init_script(DENY_STORAGE)
    page, errors = open_page(context, root + MODULE)
    item = questions(page)[0]
    warning = page.locator(".p2ham-quiz__storage")
    assert warning.is_visible() and "tidak mengizinkan penyimpanan" in warning.inner_text()
    answer(page, 0, item["correct"])
    assert page.locator(f"#q-{item['id']} .p2ham-question__feedback.p2ham-is-correct").is_visible()
    assert "1 dari" in score(page)  # the score counts what can be remembered: nothing, without storage
    assert [e for e in errors if "quiz" in e.lower()] == []
    context.close()


@pytest.mark.parametrize("stored", ["{not json", '{"questions": 5}', '{"questions": {"x": 1}}', "null"])
def test_corrupted_storage_never_breaks_a_quiz(context: Any, root: str, stored: str) -> None:
    context.add_init_script(f"localStorage.setItem('{STORAGE_KEY}', {stored!r});")
    page, errors = open_page(context, root + MODULE)
    item = questions(page)[0]
    answer(page, 0, item["correct"])
    assert page.locator(f"#q-{item['id']} .p2ham-question__feedback.p2ham-is-correct").is_visible()
    assert errors == []


def test_an_answer_to_a_changed_question_is_not_shown(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    item = questions(page)[0]
    stale = {"questions": {item["id"]: {"key": "0" * 9, "answer": [1], "correct": True, "at": 0}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [STORAGE_KEY, stale])
    page.reload(wait_until="networkidle")
    assert "(0 sudah dijawab)" in score(page)
    assert not page.locator(f"#q-{item['id']} .p2ham-options input:checked").count()


def test_without_javascript_explanations_are_readable(browser: Any, root: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(root + MODULE)
    first = page.locator(".p2ham-question[data-question]").first
    assert first.locator("legend").is_visible()
    assert first.locator(".p2ham-options label").first.is_visible()
    assert not first.locator("[data-p2ham=check]").is_visible()
    summary = first.locator("details.p2ham-question__answers summary")
    assert summary.is_visible()
    summary.click()
    explanation = first.locator(".p2ham-answer__explanation").first
    assert explanation.is_visible() and explanation.inner_text().strip()
    context.close()


def test_targets_are_large_enough(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        '.p2ham-options input, .p2ham-options li, [data-p2ham=check], [data-p2ham=reset]')]
        .map(e => { const r = e.getBoundingClientRect(); return [e.tagName, r.width, r.height]; })""")
    assert sizes
    for tag, width, height in sizes:
        assert width >= 24 and height >= 24, (tag, width, height)
        if tag in ("LI", "BUTTON"):
            assert height >= 44, (tag, width, height)


def test_progress_page_lists_modules_with_progress_from_this_device(context: Any, root: str) -> None:
    page, _ = open_page(context, root + MODULE)
    items = questions(page)
    answer(page, 0, items[0]["correct"])
    answer(page, 1, wrong_options(items[1]))
    for path, answered, loaded in (("kemajuan/", "2", "dibaca dari perangkat ini"),
                                   ("en/kemajuan/", "2", "read from this device")):
        page.goto(root + path, wait_until="networkidle")
        rows = page.locator(".p2ham-progress tbody tr")
        assert rows.count() == 2
        first = rows.first
        assert first.locator("td").nth(0).inner_text() == str(len(items))
        assert first.locator("[data-p2ham=answered]").inner_text() == answered
        assert first.locator("[data-p2ham=correct]").inner_text() == "1"
        assert rows.nth(1).locator("[data-p2ham=answered]").inner_text() == "0"
        assert loaded in page.locator("[data-p2ham=status]").inner_text()
    page.locator("[data-p2ham=clear-all]").click()
    assert page.locator(".p2ham-progress tbody tr").first.locator("[data-p2ham=answered]").inner_text() == "0"
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_finds_nothing_in_any_quiz_state(browser: Any, root: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page, _ = open_page(context, root + MODULE)
    items = questions(page)
    problems = describe_violations(MODULE + " untouched", viewport, axe_violations(page))
    answer(page, 0, wrong_options(items[0]))
    page.locator(f"#q-{items[0]['id']} details summary").click()
    problems += describe_violations(MODULE + " wrong answer", viewport, axe_violations(page))
    answer(page, 1, items[1]["correct"])
    problems += describe_violations(MODULE + " right answer", viewport, axe_violations(page))
    page.locator("[data-p2ham=check]").nth(2).click()
    problems += describe_violations(MODULE + " no choice made", viewport, axe_violations(page))
    page.locator("[data-p2ham=reset]").click()
    problems += describe_violations(MODULE + " after reset", viewport, axe_violations(page))
    context.close()
    assert problems == [], "\n".join(problems)


# --- Order questions (module beta: a true/false question, then an order question) ------------------------------

ORDER_MODULE = "modul/beta/"
ORDER = "#q-beta-urutan"
RIGHT_ORDER = ["Menyapa pemohon", "Memeriksa berkas", "Memberikan tanda terima", "Meminta umpan balik"]


def order_key(page: Any) -> list[int]:
    """The right position of each item as the page shows it."""
    return [int(c) for c in page.locator(ORDER).get_attribute("data-key")]


def a_wrong_order(key: list[int]) -> list[int]:
    """The right positions with the first two swapped: two items out of place, the other two in place."""
    return [key[1], key[0], *key[2:]]


def choose(page: Any, positions: list[int]) -> None:
    """Choose each item's position in its select, then check: what a pointer or touch user does."""
    selects = page.locator(f"{ORDER} .p2ham-order select")
    for index, position in enumerate(positions):
        selects.nth(index).select_option(str(position))
    page.locator(f"{ORDER} [data-p2ham=check]").click()


def chosen(page: Any) -> list[str]:
    return list(page.locator(f"{ORDER} .p2ham-order select").evaluate_all("els => els.map(e => e.value)"))


def announced(page: Any, text: str) -> str:
    live = page.locator(".p2ham-quiz [role=status]")
    page.wait_for_function("([el, text]) => el.textContent.includes(text)", arg=[live.element_handle(), text])
    return str(live.inner_text())


def test_an_order_question_answered_with_the_keyboard_only(context: Any, root: str) -> None:
    page, errors = open_page(context, root + ORDER_MODULE)
    key = order_key(page)
    assert key != sorted(key)  # shown shuffled
    page.locator(f"{ORDER} .p2ham-order select").first.focus()  # from here on, only keys
    for position in a_wrong_order(key):
        page.keyboard.type(str(position))  # a closed select takes the option whose text starts with the key typed
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.p2ham") == "check"
    assert chosen(page) == [str(p) for p in a_wrong_order(key)]
    page.keyboard.press("Enter")
    text = announced(page, "Salah")
    assert text.startswith("Pertanyaan 2. Salah. 2 dari 4 butir berada di urutan yang tepat.")
    assert "Urutan yang benar: " + ", ".join(RIGHT_ORDER) in text
    assert page.evaluate("document.activeElement.dataset.p2ham") == "check"  # focus never moved
    feedback = page.locator(f"{ORDER} .p2ham-question__feedback.p2ham-is-incorrect")
    assert feedback.is_visible()
    assert feedback.locator(".p2ham-feedback__count").inner_text() == "2 dari 4 butir berada di urutan yang tepat."
    entries = feedback.locator("ol.p2ham-feedback__order > li")
    assert [entries.nth(i).locator(".p2ham-answer__option").inner_text() for i in range(4)] == RIGHT_ORDER
    assert all(entries.nth(i).locator(".p2ham-answer__explanation").inner_text().strip() for i in range(4))
    assert entries.locator(".p2ham-is-misplaced").count() == 2 and entries.locator(".p2ham-is-placed").count() == 2
    # Back to the first two items, by keyboard, to put them right.
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "q-beta-urutan-1"
    page.keyboard.type(str(key[0]))
    page.keyboard.press("Tab")
    page.keyboard.type(str(key[1]))
    for _ in range(3):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    text = announced(page, "Benar")
    assert text == "Pertanyaan 2. Benar. 4 dari 4 butir berada di urutan yang tepat."
    assert page.locator(f"{ORDER} .p2ham-question__feedback.p2ham-is-correct").is_visible()
    assert "1 dari 2 benar (1 sudah dijawab)" in score(page)
    page.keyboard.press("Tab")  # the "all answers" summary
    page.keyboard.press("Tab")  # the reset button: the order question is the quiz's last
    assert page.evaluate("document.activeElement.dataset.p2ham") == "reset"
    page.keyboard.press("Enter")
    announced(page, "Kuis diulang")
    assert chosen(page) == ["", "", "", ""]
    assert not page.locator(f"{ORDER} .p2ham-question__feedback").is_visible()
    assert "0 dari 2 benar (0 sudah dijawab)" in score(page)
    assert errors == []


def test_an_order_question_asks_for_every_position_first(context: Any, root: str) -> None:
    page, _ = open_page(context, root + ORDER_MODULE)
    selects = page.locator(f"{ORDER} .p2ham-order select")
    for index, position in enumerate(order_key(page)[:3]):  # the last item left without a position
        selects.nth(index).select_option(str(position))
    page.locator(f"{ORDER} [data-p2ham=check]").click()
    assert announced(page, "Pilih urutan") == "Pilih urutan untuk setiap butir terlebih dahulu, lalu periksa."
    assert page.locator(f"{ORDER} .p2ham-question__feedback.p2ham-is-empty").is_visible()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None  # nothing kept


def test_an_order_answer_is_kept_after_reload_and_in_the_other_language(context: Any, root: str) -> None:
    page, _ = open_page(context, root + ORDER_MODULE)
    key = order_key(page)
    wrong = a_wrong_order(key)
    choose(page, wrong)
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")["questions"]["beta-urutan"]
    assert (stored["key"], stored["answer"], stored["correct"]) == ("".join(map(str, key)), wrong, False)
    page.reload(wait_until="networkidle")
    assert chosen(page) == [str(p) for p in wrong]
    assert page.locator(f"{ORDER} .p2ham-question__feedback.p2ham-is-incorrect").is_visible()
    assert "0 dari 2 benar (1 sudah dijawab)" in score(page)
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header .md-select a[hreflang=en]").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/en/" + ORDER_MODULE)
    assert order_key(page) == key and chosen(page) == [str(p) for p in wrong]
    feedback = page.locator(f"{ORDER} .p2ham-question__feedback")
    assert "Incorrect" in feedback.inner_text() and "2 of 4 items are in the right position." in feedback.inner_text()
    assert "Score: 0 of 2 correct (1 answered)" in score(page)
    choose(page, key)
    assert announced(page, "Correct") == "Question 2. Correct. 4 of 4 items are in the right position."
    page.goto(root + "kemajuan/", wait_until="networkidle")
    beta = page.locator(".p2ham-progress tbody tr").nth(1)
    assert beta.locator("[data-p2ham=answered]").inner_text() == "1"
    assert beta.locator("[data-p2ham=correct]").inner_text() == "1"


@pytest.mark.parametrize(("stored_key", "answer"), [("1234", [1, 2, 3, 4]), (None, [1, 2, 3]),
                                                    (None, [1, 2, 3, 9]), (None, [1, 2, 0, 4])])
def test_an_order_answer_that_no_longer_fits_is_not_shown(context: Any, root: str, stored_key: str | None,
                                                          answer: list[int]) -> None:
    page, errors = open_page(context, root + ORDER_MODULE)
    key = stored_key or page.locator(ORDER).get_attribute("data-key")
    stale = {"questions": {"beta-urutan": {"key": key, "answer": answer, "correct": True, "at": 0}}}
    page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [STORAGE_KEY, stale])
    page.reload(wait_until="networkidle")
    assert chosen(page) == ["", "", "", ""]
    assert not page.locator(f"{ORDER} .p2ham-question__feedback").is_visible()
    if stored_key:  # another key: the items changed, the answer is not counted either
        assert "(0 sudah dijawab)" in score(page)
    assert errors == []


def test_without_javascript_the_right_order_is_readable(browser: Any, root: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(root + ORDER_MODULE)
    question = page.locator(ORDER)
    assert question.locator("legend").is_visible()
    labels = question.locator(".p2ham-order label")
    assert sorted(labels.all_inner_texts()) == sorted(RIGHT_ORDER) and labels.all_inner_texts() != RIGHT_ORDER
    assert not question.locator("[data-p2ham=check]").is_visible()
    question.locator("details.p2ham-question__answers summary").click()
    entries = question.locator("details.p2ham-question__answers ol > li")
    assert [entries.nth(i).locator(".p2ham-answer__option").inner_text() for i in range(4)] == RIGHT_ORDER
    displays = entries.evaluate_all("els => els.map(e => getComputedStyle(e).display)")
    assert displays == ["list-item"] * 4 and page.locator(f"{ORDER} details ol").evaluate(
        "el => getComputedStyle(el).listStyleType") == "decimal"  # numbered: the right order reads as such
    assert all(entries.nth(i).locator(".p2ham-answer__explanation").is_visible() for i in range(4))
    context.close()


def test_an_order_questions_targets_are_large_enough(browser: Any, root: str) -> None:
    context = browser.new_context(viewport=NARROW)
    page, _ = open_page(context, root + ORDER_MODULE)
    sizes = page.evaluate(f"""() => [...document.querySelectorAll('{ORDER} select, {ORDER} .p2ham-order li')]
        .map(e => {{ const r = e.getBoundingClientRect(); return [e.tagName, r.width, r.height, r.right]; }})""")
    assert len(sizes) == 8
    for tag, width, height, right in sizes:
        assert width >= 24 and height >= 44 and right <= NARROW["width"], (tag, width, height, right)
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    context.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_axe_finds_nothing_in_any_order_question_state(browser: Any, root: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    problems: list[str] = []
    for prefix in ("", "en/"):
        page, _ = open_page(context, root + prefix + ORDER_MODULE)
        key = order_key(page)
        where = prefix + ORDER_MODULE
        problems += describe_violations(where + " order untouched", viewport, axe_violations(page))
        page.locator(f"{ORDER} [data-p2ham=check]").click()
        problems += describe_violations(where + " order no position", viewport, axe_violations(page))
        choose(page, a_wrong_order(key))
        page.locator(f"{ORDER} details summary").click()
        problems += describe_violations(where + " order wrong", viewport, axe_violations(page))
        choose(page, key)
        problems += describe_violations(where + " order right", viewport, axe_violations(page))
        page.locator("[data-p2ham=reset]").click()
        problems += describe_violations(where + " order after reset", viewport, axe_violations(page))
        page.close()
    context.close()
    assert problems == [], "\n".join(problems)
