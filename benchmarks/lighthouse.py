"""Lighthouse mobile performance on the five page types of the real site, median of runs.

The real site, as the benchmark has just built it, is served gzip-compressed, as GitHub
Pages serves it (``tests/serve.py``); Lighthouse 12.2.3 runs with its default mobile
settings (simulated slow 4G, 4x CPU slowdown).  The score moves by several points between
runs on a shared machine, so each page counts by the median of ``runs``.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from typing import Any

from tests.lhrun import LIGHTHOUSE, PAGES, lighthouse, scores
from tests.serve import serve


def measure(site: Path, runs: int = 3, log: Any = None) -> dict[str, Any]:
    """Lighthouse on the built ``site``: ``{"pages": {name: {"runs", "median", "metrics"}}}``."""
    if not LIGHTHOUSE.exists():
        return {"ok": False, "error": "Lighthouse is missing: run `make lighthouse` (npm ci)"}
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        pages: dict[str, Any] = {}
        with serve(site) as url:
            for name, path in PAGES.items():
                reports = [lighthouse(url + path, Path(tmp) / f"{name}-{i}.json", ("performance",))
                           for i in range(runs)]
                values = [scores(r)["performance"] for r in reports]
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
