"""The session and hand-in codes (p2ham.quiz.handin), and the browser's copy of them (session-code.js) run under
Node on vectors made here: a difference between the two fails."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest
from helpers import IN_CI, ROOT

from p2ham.quiz import handin
from p2ham.quiz.handin import ALPHABET, CodeError, HandIn, check_character, decode, encode, normalise

SCRIPT = ROOT / "docs" / "assets" / "javascripts" / "session-code.js"
RADICES = [4, 8, 3, 121, 5, 3, 5, 5]  # single (3 options), multiple (3), true/false, order (5 items), ...


def random_data(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(length))


def test_the_check_character_catches_every_wrong_character_and_every_swap_of_neighbours() -> None:
    rng = random.Random(14)
    for _ in range(200):
        data = random_data(rng, rng.randint(1, 19))
        code = data + check_character(data)
        for index in range(len(code)):
            for char in ALPHABET:
                if char != code[index]:
                    typo = code[:index] + char + code[index + 1:]
                    assert check_character(typo[:-1]) != typo[-1], (code, typo)
            if index + 1 < len(code) and code[index] != code[index + 1]:
                swapped = code[:index] + code[index + 1] + code[index] + code[index + 2:]
                assert check_character(swapped[:-1]) != swapped[-1], (code, swapped)


def test_what_is_typed_is_read_without_case_separators_or_look_alikes() -> None:
    assert normalise("ok-1 i.l_x") == "0K111X"
    session = handin.session_code(2, 4660)
    assert handin.read_session_code(session.lower()) == (2, 2 * 65536 + 4660)
    assert handin.read_session_code(f" {session[:3]}-{session[3:]} ")[0] == 2


def test_a_hand_in_comes_back_as_it_went() -> None:
    rng = random.Random(7)
    session = handin.read_session_code(handin.session_code(5, 999))[1]
    for _ in range(300):
        hand_in = HandIn(session=session, test=rng.randint(0, 1), nonce=rng.randrange(handin.NONCE_SPACE),
                         initials="".join(rng.choice("ABCXYZ") for _ in range(rng.randint(0, 3))),
                         answers=tuple(rng.randrange(size) for size in RADICES))
        code = encode(hand_in, RADICES)
        assert len(code) == handin.code_length(RADICES) <= handin.MAX_LENGTH
        assert code.endswith(handin.session_code(5, 999)[:-1] + code[-1])  # the session's characters come last
        assert decode(code, session, [RADICES, RADICES]) == hand_in


def test_orders_and_initials_are_numbered_both_ways() -> None:
    import itertools

    for count in (3, 4, 5):
        ranks = [handin.order_rank(list(p)) for p in itertools.permutations(range(1, count + 1))]
        assert ranks == list(range(len(ranks)))
        assert all(handin.order_places(rank, count) == list(p) for rank, p in
                   zip(ranks, itertools.permutations(range(1, count + 1)), strict=True))
    for initials in ("", "A", "Z", "AA", "ZZ", "AAA", "ZZZ", "RW"):
        assert handin.initials_of(handin.initials_value(initials)) == initials
    assert handin.initials_value("ZZZ") == handin.INITIALS_SPACE - 1


def test_a_code_is_refused_saying_whether_it_is_mistyped_foreign_or_corrupted() -> None:
    ours = handin.read_session_code(handin.session_code(0, 1))[1]
    theirs = handin.session_code(0, 2)
    hand_in = HandIn(session=ours, test=0, nonce=1, initials="", answers=(1,) * len(RADICES))
    code = encode(hand_in, RADICES)
    typo = code[:3] + ("1" if code[3] != "1" else "2") + code[4:]
    for text, reason in ((typo, "mistyped"), (code[:-2] + code[-1], "mistyped"), (code + "Q", "mistyped"),
                         (encode(HandIn(**{**hand_in.__dict__, "session": handin.read_session_code(theirs)[1]}),
                                 RADICES), "foreign")):
        with pytest.raises(CodeError) as refused:
            decode(text, ours, [RADICES, RADICES])
        assert refused.value.reason == reason, text
    # The right session and check character, but a length or a value this session's questions cannot give.
    short = encode(HandIn(**{**hand_in.__dict__, "answers": (1,)}), [4])
    assert len(short) < len(code)
    with pytest.raises(CodeError) as refused:
        decode(short, ours, [RADICES, RADICES])
    assert refused.value.reason == "corrupted"
    padded = "0" + code[:-1]  # one more character, the same value: the length is wrong
    with pytest.raises(CodeError, match="corrupted"):
        decode(padded + check_character(padded), ours, [RADICES, RADICES])
    big = handin._digits(handin.int_of(code[:-1]) + handin.FIXED_SPACE * handin.answers_space(RADICES), len(code) - 1)
    with pytest.raises(CodeError, match="corrupted"):
        decode(big + check_character(big), ours, [RADICES, RADICES])
    with pytest.raises(CodeError, match="foreign") as refused:
        decode(encode(HandIn(**{**hand_in.__dict__, "session": ours + 1}), RADICES), ours, [RADICES, RADICES])


def test_the_answers_that_fit_in_twenty_characters() -> None:
    assert handin.fits([5] * 12)  # twelve single choices of four options
    assert not handin.fits([5] * 13)
    assert handin.code_length([5] * 12) == handin.MAX_LENGTH
    assert handin.radix("single", 4) == 5 and handin.radix("multiple", 4) == 16 and handin.radix("order", 4) == 25


NODE_SCRIPT = """
const code = require(process.argv[1]);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {checks: input.checks.map(code.checkCharacter),
  sessions: input.sessions.map(([f, n]) => code.sessionCode(f, n)),
  read: input.sessions.map(([f, n]) => code.readSessionCode(code.sessionCode(f, n).toLowerCase())),
  encoded: input.handins.map(h => code.encode(h, input.radices)),
  decoded: input.codes.map(c => { try { return code.decode(c, input.session, [input.radices, input.radices]); }
                                  catch (e) { return {refused: e.reason}; } }),
  lengths: input.lengths.map(r => code.codeLength(r)),
  radices: input.kinds.map(([k, n]) => code.radix(k, n)),
  ranks: input.orders.map(p => code.orderRank(p)),
  places: input.orders.map(p => code.orderPlaces(code.orderRank(p), p.length))};
process.stdout.write(JSON.stringify(out));
"""


def test_the_browser_script_makes_and_reads_the_same_codes() -> None:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        if IN_CI:
            pytest.fail("node is needed (it comes with npm)")
        pytest.skip("node is not installed")
    rng = random.Random(21)
    session = handin.read_session_code(handin.session_code(1, 40000))[1]
    handins = [HandIn(session=session, test=rng.randint(0, 1), nonce=rng.randrange(handin.NONCE_SPACE),
                      initials="".join(rng.choice("ABCMNZ") for _ in range(rng.randint(0, 3))),
                      answers=tuple(rng.randrange(size) for size in RADICES)) for _ in range(40)]
    codes = [encode(h, RADICES) for h in handins]
    bad = [codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1"),
           encode(HandIn(**{**handins[0].__dict__, "session": session + 1}), RADICES),
           encode(HandIn(**{**handins[0].__dict__, "answers": (1,)}), [4])]
    vectors = {"checks": [random_data(rng, n) for n in range(1, 20)], "sessions": [[0, 0], [15, 65535], [3, 4660]],
               "radices": RADICES, "session": session, "handins": [h.__dict__ for h in handins],
               "codes": codes + bad, "lengths": [[2], [5] * 12, RADICES], "kinds": [["single", 4], ["multiple", 5],
                                                                                ["truefalse", 2], ["order", 5]],
               "orders": [[3, 1, 2], [1, 2, 3, 4], [4, 3, 2, 1], [2, 5, 1, 4, 3]]}
    for entry in vectors["handins"]:
        entry["answers"] = list(entry["answers"])
    result = subprocess.run([node, "-e", NODE_SCRIPT, str(SCRIPT)], input=json.dumps(vectors), capture_output=True,
                            text=True, check=True, timeout=60)
    out = json.loads(result.stdout)
    assert out["checks"] == [check_character(data) for data in vectors["checks"]]
    assert out["sessions"] == [handin.session_code(f, n) for f, n in vectors["sessions"]]
    assert [(r["format"], r["session"]) for r in out["read"]] == [
        handin.read_session_code(handin.session_code(f, n)) for f, n in vectors["sessions"]]
    assert out["encoded"] == codes
    assert [{k: v for k, v in d.items() if k != "code"} for d in out["decoded"][:len(codes)]] == [
        {**h.__dict__, "answers": list(h.answers)} for h in handins]
    assert [d.get("refused") for d in out["decoded"][len(codes):]] == ["mistyped", "foreign", "corrupted"]
    assert out["lengths"] == [handin.code_length(r) for r in vectors["lengths"]]
    assert out["radices"] == [handin.radix(k, n) for k, n in vectors["kinds"]]
    assert out["ranks"] == [handin.order_rank(p) for p in vectors["orders"]]
    assert out["places"] == vectors["orders"]
