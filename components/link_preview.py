"""The image a messenger shows under a shared link (og:image): the page's title and its headline figures, drawn by the
publisher as a PNG of 1200×630 in a CJK font.

Why drawn here and not by a browser: the publisher already has every page's title and figures, and Pillow draws
several hundred images in seconds with no browser to start. Why named by a digest of what it shows (and of this
file): pages that would show the same image share one file (every filter of a plan year's targets), a publish that
changes nothing draws nothing (the last build's file is copied), and the name changes whenever the picture does, so
a CDN may keep it for a year.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from components.views.page import Page, labelled
from components.views.style import palette
from kpi.texts import t

LOG = logging.getLogger(__name__)
SIZE = (1200, 630)  # what Facebook, X, LinkedIn and WeChat crop least
FONTS = Path("/usr/share/fonts/opentype/noto")  # Debian's fonts-noto-cjk (scripts/test and scripts/run install it)
SIMPLIFIED = 2  # the face of Noto Sans CJK SC in the .ttc (0 JP, 1 KR, 2 SC, 3 TC, 4 HK)
FOLDER = "previews"  # under assets/
MARGIN = 64


@dataclass(frozen=True)
class Preview:
    """What one image shows: the page's title, its headline figures (or its description), and the report they are from."""

    lang: str
    title: str
    headlines: tuple[tuple[str, str], ...]
    description: str
    source: str

    @property
    def file_name(self) -> str:
        """ "3f2a…c1.png": a digest of what it shows and of how it is drawn (this file)."""
        digest = hashlib.sha256(Path(__file__).read_bytes())
        shown = [self.lang, self.title, self.headlines, self.description, self.source]
        digest.update(json.dumps(shown, ensure_ascii=False).encode("utf-8"))
        return digest.hexdigest()[:20] + ".png"

    @property
    def alt(self) -> str:
        """The image in words, for whoever cannot see it: its title and its figures (or the page's description)."""
        if not self.headlines:
            return self.description
        separator = "；" if self.lang == "zh" else "; "
        figures = separator.join(f"{name} {value}" for name, value in self.headlines)
        return labelled(self.title, figures, self.lang)


def preview_of(page: Page, lang: str, source: str) -> Preview:
    """The image a page's link shows: up to four of its headline figures, else its description in a few lines."""
    return Preview(
        lang, page.image_title or page.title, page.headlines[:4], "" if page.headlines else page.description, source
    )


def fonts_installed() -> bool:
    """The CJK fonts are there (a server without fonts-noto-cjk gets pages without an image, not a failed publish)."""
    return (FONTS / "NotoSansCJK-Bold.ttc").exists() and (FONTS / "NotoSansCJK-Regular.ttc").exists()


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Loading a face from the 20 MB collection is the slow part of drawing: once per size."""
    name = "NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc"
    return ImageFont.truetype(str(FONTS / name), size, index=SIMPLIFIED)


def _fit(draw: ImageDraw.ImageDraw, words: str, width: int, sizes: tuple[int, ...], bold: bool = False) -> tuple:
    """The largest of `sizes` at which `words` fit in `width`, and that font; the smallest cuts nothing either (the
    caller wraps)."""
    for size in sizes:
        font = _font(size, bold)
        if draw.textlength(words, font=font) <= width:
            return font, size
    return _font(sizes[-1], bold), sizes[-1]


def _wrap(draw: ImageDraw.ImageDraw, words: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """`words` in at most `lines` lines of `width`: Chinese breaks between any two characters, English between words;
    a last line that would run over ends with "…" (the description is the page's own, read in full on the page)."""
    pieces = list(words) if not words.isascii() else words.split()
    joiner = "" if not words.isascii() else " "
    result, line = [], ""
    for piece in pieces:
        longer = f"{line}{joiner}{piece}" if line else piece
        if draw.textlength(longer, font=font) > width and line:
            result.append(line)
            line = piece
        else:
            line = longer
    result.append(line)
    if len(result) > lines:
        result = result[:lines]
        result[-1] = result[-1][:-2] + "…"
    return result


@lru_cache(maxsize=512)  # a process that publishes again (the watcher, the tests) draws an image once; ~20 MB at most
def draw(preview: Preview) -> bytes:
    """The PNG: the dashboard's name over a band, the title, two to four figures as tiles (value over name) or the
    description, and at the foot the report the figures come from."""
    colours = palette()
    image = Image.new("RGB", SIZE, "#ffffff")
    pen = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    pen.rectangle((0, 0, SIZE[0], 14), fill=colours["primary"])
    pen.text((MARGIN, 76), t("app_title", preview.lang), font=_font(30), fill=colours["muted"], anchor="ls")
    font, size = _fit(pen, preview.title, width, (64, 56, 48, 40), bold=True)
    y = 76 + 24
    for line in _wrap(pen, preview.title, font, width, 2):
        y += int(size * 1.2)
        pen.text((MARGIN, y), line, font=font, fill=colours["text"], anchor="ls")
    y += 40
    foot = SIZE[1] - 44
    if preview.headlines:
        _tiles(pen, preview.headlines, y, foot - 36, colours)
    else:
        body = _font(34)
        for line in _wrap(pen, preview.description, body, width, max(1, (foot - 36 - y) // 50)):
            y += 42
            pen.text((MARGIN, y), line, font=body, fill=colours["text"], anchor="ls")
            y += 8
    pen.line((MARGIN, foot - 36, SIZE[0] - MARGIN, foot - 36), fill=colours["line"], width=2)
    small, _ = _fit(pen, preview.source, width, (24, 22, 20, 18))  # the report's name and date whole
    pen.text(
        (MARGIN, foot), _wrap(pen, preview.source, small, width, 1)[0], font=small, fill=colours["muted"], anchor="ls"
    )
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _tiles(
    pen: ImageDraw.ImageDraw, headlines: tuple[tuple[str, str], ...], top: int, bottom: int, colours: dict
) -> None:
    """Up to three figures side by side, four in two rows: the value large, its name beneath, in a box."""
    columns = min(len(headlines), 3) if len(headlines) != 4 else 2
    rows = (len(headlines) + columns - 1) // columns
    gap = 24
    tile_w = (SIZE[0] - 2 * MARGIN - gap * (columns - 1)) // columns
    tile_h = min(170, (bottom - top - gap * rows) // rows)
    inner = tile_w - 48
    size = min(_fit(pen, value, inner, (60, 52, 44, 36, 30), bold=True)[1] for _, value in headlines)  # one size
    font = _font(size, bold=True)
    for n, (name, value) in enumerate(headlines):
        left = MARGIN + (n % columns) * (tile_w + gap)
        y = top + (n // columns) * (tile_h + gap)
        pen.rounded_rectangle((left, y, left + tile_w, y + tile_h), 12, outline=colours["line"], width=2)
        baseline = y + 20 + size
        pen.text(
            (left + 24, baseline), _wrap(pen, value, font, inner, 1)[0], font=font, fill=colours["primary"], anchor="ls"
        )
        label = _font(26)
        room = max(1, (y + tile_h - 12 - baseline) // 34)
        for n_line, line in enumerate(_wrap(pen, name, label, inner, room)):
            baseline += 40 if n_line == 0 else 34
            pen.text((left + 24, baseline), line, font=label, fill=colours["muted"], anchor="ls")


def image_bytes(preview: Preview, previous: Path | None) -> bytes:
    """The image, copied from the last build when it has it (same name, same picture), else drawn."""
    if previous is not None and (previous / preview.file_name).is_file():
        return (previous / preview.file_name).read_bytes()
    return draw(preview)
