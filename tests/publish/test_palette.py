"""The social cards' colours come from the theme's palette stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.publish.palette import card_palette

from ..conftest import site_config

MATERIAL = Path(pytest.importorskip("material").__file__).parent / "templates"
CSS = "[data-md-color-primary=teal]{--md-primary-fg-color:#009485;" \
    "--md-primary-fg-color--dark:#007a6c}[data-md-color-accent=lime]{--md-accent-fg-color:#b9ff00}"


def test_card_colours_are_the_chosen_primary_and_accent() -> None:
    colours = card_palette(CSS, "teal", "lime")
    assert colours.background == "#007a6c"
    assert colours.bar == "#d8ff73"  # the accent at 55% over white
    assert colours.title_ink == "#ffffff"


def test_an_unknown_colour_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="the theme's palette has no colour 'purple'"):
        card_palette(CSS, "purple", "lime")


def test_the_sites_palette_is_in_the_installed_theme() -> None:
    scheme = site_config()["theme"]["palette"][0]
    (css,) = (MATERIAL / "assets" / "stylesheets").glob("palette.*.min.css")
    colours = card_palette(css.read_text("utf-8"), scheme["primary"], scheme["accent"])
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in vars(colours).values())
