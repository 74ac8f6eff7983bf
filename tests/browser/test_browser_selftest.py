"""The browser checks fail on deliberately broken pages: an external font, an image without alt text,
a page wider than the phone, links covered by a sticky heading, a page that grows wider once its script ran."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import VIEWPORTS, axe_violations, covered_controls, horizontal_overflow, origin, visit
from helpers import serve

BROKEN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">
</head><body><main><h1>Broken</h1><img src="pixel.svg">
<div style="width: 900px">too wide</div>
<nav id="menu" style="height: 100px; overflow: auto"><h2 style="position: sticky; top: 0; margin: 0; background: #fff">
Menu</h2><a href="#1">One</a><br><a href="#2">Two</a><br><a href="#3">Three</a><br><a href="#4">Four</a><br>
<a href="#5">Five</a><br><a href="#6">Six</a><br><a href="#7">Seven</a><br><a href="#8">Eight</a></nav>
<script>document.getElementById("menu").scrollTop = 30;</script></main></body></html>
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
        covered = covered_controls(page)
        context.close()
    assert foreign == ["https://fonts.googleapis.com/css2?family=Roboto"]
    assert "image-alt" in violations
    assert overflow > 0
    assert any(line.startswith('a[href="#1"]') and line.endswith("under h2") for line in covered), covered
    assert not any(line.startswith('a[href="#4"]') for line in covered)  # in sight below the heading


def test_overflow_is_measured_once_the_page_is_finished(broken_site: Path, browser: Any) -> None:
    with serve(broken_site) as root:
        context = browser.new_context(viewport=VIEWPORTS["phone"])
        page = context.new_page()
        visit(page, root + "late.html", wait_until="load")
        overflow = horizontal_overflow(page)
        context.close()
    assert overflow > 0
