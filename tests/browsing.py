"""Browser-side measurements shared by the browser tests: requests made, axe results, layout width, page weight."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


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


def visit(page: Any, url: str, wait_until: str = "networkidle") -> Visit:
    """Load `url` in `page`, recording every request, every failed or error response and every script error."""
    result = Visit(url=url)
    page.on("request", lambda request: result.requests.append(request.url))
    page.on("requestfailed", lambda request: result.failed.append(f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400
            and result.failed.append(f"{response.url} (HTTP {response.status})"))
    page.on("pageerror", lambda error: result.errors.append(str(error)))
    page.goto(url, wait_until=wait_until)
    return result


def axe_violations(page: Any, tags: list[str] | None = None) -> list[dict[str, Any]]:
    """Run axe-core (installed from npm, injected from disk) on the loaded page; return its violations."""
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `npm ci` (the README's test command does)")
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
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
