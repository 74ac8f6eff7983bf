"""`p2ham-serve`: the site on this computer while people write it (``./dev serve``).

    p2ham-serve [--config mkdocs.yml] [--dev-addr 127.0.0.1:8000]

It runs ``mkdocs serve``, which rebuilds the pages when a watched file is saved, and watches every input of the
site, not only the pages: ``docs/``, ``content/``, the data folder (``data/`` or ``$P2HAM_DATA``), ``overrides/``,
``published-addresses.txt`` and ``mkdocs.yml``. MkDocs never reloads the generator's own code (``hooks/`` and this
package): when a Python file there changes, the server is started again, so that the next page shows the new code.

MkDocs rebuilds every page of both languages on every save. :data:`MEMO` lets a rebuild take a trainer's view of a
module (its presentation, speaker view, handouts and summary: five renders of each module's text per language) from
the rebuild before when nothing it is made of changed (``hooks/serve.py``); it lives as long as the server, and only
under ``mkdocs serve``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from p2ham.units.load import data_dir

PACKAGE = Path(__file__).resolve().parent  # p2ham/
INPUTS = ("docs", "content", "overrides", "published-addresses.txt")  # beside mkdocs.yml
CODE = ("hooks",)  # beside mkdocs.yml; with this package


class RenderMemo:
    """Renderings kept between the rebuilds of one server, each under a key made of every input of it
    (:meth:`key`): a changed input makes a new key, never an old page. A rebuild starts a new round
    (:meth:`new_round`), which drops what the round before neither found nor kept: an edited module's old views do
    not pile up over a day of saving. At most `size` are kept, the least recently used dropped first. Off (nothing
    kept, nothing found) unless `enabled`."""

    def __init__(self, size: int = 2000) -> None:
        self.size = size
        self.enabled = False
        self.hits = self.misses = 0
        self._entries: OrderedDict[str, Any] = OrderedDict()
        self._used: set[str] = set()  # found or kept in this round

    @staticmethod
    def key(*inputs: object) -> str:
        """One key for inputs made of text, numbers, lists and mappings (the order of a mapping's keys ignored)."""
        text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=repr)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Any:
        if not self.enabled or key not in self._entries:
            self.misses += self.enabled
            return None
        self.hits += 1
        self._used.add(key)
        self._entries.move_to_end(key)
        return self._entries[key]

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        self._entries[key] = value
        self._used.add(key)
        self._entries.move_to_end(key)
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)

    def new_round(self) -> None:
        for key in [key for key in self._entries if key not in self._used]:
            del self._entries[key]
        self._used = set()

    def clear(self) -> None:
        self._entries.clear()
        self._used = set()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)


MEMO = RenderMemo()


def inputs(project: Path) -> list[Path]:
    """What the site is built from, for `mkdocs serve --watch` (the docs folder and mkdocs.yml it watches itself)."""
    found = [project / name for name in INPUTS if (project / name).exists()]
    data = data_dir(base=project)
    return [*found, data] if data.exists() else found


def code_state(folders: Iterable[Path]) -> tuple[tuple[str, int], ...]:
    """Every Python file of the generator's code with its modification time: a change means a restart."""
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for folder in folders if folder.is_dir()
                        for path in folder.rglob("*.py")))


def serve_command(config: Path, address: str) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--config-file", str(config), "--dev-addr",
               address]
    for path in inputs(config.parent):
        command += ["--watch", str(path)]
    return command


def main(argv: list[str] | None = None, poll: float = 1.0) -> int:
    parser = argparse.ArgumentParser(prog="p2ham-serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    args = parser.parse_args(argv)
    config = Path(args.config).resolve()
    if not config.is_file():
        print(f"p2ham-serve: {args.config}: no such file (give the site's mkdocs.yml with --config)", file=sys.stderr)
        return 2
    code = [config.parent / name for name in CODE] + [PACKAGE]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    signal.signal(signal.SIGTERM, stop)  # stopped by a service manager or a test: stop the server too
    while True:
        state = code_state(code)
        server = subprocess.Popen(serve_command(config, args.dev_addr), cwd=config.parent, env=env)
        try:
            while server.poll() is None and code_state(code) == state:
                time.sleep(poll)
        except (KeyboardInterrupt, SystemExit):
            return 0
        finally:
            ended_by_itself = server.poll() is not None
            if not ended_by_itself:
                server.terminate()
                server.wait()
        if ended_by_itself:
            return server.returncode
        print("p2ham-serve: the generator's code changed; starting the server again", file=sys.stderr, flush=True)


def stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


if __name__ == "__main__":
    sys.exit(main())
