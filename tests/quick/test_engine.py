"""The engine on purpose: the theme and the i18n plugin are the versions the project was tested with, and every part
of the theme that the project replaces (a template block without ``super()``, a partial) is the one it was copied
from. When Material changes one, this test fails: compare the new upstream text with ours in ``overrides/``, carry
the change over, and record the new fingerprint here. That makes an upgrade a conscious step."""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from pathlib import Path

import markdown
import material
import pytest
from helpers import ROOT, read_config

from p2ham.publish.theme_patch import LAZY_INDEX, LAZY_WORKER, patch_bundle

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# What the project replaces in Material 9.8.2, by fingerprint (the first 16 hex digits of SHA-256).
REPLACED = {
    "base.html: block site_meta": "337bd3b09eec21c5",
    "partials/search.html": "bfd556535abcddb9",
    "partials/content.html": "ce33929c85af129f",
}
TESTED = {"mkdocs": "1.6", "mkdocs-material": "9.8", "mkdocs-static-i18n": "1.3"}
BLOCK = re.compile(r"\{%-?\s*(block\s+(\w+)|endblock)[^%]*-?%\}")


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def blocks(template: str) -> dict[str, str]:
    """Every block's body, nested blocks included in their parents'."""
    found: dict[str, str] = {}
    stack: list[tuple[str, int]] = []
    for match in BLOCK.finditer(template):
        if match.group(2):
            stack.append((match.group(2), match.end()))
        elif stack:
            name, start = stack.pop()
            found[name] = template[start:match.start()]
    return found


def replaced_parts() -> set[str]:
    """What the overrides replace: blocks of templates extending the theme that never call super(), and partials."""
    parts = set()
    for template in OVERRIDES.glob("*.html"):
        for name, body in blocks(template.read_text("utf-8")).items():
            if "super()" not in body:
                parts.add(f"base.html: block {name}")
    parts |= {f"partials/{path.name}" for path in (OVERRIDES / "partials").glob("*.html")}
    return parts


def upstream(part: str) -> str:
    if part.startswith("base.html: block "):
        return blocks((THEME / "base.html").read_text("utf-8"))[part.removeprefix("base.html: block ")]
    return (THEME / part).read_text("utf-8")


def test_the_engine_is_the_version_tested() -> None:
    for package, minor in TESTED.items():
        version = importlib.metadata.version(package)
        assert version == minor or version.startswith(minor + "."), (package, version)


def test_every_replaced_part_of_the_theme_is_listed() -> None:
    assert replaced_parts() == set(REPLACED)


@pytest.mark.parametrize("part", sorted(REPLACED))
def test_the_theme_part_we_replace_is_unchanged(part: str) -> None:
    assert fingerprint(upstream(part)) == REPLACED[part], (
        f"Material's {part} changed: compare it with ours in overrides/, carry the change over, then record "
        f"{fingerprint(upstream(part))} in REPLACED")


def test_the_theme_bundle_still_takes_our_patch() -> None:
    bundles = list((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    patched = patch_bundle(bundles[0].read_text("utf-8"))  # raises when a patched piece is missing or repeated
    assert LAZY_INDEX in patched and LAZY_WORKER in patched


def test_the_sites_markdown_keeps_what_the_authors_typed() -> None:
    """Item labels such as "(c)" in a list of criteria stay as typed: no extension turns them into symbols (the
    site once printed "©" for criterion (c) of Permenkumham 25/2023 on its reference page)."""
    config = read_config(ROOT / "mkdocs.yml")
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    ours = [name for name in names if not name.startswith("p2ham.")]  # ours need the build's state
    html = markdown.markdown("Kriteria (a), (b) dan (c); 1/2 hari, 1st, --> dan +/-.", extensions=ours)
    assert html == "<p>Kriteria (a), (b) dan (c); 1/2 hari, 1st, --&gt; dan +/-.</p>"
