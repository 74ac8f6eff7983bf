"""Interface strings in every language of the site, loaded from one YAML file and checked for completeness."""

from __future__ import annotations

from pathlib import Path

import yaml

from p2ham.errors import ContentError, Problem
from p2ham.frontmatter import read_yaml

STRINGS_FILE = "content/ui-strings.yml"


def _key_lines(text: str) -> dict[tuple[str, str], int]:
    """Line numbers of ``lang: key:`` pairs, found through YAML's own node tree."""
    lines: dict[tuple[str, str], int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.MappingNode):
        for lang_node, table in root.value:
            if isinstance(table, yaml.MappingNode):
                for key_node, _ in table.value:
                    lines[(str(lang_node.value), str(key_node.value))] = key_node.start_mark.line + 1
            lines.setdefault((str(lang_node.value), ""), lang_node.start_mark.line + 1)
    return lines


def load_strings(path: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """Read ``path`` and return ``{language: {key: text}}``.

    Raises ContentError naming every missing language, missing key or non-text value at once.
    """
    name = str(path)
    data, problems = read_yaml(path)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, dict):
        raise ContentError([Problem(name, 1, "", "expected a mapping of language codes to strings")])
    lines = _key_lines(path.read_text(encoding="utf-8"))
    problems = []
    all_keys = sorted({k for table in data.values() if isinstance(table, dict) for k in table})
    result: dict[str, dict[str, str]] = {}
    for lang in languages:
        table = data.get(lang)
        if not isinstance(table, dict):
            problems.append(Problem(name, 1, lang, "language missing or not a mapping"))
            continue
        result[lang] = {}
        for key in all_keys:
            value = table.get(key)
            line = lines.get((lang, key), lines.get((lang, ""), 1))
            if value is None:
                problems.append(Problem(name, line, f"{lang}.{key}", "missing translation"))
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(name, line, f"{lang}.{key}", "must be non-empty text"))
            else:
                result[lang][key] = value.strip()
    if problems:
        raise ContentError(problems)
    return result
