"""Run Lighthouse 12.2.3 (pinned in tests/lighthouse/) on a URL with Debian's Chromium.

Shared by the accessibility/best-practice/SEO gate in ``test_lighthouse.py`` and the
performance targets in ``make bench`` (performance is a speed figure, so it is measured
there, as a median of runs, rather than asserted in a test).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, section_url

LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
# Every page type of the site: the first section without a data figure stands for the
# sections, and the section with the most data figures for a page with charts.
PAGES = {"home": "", "section": section_url("text"), "charts": section_url("charts"),
         "glossary": "glossary/", "whos-who": "whos-who/", "timeline": "timeline/",
         "sources": "sources/", "reuse": "reuse/"}


def lighthouse(url: str, out: Path, categories: tuple[str, ...]) -> dict:
    """Run the Lighthouse CLI (mobile preset) on ``url``; return its JSON report."""
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError("Lighthouse is missing: run `make lighthouse` (npm ci)")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    run = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={flags}", "--only-categories=" + ",".join(categories)],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True,
        timeout=240)
    if run.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}: {run.stderr[-2000:]}")
    return json.loads(out.read_text("utf-8"))


def scores(report: dict) -> dict[str, int]:
    """Category scores out of 100."""
    return {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}


def failing_audits(report: dict) -> list[str]:
    """The audits that cost points, with their display values."""
    return [f"{key} ({audit['score']}) {audit.get('displayValue', '')}".strip()
            for key, audit in report["audits"].items()
            if audit.get("score") is not None and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
