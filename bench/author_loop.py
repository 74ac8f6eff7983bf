"""Benchmark: how long an author waits, under ``./dev serve``, between saving a module and seeing the change.

    .venv/bin/python bench/author_loop.py            # 5 saves of the first module, in a copy of the project
    .venv/bin/python bench/author_loop.py --saves 10

It copies the project's inputs to a temporary folder (so that the working copy is never touched), starts
``p2ham-serve`` there (what ``./dev serve`` runs) on a free port, opens the first module's page in Chromium
(Playwright, Debian's ``/usr/bin/chromium``) and waits until the page is served. Then, for each save, it adds a
sentence with a new word to the module's Markdown and measures the time until the open page, reloaded by MkDocs'
live reload, shows that word: saving, noticing, rebuilding both languages, reloading and drawing, as the author sees
it. It also reads the rebuild's own duration from the server's log ("Documentation built in ...").

Figures are printed, never asserted. Standard library and Playwright (the test extras) only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "content", "data", "overrides", "hooks", "published-addresses.txt")
TARGET_SECONDS = 5.0
CHROMIUM = "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_project(target: Path) -> None:
    for part in PARTS:
        source = PROJECT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(PROJECT / "node_modules", target_is_directory=True)


def site_path(config: Path) -> str:
    """The path the site is served under (MkDocs serves at site_url's path)."""
    match = re.search(r"^site_url:\s*(\S+)", config.read_text(encoding="utf-8"), flags=re.MULTILINE)
    path = re.sub(r"^[a-z]+://[^/]+", "", match.group(1)) if match else "/"
    return path if path.endswith("/") else path + "/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp(prefix="p2ham-author-"))
    server = None
    try:
        copy_project(root)
        module = sorted((root / "docs" / "modul").glob("*.md"))[0]
        module = next(path for path in sorted((root / "docs" / "modul").glob("*.md")) if path.suffixes == [".md"])
        port = free_port()
        log = (root / "serve.log").open("w")
        started = time.perf_counter()
        server = subprocess.Popen([str(PROJECT / ".venv" / "bin" / "p2ham-serve"), "--config", "mkdocs.yml",
                                   "--dev-addr", f"127.0.0.1:{port}"], cwd=root, stdout=log,
                                  stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}{site_path(root / 'mkdocs.yml')}modul/{module.stem}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page()
            while True:
                try:
                    page.goto(url, wait_until="load", timeout=5000)
                    if page.locator("h1").count():
                        break
                except Exception:
                    pass
                if server.poll() is not None or time.perf_counter() - started > 180:
                    print((root / "serve.log").read_text(encoding="utf-8")[-3000:])
                    return 1
                time.sleep(0.5)
            print(f"p2ham-serve: first page served {time.perf_counter() - started:.1f} s after start "
                  f"({module.relative_to(root)}, {url})")
            page.wait_for_timeout(1500)  # live reload connected
            waits = []
            for number in range(1, args.saves + 1):
                word = f"Penandauji{number}x{int(time.time())}"
                text = module.read_text(encoding="utf-8")
                marker = "\n## "
                at = text.index(marker)
                saved = time.perf_counter()
                module.write_text(text[:at] + f"\n\nKalimat baru {word}.\n" + text[at:], encoding="utf-8")
                page.get_by_text(word).first.wait_for(timeout=60_000)
                waits.append(time.perf_counter() - saved)
                print(f"  save {number}: visible after {waits[-1]:.2f} s", flush=True)
                page.wait_for_timeout(1000)
            browser.close()
        builds = [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds",
                                               (root / "serve.log").read_text(encoding="utf-8"))]
        print(f"\nSave to visible: median {statistics.median(waits):.2f} s, worst {max(waits):.2f} s over "
              f"{len(waits)} saves (target at most {TARGET_SECONDS:.0f} s: "
              f"{'MET' if max(waits) <= TARGET_SECONDS else 'NOT MET'})")
        if builds:
            print(f"MkDocs' own rebuild times (each language's build as it logs it): "
                  f"{', '.join(f'{b:.2f}' for b in builds[-2 * len(waits):])} s")
        return 0
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
