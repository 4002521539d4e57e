"""Check every external link in a built site over the network (the weekly workflow).

``python -m tests.linkcheck site`` exits 1 when a link is gone (404, 410, a 5xx, or a host
that does not answer) and lists the links that refuse robots (401, 403, 429) as warnings,
since many publishers block automated requests to pages that work in a browser.
CI for pull requests has no internet, so this runs on a schedule instead.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urldefrag

from .sitecrawl import pages

USER_AGENT = "Mozilla/5.0 (compatible; deepseek-r1-explainer-linkcheck/1.0)"
REFUSES_ROBOTS = {401, 403, 429, 999}


def external_links(site: Path, local_prefix: str = "") -> dict[str, list[str]]:
    """Each external http(s) URL in the site, without its fragment, with the pages using it."""
    found: dict[str, list[str]] = defaultdict(list)
    for page, info in pages(site).items():
        for href in info.links:
            url = urldefrag(href).url
            if url.startswith(("http://", "https://")) and not (
                    local_prefix and url.startswith(local_prefix)):
                found[url].append(page)
    return dict(found)


def status(url: str, timeout: float = 20.0) -> int | str:
    """The HTTP status of ``url`` (HEAD, then GET when HEAD is refused), or the error text."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as err:
            if method == "GET" or err.code not in (403, 405, 501):
                return err.code
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            if method == "GET":
                return str(getattr(err, "reason", err))
    return "no answer"


def check(site: Path, local_prefix: str = "",
          links: dict[str, list[str]] | None = None) -> tuple[list[str], list[str]]:
    """``(broken, refused)``: one line per failing link, naming the pages that use it."""
    links = external_links(site, local_prefix) if links is None else links
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(status, links), strict=True))
    broken, refused = [], []
    for url, code in sorted(results.items()):
        line = f"{code}: {url} (on {', '.join(sorted(set(links[url])))})"
        if code in REFUSES_ROBOTS:
            refused.append(line)
        elif not (isinstance(code, int) and code < 400):
            broken.append(line)
    return broken, refused


def main(argv: list[str]) -> int:
    """Check the site folder named in ``argv`` (default ``site``); print and return 0 or 1."""
    site = Path(argv[0] if argv else "site")
    links = external_links(site, argv[1] if len(argv) > 1 else "")
    broken, refused = check(site, links=links)
    for line in refused:
        print(f"warning: refuses automated requests: {line}")
    for line in broken:
        print(f"error: broken link: {line}")
    print(f"{len(links)} external links; {len(broken)} broken, "
          f"{len(refused)} refused automated requests.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
