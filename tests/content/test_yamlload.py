"""The loader: line marks, and every kind of broken YAML reported without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros.content.yamlload import load_file, load_text

from ..conftest import content_errors


def messages(text: str) -> list[str]:
    return [str(p) for p in load_text("f.yml", text)[1]]


def test_spans_are_one_based_line_and_column() -> None:
    doc, problems = load_text("f.yml", "id: x\nlist:\n  - a\n  - b: 1\n")
    assert problems == []
    assert doc.data == {"id": "x", "list": ("a", {"b": 1})}
    assert (doc.span(("list", 1, "b")).line, doc.span(("list", 1, "b")).col) == (4, 8)
    assert doc.key_span(("list",)).line == 2


def test_duplicate_key_at_top_level() -> None:
    assert messages("id: a\ntitle: x\nid: b\n") == [
        "f.yml:3:1: id: duplicate key 'id' (first defined at line 1; each key may appear once, "
        "so remove or merge one)"]


def test_duplicate_key_deep_inside_a_list() -> None:
    text = "claims:\n  - id: a\n    verdict: false\n    verdict: supported\n"
    assert messages(text) == [
        "f.yml:4:5: claims[0].verdict: duplicate key 'verdict' (first defined at line 3; each key "
        "may appear once, so remove or merge one)"]


def test_syntax_error_names_line_and_column() -> None:
    (message,) = messages("id: a\ntitle: x: y\nbody: x\n")
    assert message.startswith("f.yml:2:9: (file): YAML syntax error:")


def test_unclosed_bracket_names_where_it_opened() -> None:
    assert messages("id: a\ntitle: [unclosed\nbody: x\n") == [
        "f.yml:2:8: (file): unclosed [ starting here (the YAML parser noticed at line 3; "
        "close it with ])"]


def test_unclosed_quote_inside_a_bracket() -> None:
    assert messages("id: a\nsources: [a, 'b\nbody: x\n") == [
        "f.yml:2:14: (file): unclosed quoted text starting here (the YAML parser noticed at "
        "line 4; end the text with ' on this line)"]


def test_quoted_text_over_several_lines_is_not_blamed() -> None:
    assert messages('id: a\ntitle: "two\n  lines"\nbody: [x\nend: y\n') == [
        "f.yml:4:7: (file): unclosed [ starting here (the YAML parser noticed at line 5; "
        "close it with ])"]


def test_tab_indentation_says_to_use_spaces() -> None:
    (message,) = messages("id: a\nlist:\n\t- x\n")
    assert message.startswith("f.yml:3:1: (file): YAML syntax error:")
    assert "indent with spaces, not tabs" in message


def test_empty_file() -> None:
    assert messages("# only a comment\n") == [
        "f.yml:1:1: (file): file is empty (expected a mapping of fields)"]


def test_aliases_are_refused_so_no_billion_laughs() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    problems = load_text("f.yml", bomb)[1]
    assert problems and all("aliases (*name) are not allowed" in p.message for p in problems)
    assert (problems[0].line, problems[0].col, problems[0].field) == (2, 8, "b[0]")


def test_python_tags_are_refused() -> None:
    assert messages("id: !!python/object/apply:os.system ['echo hi']\n") == [
        "f.yml:1:5: id: unsupported tag tag:yaml.org,2002:python/object/apply:os.system "
        "(only plain YAML: text, numbers, true/false, dates, lists and mappings)"]


def test_deep_nesting_is_bounded() -> None:
    problems = load_text("f.yml", "a: " + "[" * 200 + "]" * 200 + "\n")[1]
    assert problems and "nesting is deeper than 32 levels" in problems[0].message


def test_dates_stay_text() -> None:
    doc, _ = load_text("f.yml", "date: 2025-01-20\nn: 3\nflag: true\n")
    assert doc.data == {"date": "2025-01-20", "n": 3, "flag": True}


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(b"id: a\ntitle: caf\xe9\n")
    assert [str(p) for p in load_file(path, "f.yml")[1]] == [
        "f.yml:2:11: (file): byte 0xe9 is not valid UTF-8 (save the file as UTF-8)"]


@pytest.mark.parametrize("raw", [b"\xef\xbb\xbfid: a\r\ntitle: b\r\n", b"id: a\r\ntitle: b\r\n"])
def test_bom_and_crlf_are_harmless(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "f.yml"
    path.write_bytes(raw)
    doc, problems = load_file(path, "f.yml")
    assert problems == [] and doc.data == {"id": "a", "title": "b"}
    assert doc.span(("title",)).line == 2


CONTENT_FILES = ["home.yml", "glossary.yml", "timeline.yml", "sources.yml", "sections/*.yml"]


@pytest.mark.parametrize("pattern", CONTENT_FILES)
def test_unclosed_quote_in_each_kind_of_content_file(project: Path, pattern: str) -> None:
    path = sorted((project / "content").glob(pattern))[0]
    lines = path.read_text("utf-8").split("\n")
    lines.insert(2, 'broken: "unclosed')
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as info:
        yaml.compose("\n".join(lines), Loader=yaml.SafeLoader)
    noticed = info.value.problem_mark.line + 1
    assert noticed > 3  # libyaml notices later than where the quote opened
    shown = path.relative_to(project).as_posix()
    errors = [e for e in content_errors(project / "content") if e.startswith(shown + ":")]
    assert errors == [
        f"{shown}:3:9: (file): unclosed quoted text starting here (the YAML parser noticed "
        f'at line {noticed}; end the text with " on this line)']
