"""The "my progress" page: every module with the questions of its quiz, for the script that reads the answers kept
on the reader's device."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from p2ham.core.strings import script_strings
from p2ham.course.modules import MODULE_DIR, Module
from p2ham.quiz.questions import Question

SCRIPT_STRINGS = ("quiz_", "progress_")  # the interface strings quiz.js needs, by key prefix


def progress_rows(modules: Sequence[Module], questions: Mapping[str, list[Question]],
                  url_of: Callable[[str], str]) -> list[dict[str, Any]]:
    """One row per module, in order: the module, its page's address and its questions (``questions`` is keyed by
    each page's default-language source, ``modul/<slug>.md``)."""
    return [{"module": module, "url": url_of(module.slug),
             "questions": questions.get(f"{MODULE_DIR}/{module.slug}.md", [])} for module in modules]


def quiz_script_strings(strings: Mapping[str, str]) -> dict[str, str]:
    """The strings quiz.js needs, given to it in the page's language as a data attribute."""
    return script_strings(dict(strings), *SCRIPT_STRINGS)
