"""Random edits of real content files never raise anything but our own ContentError."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.content.errors import ContentError
from macros.content.load import load_content
from macros.render.site import render_site

ROOT = Path(__file__).resolve().parents[2]
FILES = ["sections/hype-vs-reality.yml", "glossary.yml", "timeline.yml", "sources.yml",
         "home.yml"]
NOISE = st.sampled_from(["", ":", "- ", "\t", "  ", "\n", "[", "]", "{", "}", "&a ", "*a",
                         "!!python/object ", "\"", "'", "#", "[[", "]]", "[@", "<script>",
                         "{{ 7*7 }}", "2025-02-30", "\xff", "\x00", "id: x\n", "é"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES), cut=st.floats(0, 1), noise=st.lists(NOISE, max_size=4),
       drop=st.integers(0, 40))
def test_random_edits_only_raise_content_errors(tmp_path_factory, name: str, cut: float,
                                                noise: list[str], drop: int) -> None:
    content = Path(shutil.copytree(ROOT / "content", tmp_path_factory.mktemp("c") / "content"))
    path = content / name
    text = path.read_text("utf-8")
    at = int(len(text) * cut)
    path.write_text(text[:at] + "".join(noise) + text[at + drop:], "utf-8")
    try:
        render_site(load_content(content, content.parent))
    except ContentError as err:
        assert err.problems and all(p.line >= 1 and p.col >= 1 for p in err.problems)
