"""The patches to Material's bundle: no sitemap download on every page view, the search index fetched on first use."""

from __future__ import annotations

import pytest

from p2ham.publish.theme_patch import (
    DISABLED_SELECTOR,
    EAGER_INDEX,
    EAGER_WORKER,
    INDEX_HELPERS,
    LAZY_INDEX,
    LAZY_WORKER,
    WORKER_HELPER,
    ThemePatchError,
    defer_search_index,
    defer_search_worker,
    disable_alternate_sitemap_fetch,
)


def test_patch_narrows_the_selector_once_and_is_idempotent() -> None:
    bundle = 'a(()=>M("link[rel=alternate]")),b'
    patched = disable_alternate_sitemap_fetch(bundle)
    assert patched == f"a(()=>M({DISABLED_SELECTOR})),b"
    assert disable_alternate_sitemap_fetch(patched) == patched


def test_patch_fails_loudly_when_material_changed() -> None:
    with pytest.raises(ThemePatchError, match="found 0"):
        disable_alternate_sitemap_fetch("no such selector here")


def test_search_index_patch_waits_for_the_search_form_and_is_idempotent() -> None:
    bundle = " ".join(INDEX_HELPERS) + f";var Or=Te(),{EAGER_INDEX},fo=new T;"
    patched = defer_search_index(bundle)
    assert EAGER_INDEX not in patched and LAZY_INDEX in patched
    assert '"focusin"' in LAZY_INDEX and '"keydown"' in LAZY_INDEX and "Ee(1)" in LAZY_INDEX
    assert defer_search_index(patched) == patched


def test_search_index_patch_fails_loudly_when_the_minified_names_changed() -> None:
    with pytest.raises(ThemePatchError, match="stream helper"):
        defer_search_index(EAGER_INDEX)
    with pytest.raises(ThemePatchError, match="found 0"):
        defer_search_index(" ".join(INDEX_HELPERS))


def test_search_worker_patch_hands_a_stand_in_and_is_idempotent() -> None:
    bundle = WORKER_HELPER + "}" + EAGER_WORKER + "return r}"
    patched = defer_search_worker(bundle)
    assert EAGER_WORKER not in patched and LAZY_WORKER in patched and "new Worker(u)" in LAZY_WORKER
    assert defer_search_worker(patched) == patched
    with pytest.raises(ThemePatchError, match="worker helper"):
        defer_search_worker(EAGER_WORKER)
