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
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..content.dates import parse_when
from ..render.site import PageSpec, Site
from .palette import NEUTRAL, CardPalette
from .publication import Publication

WIDTH, HEIGHT = 1200, 630
CARDS_DIR = "assets/cards/"
MARGIN, TEXT_WIDTH = 96, 1200 - 2 * 96
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
        "about": "What this site is, and how it checks facts",
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
def draw(card: Card, pub: Publication, colours: CardPalette = NEUTRAL) -> bytes:
    """The card as PNG bytes: site name, title and kicker in the theme's colours.

    Remembered per card, so ``make serve`` redraws only cards whose text changed
    (zlib's default level: ``optimize`` would triple the time for 4% smaller files).
    """
    image = Image.new("RGB", (WIDTH, HEIGHT), colours.background)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 20, HEIGHT), fill=colours.bar)
    pen.text((MARGIN, 72), drawable(pub.name, 36), font=_font(36), fill=colours.name_ink)
    size, lines = title_lines(card.title)
    for i, line in enumerate(lines):
        pen.text((MARGIN, TITLE_TOP + i * _line_height(size)), line, font=_font(size),
                 fill=colours.title_ink)
    pen.line((MARGIN, 520, MARGIN + 120, 520), fill=colours.bar, width=6)
    pen.text((MARGIN, 544), drawable(card.kicker, 34), font=_font(34), fill=colours.kicker_ink)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


_DRAWER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cards")


def draw_cards(site: Site, pub: Publication,
               colours: CardPalette = NEUTRAL) -> Future[list[tuple[str, bytes]]]:
    """Start drawing every page's card in a thread: ``(path, PNG bytes)`` for each.

    Pillow lets other threads run while it compresses, which is most of a card's time, so
    the cards are drawn while MkDocs builds the pages."""
    return _DRAWER.submit(lambda: [(c.path, draw(c, pub, colours))
                                   for c in (card_for(site, spec) for spec in site.specs)])


def write_drawn(drawn: list[tuple[str, bytes]], site_dir: Path) -> list[Path]:
    """Write cards drawn by :func:`draw_cards` under ``site_dir``; return the paths."""
    (site_dir / CARDS_DIR).mkdir(parents=True, exist_ok=True)
    paths = []
    for rel, png in drawn:
        (site_dir / rel).write_bytes(png)
        paths.append(site_dir / rel)
    return paths
