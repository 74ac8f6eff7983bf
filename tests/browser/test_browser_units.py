"""The unit overview in a real browser: the table is sorted and filtered by keyboard, and says what it shows."""

from __future__ import annotations

from typing import Any

from browsing import VIEWPORTS, axe_violations, describe_violations

UNITS = 3  # the fixture site's units


def names(page: Any) -> list[str]:
    return list(page.eval_on_selector_all(".p2ham-unit-table table tbody tr:not([hidden]) th",
                                          "cells => cells.map(c => c.textContent.trim())"))


def test_overview_table_sorts_and_filters_by_keyboard(browser: Any, fixture_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(fixture_server + "unit-kerja/", wait_until="networkidle")
    everything = names(page)
    assert len(everything) == UNITS and everything == sorted(everything, key=str.casefold)
    stage_sort = page.locator(".p2ham-unit-table table thead th").nth(3).locator("button")
    stage_sort.focus()
    page.keyboard.press("Enter")
    assert page.locator(".p2ham-unit-table table thead th").nth(3).get_attribute("aria-sort") == "ascending"
    ranks = page.eval_on_selector_all(".p2ham-unit-table table tbody tr td:nth-of-type(3)",
                                      "cells => cells.map(c => Number(c.dataset.value))")
    assert ranks == sorted(ranks)
    page.keyboard.press("Enter")
    assert page.locator(".p2ham-unit-table table thead th").nth(3).get_attribute("aria-sort") == "descending"
    box = page.locator("#p2ham-unit-filter")
    assert box.is_visible()
    box.focus()
    page.keyboard.type("lapas")
    shown = names(page)
    assert 0 < len(shown) < UNITS and all("lapas" in n.lower() for n in shown)
    status = page.locator("[data-p2ham=units-status]")
    expected = f"{len(shown)} dari {UNITS} unit ditampilkan"
    page.wait_for_function("([el, text]) => el.textContent === text", arg=[status.element_handle(), expected])
    assert describe_violations("unit-kerja filtered", "phone", axe_violations(page)) == []
    context.close()


def test_overview_without_javascript_lists_every_unit(browser: Any, fixture_server: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS["phone"], java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_server + "en/unit-kerja/")
    assert len(names(page)) == UNITS
    assert not page.locator("#p2ham-unit-filter").is_visible()
    context.close()
