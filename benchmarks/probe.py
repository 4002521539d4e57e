"""Time the engine on one project, in a fresh process, as a build would run it.

``python -m benchmarks.probe PROJECT [--dump DIR] [--profile FILE]`` prints one JSON object:
the import time, then the first (cold) pass over the content, step by step: ``load`` (read
and compose every YAML file), ``validate`` (typed model and cross-file checks), ``index``
(lookup tables and the term matcher) and ``render`` (every page's Markdown), then the time
to write the data exports, the process's peak resident memory, and the size of the output.

Each measurement runs in its own process so that imports, regular-expression caches and
memory peaks of one scale do not leak into the next.  ``--dump`` writes each rendered page
as ``docs/<page>.md`` plus its title and the navigation order (``nav.json``), for the plain
Material baseline.  ``--profile`` runs the same pass under cProfile and writes the stats.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SITE_URL = "http://127.0.0.1:8000/"


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def src_uri(url: str) -> str:
    """The Markdown file MkDocs builds a page URL from (as ``macros.glue`` names it)."""
    return "index.md" if not url else url.rstrip("/") + ".md"


def engine_pass(project: Path) -> tuple[Any, dict[str, float]]:
    """Load, validate, index and render ``project``'s content; return the site and timings.

    Uses the engine's pieces in the order ``macros.content.load_content`` calls them, so
    each step can be timed; falls back to ``load_content`` as a whole (with ``load``,
    ``validate`` and ``index`` reported together) if those pieces have changed shape.
    The pieces run under the collector setting that ``build_site`` gives the whole.
    """
    try:
        from macros.content.collector import paused_collector
    except ImportError:  # an engine from before the collector was paused
        return _engine_pass(project)
    with paused_collector():
        return _engine_pass(project)


def _engine_pass(project: Path) -> tuple[Any, dict[str, float]]:
    from macros.content.errors import ContentError
    from macros.content.load import GLOSSARY, HOME, SOURCES, TIMELINE, Content, load_content
    from macros.content.validate import check, check_home, to_index
    from macros.content.yamlload import load_file
    from macros.render.site import render_site

    content_dir = project / "content"
    steps: dict[str, float] = {}
    start = time.perf_counter()
    try:
        paths = sorted((content_dir / "sections").glob("*.yml"))
        docs, problems = {}, []
        for path in [*paths, *(content_dir / n for n in (GLOSSARY, TIMELINE, SOURCES, HOME))]:
            doc, found = load_file(path, path.relative_to(project).as_posix())
            docs[path], problems = doc, problems + found
        t_load = time.perf_counter()
        checked = check([docs[p] for p in paths if docs[p]], docs[content_dir / GLOSSARY],
                        docs[content_dir / TIMELINE], docs[content_dir / SOURCES], set())
        home_doc = docs[content_dir / HOME]
        home = check_home(home_doc, checked)
        checked.problems[:0] = problems
        if home is None or any(p.severity == "error" for p in checked.problems):
            raise ContentError(checked.problems)
        t_validate = time.perf_counter()
        content = Content(content_dir, to_index(checked), checked, home, home_doc)
        t_index = time.perf_counter()
        steps = {"load_s": t_load - start, "validate_s": t_validate - t_load,
                 "index_s": t_index - t_validate}
    except (TypeError, AttributeError, KeyError, ImportError):  # the pieces changed shape
        start = time.perf_counter()
        content = load_content(content_dir, project)
        t_index = time.perf_counter()
        steps = {"load_s": None, "validate_s": None, "index_s": None,  # type: ignore[dict-item]
                 "load_validate_index_s": t_index - start}
    site = render_site(content, SITE_URL)
    t_render = time.perf_counter()
    steps["render_s"] = t_render - t_index
    steps["engine_s"] = t_render - start
    return site, steps


def dump(site: Any, out: Path) -> None:
    """Write each rendered page under ``out/docs`` and the nav order to ``out/nav.json``."""
    nav = []
    for spec in site.specs:
        path = out / "docs" / src_uri(spec.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        title = json.dumps(spec.title, ensure_ascii=False)
        path.write_text(f"---\ntitle: {title}\n---\n{site.pages[spec.key]}", "utf-8")
        nav.append({spec.title: src_uri(spec.url)})
    (out / "nav.json").write_text(json.dumps(nav, ensure_ascii=False, indent=1), "utf-8")


def measure(project: Path, dump_dir: Path | None = None) -> dict[str, Any]:
    """Everything one probe reports (see the module docstring)."""
    rss_start = _rss_mb()
    start = time.perf_counter()
    import macros.render.site  # noqa: F401 - timed: the engine's own imports
    from macros.publish.export import write_exports
    from macros.publish.stamps import build_stamp

    import_s = time.perf_counter() - start
    rss_imported = _rss_mb()
    site, steps = engine_pass(project)
    rss_engine = _rss_mb()
    # As ``mkdocs build`` holds the model (the glue freezes it after the engine and lets go
    # before the exports), so the exports do not pay a collection over it.
    gc.freeze()
    gc.unfreeze()
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        start = time.perf_counter()
        write_exports(site, Path(tmp), SITE_URL, build_stamp(site.content.index, None))
        export_s = time.perf_counter() - start
        export_bytes = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    if dump_dir is not None:
        dump(site, dump_dir)
    index = site.content.index
    return {
        "import_s": import_s, **steps, "export_s": export_s,
        "rss_start_mb": rss_start, "rss_imported_mb": rss_imported, "rss_engine_mb": rss_engine,
        "rss_peak_mb": _rss_mb(),
        "citations": sum(len(uses) for uses in site.cite_uses.values()),
        "term_links": sum(len(uses) for uses in site.term_uses.values()),
        "pages": len(site.pages), "markdown_bytes": sum(len(p.encode()) for p in site.pages.values()),
        "export_bytes": export_bytes, "warnings": len(site.warnings),
        "counts": {"sections": len(index.sections), "terms": len(index.terms),
                   "events": len(index.events), "sources": len(index.sources)},
    }


def profile(project: Path, out: Path, top: int = 25) -> list[dict[str, Any]]:
    """Run the engine pass under cProfile; write the stats and return our code's hot spots."""
    import cProfile
    import io
    import pstats

    import macros.render.site  # noqa: F401 - imports are not what we profile

    profiler = cProfile.Profile()
    profiler.enable()
    engine_pass(project)
    profiler.disable()
    profiler.dump_stats(str(out))
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/macros/" not in filename.replace("\\", "/"):
            continue
        rows.append({"function": f"macros/{filename.replace(chr(92), '/').split('/macros/')[-1]}"
                                 f":{line}({name})",
                     "calls": calls, "tottime_s": tottime, "cumtime_s": cumtime,
                     "cum_share": cumtime / total if total else 0.0})
    rows.sort(key=lambda r: r["cumtime_s"], reverse=True)
    own = []  # self time of every function, ours or a library's
    for (filename, line, name), (_, calls, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        short = filename.replace("\\", "/")
        short = short.split("/site-packages/")[-1] if "/site-packages/" in short else \
            ("macros/" + short.split("/macros/")[-1] if "/macros/" in short else short.rsplit("/", 1)[-1])
        own.append({"function": f"{short}:{line}({name})", "calls": calls, "tottime_s": tottime,
                    "self_share": tottime / total if total else 0.0})
    own.sort(key=lambda r: r["tottime_s"], reverse=True)
    return [{"total_s": total, "top_self": own[:top]}, *rows[:top]]


def main(argv: list[str] | None = None) -> int:
    """Entry point: print the measurement (or the profile) as JSON on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--dump", type=Path, help="write rendered pages for the baseline")
    parser.add_argument("--profile", type=Path, help="profile instead, writing pstats here")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    sys.path.insert(0, str(project))  # the project's own copy of the engine
    if args.profile:
        print(json.dumps(profile(project, args.profile)))
    else:
        print(json.dumps(measure(project, args.dump)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
