"""IBM Equal Access's checker, a second accessibility engine beside axe-core.

Every page in the sitemap, in both palettes, has no violation beyond ``checks.ACE_ALLOWED``
(Material's own markup and one WCAG exemption, each by rule and element with the reason),
and the check is shown to catch a planted fault.  The engine is injected with
``page.evaluate``, which the pages' Content-Security-Policy does not govern.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .checks import COLOR_SCHEMES, ace_violations, recorded
from .conftest import edit, sitemap_paths
from .serve import serve

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("scheme", list(COLOR_SCHEMES))
def test_every_page_passes_ibm_equal_access(browser, site: Path, base_url: str,
                                            scheme: str) -> None:
    problems = []
    for path in sitemap_paths(site):
        with recorded(browser, base_url, color_scheme=scheme, **DESKTOP) as (page, _):
            page.goto(base_url + path, wait_until="networkidle")
            problems += [f"/{path}: {v}" for v in ace_violations(page)]
    assert problems == []


def test_ibm_checker_catches_a_planted_fault(browser, site: Path, tmp_path: Path) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "planted"))
    edit(copy / "reuse" / "index.html", "</article>",
         '<p><input type="text" id="planted"></p></article>')
    with serve(copy) as url, recorded(browser, url, **DESKTOP) as (page, _):
        page.goto(url + "reuse/", wait_until="networkidle")
        found = ace_violations(page)
    assert found and all('id="planted"' in v for v in found), found
    assert any(v.startswith("input_label_exists: ") for v in found), found
