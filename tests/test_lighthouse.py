"""Lighthouse 12.2.3 (mobile preset) on five page types, served gzip-compressed as GitHub
Pages serves them: accessibility, best practices and SEO 100, performance at least 95.

Performance is simulated from the main-thread work Chromium does on this machine, so it
moves by several points between runs on a shared 2-core machine.  As Lighthouse's own
guidance on variability advises, a page below the bar is run twice more and judged by the
median of the three runs.  The scores go to ``test-artifacts/lighthouse.json``.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

pytestmark = pytest.mark.browser
LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "section": "sections/hype-vs-reality/", "glossary": "glossary/",
         "timeline": "timeline/", "sources": "sources/"}
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
ARTIFACTS = ROOT / "test-artifacts"


def lighthouse(url: str, out: Path) -> dict:
    """Run the Lighthouse CLI on ``url`` with Debian's Chromium; return its JSON report."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    run = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={flags}", "--only-categories=" + ",".join(MINIMUM)],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True,
        timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(out.read_text("utf-8"))


def failing_audits(report: dict) -> list[str]:
    """The audits that cost points, with their display values."""
    return [f"{key} ({audit['score']}) {audit.get('displayValue', '')}".strip()
            for key, audit in report["audits"].items()
            if audit.get("score") is not None and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]


def test_lighthouse_scores(base_url: str, tmp_path: Path) -> None:
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is missing: run `make test` or `make lighthouse` (npm ci)")
    scores: dict[str, dict[str, int]] = {}
    below = []
    for name, path in PAGES.items():
        runs = [lighthouse(base_url + path, tmp_path / f"{name}.json")]
        if round(runs[0]["categories"]["performance"]["score"] * 100) < MINIMUM["performance"]:
            runs += [lighthouse(base_url + path, tmp_path / f"{name}-{i}.json") for i in (2, 3)]
        report = sorted(runs, key=lambda r: r["categories"]["performance"]["score"])[len(runs) // 2]
        scores[name] = {k: round(c["score"] * 100) for k, c in report["categories"].items()}
        scores[name]["runs"] = len(runs)
        low = {k: v for k, v in scores[name].items() if k in MINIMUM and v < MINIMUM[k]}
        if low:
            below.append(f"{name}: {low}; audits: {failing_audits(report)}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "lighthouse.json").write_text(json.dumps(scores, indent=2) + "\n", "utf-8")
    assert below == []
