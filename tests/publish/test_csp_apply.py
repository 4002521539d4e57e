"""apply_csp: one policy from every page's inline code, written into each page, or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.publish.csp import CHARSET, apply_csp, meta_tag, source_hash

PAGES = {
    "index.html": f"<head>{CHARSET}<script>a()</script></head><body></body>",
    "x/index.html": f"<head>{CHARSET}<style>p{{}}</style></head>"
                    '<script type="application/ld+json">{}</script><script src="s.js"></script>',
}


def write(site: Path, pages: dict[str, str]) -> None:
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(html, "utf-8")


def test_every_page_gets_one_policy_for_all_inline_code(tmp_path: Path) -> None:
    write(tmp_path, PAGES)
    text = apply_csp(tmp_path)
    assert f"script-src 'self' {source_hash('a()')};" in text
    assert f"style-src 'self' {source_hash('p{}')};" in text
    for name, html in PAGES.items():
        assert (tmp_path / name).read_text("utf-8") == html.replace(
            CHARSET, f"{CHARSET}\n  {meta_tag(text)}", 1)


def test_a_page_without_a_charset_stops_before_any_page_changes(tmp_path: Path) -> None:
    pages = {**PAGES, "b/index.html": "<head><script>b()</script></head>"}
    write(tmp_path, pages)
    with pytest.raises(ValueError) as err:
        apply_csp(tmp_path)
    assert str(err.value) == f"no {CHARSET} to put the Content-Security-Policy after in: " \
        "b/index.html"
    assert {n: (tmp_path / n).read_text("utf-8") for n in pages} == pages
