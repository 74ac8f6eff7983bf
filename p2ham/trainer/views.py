"""The trainer's views of a module, made from the same Markdown as the participants' page: a presentation, a
trainer's handout (notes, timing, answer key), a participant's handout and a one-page summary
(:mod:`p2ham.trainer.summary`); plus one "print everything" page per language.

No engine import: ``hooks/trainer.py`` adds the pages to the build; :mod:`p2ham.trainer.timing` checks the minutes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from p2ham.core.source import front_matter_text, split_front_matter
from p2ham.core.yamlfile import Loader
from p2ham.trainer.printall import PRINT_ALL_MARKER

# view -> the last part of its address, below the module's own (/modul/<slug>/<part>/)
VIEW_PARTS = {"presentation": "presentasi", "speaker": "pembicara", "trainer": "pemandu", "handout": "peserta",
              "summary": "ringkasan"}
DECKS = ("presentation", "speaker")  # the views made of slides (their title slide carries the module's QR code)
PRINT_ALL = "cetak"  # /cetak/: every module's participant handout, for printing at once
QR_MARKER = "module-qr"  # under the title of every view: the module page's QR code
H1 = re.compile(r"^# .*$", re.MULTILINE)
DECK_BLOCK = re.compile(r"^/{3} *(trainer|slide)\b")  # the blocks a deck is made of, at the top level
QUIZ_BLOCK = re.compile(r"^/{3} *quiz\b")
BLOCK_END = re.compile(r"^/{3} *$")
# Where a section's quiz was: the deck needs to know which section it is (the closing slide's QR code opens it),
# not the questions (md_in_html makes it an element of the quiz's class).
QUIZ_STAND_IN = '<div class="p2ham-quiz" markdown="1"></div>'


def view_markdown(module_text: str, view: str, slug: str, title: str, extra: dict[str, Any] | None = None) -> str:
    """A view page of a module: its Markdown with new front matter, and a QR code marker under its title (a deck's
    is on its title slide, which the build makes)."""
    front, body, _ = split_front_matter(module_text)
    meta = yaml.load(front, Loader=Loader) or {}
    meta.update({"title": title, "p2ham_view": view, "p2ham_module": slug, "search": {"exclude": True},
                 "share": False, **(extra or {})})
    if view in DECKS:
        return front_matter_text(meta) + deck_markdown(body)
    # A handout is titled as one ("Lembar pemandu: …"), so it is never mistaken for the participants' page.
    return front_matter_text(meta) + H1.sub(lambda m: f"# {title}\n\n<!-- p2ham:{QR_MARKER} -->", body, count=1)


def deck_markdown(body: str) -> str:
    """What a deck is made of, without the prose: the title, each ``##`` heading, the top-level trainer and slide
    blocks, and a stand-in where the quiz was. Rendering the whole module for a deck cost as much as its page."""
    kept: list[str] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith(("# ", "## ")):
            kept.append(line)
        elif DECK_BLOCK.match(line) or QUIZ_BLOCK.match(line):
            end = index + 1
            while end < len(lines) and not BLOCK_END.match(lines[end]):
                end += 1
            kept.append(QUIZ_STAND_IN if QUIZ_BLOCK.match(line) else "\n".join(lines[index:end + 1]))
            index = end
        index += 1
    return "\n\n".join(kept) + "\n"


def print_all_markdown(title: str, description: str, intro: str) -> str:
    """The print-all page: its title and introduction, then every module's participant's handout, in order, put in
    its place once they are rendered (:mod:`p2ham.trainer.printall`)."""
    meta = {"title": title, "description": description, "p2ham_view": "handout", "p2ham_module": "",
            "search": {"exclude": True}}
    return front_matter_text(meta) + f"# {title}\n\n{intro}\n\n<!-- p2ham:{PRINT_ALL_MARKER} -->\n"


def view_title(view: str, title: str, strings: dict[str, str]) -> str:
    """A view's title: "Lembar pemandu: <module>" and the like, from the interface strings."""
    return f"{strings['view_' + view]}: {title}"

