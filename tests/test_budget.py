"""Reader side: each page type stays within a phone-friendly byte budget.

HTML plus every local stylesheet and script a page loads, gzip-compressed, must stay within
150 KB (the search index is fetched only on search, so it is not counted).  Any image must
declare its size and load lazily, so pages do not jump or fetch off-screen images.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .budget import BUDGET_BYTES, PAGE_TYPES, page_budget, site_budgets


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


@pytest.fixture(scope="module")
def budgets(site: Path) -> dict:
    """Every page type's budget, measured once."""
    return {b.name: b for b in site_budgets(site)}


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_page_type_within_budget(budgets: dict, page_type: str) -> None:
    assert page_type in budgets, f"no built page for page type {page_type!r}"
    b = budgets[page_type]
    assert not b.missing, f"{b.path} references assets that are not in the site: {b.missing}"
    assert b.total_gzip <= BUDGET_BYTES, (
        f"{page_type} page {b.path} transfers {_kb(b.total_gzip)} gzipped, over the "
        f"{_kb(BUDGET_BYTES)} budget: HTML {_kb(b.html_gzip)} ({_kb(b.html_bytes)} raw), "
        f"CSS {_kb(b.css_gzip)}, JS {_kb(b.js_gzip)} from {b.assets}")


def test_every_section_within_budget(site: Path) -> None:
    over = []
    for page in sorted(site.glob("sections/*/index.html")):
        b = page_budget(site, page)
        if b.total_gzip > BUDGET_BYTES:
            over.append(f"{b.path}: {_kb(b.total_gzip)}")
    assert not over, f"section pages over the {_kb(BUDGET_BYTES)} budget: {over}"


def test_images_sized_and_lazy(site: Path) -> None:
    bad = []
    for page in sorted(site.rglob("*.html")):
        b = page_budget(site, page)
        bad += [f"{b.path}: <img src={src!r}>" for src in b.bad_images]
    assert not bad, ("images without width, height and loading=\"lazy\" (they make the page "
                     f"jump and load off-screen): {bad}")
