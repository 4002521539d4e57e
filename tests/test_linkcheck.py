"""The weekly external link check, run here against a local server so that it can fail."""

from __future__ import annotations

from pathlib import Path

from .linkcheck import check, external_links
from .serve import serve


def test_link_check_reports_gone_links_and_passes_live_ones(tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()
    (target / "live.html").write_text("<!doctype html><title>live</title>")
    with serve(target) as url:
        site = tmp_path / "site"
        site.mkdir()
        (site / "index.html").write_text(
            f'<a href="{url}live.html#part">live</a> <a href="{url}gone.html">gone</a> '
            f'<a href="../local/">local</a> <a href="mailto:x@example.org">mail</a>')
        assert sorted(external_links(site)) == [f"{url}gone.html", f"{url}live.html"]
        broken, refused = check(site)
    assert broken == [f"404: {url}gone.html (on index.html)"]
    assert refused == []
