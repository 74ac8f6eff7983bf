"""The patch that stops Material from downloading sitemaps on every page view."""

from __future__ import annotations

import pytest

from p2ham.publish.theme_patch import DISABLED_SELECTOR, ThemePatchError, disable_alternate_sitemap_fetch


def test_patch_narrows_the_selector_once_and_is_idempotent() -> None:
    bundle = 'a(()=>M("link[rel=alternate]")),b'
    patched = disable_alternate_sitemap_fetch(bundle)
    assert patched == f"a(()=>M({DISABLED_SELECTOR})),b"
    assert disable_alternate_sitemap_fetch(patched) == patched


def test_patch_fails_loudly_when_material_changed() -> None:
    with pytest.raises(ThemePatchError, match="found 0"):
        disable_alternate_sitemap_fetch("no such selector here")
