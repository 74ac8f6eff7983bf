"""The trainer's toolkit in a real browser: a presentation driven by the keyboard (and its address), the notes
shown and hidden, axe on the presentation in each of its states, the module's QR code decoded from the screen,
how module pages and handouts print, and each module's one-page summary: one A4 page in print, axe and reflow on
screen. (The handouts as loaded pass every site-wide check, axe included, in tests/browser/test_browser_site.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import (
    NARROW,
    SMALLEST_PRINTED_TEXT,
    VIEWPORTS,
    Visit,
    axe_violations,
    decode_qr,
    describe_violations,
    horizontal_overflow,
    origin,
    printed_pages,
    visit,
)

SLUG = "alfa"
SITE = "https://uji.example.org/p2ham/"
LANGS = [("", "dari"), ("en/", "of")]  # address prefix, the word in "Slide 5 of 14"
HEADING_TEXT = """heading => {
  const copy = heading.cloneNode(true);
  copy.querySelectorAll('.headerlink').forEach(link => link.remove());
  return copy.textContent.replace(/\\s+/g, ' ').trim();
}"""


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield ctx
    ctx.close()


def open_page(context: Any, url: str) -> tuple[Any, Visit]:
    page = context.new_page()
    return page, visit(page, url)


def assert_clean(result: Visit, fixture_server: str) -> None:
    assert result.errors == [], result.errors
    assert result.failed == [], result.failed
    assert result.foreign_requests(origin(fixture_server)) == []


def shown_slides(page: Any) -> list[int]:
    """The 1-based numbers of the slides that are not hidden (and really visible)."""
    return list(page.evaluate("""() => [...document.querySelectorAll('.p2ham-slide')]
        .map((slide, i) => [slide, i + 1])
        .filter(([slide]) => !slide.hidden && slide.getClientRects().length > 0)
        .map(([, n]) => n)"""))


def rendered_slides(page: Any) -> list[int]:
    """The 1-based numbers of the slides laid out, whatever their `hidden` attribute says (print)."""
    return list(page.evaluate("""() => [...document.querySelectorAll('.p2ham-slide')]
        .map((slide, i) => [slide, i + 1])
        .filter(([slide]) => slide.getClientRects().length > 0)
        .map(([, n]) => n)"""))


def slide_title(page: Any, number: int) -> str:
    heading = page.locator(".p2ham-slide").nth(number - 1).locator("h1, h2").first
    return str(heading.evaluate(HEADING_TEXT))


def assert_on_slide(page: Any, number: int, total: int, of: str) -> None:
    assert shown_slides(page) == [number]
    assert page.evaluate("location.hash") == f"#slide-{number}"
    position = page.locator("[data-p2ham-present-position]").inner_text()
    assert position == f"Slide {number} {of} {total}"
    assert slide_title(page, number)  # the slide's heading, which gets the focus and is read next


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_a_presentation_is_driven_by_the_keyboard(context: Any, fixture_server: str, prefix: str, of: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/presentasi/")
    total = page.locator(".p2ham-slide").count()
    assert total == 5  # the title slide and the module's four sections
    assert_on_slide(page, 1, total, of)
    assert page.locator("[data-p2ham-present=previous]").is_disabled()
    page.keyboard.press("End")
    assert_on_slide(page, total, total, of)
    assert page.locator("[data-p2ham-present=next]").is_disabled()
    page.keyboard.press("Home")
    assert_on_slide(page, 1, total, of)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert_on_slide(page, 3, total, of)
    page.keyboard.press("PageDown")
    assert_on_slide(page, 4, total, of)
    page.keyboard.press("ArrowLeft")
    assert_on_slide(page, 3, total, of)
    page.keyboard.press("Space")
    assert_on_slide(page, 4, total, of)
    page.keyboard.press("Shift+Space")
    assert_on_slide(page, 3, total, of)
    page.keyboard.press("PageUp")
    assert_on_slide(page, 2, total, of)
    # The focus follows the slide, so a screen reader starts reading at its heading.
    assert page.evaluate("document.activeElement.closest('.p2ham-slide:not([hidden])') !== null")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowLeft")  # nothing before the first slide
    assert_on_slide(page, 1, total, of)
    page.locator("[data-p2ham-present=next]").click()  # the buttons work too
    assert_on_slide(page, 2, total, of)
    assert page.locator("[data-p2ham-present-keys]").is_visible()
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_the_address_opens_a_slide(context: Any, fixture_server: str, prefix: str, of: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/presentasi/#slide-3")
    total = page.locator(".p2ham-slide").count()
    assert_on_slide(page, 3, total, of)
    assert page.locator(".p2ham-slide:not([hidden])").count() == 1
    assert page.locator(".p2ham-slide[hidden]").count() == total - 1
    page.evaluate("location.hash = '#slide-5'")  # a link to another slide of the same presentation
    page.wait_for_function("!document.querySelectorAll('.p2ham-slide')[4].hidden")
    assert_on_slide(page, 5, total, of)
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_escape_goes_back_to_the_module(context: Any, fixture_server: str, prefix: str, of: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/presentasi/#slide-3")
    with page.expect_navigation():
        page.keyboard.press("Escape")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{fixture_server}{prefix}modul/{SLUG}/"
    assert page.locator("[data-p2ham-view=participant]").count() == 1
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("prefix", "of"), LANGS)
def test_n_shows_and_hides_the_trainers_notes(context: Any, fixture_server: str, prefix: str, of: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/presentasi/#slide-2")
    deck = page.locator("[data-p2ham-presentation]")
    button = page.locator("[data-p2ham-present=notes]")
    notes = page.locator(".p2ham-slide:not([hidden]) .p2ham-trainer-notes")
    assert notes.count() == 1
    assert deck.get_attribute("data-notes") == "hidden" and button.get_attribute("aria-pressed") == "false"
    assert not notes.is_visible()
    page.keyboard.press("n")
    assert deck.get_attribute("data-notes") == "shown" and button.get_attribute("aria-pressed") == "true"
    assert notes.is_visible()
    note_text = notes.inner_text()
    assert len(note_text) > 40
    page.keyboard.press("ArrowRight")  # the notes stay shown from slide to slide
    assert page.locator(".p2ham-slide:not([hidden]) .p2ham-trainer-notes").is_visible()
    page.keyboard.press("Shift+N")
    assert deck.get_attribute("data-notes") == "hidden" and button.get_attribute("aria-pressed") == "false"
    assert not page.locator(".p2ham-trainer-notes:visible").count()
    button.click()
    assert deck.get_attribute("data-notes") == "shown" and button.get_attribute("aria-pressed") == "true"
    # The participant's page of the module has no notes at all, not even hidden ones.
    participant, participant_result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/")
    assert participant.locator(".p2ham-trainer-notes, [data-block][data-minutes]").count() == 0
    first_line = note_text.split("\n")[-1].strip()[:60]
    assert first_line and first_line not in participant.content()
    assert_clean(result, fixture_server)
    assert_clean(participant_result, fixture_server)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_presentation_has_no_axe_violations(browser: Any, fixture_server: str, viewport: str, prefix: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    url = f"{fixture_server}{prefix}modul/{SLUG}/presentasi/"
    page, result = open_page(context, url + "#slide-2")
    problems = describe_violations(url + " notes hidden", viewport, axe_violations(page))
    page.keyboard.press("n")
    assert page.locator(".p2ham-slide:not([hidden]) .p2ham-trainer-notes").is_visible()
    problems += describe_violations(url + " notes shown", viewport, axe_violations(page))
    page.keyboard.press("Home")  # the title slide, with its large QR code
    problems += describe_violations(url + " title slide", viewport, axe_violations(page))
    assert not problems, "\n".join(problems)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{url} [{viewport}] is {overflow}px wider than the screen"
    assert_clean(result, fixture_server)
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("part", ["presentasi", "pemandu"])
def test_the_qr_code_opens_the_module_in_its_language(context: Any, fixture_server: str, prefix: str,
                                                      part: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/{part}/")
    module = f"{SITE}{prefix}modul/{SLUG}/"
    selector = "figure[data-p2ham-module-qr] img"
    if part == "presentasi":
        selector = ".p2ham-slide--intro " + selector
        assert shown_slides(page) == [1]
        width = page.locator(selector).evaluate("img => img.getBoundingClientRect().width")
        assert width >= 250, f"the presentation's QR code is {width}px wide: too small to scan across a room"
    page.locator(selector).evaluate("img => img.decode()")
    assert decode_qr(page, selector) == module
    assert_clean(result, fixture_server)


def link_after(page: Any, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("a => getComputedStyle(a, '::after').content"))


def hidden_in_print(page: Any, selector: str) -> bool:
    return bool(page.evaluate("""selector => [...document.querySelectorAll(selector)]
        .every(el => el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden')""",
                              selector))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_module_page_prints_without_navigation_or_answers(context: Any, fixture_server: str, prefix: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/")
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".p2ham-share", ".p2ham-question__answers",
                     ".p2ham-question__actions", ".p2ham-quiz__summary", ".headerlink"):
        assert page.locator(selector).count(), selector
        assert hidden_in_print(page, selector), f"{selector} shows in print"
    assert page.locator(".p2ham-question legend").first.is_visible()  # the questions themselves print
    assert page.locator(".p2ham-options label").first.is_visible()
    # A link prints its public address after it (set by the page's script just before printing).
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    link = ".md-content .md-typeset a[href$='beta/']"
    assert page.locator(link).count()
    assert link_after(page, link) == f'" ({SITE}{prefix}modul/beta/)"'
    assert link_after(page, ".md-content .md-typeset a[href^='#']") in ("none", "normal")
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_trainers_handout_prints_its_answer_key(context: Any, fixture_server: str, prefix: str) -> None:
    page, result = open_page(context, f"{fixture_server}{prefix}modul/{SLUG}/pemandu/")
    page.emulate_media(media="print")
    answers = page.locator(".p2ham-question__answers")
    assert answers.count() == 3  # the module's three questions
    for index in range(answers.count()):
        assert answers.nth(index).locator(".p2ham-answer__explanation").first.is_visible()
    assert page.locator("[data-p2ham-timing]").is_visible()
    assert page.locator(".p2ham-trainer-notes").first.is_visible()
    assert page.locator("figure[data-p2ham-module-qr] img").is_visible()
    assert hidden_in_print(page, ".md-header") and hidden_in_print(page, ".md-sidebar")
    assert hidden_in_print(page, ".p2ham-question__actions")
    assert_clean(result, fixture_server)


def test_a_presentation_prints_every_slide(context: Any, fixture_server: str) -> None:
    page, result = open_page(context, f"{fixture_server}modul/{SLUG}/presentasi/#slide-3")
    total = page.locator(".p2ham-slide").count()
    assert shown_slides(page) == [3]
    page.emulate_media(media="print")
    assert rendered_slides(page) == list(range(1, total + 1))
    assert hidden_in_print(page, ".p2ham-present-bar") and hidden_in_print(page, ".md-header")
    breaks = page.evaluate("""() => [...document.querySelectorAll('.p2ham-slide')]
        .map(slide => getComputedStyle(slide).breakBefore)""")
    assert breaks[1:] == ["page"] * (total - 1)
    page.emulate_media(media="screen")
    assert rendered_slides(page) == [3]
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("path", ["modul/alfa/peserta/", "en/modul/alfa/peserta/", "cetak/",
                                  "en/cetak/"])
def test_participant_handouts_print_without_answers(context: Any, fixture_server: str, path: str) -> None:
    page, result = open_page(context, fixture_server + path)
    page.emulate_media(media="print")
    assert page.locator(".p2ham-question legend").count() >= 3
    assert page.locator(".p2ham-question legend").first.is_visible()
    for selector in (".p2ham-question__answers", ".p2ham-answer__explanation", "[data-correct]",
                     ".p2ham-trainer-notes"):
        assert page.locator(selector).count() == 0, f"{path}: {selector}"
    assert hidden_in_print(page, ".md-header") and hidden_in_print(page, ".md-sidebar")
    assert_clean(result, fixture_server)


@pytest.mark.parametrize(("path", "blank"), [("modul/beta/peserta/", True), ("cetak/", True),
                                             ("modul/beta/pemandu/", True), ("modul/beta/", False)])
def test_an_order_question_prints_its_positions_as_boxes(context: Any, fixture_server: str, path: str,
                                                         blank: bool) -> None:
    """On paper, an order question's positions are boxes to write in: empty on a handout; a participant's printed
    module page keeps what they chose. The right order prints only in the trainer's answer key."""
    page, result = open_page(context, fixture_server + path)
    page.emulate_media(media="print")
    places = page.locator("#q-beta-urutan select")
    assert places.count() == 4 and places.first.is_visible()
    colours = places.evaluate_all("els => els.map(e => getComputedStyle(e).color)")
    assert all((colour == "rgba(0, 0, 0, 0)") == blank for colour in colours), colours
    assert places.first.evaluate("e => getComputedStyle(e).appearance") == "none"
    key = page.locator("#q-beta-urutan details.p2ham-question__answers ol > li")
    if path.endswith("pemandu/"):
        assert key.count() == 4 and key.first.is_visible()
    else:
        assert key.count() == 0 or not key.first.is_visible()
    assert_clean(result, fixture_server)


SUMMARIES = [f"{prefix}modul/{slug}/ringkasan/" for prefix in ("", "en/") for slug in ("alfa", "beta")]
PT = 96 / 72  # CSS pixels in a point


@pytest.mark.parametrize("path", SUMMARIES)
def test_a_summary_prints_on_one_a4_page(context: Any, fixture_server: str, path: str) -> None:
    page, result = open_page(context, fixture_server + path)
    assert printed_pages(page) == 1
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # link addresses, as when printing
    for selector in ("h1", "figure[data-p2ham-module-qr] img", ".p2ham-module-qr__address", ".p2ham-module-info li",
                     "[data-p2ham-summary=key_points] li", "[data-p2ham-summary=sources] li"):
        assert page.locator(selector).first.is_visible(), f"{path}: {selector} does not print"
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".p2ham-share", ".headerlink"):
        assert hidden_in_print(page, selector), f"{path}: {selector} prints"
    smallest = page.evaluate(SMALLEST_PRINTED_TEXT, "[data-p2ham-view]")
    assert smallest >= 9 * PT - 0.01, f"{path}: text printed at {smallest / PT:.1f} pt, under 9 pt"
    assert_clean(result, fixture_server)


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("path", SUMMARIES)
def test_a_summary_reads_well_on_a_phone_and_a_desktop(browser: Any, fixture_server: str, viewport: str,
                                                       path: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page, result = open_page(context, fixture_server + path)
    problems = describe_violations(path, viewport, axe_violations(page))
    assert not problems, "\n".join(problems)
    assert horizontal_overflow(page) <= 0, f"{path} [{viewport}] scrolls sideways"
    if viewport == "phone":
        page.set_viewport_size(NARROW)
        page.wait_for_timeout(50)  # a frame for the layout to settle
        assert horizontal_overflow(page) <= 0, f"{path} at 320 px scrolls sideways"
    assert_clean(result, fixture_server)
    context.close()
