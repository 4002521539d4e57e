"""The theme environment lists no hidden directory, and MkDocs copies the same theme files.

MkDocs drops every theme file whose path has a part that starts with a dot, so a listing
that never walks into such a directory (Material's ``.icons``) must give the same files.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from macros.publish.theme_env import VisibleFileSystemLoader, without_hidden_listing

from ..conftest import ROOT


def _theme_files(config: object, env: jinja2.Environment) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(env, config)  # type: ignore[arg-type]
    return [(f.src_uri, f.abs_src_path or "") for f in files]


def test_mkdocs_copies_the_same_theme_files(tmp_path: Path) -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    stock = config.theme.get_env()
    visible = without_hidden_listing(config.theme.get_env)()
    assert type(stock.loader) is jinja2.FileSystemLoader
    assert type(visible.loader) is VisibleFileSystemLoader
    hidden = [n for n in stock.list_templates() if "/." in f"/{n}"]
    assert hidden, "the theme has no hidden directory: this test would prove nothing"
    assert visible.list_templates() == [n for n in stock.list_templates()
                                        if not any(p.startswith(".") for p in n.split("/")[:-1])]
    assert _theme_files(config, visible) == _theme_files(config, stock)


def test_hidden_templates_still_load(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "icon.svg").write_text("<svg/>", "utf-8")
    (tmp_path / "shown.html").write_text("{% include '.hidden/icon.svg' %}", "utf-8")
    (tmp_path / ".dotfile.css").write_text("a{}", "utf-8")
    env = without_hidden_listing(
        lambda: jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path))))()
    assert env.list_templates() == [".dotfile.css", "shown.html"]
    assert env.get_template("shown.html").render() == "<svg/>"


def test_other_loaders_are_left_alone() -> None:
    loader = jinja2.DictLoader({"a.html": "a"})
    env = without_hidden_listing(lambda: jinja2.Environment(loader=loader))()
    assert env.loader is loader
