"""A module's one-page summary, for participants to keep: made from the module's own Markdown, it holds the title
(the number, duration and objectives come with the module's box, which the build puts on every view), the module
page's QR code and address, and the sections the content rules name (``SECTIONS`` of :mod:`p2ham.course.rules`:
key points, then sources), as the module words them. No trainer's notes, no quiz, nothing else of the module.

No engine import: ``hooks/trainer.py`` adds the page to the build, like the other views of :mod:`p2ham.trainer.views`.
"""

from __future__ import annotations

from typing import Any

import yaml

from p2ham.core.errors import ContentError
from p2ham.core.source import front_matter_text, split_front_matter, without_blocks
from p2ham.core.yamlfile import Loader
from p2ham.course.modules import module_section
from p2ham.course.rules import Rules, missing_sections, required_sections
from p2ham.trainer.views import QR_MARKER

SUMMARY = "summary"  # the view's name (p2ham.mdext.trainer) and key in VIEW_PARTS
LEFT_OUT = ("trainer", "quiz", "slide")  # blocks that never reach a summary, wherever a section holds them


def summary_markdown(text: str, source: str, lang: str, slug: str, title: str, rules: Rules,
                     extra: dict[str, Any] | None = None) -> str:
    """The summary page of a module whose source `text` (the file `source`) is written in `lang`, titled `title`
    (`extra`: more front matter, such as its template).

    Raises ContentError naming, at the module's title, each section the rules ask for that the module lacks."""
    problems = missing_sections(source, text, lang, rules)
    if problems:
        raise ContentError(problems)
    front, _, _ = split_front_matter(text)
    meta = yaml.load(front, Loader=Loader) or {}
    meta = {key: value for key, value in meta.items() if key in ("description", "translation")}
    meta.update({"title": title, "p2ham_view": SUMMARY, "p2ham_module": slug, "search": {"exclude": True},
                 "share": False, **(extra or {})})
    parts = [f"# {title}", f"<!-- p2ham:{QR_MARKER} -->"]
    for field, _, heading in required_sections(rules, lang):
        section = module_section(text, heading)
        assert section is not None, "missing_sections found it"
        body = without_blocks(section.body, LEFT_OUT).strip()
        parts.append(f'<section class="p2ham-summary__section" data-p2ham-summary="{field}" markdown>\n\n'
                     f"## {heading}\n\n{body}\n\n</section>")
    return front_matter_text(meta) + "\n\n".join(parts) + "\n"
