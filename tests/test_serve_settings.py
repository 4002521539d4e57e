"""``make serve`` looks for saved files more often than MkDocs and rebuilds sooner after one,
on MkDocs's own live-reload server, and keeps every watched path."""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from macros import glue


def test_serve_polls_faster_and_waits_less(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert server.build_delay > glue.BUILD_DELAY_S
        server.watch(str(tmp_path / "a"))
        server.watch(str(tmp_path / "b"))
        server.watch(str(tmp_path / "b"))
        before = dict(server._watched_paths)
        assert glue.on_serve(server, None, None) is server
        assert server.build_delay == glue.BUILD_DELAY_S
        assert server.observer.timeout == glue.POLL_S
        assert dict(server._watched_paths) == before
        watched = sorted(w.path for w in server.observer._watches)
        assert watched == [str(tmp_path / "a"), str(tmp_path / "b")]
    finally:
        server.server_close()


def test_a_running_observer_is_left_as_it_is(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.observer.start()
    try:
        observer = server.observer
        glue.on_serve(server, None, None)
        assert server.observer is observer
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()
