"""Live-reload latency: how long a content edit takes to show during ``make serve``.

Starts ``mkdocs serve`` on a free 127.0.0.1 port in a copy of the project, waits for the
first build, then edits a section's YAML (its title) and polls the section page over HTTP
until the new text appears.  The time runs from the file write to the first response that
has the new text.  The server is stopped (by its own process id) whatever happens.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL_S = 0.02


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(url: str, needle: str, deadline: float, server: subprocess.Popen) -> float | None:
    """Poll ``url`` until its body contains ``needle``; the time it appeared, or ``None``."""
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return None
        body = _fetch(url)
        if body is not None and needle in body:
            return time.monotonic()
        time.sleep(POLL_S)
    return None


def reload_latency(project: Path, edits: int = 3, startup_timeout: float = 120.0,
                   edit_timeout: float = 30.0, log: Path | None = None) -> dict[str, object]:
    """Measure ``edits`` content edits in ``project`` (a throw-away copy); return the times."""
    section = sorted((project / "content" / "sections").glob("*.yml"))[0]
    page = f"sections/{section.stem}/"
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)
    out = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
         f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")],
        cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{page}"
    times: list[float] = []
    started = time.monotonic()
    try:
        ready = _wait_for(url, "<html", started + startup_timeout, server)
        if ready is None:
            return {"ok": False, "error": "server did not serve the page", "page": page}
        first_build_s = ready - started
        time.sleep(1.0)  # let the watcher settle after the first build
        text = section.read_text("utf-8")
        for n in range(edits):
            token = f"Reloadcheck{n}{int(time.time() * 1000) % 100000}"
            edited = re.sub(r"(?m)^title:.*$", f'title: "Edited title {token}"', text, count=1)
            written = time.monotonic()
            section.write_text(edited, "utf-8")
            seen = _wait_for(url, token, written + edit_timeout, server)
            if seen is None:
                return {"ok": False, "error": f"edit {n + 1} did not show within "
                        f"{edit_timeout:.0f} s", "page": page, "times_s": times}
            times.append(seen - written)
            time.sleep(0.5)
        return {"ok": True, "page": page, "first_build_s": first_build_s, "times_s": times,
                "median_s": sorted(times)[len(times) // 2], "max_s": max(times)}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        if log:
            out.close()  # type: ignore[union-attr]


__all__ = ["free_port", "reload_latency"]
