"""Link-preview images (Open Graph cards), drawn at build time with Pillow and its built-in font: no network, no
font download, the same result on every machine."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from p2ham.core.addresses import public_path
from p2ham.core.cache import Cache, code_version

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BACKGROUND, FOREGROUND, ACCENT = "#1a237e", "#ffffff", "#c5cae9"


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap by measured width; the last line ends in an ellipsis when text is left over."""
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=_font(size)) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return lines


def card_png(title: str, description: str, footer: str) -> bytes:
    """A 1200 x 630 PNG with the page's title, its description and the site's name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in _wrap(draw, title, 64, WIDTH - 2 * MARGIN, 3):
        draw.text((MARGIN, y), line, font=_font(64), fill=FOREGROUND)
        y += 80
    y += 24
    for line in _wrap(draw, description, 34, WIDTH - 2 * MARGIN, 4):
        draw.text((MARGIN, y), line, font=_font(34), fill=ACCENT)
        y += 46
    draw.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill="#0d1450")
    draw.text((MARGIN, HEIGHT - 68), footer, font=_font(34), fill=FOREGROUND)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


CODE = code_version(Path(__file__), PIL.__version__)  # what draws a card: this file and Pillow


def cached_card_png(cache: Cache, title: str, description: str, footer: str) -> bytes:
    """The card of `card_png`, drawn once for the same text and drawing code (encoding a PNG is the slow part)."""
    return cache.get("preview", CODE, (title, description, footer), lambda: card_png(title, description, footer))


LOCALES = {"id": "id_ID", "en": "en_GB"}  # Open Graph locales of the site's languages
CARD = "preview.png"


def card_path(page_url: str, shared_with_parent: bool = False) -> str:
    """Where a page's card is published: in the page's folder (``modul/x/preview.png``), or, for a page that
    shares its parent's card (a generated unit page shares the unit overview's), in the parent's folder. The same
    path in the offline build, where pages are files (``x.html``, its card in ``x/``)."""
    address = public_path(page_url)
    parts = address.strip("/").split("/")
    if shared_with_parent and len(parts) >= 2:
        return "/".join(parts[:-1]) + "/" + CARD
    return (address + CARD) if address.endswith("/") or not address else address + "/" + CARD
