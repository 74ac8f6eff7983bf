"""Interface strings in every language of the site, loaded from one YAML file and checked for completeness."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from p2ham.core.errors import ContentError, Problem
from p2ham.core.yamlfile import load

STRINGS_FILE = "content/ui-strings.yml"
Strings = dict[str, dict[str, str]]  # language -> key -> text


def load_strings(path: Path, languages: Sequence[str]) -> Strings:
    """Read ``path`` and return ``{language: {key: text}}``.

    Raises ContentError naming every missing language, missing key or non-text value at once.
    """
    record, problems = load(path)
    if record is None:
        raise ContentError(problems)
    data = record.data
    if not isinstance(data, dict):
        raise ContentError([Problem(record.name, 1, "", "expected a mapping of language codes to strings")])
    all_keys = sorted({k for table in data.values() if isinstance(table, dict) for k in table})
    result: Strings = {}
    for lang in languages:
        table = data.get(lang)
        if not isinstance(table, dict):
            problems.append(record.problem((lang,), "language missing or not a mapping"))
            continue
        result[lang] = {}
        for key in all_keys:
            value = table.get(key)
            if value is None:
                problems.append(record.problem((lang, key), "missing translation"))
            elif not isinstance(value, str) or not value.strip():
                problems.append(record.problem((lang, key), "must be non-empty text"))
            else:
                result[lang][key] = value.strip()
    if problems:
        raise ContentError(problems)
    return result


def script_strings(strings: dict[str, str], *prefixes: str) -> dict[str, str]:
    """The strings whose keys start with one of ``prefixes``: what a page script needs, in the page's language."""
    return {key: value for key, value in strings.items() if key.startswith(prefixes)}
