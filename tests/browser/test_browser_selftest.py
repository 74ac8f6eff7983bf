"""The browser checks fail on deliberately broken pages: an external font, an image without alt text,
a page wider than the phone, a page that grows wider once its script ran."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import VIEWPORTS, axe_violations, horizontal_overflow, origin, visit
from helpers import serve

BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">
</head><body><main><h1>Broken</h1><img src="pixel.svg">
<div style="width: 900px">too wide</div></main></body></html>
"""
# Fits the phone when it has loaded, and is too wide two frames later (as a table left unwrapped would be).
LATE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wider late</title></head><body><main><h1>Wider late</h1>
<script>addEventListener("load", () => requestAnimationFrame(() => requestAnimationFrame(() => {
  const wide = document.createElement("div"); wide.style.width = "900px"; wide.textContent = "too wide";
  document.querySelector("main").append(wide);
})));</script></main></body></html>
"""
PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("broken")
    (folder / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (folder / "pixel.svg").write_text(PIXEL, encoding="utf-8")
    (folder / "late.html").write_text(LATE_PAGE, encoding="utf-8")
    return folder


def test_checks_catch_a_broken_page(broken_site: Path, browser: Any) -> None:
    with serve(broken_site) as root:
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        page = context.new_page()
        result = visit(page, root, wait_until="load")
        foreign = result.foreign_requests(origin(root))
        violations = {v["id"] for v in axe_violations(page)}
        overflow = horizontal_overflow(page)
        context.close()
    assert foreign == ["https://fonts.googleapis.com/css2?family=Roboto"]
    assert "image-alt" in violations
    assert overflow > 0


def test_overflow_is_measured_once_the_page_is_finished(broken_site: Path, browser: Any) -> None:
    with serve(broken_site) as root:
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        page = context.new_page()
        visit(page, root + "late.html", wait_until="load")
        overflow = horizontal_overflow(page)
        context.close()
    assert overflow > 0
