"""A Markdown page's source: its YAML front matter (read by :mod:`p2ham.core.yamlfile`, with line numbers) and its
lines outside fenced code, as the block checks of quizzes and trainer notes need them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from p2ham.core.errors import Problem
from p2ham.core.yamlfile import YamlRecord, parse

FENCE = "---"
CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
BLOCK_HEADER = re.compile(r"^ {0,3}/{3,}[ ]*[A-Za-z]")  # the first line of a `/// name` block (not its end)
LINE_OPTION = "p2ham-line"  # the block option the build adds, so that problems can name the source line
DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it: about 8 times faster


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        return "", text, 1
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in (FENCE, "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return "", text, 1


def front_matter_text(meta: dict[str, Any]) -> str:
    """YAML front matter for a page the build writes (one per unit and language: libyaml's dumper when present)."""
    return f"---\n{yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False)}---\n\n"


def front_matter(path: Path, text: str) -> tuple[YamlRecord | None, list[Problem]]:
    """The front matter of a page's source ``text`` (read from ``path``), with the line of every key."""
    front, _, _ = split_front_matter(text)
    return parse(path, front, first_line=2)


def lines_outside_fences(markdown: str, first_line: int = 1) -> Iterator[tuple[int, str, bool]]:
    """Each line with its number and whether it is Markdown text (True) or inside or on a fence of fenced code."""
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        fence_match = CODE_FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif line.strip().startswith(fence):
                fence = None
            yield number, line, False
            continue
        yield number, line, fence is None


def block_lines(text: str, name: str) -> list[int]:
    """The line (from 1, in the whole file) of every ``/// name`` block header, outside code fences."""
    header = re.compile(rf"^ {{0,3}}/{{3,}}[ ]*{re.escape(name)}\b")
    return [number for number, line, is_text in lines_outside_fences(text) if is_text and header.match(line)]


def without_blocks(markdown: str, names: tuple[str, ...]) -> str:
    """``markdown`` without its ``/// name`` blocks of the given names (header to closing line, whatever they hold),
    outside fenced code. A block closes at the first line of exactly its own number of slashes; an unclosed one
    runs to the end."""
    header = re.compile(rf"^ {{0,3}}(/{{3,}})[ ]*({'|'.join(map(re.escape, names))})\b")
    out: list[str] = []
    closing: re.Pattern[str] | None = None
    for _, line, is_text in lines_outside_fences(markdown):
        if closing is not None:
            if is_text and closing.match(line):
                closing = None
            continue
        found = header.match(line) if is_text else None
        if found:
            closing = re.compile(rf"^ {{0,3}}{found.group(1)}[ ]*$")
            continue
        out.append(line)
    return "\n".join(out)


def annotate_block_lines(markdown: str, first_line: int) -> str:
    """Add the source line of each ``/// name`` block as a block option (``p2ham-line: 12``), outside fenced code.

    Every block of the site's Markdown extensions accepts that option, and a block the parser rejects keeps it in
    its raw text: either way a problem names the line in the source file, whatever other hooks insert later.
    """
    out: list[str] = []
    for number, line, is_text in lines_outside_fences(markdown, first_line):
        out.append(line)
        if is_text and BLOCK_HEADER.match(line):
            out.append(f"    {LINE_OPTION}: {number}")
    return "\n".join(out)


def first_body_line(source: str, markdown: str) -> int:
    """The line of the source file where ``markdown`` (the page's body, as the engine hands it over before anything
    changed it) starts; 1 when the body is not the end of the source."""
    source, body = source.rstrip(), markdown.rstrip()
    if not source.endswith(body):
        return 1
    return source[: len(source) - len(body)].count("\n") + 1
