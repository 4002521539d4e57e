"""Lighthouse mobile performance on every page type of the real site, median of runs.

The real site, as the benchmark has just built it, is served gzip-compressed, as GitHub
Pages serves it (``tests/serve.py``); Lighthouse 12.2.3 runs with its default mobile
settings (simulated slow 4G, 4x CPU slowdown).  The score moves by several points between
runs on a shared machine, so each page counts by the median of ``runs``.

For scale, the same runs on plain Material's build of the same rendered Markdown (without
our stylesheets, script or hooks): the smallest page there is what Material alone scores
on this machine, a floor that no page of ours can beat.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from typing import Any

from tests.lhrun import LIGHTHOUSE, PAGES, lighthouse, scores
from tests.serve import serve

METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")
FLOOR_PAGE = "reuse"  # the smallest page type


def _page(url: str, out: Path, runs: int) -> dict[str, Any]:
    reports = [lighthouse(url, out.with_name(f"{out.name}-{i}.json"), ("performance",))
               for i in range(runs)]
    values = [scores(r)["performance"] for r in reports]
    middle = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])
    audits = middle[len(middle) // 2]["audits"]
    return {"runs": values, "median": statistics.median(values),
            "metrics": {k: audits[k]["displayValue"].replace("\xa0", " ") for k in METRICS},
            "benchmark_index": [r["environment"]["benchmarkIndex"] for r in reports]}


def measure(site: Path, runs: int = 3, log: Any = None,
            plain_site: Path | None = None) -> dict[str, Any]:
    """Lighthouse on the built ``site``: ``{"pages": {name: {"runs", "median", "metrics"}}}``,
    and on ``plain_site``'s smallest page as ``floor`` when given."""
    if not LIGHTHOUSE.exists():
        return {"ok": False, "error": "Lighthouse is missing: run `make lighthouse` (npm ci)"}
    with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
        pages: dict[str, Any] = {}
        with serve(site) as url:
            for name, path in PAGES.items():
                pages[name] = _page(url + path, Path(tmp) / name, runs)
                if log:
                    log(f"lighthouse {name}: {pages[name]['runs']} "
                        f"(median {pages[name]['median']:g})")
        floor = None
        if plain_site is not None and (plain_site / PAGES[FLOOR_PAGE]).is_dir():
            with serve(plain_site) as url:
                floor = {"page": FLOOR_PAGE, **_page(url + PAGES[FLOOR_PAGE],
                                                     Path(tmp) / "floor", runs)}
            if log:
                log(f"lighthouse plain Material {FLOOR_PAGE}: {floor['runs']}")
    worst = min(pages, key=lambda n: pages[n]["median"])
    return {"ok": True, "runs": runs, "pages": pages, "worst": worst, "floor": floor}
