"""Social cards: one 1200×630 PNG per page, drawn at build time, offline.

Material's social plugin downloads its fonts from Google Fonts and needs Cairo, so the
cards are drawn with Pillow and the font Pillow itself ships (``load_default(size=...)``,
a scalable Aileron Regular), never a system font. Characters that font lacks are drawn
as their closest plain letters; the alt text keeps the real title. The PNG carries no
timestamp or other metadata, so the same content always gives the same bytes.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..content.dates import parse_when
from ..render.site import PageSpec, Site
from .publication import Publication

WIDTH, HEIGHT = 1200, 630
CARDS_DIR = "assets/cards/"
MARGIN, TEXT_WIDTH = 96, 1200 - 2 * 96
BACKGROUND, BAR, NAME_INK, TITLE_INK, KICKER_INK = (
    "#283593", "#8c9eff", "#c5cae9", "#ffffff", "#e8eaf6")
TITLE_SIZES = (76, 68, 60, 54)
TITLE_TOP, TITLE_BOX = 170, 340  # the title's lines must fit above the rule at y=520
# Stand-ins for characters the bundled font has no glyph for.
FALLBACKS = {"–": "-", "—": "-", "−": "-", "×": "x", "‘": "'", "’": "'", "“": '"', "”": '"',
             "…": "...", "·": "-"}


@dataclass(frozen=True)
class Card:
    """What one card shows: the page title and a line under it."""

    name: str
    title: str
    kicker: str

    @property
    def path(self) -> str:
        """The card's site path, e.g. ``assets/cards/glossary.png``."""
        return CARDS_DIR + self.name

    def alt(self, pub: Publication) -> str:
        """Alt text: the words on the card."""
        return f"{pub.name}: {self.title}. {self.kicker}."


def _kicker(site: Site, spec: PageSpec) -> str:
    index = site.content.index
    section = spec.section
    if section:
        line = f"Part {index.sections.index(section) + 1} of {len(index.sections)}"
        if section.reviewed:
            line += f" · Last reviewed {parse_when(section.reviewed).human()}"
        return line
    kinds = [t.kind for t in index.terms.values()]
    return {
        "home": f"{len(index.sections)} sections · "
                f"{sum(len(s.claims) for s in index.sections)} claims checked",
        "glossary": f"{len(index.terms)} terms, people and organizations",
        "whos-who": f"{kinds.count('person')} people and {kinds.count('organization')} "
                    "organizations",
        "timeline": f"{len(index.events)} dated events",
        "sources": f"{len(index.sources)} sources",
        "reuse": "Licence, citation and data downloads",
    }.get(spec.key, spec.title)


def card_for(site: Site, spec: PageSpec) -> Card:
    """The card of one page; its file is named after the page key."""
    return Card(spec.key.replace(":", "-") + ".png", spec.title, _kicker(site, spec))


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    font = ImageFont.load_default(size=size)
    assert isinstance(font, ImageFont.FreeTypeFont), "Pillow was built without FreeType"
    return font


@cache
def _missing_mask(size: int) -> bytes:
    return bytes(_font(size).getmask("\ue000"))


def _has_glyph(ch: str, size: int) -> bool:
    return ch.isspace() or bytes(_font(size).getmask(ch)) != _missing_mask(size)


def drawable(text: str, size: int = 60) -> str:
    """``text`` with each character the font cannot draw replaced by a plain stand-in."""
    out = []
    for ch in text:
        if _has_glyph(ch, size):
            out.append(ch)
            continue
        base = unicodedata.normalize("NFKD", ch)[:1]
        out.append(base if base != ch and _has_glyph(base, size) else FALLBACKS.get(ch, "?"))
    return "".join(out)


def wrap(text: str, size: int, width: int = TEXT_WIDTH) -> list[str]:
    """Greedy word wrap of ``text`` at ``size`` into lines no wider than ``width``."""
    font, lines, line = _font(size), [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return [*lines, line] if line else lines


def _line_height(size: int) -> int:
    return round(size * 1.2)


def title_lines(title: str) -> tuple[int, list[str]]:
    """The largest title size whose wrapped lines fit the title box, and those lines.

    A title too long even at the smallest size is cut after the last line that fits.
    """
    for size in TITLE_SIZES:
        lines = wrap(drawable(title, size), size)
        if len(lines) * _line_height(size) <= TITLE_BOX:
            return size, lines
    size = TITLE_SIZES[-1]
    lines = wrap(drawable(title, size), size)[:TITLE_BOX // _line_height(size)]
    lines[-1] = lines[-1].rstrip(".") + "..."
    return size, lines


@lru_cache(maxsize=512)
def draw(card: Card, pub: Publication) -> bytes:
    """The card as PNG bytes: site name, title and kicker on the site's indigo.

    Remembered per card, so ``make serve`` redraws only cards whose text changed
    (zlib's default level: ``optimize`` would triple the time for 4% smaller files).
    """
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 20, HEIGHT), fill=BAR)
    pen.text((MARGIN, 72), drawable(pub.name, 36), font=_font(36), fill=NAME_INK)
    size, lines = title_lines(card.title)
    for i, line in enumerate(lines):
        pen.text((MARGIN, TITLE_TOP + i * _line_height(size)), line, font=_font(size),
                 fill=TITLE_INK)
    pen.line((MARGIN, 520, MARGIN + 120, 520), fill=BAR, width=6)
    pen.text((MARGIN, 544), drawable(card.kicker, 34), font=_font(34), fill=KICKER_INK)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write_cards(site: Site, pub: Publication, site_dir: Path) -> list[Path]:
    """Draw the card of every page into ``site_dir/assets/cards``; return the paths."""
    folder = site_dir / CARDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in site.specs:
        card = card_for(site, spec)
        path = site_dir / card.path
        path.write_bytes(draw(card, pub))
        paths.append(path)
    return paths
