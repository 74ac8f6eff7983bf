"""Jinja rendering for HTML fragments the site's own code produces, with autoescaping always on.

MkDocs' theme environment does not autoescape (Material's templates rely on that), so fragments that carry text
from content or data files are rendered here instead, from templates under ``overrides/p2ham/``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "p2ham"


@lru_cache(maxsize=4)
def environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(template: str, **context: Any) -> str:
    """Render ``overrides/p2ham/<template>`` with every value escaped unless it is marked safe."""
    return environment().get_template(template).render(**context)
