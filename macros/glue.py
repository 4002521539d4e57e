"""The thin MkDocs layer: build the site model, generate pages, set nav and edit links.

MkDocs loads ``macros/hooks.py``, which re-exports the event handlers defined here.
The engine itself never imports MkDocs.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
import mkdocs_macros.context
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .content.cache import ContentCache
from .content.errors import ContentError
from .publish.cards import draw_cards, write_drawn
from .publish.csp import apply_csp
from .publish.export import write_exports
from .publish.feed import atom_feed
from .publish.figure_csv import write_figure_csvs
from .publish.git_memo import memoized
from .publish.llms import llms_txt
from .publish.palette import NEUTRAL, CardPalette, card_palette
from .publish.publication import Publication, page_description
from .publish.repository import git_repo_url
from .publish.search_index import SearchMemory, attach, give_back
from .publish.social import page_head
from .publish.stamps import build_stamp
from .publish.theme_env import TemplateBytecode, without_hidden_listing
from .render.downloads import FEED_PATH, LLMS_PATH
from .render.rawblocks import RawBlocksExtension
from .render.site import PageSpec, Site, build_site
from .render.xref.fragments import FragmentCache, remember_fragments
from .render.xref.inline_steps import InlineStepsExtension

_INCLUDED, _NOT_IN_NAV = InclusionLevel.UNDEFINED, InclusionLevel.NOT_IN_NAV
# One instance for the process, so that the serve cache's key (which names the extensions)
# stays the same from one rebuild to the next.
RAW_BLOCKS = RawBlocksExtension()
INLINE_STEPS = InlineStepsExtension()
_current: dict[str, Any] = {}  # the site and its Publication, set by on_config
# Under ``mkdocs serve``: what one rebuild may reuse from the last (set by on_startup).
_serving: dict[str, Any] = {}


def page_markdown(key: str) -> str:
    """The rendered Markdown of page ``key`` (the ``explainer_page`` macro).

    A build asks for each page once, and the macro's output is a copy: the engine's is let
    go here (at 100x, 70 MB of UTF-8).  A serve keeps it, as the next rebuild may reuse it.
    """
    pages = _current["site"].pages
    markdown: str = pages[key] if _serving else pages.pop(key)
    return markdown


def _project_dir(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def _src_uri(spec: PageSpec) -> str:
    return "index.md" if not spec.url else spec.url.rstrip("/") + ".md"


class _Warnings(logging.Handler):
    """Counts MkDocs's warnings, so that only a page rendered without one is kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


# What Python-Markdown leaves on a page besides its HTML (see mkdocs.structure.pages.Page.render).
_RENDERED = ("toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve``, keep parsed content files, pages rendered from unchanged
    Markdown, compiled templates and mkdocs-macros' git answers between rebuilds;
    ``mkdocs build`` always starts clean.
    The served preview carries no Content-Security-Policy: MkDocs injects its live-reload
    script inline on every response."""
    _current["serve"] = command == "serve"
    gc.unfreeze()  # a build that failed after on_config never reached on_post_build
    if "warnings" in _serving:
        logging.getLogger("mkdocs").removeHandler(_serving["warnings"])
    _serving.clear()
    if command == "serve":
        warnings = _Warnings()
        logging.getLogger("mkdocs").addHandler(warnings)
        _serving.update(content=ContentCache(), pages={}, bytecode=TemplateBytecode(),
                        warnings=warnings, reused=0, used=set(), search=SearchMemory(),
                        fragments=FragmentCache(), exports={})
    remember_fragments(_serving.get("fragments"))
    # mkdocs-macros' ``git`` variable: a serve reads git again only when the refs change.
    read = getattr(mkdocs_macros.context, "get_git_info", None)
    if read is not None:  # else this mkdocs-macros reads git elsewhere: left alone
        read = getattr(read, "__wrapped__", read)
        mkdocs_macros.context.get_git_info = memoized(read) if _serving else read


# How often ``mkdocs serve`` looks for saved files. MkDocs polls every 0.5 s, which alone
# adds 0.25 s on average to every edit. One poll of the site's forty-odd watched files and
# folders takes about 0.5 ms here: an idle ``make serve`` uses 5% of a core.
POLL_S = 0.05
# How long MkDocs waits after a change for more changes before it rebuilds (its own: 0.1 s).
# A poll reports every change it found at once, so a short wait still catches them all.
BUILD_DELAY_S = 0.02


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Poll the watched files every ``POLL_S`` seconds instead of MkDocs's 0.5 s, and
    rebuild ``BUILD_DELAY_S`` after a change instead of 0.1 s.

    MkDocs fixes the interval when it creates the server, so the paths watched so far move
    to a faster observer of the same kind (and ``watch:`` paths, added after this hook,
    follow). Left as it is if this MkDocs keeps its watches differently.
    """
    if isinstance(getattr(server, "build_delay", None), float):
        server.build_delay = BUILD_DELAY_S
    watched = getattr(server, "_watched_paths", None)
    observer = getattr(server, "observer", None)
    if not isinstance(watched, dict) or observer is None or observer.is_alive():
        return server
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = type(observer)(timeout=POLL_S)
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return server


def on_env(env: jinja2.Environment, config: Any, files: Files) -> jinja2.Environment:
    """Reuse the templates compiled by the last rebuild (serve only)."""
    if _serving:
        env.bytecode_cache = _serving["bytecode"]
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    """Serve only: a page whose Markdown, address, files and extensions are those of a
    page rendered before skips Python-Markdown (its HTML comes back in on_page_content)."""
    if not _serving:
        return markdown
    made = _current.get("setup")
    if made is None or made[0] is not files or made[1] is not config:  # once per build
        made = _current["setup"] = (files, config, repr((
            config.markdown_extensions, config.mdx_configs, sorted(f.src_uri for f in files))))
    setup = made[2]
    key = hashlib.blake2b(f"{page.file.src_uri}\0{setup}\0{markdown}".encode(),
                          digest_size=20).digest()
    page.explainer_render = (key, _serving["warnings"].count)
    _serving["used"].add(key)
    return "" if key in _serving["pages"] else markdown


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    """Serve only: restore a kept page, or keep this one if it rendered without warnings.

    A build lets go of the page's Markdown once it is HTML: nothing reads it again, and
    otherwise every page's would be held until the build ends.
    """
    if not _serving:
        page.markdown = None
        return html
    key, warned = getattr(page, "explainer_render", (None, 0))
    kept = _serving.get("pages", {}).get(key)
    if kept is not None:
        _serving["reused"] += 1
        for name, value in zip(_RENDERED, kept[1:], strict=True):
            setattr(page, name, value)
        restored: str = kept[0]
        return restored
    if key is not None and _serving["warnings"].count == warned:
        _serving["pages"][key] = (html, *(getattr(page, n, None) for n in _RENDERED))
    return html


def on_config(config: Any) -> Any:
    """Load and render all content; stop the build with every content error at once."""
    project = _project_dir(config)
    config.theme.get_env = without_hidden_listing(config.theme.get_env)
    if not config.repo_url:
        config.repo_url = git_repo_url(project)
    try:
        site = build_site(project, config.site_url or "", config.site_name,
                          config.repo_url or "", _serving.get("content"))
    except ContentError as err:
        raise PluginError(str(err)) from None
    if not _serving:
        # mkdocs build: the model lives until on_post_build; the collector need not walk
        # its millions of objects again at every pass (100x: 83 s to 80 s).
        gc.freeze()
    _current.update(site=site, pub=_publication(config), colours=_card_colours(config))
    _current["cards"] = draw_cards(site, _current["pub"], _current["colours"])
    config.nav = [{spec.title: _src_uri(spec)} for spec in site.specs if spec.listed]
    # Last, after every extension that adds inline patterns (see inline_steps).
    config.markdown_extensions.extend([RAW_BLOCKS, INLINE_STEPS])
    return config


def _publication(config: Any) -> Publication:
    return Publication.of(config.site_name, config.site_description or "",
                          config.site_url or "http://127.0.0.1:8000/")


def _card_colours(config: Any) -> CardPalette:
    """The social cards' colours from the theme's palette (its first scheme's names)."""
    palette = config.theme.get("palette") or {}
    scheme: dict[str, Any] = (palette[0] if palette else {}) if isinstance(palette, list) \
        else palette
    primary, accent = scheme.get("primary", "indigo"), scheme.get("accent", "indigo")
    for folder in config.theme.dirs:
        for css in sorted(Path(folder).glob("assets/stylesheets/palette.*.css")):
            try:
                return card_palette(css.read_text("utf-8"), primary, accent)
            except ValueError as err:
                raise PluginError(f"mkdocs.yml: theme.palette: {err}") from None
    return NEUTRAL


def _shell(spec: PageSpec, site: Site) -> str:
    meta = {"title": spec.title}
    description = page_description(site, spec)
    if description:
        meta["description"] = description
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True).strip()
    return f'---\n{front}\n---\n{{{{ explainer_page("{spec.key}") }}}}\n'


def on_files(files: Files, config: Any) -> Files:
    """Add one generated page per spec: a one-line macro call, never hand-written."""
    search = config.plugins.get("material/search")
    attach(getattr(search, "search_index", None), _serving.get("search"))
    site = _current["site"]
    for spec in site.specs:
        files.append(File.generated(config, _src_uri(spec), content=_shell(spec, site),
                                    inclusion=_INCLUDED if spec.listed else _NOT_IN_NAV))
    return files


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    """Give the page its HTML back from the search plugin (see ``search_index.give_back``);
    point "Edit this page" at the page's YAML file; hand the template its head data.

    ``explainer_head`` holds the page's Open Graph and Twitter tags and its JSON-LD
    (``overrides/main.html`` prints them in ``extrahead``).
    """
    give_back(page)
    site = _current["site"]
    spec = next((s for s in site.specs if _src_uri(s) == page.file.src_uri), None)
    if spec and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{spec.edit_path}"
    if spec:
        context["explainer_head"] = page_head(site, spec, _current["pub"])
    return context


def on_post_page(output: str, page: Any, config: Any) -> str:
    """A build lets go of the page's HTML once the whole page is made (``output``): only
    its anchors are read again, and otherwise every page's would be held to the end."""
    if not _serving:
        page.content = None
    return output


def on_post_build(config: Any) -> None:
    """Write the data exports, the Atom feed, llms.txt, the social cards and the CSP."""
    gc.unfreeze()  # what on_config froze can be freed again once this build is over
    site, site_dir, pub = _current["site"], Path(config.site_dir), _current["pub"]
    stamp = build_stamp(site.content.index, os.environ.get("SOURCE_DATE_EPOCH"))
    write_exports(site, site_dir, config.site_url or "", stamp, name=config.site_name,
                  memo=_serving.get("exports"))
    write_figure_csvs(site.content.index.figures, site.content.index.units, site_dir)
    (site_dir / FEED_PATH).write_bytes(atom_feed(site, pub, stamp))
    (site_dir / LLMS_PATH).write_text(llms_txt(site, pub), "utf-8")
    write_drawn(_current.pop("cards").result(), site_dir)
    if _serving:  # keep only the pages of this build, so a long session does not grow
        _serving["pages"] = {k: v for k, v in _serving["pages"].items() if k in _serving["used"]}
        _serving["used"] = set()
        _serving["search"].sweep()
        _serving["fragments"].sweep()
    if not _current.get("serve"):
        apply_csp(site_dir)
