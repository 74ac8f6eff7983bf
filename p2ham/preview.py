"""Link-preview images (Open Graph cards), drawn at build time with Pillow and its built-in font: no network, no
font download, the same result on every machine."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

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
