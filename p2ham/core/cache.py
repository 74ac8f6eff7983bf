"""Work that depends only on its inputs (a link-preview card, a QR code), done once and kept on disk.

A result is found by a hash of everything it is made from: its inputs and the code that makes it (the source of the
module that draws it and the version of the library it uses). Change a page's title, the drawing code or the library,
and the hash changes: a stale result can never be used. The same inputs give the same bytes, cached or not.

The folder is ``.cache/`` beside the site's configuration, or ``$P2HAM_CACHE``; deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

CACHE_ENV = "P2HAM_CACHE"
DEFAULT_FOLDER = ".cache"


def fingerprint(*parts: str | bytes) -> str:
    """A hash of the parts, each length-prefixed so that no two lists of parts give the same text."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_version(*sources: Path | str) -> str:
    """A hash of the code that makes a result: source files (their bytes) and library versions (as text)."""
    return fingerprint(*[source.read_bytes() if isinstance(source, Path) else source for source in sources])


def cache_folder(project: Path) -> Path:
    """Where the cache is: $P2HAM_CACHE, or .cache/ beside the site's configuration."""
    chosen = os.environ.get(CACHE_ENV)
    return Path(chosen) if chosen else project / DEFAULT_FOLDER


class Cache:
    """Results on disk, by kind (``preview``, ``qr``) and by the hash of their inputs."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, kind: str, version: str, inputs: Iterable[str]) -> Path:
        key = fingerprint(kind, version, *inputs)
        return self.folder / kind / key[:2] / key

    def has(self, kind: str, version: str, inputs: Iterable[str]) -> bool:
        """Whether the result for `inputs` made by code at `version` is kept."""
        return self._path(kind, version, inputs).is_file()

    def get(self, kind: str, version: str, inputs: Iterable[str], make: Callable[[], bytes]) -> bytes:
        """The result for `inputs` made by code at `version`, made now (and kept) when it is not kept yet."""
        path = self._path(kind, version, inputs)
        try:
            return path.read_bytes()
        except OSError:
            pass
        data = make()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written beside it, then renamed: a build never reads half a file, even with another one running.
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as out:
                out.write(data)
            os.replace(out.name, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
        return data
