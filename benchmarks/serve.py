"""Live-reload latency: how long a content edit takes to show during ``make serve``.

Starts ``mkdocs serve`` on a free 127.0.0.1 port in a copy of the project, and another on
plain Material building the same rendered pages, waits for their first builds, then edits
a section's title (our YAML; the plain page's front matter), in turn, and polls the
section page over HTTP until the new text appears, as a browser would see it.  The time
runs from the file write to the first response that has the new text; the median of the
edits counts.  Servers are stopped (by their own process ids) whatever happens.
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
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

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


@dataclass
class Target:
    """One ``mkdocs serve`` to measure: its project, the file an edit changes, the page that
    shows it, and how the edit rewrites the file's ``title:`` line."""

    name: str
    project: Path
    edited: Path
    page: str
    sentence: bool = False  # edit the first sentence of the body instead of the title
    server: subprocess.Popen | None = None
    log: Any = None
    url: str = ""
    times: list[float] = field(default_factory=list)

    def start(self, log: Path | None) -> None:
        """Start the server on a free port (its output goes to ``log``)."""
        port = free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        env.pop("SITE_URL", None)
        out = self.log = log.open("w") if log else subprocess.DEVNULL
        self.server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
             f"127.0.0.1:{port}", "--config-file", str(self.project / "mkdocs.yml")],
            cwd=self.project, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{port}/{self.page}"

    def edit(self, n: int, timeout: float) -> float | None:
        """Retitle the page, then poll it until the new title is served; the seconds taken."""
        assert self.server is not None
        token = f"Reloadcheck{n}{int(time.time() * 1000) % 100000}"
        text = self.edited.read_text("utf-8")
        if self.sentence:  # a word in front of the body's first line of prose
            edited = re.sub(r"(?m)^(  )([A-Z])", rf"\g<1>{token} \g<2>", text, count=1)
        else:
            edited = re.sub(r"(?m)^title:.*$", f'title: "Edited title {token}"', text, count=1)
        written = time.monotonic()
        self.edited.write_text(edited, "utf-8")
        seen = _wait_for(self.url, token, written + timeout, self.server)
        return None if seen is None else seen - written

    def stop(self) -> None:
        """Stop the server by its own process id."""
        if self.server is None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait(timeout=10)
        if self.log not in (None, subprocess.DEVNULL):
            self.log.close()


def ours(project: Path, sentence: bool = False) -> Target:
    """Our site: edit the first section's YAML (its title, or a sentence of its body in
    another section, so the two edits never meet), watch its page."""
    sections = sorted((project / "content" / "sections").glob("*.yml"))
    section = sections[-1] if sentence else sections[0]
    return Target("ours-sentence" if sentence else "ours", project, section,
                  f"sections/{section.stem}/", sentence=sentence)


def plain(project: Path, page: str) -> Target:
    """Plain Material on the same rendered pages: edit the page's Markdown front matter."""
    return Target("plain", project, project / "docs" / (page.rstrip("/") + ".md"), page)


def reload_latency(targets: list[Target], edits: int = 5, startup_timeout: float = 120.0,
                   edit_timeout: float = 30.0, log: Path | None = None) -> dict[str, object]:
    """Edit each target in turn, ``edits`` rounds, interleaved so that load hits all alike.

    Returns per target the times and their median, and each median's ratio to the last
    target's (the baseline).
    """
    try:
        for target in targets:
            target.start(log.with_suffix(f".{target.name}.log") if log else None)
        for target in targets:
            started = time.monotonic()
            assert target.server is not None
            if _wait_for(target.url, "<html", started + startup_timeout, target.server) is None:
                return {"ok": False, "error": f"{target.name}: server did not serve {target.page}"}
        time.sleep(1.0)  # let the watchers settle after the first builds
        for n in range(edits):
            for target in targets:
                took = target.edit(n, edit_timeout)
                if took is None:
                    return {"ok": False, "error": f"{target.name}: edit {n + 1} did not show "
                            f"within {edit_timeout:.0f} s"}
                target.times.append(took)
                time.sleep(0.5)
        out: dict[str, object] = {"ok": True, "edits": edits}
        base = median(targets[-1].times)
        for target in targets:
            out[target.name] = {"page": target.page, "times_s": target.times,
                                "median_s": median(target.times), "max_s": max(target.times),
                                "ratio": median(target.times) / base}
        return out
    finally:
        for target in targets:
            target.stop()


__all__ = ["free_port", "ours", "plain", "reload_latency"]
