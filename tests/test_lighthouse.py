"""Lighthouse 12.2.3 (mobile preset) on five page types, served gzip-compressed as GitHub
Pages serves them: accessibility, best practices and SEO must each score 100.

These three are checks of the markup and do not move between runs.  Performance is a speed
figure that moves by several points with the load on the machine; following DEVELOPERS.md
("speed targets belong in make bench, not in timed tests"), ``make bench`` measures it as
the median of three runs per page.  The scores go to ``test-artifacts/lighthouse.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT
from .lhrun import PAGES, failing_audits, lighthouse, scores

pytestmark = pytest.mark.browser
CATEGORIES = ("accessibility", "best-practices", "seo")
ARTIFACTS = ROOT / "test-artifacts"


def test_lighthouse_accessibility_best_practices_and_seo(base_url: str, tmp_path: Path) -> None:
    results, below = {}, []
    for name, path in PAGES.items():
        report = lighthouse(base_url + path, tmp_path / f"{name}.json", CATEGORIES)
        results[name] = scores(report)
        if any(v < 100 for v in results[name].values()):
            below.append(f"{name}: {results[name]}; audits: {failing_audits(report)}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    assert below == []
