"""Browser-side measurements shared by the browser tests: requests made, axe results, layout width, page weight,
printed pages."""

from __future__ import annotations

import functools
import gzip
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from helpers import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
NARROW = {"width": 320, "height": 640}  # the narrowest screen a page must reflow on (WCAG 1.4.10)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Visit:
    """What loading one page in the browser did."""

    url: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, site_origin: str) -> list[str]:
        return [r for r in self.requests if not r.startswith(("data:", "blob:")) and origin(r) != site_origin]


def _record(page: Any, url: str) -> Visit:
    result = Visit(url=url)
    page.on("request", lambda request: result.requests.append(request.url))
    page.on("requestfailed", lambda request: result.failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400
            and result.failed.append(f"{response.url} (HTTP {response.status})"))
    page.on("pageerror", lambda error: result.errors.append(str(error)))
    return result


def visit(page: Any, url: str, wait_until: str = "networkidle") -> Visit:
    """Load `url` in `page`, recording every request, every failed or error response and every script error."""
    result = _record(page, url)
    page.goto(url, wait_until=wait_until)
    return result


def visit_all(context: Any, urls: Iterable[str], inspect: Callable[[Any, Visit], None], tabs: int = 3) -> None:
    """Load every address in `context` until the network is idle (what a page loads late is recorded too), then
    `inspect(page, visit)` it.

    A few tabs take turns, each loading its next address while another is inspected: the two cores stay busy
    through each page's wait for an idle network. A tab is reused from address to address, as a reader's would
    be: opening a new one costs the browser more than loading a page.
    """
    queue = list(urls)
    current: dict[Any, Visit] = {}

    def record(page: Any) -> None:
        page.on("request", lambda request: current[page].requests.append(request.url))
        page.on("requestfailed", lambda request: current[page].failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400
                and current[page].failed.append(f"{response.url} (HTTP {response.status})"))
        page.on("pageerror", lambda error: current[page].errors.append(str(error)))

    def start(page: Any) -> None:
        url = queue.pop(0)
        current[page] = Visit(url=url)
        page.goto(url, wait_until="commit")

    loading = []
    for _ in range(min(tabs, len(queue))):
        page = context.new_page()
        record(page)
        start(page)
        loading.append(page)
    while loading:
        page = loading.pop(0)
        page.wait_for_load_state("networkidle")
        page.bring_to_front()  # the browser draws frames for the tab in front only
        inspect(page, current[page])
        if queue:
            start(page)
            loading.append(page)
        else:
            page.close()


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def axe_violations(page: Any, tags: list[str] | None = None, settle: bool = True) -> list[dict[str, Any]]:
    """Run axe-core (installed from npm, injected from disk) on the loaded page; return its violations. With
    `settle`, first let what the last action started finish (not needed after the network was idle for 500 ms)."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` (the README's test command does)")
    # A settled page: transitions still running (a button fading in after a scroll) would be judged half drawn.
    # Two frames first, for what the last action started (scroll handlers run on the next frame).
    if settle:
        page.evaluate("""async () => {
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        await Promise.all(document.getAnimations()
            .filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
            .map(animation => animation.finished));
        }""")
    page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": tags or AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return list(result["violations"])


def describe_violations(url: str, viewport: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"][:3]]
        lines.append(f"{url} [{viewport}] {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the document is wider than the viewport (0 when it reflows)."""
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def printed_pages(page: Any, paper: str = "A4") -> int:
    """How many sheets the page prints on: Chromium's print to PDF with the print styles (the page's own @page rules
    decide its margins), its pages counted in the PDF (each page object is written as ``/Type /Page``). The page is
    left emulating print: a PDF would be made with screen styles after ``emulate_media(media="screen")``."""
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper)
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


SMALLEST_PRINTED_TEXT = """selector => {
  // The smallest font size (CSS px) of any text shown inside `selector`, link addresses added in print included.
  let smallest = Infinity;
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.getClientRects().length === 0) continue;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(element).fontSize));
  }
  for (const link of root.querySelectorAll('a')) {
    const after = getComputedStyle(link, '::after');
    if (after.content && after.content !== 'none' && after.content !== 'normal' && link.getClientRects().length) {
      smallest = Math.min(smallest, parseFloat(after.fontSize));
    }
  }
  return smallest;
}"""


@dataclass
class Weight:
    raw: int
    gzip: int
    files: list[tuple[str, int, int]]


def first_visit_weight(context: Any, url: str, exclude: tuple[str, ...] = ("search_index.json",)) -> Weight:
    """Bytes a first visit to `url` transfers: each response body, raw and gzip-compressed (level 6)."""
    page = context.new_page()
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    files = []
    for response in responses:
        if any(response.url.endswith(name) for name in exclude) or response.status >= 300:
            continue
        body = response.body()
        files.append((response.url, len(body), len(gzip.compress(body, compresslevel=6))))
    page.close()
    return Weight(raw=sum(f[1] for f in files), gzip=sum(f[2] for f in files), files=files)


def decode_qr(page: Any, selector: str) -> str:
    """The text of the QR code shown by `selector`, read from a screenshot (zxing-cpp), as a phone camera would."""
    import pytest

    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    image = Image.open(io.BytesIO(element.screenshot()))
    found = zxingcpp.read_barcodes(image)
    assert found, "no QR code found in the screenshot"
    return str(found[0].text)


# --- every page of a site, in several viewports ------------------------------------------------------------------

RECORD_CSP_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""
SWITCHER_LINKS = """() => Object.fromEntries([...document.querySelectorAll('.md-select a[hreflang]')]
    .map(a => [a.hreflang, new URL(a.href).pathname]))"""


@dataclass
class Report:
    """What loading every page once per viewport found."""

    visits: dict[tuple[str, str], Visit] = field(default_factory=dict)
    axe: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    overflow: dict[tuple[str, str], int] = field(default_factory=dict)
    switcher: dict[str, dict[str, str]] = field(default_factory=dict)
    csp: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    cookies: list[Any] = field(default_factory=list)

    def problems(self, site_origin: str) -> dict[str, list[str]]:
        """Every problem found, by check."""
        return {
            "requests to another origin": [f"{url} [{vp}]: {request}" for (url, vp), v in self.visits.items()
                                           for request in v.foreign_requests(site_origin)],
            "failed requests and script errors": [f"{url} [{vp}]: {p}" for (url, vp), v in self.visits.items()
                                                  for p in v.failed + v.errors],
            "axe violations": [line for lines in self.axe.values() for line in lines],
            "wider than the screen": [f"{url} [{vp}]: {px} px wider than the screen"
                                      for (url, vp), px in self.overflow.items() if px > 0 and vp != "desktop"],
            "security policy violations": [f"{url} [{vp}]: {v}" for (url, vp), found in self.csp.items()
                                           for v in found],
            "cookies": [str(cookie) for cookie in self.cookies],
        }


def site_report(browser: Any, server_root: str, urls: list[str]) -> Report:
    """Load every page (site paths, from the server's root) at a phone's and at a desktop's width: record its
    requests, errors, security-policy violations, axe's findings and how much wider than the screen it is; narrow
    the phone's page to 320 px and measure again (reflow); on the desktop, the language switcher's links after the
    scripts ran."""
    report = Report()
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport, service_workers="block")
        context.add_init_script(RECORD_CSP_VIOLATIONS)

        def inspect(page: Any, result: Visit, name: str = name, viewport: dict[str, int] = viewport) -> None:
            url = result.url[len(server_root):]
            report.visits[(url, name)] = result
            report.overflow[(url, name)] = horizontal_overflow(page)
            report.axe[(url, name)] = describe_violations(url, name, axe_violations(page, settle=False))
            report.csp[(url, name)] = list(page.evaluate("window.__csp"))
            if name == "phone":
                page.set_viewport_size(NARROW)
                page.wait_for_timeout(50)  # a frame for the layout to settle
                report.overflow[(url, "narrow")] = horizontal_overflow(page)
                page.set_viewport_size(viewport)  # the tab's next page loads at the phone's width again
            else:
                report.switcher[url] = page.evaluate(SWITCHER_LINKS)

        visit_all(context, [server_root + url for url in urls], inspect)
        report.cookies += context.cookies()
        context.close()
    return report
