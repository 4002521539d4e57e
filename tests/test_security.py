"""Content is inert: what an editor writes never reaches a reader as live code.

The built-site scan (``sitescan.py``) runs on the real site, is shown to catch each kind
of planted fault, and runs again on a build whose content is full of injections.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from macros.publish.csp import inline_code, source_hash

from .conftest import ROOT, TEST_REPO_URL, edit, run_build, section_url
from .sitescan import allowed_urls, scan

THEME_CREDIT = "https://squidfunk.github.io/mkdocs-material/"
OWN = ("http://127.0.0.1:8000/", TEST_REPO_URL, THEME_CREDIT)


def findings(site: Path, content: Path = ROOT / "content") -> list[str]:
    return [str(f) for f in scan(site, allowed_urls(content), OWN)]


def test_built_site_has_only_allowed_scripts_and_origins(site: Path) -> None:
    assert findings(site) == []


@pytest.mark.parametrize(("markup", "expected"), [
    ('<script src="https://cdn.example.com/x.js"></script>',
     "script not in the allowlist: https://cdn.example.com/x.js"),
    ("<script>alert(1)</script>", "inline script not in the allowlist"),
    ('<img src="x.png" alt="" onerror="alert(1)">', "<img onerror=...> event handler"),
    ('<p style="position:fixed">x</p>', "<p style=...> attribute"),
    ('<iframe title="x" src="../"></iframe>', "<iframe> element"),
    ('<a href="javascript:alert(1)">x</a>', "<a href='javascript:alert(1)'> unsafe URL"),
    ('<a href="https://unknown.example.org/">x</a>',
     "<a> to an external address not in content/: https://unknown.example.org/"),
    ('<script type="application/ld+json">{oops</script>', "application/ld+json block is not valid"),
    ('<meta http-equiv="refresh" content="0">',
     "2 http-equiv meta tags (expected one Content-Security-Policy)"),
])
def test_scan_catches_a_planted_fault(site: Path, tmp_path: Path, markup: str,
                                      expected: str) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "copy"))
    page = copy / "timeline" / "index.html"
    edit(page, "</article>", markup + "</article>")
    found = findings(copy)
    assert len(found) == 1 and found[0].startswith("timeline/index.html: " + expected), found


FIRST = f"content/{section_url().rstrip('/')}.yml"  # a real section's file
CLAIMS = f"content/{section_url('claims').rstrip('/')}.yml"  # one with claims and figures
@pytest.mark.parametrize(("old", "new", "expected"), [
    ("script-src 'self'", "script-src 'self' 'unsafe-inline'", "script-src allows 'unsafe-inline'"),
    ("object-src 'none'", "object-src 'self'", "Content-Security-Policy lacks object-src 'none'"),
    ("hash of the page's last inline script", "", "Content-Security-Policy lacks the hash of"),
])
def test_scan_catches_a_weakened_policy(site: Path, tmp_path: Path, old: str, new: str,
                                        expected: str) -> None:
    copy = Path(shutil.copytree(site, tmp_path / "copy"))
    page = copy / "timeline" / "index.html"
    if old.startswith("hash of"):
        old = " " + source_hash(inline_code(page.read_text("utf-8"))[0][-1])
    edit(page, old, new)
    found = findings(copy)
    assert len(found) == 1 and found[0].startswith("timeline/index.html: " + expected), found


INJECTIONS = [
    # (file, field whose first occurrence gets the text planted in front of its value)
    (FIRST, "summary", "<script>alert('summary')</script>"),
    (FIRST, "body",
     "{{ 7*7 }} {% raw %} <iframe src=\"https://evil.example/\"></iframe> "
     "<img src=x onerror=alert(1)> <p style=\"color:red\">styled</p> <style>p{}</style>"),
    ("content/glossary.yml", "short", "<b onmouseover=alert(1)>hover</b>"),
    ("content/glossary.yml", "body", "<form action=https://evil.example/><button>Go</button></form>"),
    ("content/timeline.yml", "description", "<svg onload=alert(1)></svg> {{ config }}"),
    ("content/sources.yml", "note", "<object data=x></object>"),
    (CLAIMS, "reason", "<a href=javascript:alert(1)>x</a>"),
    (CLAIMS, "caption", "<embed src=x>"),
]


def plant_text(text: str, field: str, planted: str) -> str:
    """Put ``planted`` at the start of the first ``field:`` value, whatever its YAML style."""
    match = re.search(rf"^(\s*(?:- )?){field}: (.*)$", text, re.M)
    assert match, field
    value = match.group(2)
    if value.startswith((">", "|")):
        after = text.index("\n", match.end()) + 1
        indent = re.match(r"\s*", text[after:]).group(0)
        return text[:after] + indent + planted + "\n" + indent + "\n" * value.startswith("|") \
            + text[after:]
    quoted = "'" + (planted + " " + value.strip("'\"")).replace("'", "''") + "'"
    return text[:match.start(2)] + quoted + text[match.end(2):]


def test_injections_everywhere_stay_inert(project: Path, tmp_path: Path) -> None:
    for name, field, planted in INJECTIONS:
        path = project / name
        path.write_text(plant_text(path.read_text("utf-8"), field, planted), "utf-8")
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert findings(out, project / "content") == []
    page = (out / section_url() / "index.html").read_text("utf-8")
    assert "{{ 7*7 }} {% raw %} &lt;iframe" in page
    described = re.search(r'<meta name="description" content="([^"]*)"', page).group(1)
    assert "<script>" in unescape(described) and "<" not in described
    for _, _, planted in INJECTIONS:
        for tag in re.findall(r"<(\w+)", planted):
            assert f"&lt;{tag}" in "".join(p.read_text("utf-8") for p in out.rglob("*.html")), tag


def test_html_in_a_page_title_is_refused(project: Path, tmp_path: Path) -> None:
    path = project / FIRST
    path.write_text(plant_text(path.read_text("utf-8"), "title", "<script>alert(1)</script>"))
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(rf"{re.escape(FIRST)}:\d+:\d+: title: a page title cannot "
                     r"contain '<' or '>' \(write them in words\)", result.stdout + result.stderr)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox"])
def test_unsafe_link_schemes_fail_the_build(project: Path, tmp_path: Path, url: str) -> None:
    edit(project / FIRST, "body: |\n",
         f"body: |\n  See [this]({url}).\n\n")
    result = run_build(project, tmp_path / "out")
    assert result.returncode != 0
    scheme = url.split(":", 1)[0]
    assert re.search(rf"{re.escape(FIRST)}:\d+:\d+: body: link '{re.escape(url)}' "
                     rf"uses {scheme}: \(only http\(s\) or site-relative links\)",
                     result.stdout + result.stderr)
