"""The Indonesian search stemmer the site ships is the Snowball Indonesian stemmer."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from helpers import FIXTURES, IN_CI, ROOT

WORDS = FIXTURES / "indonesian-words.txt"


def test_the_npm_stemmer_is_the_snowball_indonesian_stemmer() -> None:
    """The stemmer the site ships (JavaScript, from npm) stems two thousand Indonesian words exactly like the
    Snowball project's Python implementation of the same algorithm."""
    node = shutil.which("node")
    if node is None:
        if IN_CI:
            pytest.fail("node is needed to check the search stemmer under CI=true")
        pytest.skip("node is not installed")
    snowballstemmer = pytest.importorskip("snowballstemmer")
    words = [line for line in WORDS.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert len(words) > 1000
    script = ("const S = require(process.argv[1]); const s = new S(); const words = JSON.parse(require('fs')"
              ".readFileSync(0, 'utf8')); process.stdout.write(JSON.stringify(words.map(w => s.stemWord(w))));")
    stemmer = ROOT / "node_modules" / "@nlpjs" / "lang-id" / "src" / "indonesian-stemmer.js"
    result = subprocess.run([node, "-e", script, str(stemmer)], input=json.dumps(words), capture_output=True,
                            text=True, check=True)
    ours = json.loads(result.stdout)
    reference = snowballstemmer.stemmer("indonesian").stemWords(words)
    differ = [(w, a, b) for w, a, b in zip(words, ours, reference, strict=True) if a != b]
    assert not differ, differ[:20]
    stems = dict(zip(words, ours, strict=True))
    assert stems["melayani"] == stems["pelayanan"] == stems["layanan"] == "layan"
