"""The offline archive in a browser, from the offline_folder folder with the network off: a module, its quiz, its links
and the language switcher work, search finds pages in the reader's language, and a presentation's two windows stay
in step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browsing import VIEWPORTS, in_step

MODULE = "modul/alfa.html"



@pytest.fixture
def offline_context(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A browser context without network: anything but file:// is aborted, and every request is recorded."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], service_workers="block")
    context.set_offline(True)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else route.abort())
    yield context, requests
    context.close()


def open_file(context: Any, url: str) -> tuple[Any, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="load")
    return page, errors


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def test_a_module_works_from_the_folder(offline_context: tuple[Any, list[str]], offline_folder: Path) -> None:
    context, requests = offline_context
    module_url = (offline_folder / MODULE).as_uri()
    page, errors = open_file(context, module_url)
    assert "Modul Alfa" in page.locator("article h1").inner_text()
    # A quiz question answered and checked, and still answered after a reload.
    question = page.locator(".p2ham-question[data-question]").first
    correct = [int(i) for i in question.evaluate(
        "q => [...q.querySelectorAll('.p2ham-option')].flatMap((o, i) => o.dataset.correct === 'true' ? [i] : [])")]
    for option in correct:
        question.locator(".p2ham-options input").nth(option).check()
    question.locator("[data-p2ham=check]").click()
    feedback = question.locator(".p2ham-question__feedback.p2ham-is-correct")
    assert feedback.is_visible()
    page.reload(wait_until="load")
    assert all(question.locator(".p2ham-options input").nth(option).is_checked() for option in correct)
    assert feedback.is_visible()
    # A link to another module opens its file.
    hrefs = [str(href) for href in page.locator("article a[href]").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")]
    others = [href for href in hrefs if "/" not in href and href.endswith(".html") and href != Path(MODULE).name]
    assert others, f"no link to another module in {MODULE}: {hrefs}"
    page.locator(f"article a[href='{others[0]}']").first.click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == offline_folder / "modul" / others[0]
    assert page.locator("article h1").count() == 1
    # The language switcher leads to the English file of the same module, with the answer kept.
    page.goto(module_url, wait_until="load")
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header .md-select a[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert file_of(page.url) == (offline_folder / "en" / MODULE)
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Score: 1 of" in page.locator(".p2ham-quiz__score").first.inner_text()
    assert [url for url in requests if not url.startswith("file:")] == []
    assert errors == []


def test_search_works_from_the_folder(offline_context: tuple[Any, list[str]], offline_folder: Path) -> None:
    context, requests = offline_context
    for lang, word in (("", "loket"), ("en/", "counter")):
        page, errors = open_file(context, (offline_folder / lang / MODULE).as_uri())
        meta = page.locator(".md-search-result__meta")
        preparing = meta.text_content().strip()
        page.locator("input.md-search__input").click()
        # The index is ready (read through the worker shim) when the theme stops saying it is preparing search.
        page.wait_for_function("([el, text]) => el.textContent.trim() !== text",
                               arg=[meta.element_handle(), preparing], timeout=20_000)
        page.locator("input.md-search__input").press_sequentially(word, delay=20)
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=20_000)
        hrefs = [str(href) for href in results.evaluate_all("links => links.map(a => a.href)")]
        assert hrefs and all(file_of(href).is_file() for href in hrefs), hrefs
        assert all(file_of(href).is_relative_to(offline_folder / "en") == (lang == "en/") for href in hrefs), hrefs
        assert errors == []
    assert [url for url in requests if not url.startswith("file:")] == []


def test_a_presentations_two_windows_stay_in_step_from_the_folder(offline_context: tuple[Any, list[str]],
                                                                 offline_folder: Path) -> None:
    """From a folder every page is an origin of its own: the windows find each other by the references
    window.open gives. Here the trainer starts from the speaker view and opens the projected window from it (the
    served site's test starts from the projected window), drives both, and reloads the projected window."""
    context, requests = offline_context
    projected_errors: list[str] = []
    for lang in ("", "en/"):
        speaker, errors = open_file(context, (offline_folder / lang / "modul/alfa/pembicara.html").as_uri())
        speaker.keyboard.press("ArrowRight")
        with context.expect_page() as opened:
            speaker.locator("[data-p2ham-present=partner]").click()
        projected = opened.value
        projected.on("pageerror", lambda error: projected_errors.append(str(error)))
        projected.wait_for_load_state("load")
        assert file_of(projected.url) == offline_folder / lang / "modul/alfa/presentasi.html"
        in_step(projected, speaker, "2a")
        projected.keyboard.press("PageDown")
        in_step(projected, speaker, "2b")
        speaker.keyboard.press("End")
        in_step(projected, speaker, "4")
        assert "p2ham-trainer-notes" not in projected.content()
        projected.reload(wait_until="load")  # it finds the speaker view again
        speaker.keyboard.press("Home")
        in_step(projected, speaker, "1")
        status = speaker.locator('[data-p2ham-speaker="status"]')
        assert status.inner_text() == status.get_attribute("data-connected")
        assert errors == projected_errors == []
        projected.close()
        speaker.close()
    assert [url for url in requests if not url.startswith("file:")] == []
