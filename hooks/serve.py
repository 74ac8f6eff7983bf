"""Hook: under ``mkdocs serve`` (what ``./dev serve`` runs), a rebuild takes a trainer's view of a module (its
presentation, speaker view, handouts and summary) from the rebuild before when nothing it is made of changed,
instead of rendering the module's text again. Saving one module then renders that module's views only, not every
module's in both languages. Thin adapter over :data:`p2ham.serve.MEMO`.

A view's rendering is kept under a key made of everything it is made of: its Markdown as the hooks left it (the
module's text, the glossary's abbreviations, the module box), its file and address, the language, the interface
strings the extensions write, every file of the site (links are checked and rewritten against them) and the
configuration (``mkdocs.yml`` and the ``P2HAM_`` settings). Taken from the memo, a view gets back all that a
rendering leaves: its HTML, table of contents and anchors, the links it makes to other pages' anchors (checked
again against this build's pages), what the trainer's extension recorded, and every message logged while it was
rendered (a warning fails a strict build again). The generator's own code is not in the key: ``p2ham-serve``
starts the server again when it changes, with an empty memo. A plain ``mkdocs build`` keeps nothing.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import context
from mkdocs.structure.pages import Page

from p2ham.mdext.view import ViewState
from p2ham.serve import MEMO

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.serve")
# What rendering records in the trainer's extension's state: every field but the view and strings the build sets.
RESULT = tuple(field.name for field in dataclasses.fields(ViewState) if field.name not in ("view", "strings"))
_fingerprints: dict[int, str] = {}  # this build's files (by the identity of its Files), made once per language
_counted: dict[str, tuple[int, int]] = {}  # the memo's hits and misses when this language's build started


@dataclass
class Rendered:
    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # links to other pages' anchors, by the target's source path
    records: list[logging.LogRecord]
    recorded: dict[str, Any]  # the trainer's extension's findings (RESULT)


class _Catch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def on_startup(*, command: str, dirty: bool) -> None:
    MEMO.enabled = command == "serve"
    MEMO.clear()


def on_pre_build(*, config: MkDocsConfig) -> None:
    ctx = context(config)
    if ctx.lang == ctx.default:  # a rebuild starts (static-i18n builds the default language first)
        MEMO.new_round()
    _fingerprints.clear()  # made again from this build's files (an identity may be reused by a later build's)
    _counted["start"] = (MEMO.hits, MEMO.misses)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Say what the rebuild took from the one before (before static-i18n, at -100, builds the next language)."""
    start = _counted.pop("start", None)
    if MEMO.enabled and start is not None:
        hits, misses = MEMO.hits - start[0], MEMO.misses - start[1]
        if hits:
            log.info("%s: %d of %d trainer's views unchanged since the last rebuild, taken from it",
                     context(config).lang, hits, hits + misses)


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    if MEMO.enabled:
        page.render = lambda config_, files_: _render(page, config_, files_)  # type: ignore[method-assign,assignment]
    return page


def _fingerprint(config: MkDocsConfig, files: Files) -> str:
    if id(files) not in _fingerprints:
        settings = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        _fingerprints[id(files)] = MEMO.key(
            settings, sorted((name, value) for name, value in os.environ.items() if name.startswith("P2HAM_")),
            config.site_url, config.use_directory_urls, config.docs_dir,
            [(file.src_uri, file.dest_uri, file.url, str(file.inclusion)) for file in files])
    return _fingerprints[id(files)]


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    if not page.meta.get("p2ham_view"):
        Page.render(page, config, files)
        return
    ctx = context(config)
    key = MEMO.key(page.markdown, page.file.src_uri, page.file.dest_uri, page.file.url, ctx.lang, ctx.view.view,
                   ctx.view.strings, ctx.quiz.strings, _fingerprint(config, files))
    found: Rendered | None = MEMO.get(key)
    if found is None:
        catch = _Catch()
        root = logging.getLogger()
        root.addHandler(catch)
        try:
            Page.render(page, config, files)
        finally:
            root.removeHandler(catch)
        links = page.links_to_anchors
        MEMO.put(key, Rendered(
            content=page.content or "", toc=copy.deepcopy(page.toc), title=page._title_from_render,
            anchors=set(page.present_anchor_ids or ()),
            links=None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()},
            records=catch.records, recorded=copy.deepcopy({name: getattr(ctx.view, name) for name in RESULT})))
        return
    for record in found.records:  # as rendering logged them: a warning counts again
        logging.getLogger(record.name).handle(record)
    page.content = found.content
    page.toc = copy.deepcopy(found.toc)
    page._title_from_render = found.title
    page.present_anchor_ids = set(found.anchors)
    if found.links is not None:
        page.links_to_anchors = {}
        for source, anchors in found.links.items():
            target = files.get_file_from_path(source)
            if target is None:  # cannot be: the files are in the key
                raise RuntimeError(f"{page.file.src_uri}: a kept rendering links to {source}, not in this build")
            page.links_to_anchors[target] = dict(anchors)
    for name, value in copy.deepcopy(found.recorded).items():
        setattr(ctx.view, name, value)
