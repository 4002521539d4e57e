"""Lighthouse mobile performance on the five page types of the real site, median of runs.

The site is built with ``mkdocs build --strict`` and served gzip-compressed, as GitHub
Pages serves it (``tests/serve.py``); Lighthouse 12.2.3 runs with its default mobile
settings (simulated slow 4G, 4x CPU slowdown).  The score moves by several points between
runs on a shared machine, so each page counts by the median of ``runs``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.lhrun import LIGHTHOUSE, PAGES, lighthouse
from tests.serve import serve

from .synth import ROOT


def measure(runs: int = 3, log: Any = None) -> dict[str, Any]:
    """``{"pages": {name: {"runs": [...], "median": n, "metrics": {...}}}, "worst": ...}``."""
    if not LIGHTHOUSE.exists():
        return {"ok": False, "error": "Lighthouse is missing: run `make lighthouse` (npm ci)"}
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                        "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
                       cwd=ROOT, check=True, capture_output=True, timeout=300)
        pages: dict[str, Any] = {}
        with serve(site) as url:
            for name, path in PAGES.items():
                reports = [lighthouse(url + path, Path(tmp) / f"{name}-{i}.json", ("performance",))
                           for i in range(runs)]
                values = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
                middle = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])
                audits = middle[len(middle) // 2]["audits"]
                pages[name] = {
                    "runs": values, "median": statistics.median(values),
                    "metrics": {k: audits[k]["displayValue"].replace("\xa0", " ") for k in (
                        "first-contentful-paint", "largest-contentful-paint",
                        "total-blocking-time", "cumulative-layout-shift", "speed-index")},
                    "benchmark_index": [r["environment"]["benchmarkIndex"] for r in reports],
                }
                if log:
                    log(f"lighthouse {name}: {values} (median {pages[name]['median']:g})")
    worst = min(pages, key=lambda n: pages[n]["median"])
    return {"ok": True, "runs": runs, "pages": pages, "worst": worst}
