"""Browser-side measurements shared by the browser tests: requests made, axe results, layout width, page weight,
printed pages."""

from __future__ import annotations

import functools
import gzip
import io
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from helpers import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
NARROW = {"width": 320, "height": 640}  # the narrowest screen a page must reflow on (WCAG 1.4.10)
REFLOW = ("phone", "narrow")  # where no page may be wider than the screen (the phone's page, narrowed to 320 px)


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


def visit_all(contexts: list[Any], urls: Iterable[str], prepare: Callable[[Any, Visit], None],
              inspect: Callable[[Any, Visit], None], tabs: int = 2) -> None:
    """Load every address in each of `contexts` until the network is idle (what a page loads late is recorded too)
    and the document is complete, hand it to `prepare(page, visit)`, then `inspect(page, visit)` it
    (`page.context` says which context it is in).

    A few tabs (`tabs` in each context) take turns, each loading its next address while another is inspected: the
    two cores stay busy through each page's wait for an idle network. A tab is reused from address to address, as a
    reader's would be: opening a new one costs the browser more than loading a page. The contexts' tabs take turns
    alike, so that none waits for another to finish all its pages. The next tab is loaded and prepared before a
    prepared page is inspected: what `prepare` starts in the page without waiting for it (`start_axe`) runs on one
    core while the other tab is made ready on the other.
    """
    addresses = list(urls)
    queues = {id(context): list(addresses) for context in contexts}
    current: dict[Any, Visit] = {}

    def record(page: Any) -> None:
        page.on("request", lambda request: current[page].requests.append(request.url))
        page.on("requestfailed", lambda request: current[page].failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400
                and current[page].failed.append(f"{response.url} (HTTP {response.status})"))
        page.on("pageerror", lambda error: current[page].errors.append(str(error)))

    def start(page: Any) -> bool:
        queue = queues[id(page.context)]
        if not queue:
            return False
        current[page] = Visit(url=queue.pop(0))
        page.goto(current[page].url, wait_until="commit")
        return True

    loading, ready = [], []
    for _ in range(min(tabs, len(addresses))):
        for context in contexts:
            page = context.new_page()
            record(page)
            start(page)
            loading.append(page)
    while loading or ready:
        if loading:
            page = loading.pop(0)
            page.wait_for_load_state("networkidle")
            page.wait_for_load_state("load")  # the network can be idle before the document is complete (see SETTLE)
            page.bring_to_front()  # the browser draws frames for the tab in front only
            prepare(page, current[page])
            ready.append(page)
            if loading and len(ready) < 2:
                continue  # the next tab first, while this one works
        page = ready.pop(0)
        page.bring_to_front()
        inspect(page, current[page])
        if start(page):
            loading.append(page)
        else:
            page.close()


# What a measurement waits for, in the page, so that it judges the page as a reader finally sees it, whatever the
# machine's load. Playwright's "network idle" is only 500 ms without a request: on a long page (every module's
# handout in one) and a busy machine it can come while the document is still being parsed, before Material's script
# has put each table in its scroll box and before ours has made the scrolling ones a keyboard stop. So: the document
# complete (its scripts ran), its fonts ready, then two animation frames (what a script scheduled for the next
# frame on load or on resize, such as Material's sidebar scrolling to the active link, has run; the layout is
# then read, which lays out whatever is pending), and animations with an end finished. (Frames' callbacks are
# scripts: in a page loaded with scripts turned off they never run, so such a page is measured directly.)
SETTLE = """async () => {
    if (document.readyState !== 'complete') {
        await new Promise(done => window.addEventListener('load', done, {once: true}));
    }
    await document.fonts.ready;
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    await Promise.all(document.getAnimations()
        .filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
        .map(animation => animation.finished));
}"""


def settle(page: Any) -> None:
    """Wait until the loaded page is finished and still: see SETTLE."""
    page.evaluate(SETTLE)


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def start_axe(page: Any, tags: list[str] | None = None, settle: bool = True) -> None:
    """Start axe-core (installed from npm, injected from disk) on the loaded page and return at once: the page runs
    it while the caller goes on; `axe_result` waits for its violations. With `settle`, first let the page finish
    what loading it or the last action started (SETTLE): transitions still running (a button fading in after a
    scroll) would be judged half drawn."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` (the README's test command does)")
    if settle:
        page.evaluate(SETTLE)
    page.evaluate(_axe_source())
    options = {"runOnly": {"type": "tag", "values": tags or AXE_TAGS}, "resultTypes": ["violations"]}
    # Started by a message to the page itself: a task of its own, after this call has returned.
    page.evaluate("""options => {
        const channel = new MessageChannel();
        window.__p2hamAxe = new Promise(started => { channel.port1.onmessage = started; })
            .then(() => axe.run(document, options)).then(result => result.violations);
        channel.port2.postMessage(null);
    }""", options)


def axe_result(page: Any) -> list[dict[str, Any]]:
    """The violations found by the run that `start_axe` started in the page, once it has finished."""
    return list(page.evaluate("() => window.__p2hamAxe"))


def axe_violations(page: Any, tags: list[str] | None = None, settle: bool = True) -> list[dict[str, Any]]:
    """Run axe-core on the loaded page and return its violations (`start_axe`, then `axe_result`)."""
    start_axe(page, tags, settle)
    return axe_result(page)


def describe_violations(url: str, viewport: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for violation in violations:
        targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"][:3]]
        lines.append(f"{url} [{viewport}] {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the document is wider than the viewport (0 when it reflows), measured once the page is
    finished and still (SETTLE: after loading it, or after a change of the viewport's size): what the reader is
    left with, the same on a busy machine as on an idle one."""
    settle(page)
    return int(page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))


# Every control on the screen (in `scope`), the part of it that is not scrolled or clipped out of sight, sampled at
# its top, middle and bottom: the element there must be the control (or inside it). Another element drawn over it
# (a sticky title over the links scrolling under it) hides it from sight, from the pointer and, once focused, from
# the keyboard's user (WCAG 2.4.11, 2.5.8). Elements that let the pointer through (pointer-events: none) are not
# found by elementFromPoint, so they cover nothing.
COVERED_CONTROLS = """scope => {
    const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
        '[tabindex]:not([tabindex="-1"])';
    const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.hasAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '') +
        ` "${(el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
    const classes = el => [el.tagName.toLowerCase(),
        ...(typeof el.className === 'string' ? el.className.split(/\\s+/).filter(Boolean) : [])].join('.');
    const found = [];
    for (const el of document.querySelectorAll(scope)) for (const control of el.querySelectorAll(controls)) {
        if (!control.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        for (const rect of control.getClientRects()) {
            let [top, bottom, left, right] = [rect.top, rect.bottom, rect.left, rect.right];
            for (let box = control.parentElement; box && box !== document.documentElement; box = box.parentElement) {
                const style = getComputedStyle(box);
                if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
                const clip = box.getBoundingClientRect();
                [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
                [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
            }
            [top, bottom] = [Math.max(top, 0), Math.min(bottom, window.innerHeight)];
            [left, right] = [Math.max(left, 0), Math.min(right, window.innerWidth)];
            if (bottom - top < 2 || right - left < 2) continue;  // out of sight: nothing to cover
            const x = (left + right) / 2;
            const over = [top + 1, (top + bottom) / 2, bottom - 1].map(y => document.elementFromPoint(x, y))
                .find(hit => hit && !control.contains(hit) && !hit.contains(control));
            if (over) found.push(`${describe(control)} under ${classes(over)}`);
        }
    }
    return found;
}"""


def covered_controls(page: Any, scope: str = "body") -> list[str]:
    """The links and controls on the screen, within `scope` (a selector), that another element covers in part:
    each described with what covers it (COVERED_CONTROLS). The page is measured as it is: settle it first."""
    return list(page.evaluate(COVERED_CONTROLS, scope))


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


def first_visit_weight(context: Any, url: str, exclude: tuple[str, ...] = ()) -> Weight:
    """Bytes a first visit to `url` transfers, whatever its scripts fetch once it is loaded (a search index would
    count, for instance): each response body, raw and gzip-compressed (level 6)."""
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
# null on a page without the site's header (a presentation's windows: slides only, no switcher).
SWITCHER_LINKS = """() => document.documentElement.dataset.p2hamChrome === 'none' ? null
    : Object.fromEntries([...document.querySelectorAll('.md-select a[hreflang]')]
    .map(a => [a.hreflang, new URL(a.href).pathname]))"""


@dataclass
class Report:
    """What loading every page once per viewport found."""

    visits: dict[tuple[str, str], Visit] = field(default_factory=dict)
    axe: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    overflow: dict[tuple[str, str], int] = field(default_factory=dict)
    switcher: dict[str, dict[str, str]] = field(default_factory=dict)
    csp: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    covered: dict[tuple[str, str], list[str]] = field(default_factory=dict)
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
                                      for (url, vp), px in self.overflow.items() if px > 0 and vp in REFLOW],
            "security policy violations": [f"{url} [{vp}]: {v}" for (url, vp), found in self.csp.items()
                                           for v in found],
            "cookies": [str(cookie) for cookie in self.cookies],
            "covered controls": [f"{url} [{vp}]: {control}" for (url, vp), found in self.covered.items()
                                 for control in found],
        }


def site_report(browser: Any, server_root: str, urls: list[str],
                viewports: Mapping[str, dict[str, int]] = VIEWPORTS) -> Report:
    """Load every page (site paths, from the server's root) in each of `viewports` (a phone's and a desktop's
    unless told): record its requests, errors, security-policy violations, axe's findings, how much wider than the
    screen it is and which controls something covers; narrow the phone's page to 320 px and measure again
    (reflow); elsewhere, the language switcher's links after the scripts ran. Each viewport loads the pages afresh
    (a desktop page's left navigation is scrolled to the active link for the height it was loaded at), in a
    browser context of its own; the viewports' tabs take turns (`visit_all`)."""
    report = Report()
    names = {}
    for name, viewport in viewports.items():
        context = browser.new_context(viewport=viewport, service_workers="block")
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        names[id(context)] = (name, context)

    def inspect(page: Any, result: Visit) -> None:
        name, _ = names[id(page.context)]
        url = result.url[len(server_root):]
        report.visits[(url, name)] = result
        report.axe[(url, name)] = describe_violations(url, name, axe_result(page))  # started by `prepare`
        report.overflow[(url, name)] = horizontal_overflow(page)
        report.covered[(url, name)] = covered_controls(page)
        report.csp[(url, name)] = list(page.evaluate("window.__csp"))
        if name == "phone":
            page.set_viewport_size(NARROW)
            report.overflow[(url, "narrow")] = horizontal_overflow(page)  # once the page has reacted to it
            page.set_viewport_size(viewports[name])  # the tab's next page loads at the phone's width again
        else:
            links = page.evaluate(SWITCHER_LINKS)
            if links is not None:
                report.switcher[url] = links

    contexts = [context for _, context in names.values()]
    # axe, the slowest check, runs in one tab while the next tab loads and starts its own; two tabs per viewport.
    visit_all(contexts, [server_root + url for url in urls], lambda page, _: start_axe(page), inspect)
    for context in contexts:
        report.cookies += context.cookies()
        context.close()
    return report


# --- a presentation's two windows ---------------------------------------------------------------------------------

MAX_LAYOUT_SHIFT = 0.02  # the presentation's cumulative layout shift, at most (issue 13)
# The layout shift of the page so far (every shift not caused by input), as a PerformanceObserver reports it: the
# entries buffered since the page started come in one call soon after observing.
LAYOUT_SHIFT = """() => new Promise(done => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(total), 50)));
})"""


def layout_shift(page: Any) -> float:
    """The cumulative layout shift of the loaded page, once it is finished (SETTLE)."""
    settle(page)
    return float(page.evaluate(LAYOUT_SHIFT))


def shown_slides(page: Any) -> list[str]:
    """The labels of the slides drawn on the screen ("1", "2a" ...)."""
    return list(page.evaluate("""() => [...document.querySelectorAll('[data-p2ham-deck] .p2ham-slide')]
        .filter(slide => slide.getClientRects().length > 0).map(slide => slide.dataset.p2hamSlide)"""))


def in_step(projected: Any, speaker: Any, label: str) -> None:
    """Both windows of a presentation are on the slide `label`: the projected one shows it and nothing else, the
    speaker view shows it as its current slide (each waited for: a message between windows takes a moment)."""
    projected.wait_for_function("label => document.querySelector('.p2ham-slide[data-current]')"
                                "?.dataset.p2hamSlide === label", arg=label)
    speaker.wait_for_function("label => document.querySelector('[data-p2ham-speaker=\"label\"]')"
                              ".textContent === label", arg=label)
    assert shown_slides(projected) == [label]
    assert projected.evaluate("location.hash") == speaker.evaluate("location.hash") == f"#slide-{label}"
    current = speaker.locator('[data-p2ham-frame="current"] .p2ham-slide')
    assert current.count() == 1 and current.get_attribute("data-p2ham-slide") == label
