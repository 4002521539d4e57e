"""The social cards' colours, taken from the theme's palette.

The theme publishes its colours as CSS custom properties (Material for MkDocs: one rule
per colour name, ``[data-md-color-primary=indigo]{--md-primary-fg-color--dark:#303fa1}``).
The glue hands this module that stylesheet and the names chosen in ``mkdocs.yml``; the
cards then use the same primary and accent as the pages, and nothing copies a hex value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CardPalette:
    """Every colour a card is drawn with."""

    background: str  # the theme's dark primary
    bar: str  # the accent: the side bar and the rule
    title_ink: str
    name_ink: str  # softer than the title: the site's name
    kicker_ink: str  # the line under the title


def _mix(top: str, under: str, share: float) -> str:
    """``top`` laid over ``under`` at opacity ``share`` (both ``#rrggbb``)."""
    a, b = bytes.fromhex(top[1:]), bytes.fromhex(under[1:])
    return "#" + bytes(round(x * share + y * (1 - share)) for x, y in zip(a, b, strict=True)).hex()


def _variable(css: str, attribute: str, name: str, variable: str) -> str | None:
    for rule in re.findall(rf"\[data-md-color-{attribute}={re.escape(name)}\]\{{([^}}]*)\}}", css):
        match = re.search(rf"{re.escape(variable)}:(#[0-9a-fA-F]{{6}})(?![0-9a-fA-F])", rule)
        if match:
            return match.group(1).lower()
    return None


def card_palette(css: str, primary: str, accent: str) -> CardPalette:
    """The cards' colours from the theme's palette stylesheet and the chosen names.

    Raises ``ValueError`` naming the colour when the stylesheet does not define it.
    """
    background = _variable(css, "primary", primary, "--md-primary-fg-color--dark")
    bar = _variable(css, "accent", accent, "--md-accent-fg-color")
    if background is None or bar is None:
        missing = primary if background is None else accent
        raise ValueError(f"the theme's palette has no colour '{missing}' (see mkdocs.yml "
                         "theme.palette)")
    white = "#ffffff"
    return CardPalette(background, _mix(bar, white, 0.55), white, _mix(white, background, 0.8),
                       _mix(white, background, 0.9))


# Used when no theme palette is given (tests and tools that draw a card on their own).
NEUTRAL = CardPalette("#303030", "#9e9e9e", "#ffffff", "#d6d6d6", "#eaeaea")
