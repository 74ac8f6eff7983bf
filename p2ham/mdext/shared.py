"""What the site's block extensions share: the object the build hands each of them (the quiz's collector, the
trainer's view), kept on the Markdown instance for the blocks to reach."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from markdown import Markdown
from pymdownx.blocks import BlocksExtension

T = TypeVar("T")


def attached(md: Markdown, attribute: str, factory: Callable[[], T]) -> T:
    """The object kept on `md` as `attribute`; a new one from `factory` when the build passed none."""
    found: T | None = getattr(md, attribute, None)
    if found is None:
        found = factory()
        setattr(md, attribute, found)
    return found


class BuildStateExtension(BlocksExtension):  # type: ignore[misc]
    """A blocks extension whose one option (`OPTION`) is an object of type `STATE` that the build fills in, page after
    page; it is kept on the Markdown instance as `ATTRIBUTE`. Subclasses register their blocks in `register`."""

    OPTION: ClassVar[str]
    ATTRIBUTE: ClassVar[str]
    STATE: ClassVar[type]

    def __init__(self, **kwargs: Any) -> None:
        # Not None: Python-Markdown would turn a None-default option into a boolean.
        self.config = {self.OPTION: ["", f"A {self.STATE.__name__} the build passes, page after page"]}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        state = self.getConfig(self.OPTION)
        if isinstance(state, self.STATE):
            setattr(md, self.ATTRIBUTE, state)
        self.register(md, block_mgr)

    def register(self, md: Markdown, block_mgr: Any) -> None:
        raise NotImplementedError
