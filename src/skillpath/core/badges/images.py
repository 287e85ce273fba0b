"""Simple generated badge images (PNG and SVG) for credentials without artwork."""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Fonts with accented Latin letters (French names), found in the usual system
# font folders; Pillow's built-in font lacks them.
_FONT_CANDIDATES = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf")


def _font(size: int) -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """Return a font and whether it can draw non-ASCII letters."""
    for name in _FONT_CANDIDATES:
        try:
            return ImageFont.truetype(name, size), True
        except OSError:
            continue
    return ImageFont.load_default(size=size), False


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise ValueError(f"Colour {colour!r} must be written #RRGGBB.")
    return colour


def _lines(name: str) -> list[str]:
    lines = textwrap.wrap(name.strip(), width=16)[:4] or [""]
    if len(textwrap.wrap(name.strip(), width=16)) > 4:
        lines[-1] = lines[-1][:15] + "…"
    return lines


def badge_png(
    name: str, *, primary: str = "#1F4E79", secondary: str = "#F2C14E", size: int = 400
) -> bytes:
    """Return a round PNG badge of ``size`` pixels with ``name`` written across it."""
    primary, secondary = _check_colour(primary), _check_colour(secondary)
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    ring = max(size // 20, 2)
    draw.ellipse((0, 0, size - 1, size - 1), fill=secondary)
    draw.ellipse((ring, ring, size - 1 - ring, size - 1 - ring), fill=primary)
    font, has_accents = _font(max(size // 12, 10))
    lines = _lines(name if has_accents else _ascii_fold(name))
    line_height = size // 10
    top = size // 2 - line_height * len(lines) // 2 + line_height // 2
    for number, line in enumerate(lines):
        draw.text(
            (size // 2, top + number * line_height),
            line,
            fill="#FFFFFF",
            font=font,
            anchor="mm",
        )
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def badge_svg(
    name: str, *, primary: str = "#1F4E79", secondary: str = "#F2C14E", size: int = 400
) -> str:
    """Return a round SVG badge with ``name`` written across it."""
    primary, secondary = _check_colour(primary), _check_colour(secondary)
    lines = _lines(name)
    half = size / 2
    line_height = size / 10
    top = half - line_height * (len(lines) - 1) / 2
    texts = "\n".join(
        f'    <tspan x="{half:g}" y="{top + index * line_height:g}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{escape(name, {chr(34): "&quot;"})}">\n'
        f'  <circle cx="{half:g}" cy="{half:g}" r="{half:g}" fill="{secondary}"/>\n'
        f'  <circle cx="{half:g}" cy="{half:g}" r="{half * 0.9:g}" fill="{primary}"/>\n'
        f'  <text font-family="sans-serif" font-size="{size / 12:g}" fill="#FFFFFF" '
        'text-anchor="middle" dominant-baseline="middle">\n'
        f"{texts}\n"
        "  </text>\n"
        "</svg>\n"
    )
