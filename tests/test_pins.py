"""requirements.txt is requirements.in compiled with hashes (``make pin``), so that
``pip install --require-hashes`` checks every file; an edit to one without the other fails."""

from __future__ import annotations

import re

from .conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", re.M)


def normal(name: str) -> str:
    """A package name as pip compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    return {normal(name): version for name, version in PIN.findall(text)}


def test_every_pin_in_requirements_in_is_compiled_with_hashes() -> None:
    wanted = pins((ROOT / "requirements.in").read_text("utf-8"))
    text = (ROOT / "requirements.txt").read_text("utf-8")
    compiled = pins(text)
    assert {k: v for k, v in wanted.items() if compiled.get(k) != v} == {}, "run `make pin`"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n\n", 1)[-1])
    unhashed = [b.split(" ", 1)[0] for b in blocks if PIN.match(b) and "--hash=sha256:" not in b]
    assert unhashed == []


def test_make_installs_with_require_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "--require-hashes -r requirements.txt" in makefile
