"""The short codes of a class session (pre-test and post-test), specified once: a session code that puts
participants into a session, and a hand-in code that carries one participant's answers to the trainer's device.

The browser does the same in ``docs/assets/javascripts/session-code.js``; ``tests/quick/test_handin.py`` runs
that script on vectors made here, so the two can never differ unnoticed.

**Alphabet.** 16 characters, ``0123456789KMRUWX``: the ten digits and six letters whose names cannot be mistaken
for each other or for a digit when read aloud in Indonesian or English (no B/D/E/G/P/T/V, which rhyme, no M/N or
F/S pair, no K/H pair), nor on a screen (no O, I, L, S, Z, B, G, which look like 0, 1, 5, 2, 8, 6). What is typed
is read without regard to case, spaces, hyphens and dots, and O, I and L are read as 0, 1 and 1.

**Check character.** The last character is a Damm check character over the others, with the totally anti-symmetric
quasigroup ``x * y = 2x + y`` of the field GF(16) (polynomial x**4 + x + 1): it catches every single wrong character
and every swap of two neighbours, the check character included. (ISO/IEC 7064 MOD 17,16 misses some swaps.)

**Session code.** Five characters and the check: the first is the session format's place in
``content/sessions.yml`` (so a phone knows which questions to ask), the next four are random (65,536 sessions per
format).

**Hand-in code.** One whole number written in the alphabet (most significant character first), then the check. From
its least significant end, in mixed radix: the session (the session code's five characters, 16**5), the test (pre
or post, 2), a random number the phone draws once per session (4,096: two people with the same answers still count
twice), the initials (none, or 1 to 3 letters A-Z), then each question's answer in the order of the test:

- single choice and true/false with n options: 0 (not answered) or the option's number, 1 to n (n + 1 values);
- multiple choice with n options: the options chosen as bits, option 1 the lowest (2**n values; 0: none chosen);
- order with k items: 0 (not every place chosen, or a place chosen twice) or 1 + the rank of the places chosen
  for the items as shown (k! + 1 values).

A code has as many characters as its number needs (the same for every hand-in of one test), at most 19 and the
check: so the answers of one test fit when the product of their numbers of values is at most
:data:`ANSWER_SPACE`; the build refuses a test that does not fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

ALPHABET = "0123456789KMRUWX"
BASE = len(ALPHABET)
LOOKALIKES = {"O": "0", "I": "1", "L": "1"}  # not in the alphabet: read as the digit they look like
SEPARATORS = " -._\t"
MAX_LENGTH = 20  # characters of a hand-in code, check included
SESSION_LENGTH = 5  # characters of a session code before its check
SESSION_SPACE = BASE**SESSION_LENGTH
FORMAT_SLOTS = BASE  # the first character of a session code is the format's place
TESTS = ("pre", "post")
NONCE_SPACE = 4096
INITIALS_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_INITIALS = 3
INITIALS_SPACE = sum(len(INITIALS_LETTERS) ** n for n in range(MAX_INITIALS + 1))  # 18,279
FIXED_SPACE = SESSION_SPACE * len(TESTS) * NONCE_SPACE * INITIALS_SPACE
ANSWER_SPACE = BASE ** (MAX_LENGTH - 1) // FIXED_SPACE  # the most the answers of one test may take


class CodeError(ValueError):
    """A code refused, and why: ``mistyped`` (a character wrong, missing or not in the alphabet: the check
    character does not match), ``foreign`` (a code of another session), ``corrupted`` (the right session, but not
    a hand-in this session's questions can give)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def normalise(text: str) -> str:
    """What was typed or scanned, as the characters of a code: upper case, separators dropped, look-alikes read."""
    return "".join(LOOKALIKES.get(char, char) for char in text.upper() if char not in SEPARATORS)


def _twice(value: int) -> int:
    """2 * value in GF(16), reduced by x**4 + x + 1."""
    value <<= 1
    return value ^ 0b10011 if value & 0b10000 else value


def check_character(data: str) -> str:
    """The Damm check character of ``data`` (characters of the alphabet): with it appended, ``x * y = 2x + y``
    folded over the code gives 0."""
    interim = 0
    for char in data:
        interim = _twice(interim) ^ ALPHABET.index(char)
    return ALPHABET[_twice(interim)]


def _digits(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, digit = divmod(value, BASE)
        chars.append(ALPHABET[digit])
    if value:
        raise ValueError("the value does not fit in the length given")
    return "".join(reversed(chars))


def _checked(text: str) -> str:
    """The data characters of a code whose characters and check character are right; else CodeError mistyped."""
    code = normalise(text)
    wrong = sorted({char for char in code if char not in ALPHABET})
    if wrong:
        raise CodeError("mistyped", f"{', '.join(wrong)} is not a character of a code")
    if len(code) < 2 or check_character(code[:-1]) != code[-1]:
        raise CodeError("mistyped", "a character is wrong or missing (the check character does not match)")
    return code[:-1]


def session_code(format_index: int, number: int) -> str:
    """The session code of a format's place (0 to 15) and a random number (0 to 65,535)."""
    if not 0 <= format_index < FORMAT_SLOTS or not 0 <= number < SESSION_SPACE // FORMAT_SLOTS:
        raise ValueError("format place or session number out of range")
    data = _digits(format_index * (SESSION_SPACE // FORMAT_SLOTS) + number, SESSION_LENGTH)
    return data + check_character(data)


def read_session_code(text: str) -> tuple[int, int]:
    """The format's place and the session's value (the five characters as a number) of a session code."""
    data = _checked(text)
    if len(data) != SESSION_LENGTH:
        raise CodeError("mistyped", f"a session code has {SESSION_LENGTH + 1} characters")
    value = int_of(data)
    return value // (SESSION_SPACE // FORMAT_SLOTS), value


def int_of(data: str) -> int:
    value = 0
    for char in data:
        value = value * BASE + ALPHABET.index(char)
    return value


def radix(kind: str, options: int) -> int:
    """How many values a question's answer takes in a code (see the module's description)."""
    if kind == "multiple":
        return int(2**options)
    if kind == "order":
        return math.factorial(options) + 1
    return options + 1


def answers_space(radices: Sequence[int]) -> int:
    return int(math.prod(radices))


def code_length(radices: Sequence[int]) -> int:
    """Characters of a hand-in code of a test whose answers take ``radices``, the check included."""
    space, length = FIXED_SPACE * answers_space(radices), 1
    while BASE**length < space:
        length += 1
    return length + 1


def fits(radices: Sequence[int]) -> bool:
    return bool(answers_space(radices) <= ANSWER_SPACE)


def bits(space: int) -> float:
    return math.log2(space) if space > 1 else 0.0


def initials_value(initials: str) -> int:
    if len(initials) > MAX_INITIALS or any(char not in INITIALS_LETTERS for char in initials):
        raise ValueError(f"initials are up to {MAX_INITIALS} letters A-Z")
    offset: int = sum(len(INITIALS_LETTERS) ** n for n in range(len(initials)))
    value = 0
    for char in initials:
        value = value * len(INITIALS_LETTERS) + INITIALS_LETTERS.index(char)
    return offset + value


def initials_of(value: int) -> str:
    length = 0
    while value >= len(INITIALS_LETTERS) ** length:
        value -= len(INITIALS_LETTERS) ** length
        length += 1
    chars = []
    for _ in range(length):
        value, letter = divmod(value, len(INITIALS_LETTERS))
        chars.append(INITIALS_LETTERS[letter])
    return "".join(reversed(chars))


def order_rank(places: Sequence[int]) -> int:
    """The rank (from 0) of a permutation of 1..k among all k! in lexicographic order."""
    rest = sorted(places)
    rank = 0
    for index, place in enumerate(places):
        position = rest.index(place)
        rank += position * math.factorial(len(places) - 1 - index)
        rest.pop(position)
    return rank


def order_places(rank: int, count: int) -> list[int]:
    rest = list(range(1, count + 1))
    places = []
    for index in range(count):
        position, rank = divmod(rank, math.factorial(count - 1 - index))
        places.append(rest.pop(position))
    return places


@dataclass(frozen=True)
class HandIn:
    """What one hand-in code holds."""

    session: int  # the session code's five characters as a number
    test: int  # 0 pre-test, 1 post-test
    nonce: int
    initials: str
    answers: tuple[int, ...]  # each question's value (see the module's description)


def encode(hand_in: HandIn, radices: Sequence[int]) -> str:
    """The hand-in code of ``hand_in`` for a test whose answers take ``radices``."""
    if len(hand_in.answers) != len(radices):
        raise ValueError("one answer per question")
    value = 0
    for answer, size in zip(reversed(hand_in.answers), reversed(radices), strict=True):
        if not 0 <= answer < size:
            raise ValueError(f"answer {answer} out of range {size}")
        value = value * size + answer
    for part, size in ((initials_value(hand_in.initials), INITIALS_SPACE), (hand_in.nonce, NONCE_SPACE),
                       (hand_in.test, len(TESTS)), (hand_in.session, SESSION_SPACE)):
        if not 0 <= part < size:
            raise ValueError("session, test or random number out of range")
        value = value * size + part
    data = _digits(value, code_length(radices) - 1)
    return data + check_character(data)


def decode(text: str, session: int, radices: Sequence[Sequence[int]]) -> HandIn:
    """The hand-in a code holds, for the session whose value is ``session`` and whose tests' answers take
    ``radices`` (pre-test's, post-test's); CodeError says why a code is refused: mistyped, foreign, corrupted."""
    data = _checked(text)
    value = int_of(data)
    value, found = divmod(value, SESSION_SPACE)
    if found != session:
        other = _digits(found, SESSION_LENGTH)
        raise CodeError("foreign", other + check_character(other))
    value, test = divmod(value, len(TESTS))
    sizes = radices[test]
    if len(data) + 1 != code_length(sizes):
        raise CodeError("corrupted", f"a code of this test has {code_length(sizes)} characters, not {len(data) + 1}")
    value, nonce = divmod(value, NONCE_SPACE)
    value, initials = divmod(value, INITIALS_SPACE)
    answers = []
    for size in sizes:
        value, answer = divmod(value, size)
        answers.append(answer)
    if value:
        raise CodeError("corrupted", "more than this session's questions can give")
    return HandIn(session=found, test=test, nonce=nonce, initials=initials_of(initials), answers=tuple(answers))
