"""Hook: the build context. First of all hooks, at the start of each language's build, it reads and checks what
every page needs (interface strings, modules, glossary) once, and stops the build listing every problem found; and
it gives the theme's templates the build's cache. Thin adapter over :mod:`p2ham.context` (made by
``hooks/engine.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import jinja2
from engine import context, fail, start_build
from mkdocs.plugins import event_priority

from p2ham.core.errors import ContentError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(100)  # before every other hook's on_config, which reads the context
def on_config(config: MkDocsConfig) -> None:
    start_build(config)


@event_priority(90)  # every page is made, none is written, and no other hook has checked what they found yet
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Stop the build on every problem the pages' rendering found (quizzes, trainer notes, timing, slides), all at
    once. Then the theme's templates compiled once and kept in the cache (Jinja checks each template's source
    against what it compiled, so an edited template is compiled again)."""
    ctx = context(config)
    if ctx.page_problems:
        fail("The modules' quizzes, trainer notes, timing or slides have problems", ContentError(ctx.page_problems))
    folder = ctx.cache.folder / "jinja-theme"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
