"""p2ham.serve.RenderMemo: what a rebuild under ./dev serve may take from the one before (hooks/serve.py)."""

from __future__ import annotations

from p2ham.serve import RenderMemo


def test_a_key_covers_every_input_and_ignores_the_order_of_a_mappings_keys() -> None:
    key = RenderMemo.key
    assert key("# A", {"a": "1", "b": "2"}) == key("# A", {"b": "2", "a": "1"})
    assert len({key("# A", {"a": "1"}), key("# B", {"a": "1"}), key("# A", {"a": "2"}), key("# A", {"a": "1"}, "en"),
                key(["# A"], {"a": "1"})}) == 5


def test_off_it_keeps_and_finds_nothing() -> None:
    memo = RenderMemo()
    memo.put("k", "v")
    assert memo.get("k") is None and len(memo) == 0 and (memo.hits, memo.misses) == (0, 0)


def test_on_it_finds_what_it_kept_and_drops_the_least_recently_used_first() -> None:
    memo = RenderMemo(size=2)
    memo.enabled = True
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # a is now the most recently used
    memo.put("c", 3)
    assert memo.get("b") is None and memo.get("a") == 1 and memo.get("c") == 3 and len(memo) == 2
    assert (memo.hits, memo.misses) == (3, 1)
    memo.clear()
    assert len(memo) == 0 and (memo.hits, memo.misses) == (0, 0)


def test_a_new_round_drops_what_the_round_before_neither_found_nor_kept() -> None:
    memo = RenderMemo()
    memo.enabled = True
    memo.put("old view", 1)
    memo.put("unchanged view", 2)
    memo.new_round()  # a rebuild: the module was saved, its view has a new key
    assert memo.get("unchanged view") == 2
    memo.put("new view", 3)
    memo.new_round()
    assert memo.get("old view") is None and len(memo) == 2
    memo.new_round()
    assert len(memo) == 0  # a round that used nothing: nothing kept
