"""Benchmark the term linker's matcher: 5,000 terms over 1 MB of text.

Run: ``.venv/bin/python -m benchmarks.term_matcher``.  The matcher is one compiled regular
expression (a trie of every surface form), so time grows with the text, not the term count.
"""

from __future__ import annotations

import random
import string
import time

from macros.content.matcher import TermMatcher, normalize


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 10)))


def run(terms: int = 5_000, megabytes: float = 1.0, seed: int = 7) -> dict[str, float]:
    """Build a matcher over ``terms`` synthetic forms and scan ``megabytes`` of text."""
    rng = random.Random(seed)
    forms = {}
    while len(forms) < terms:
        form = " ".join(_word(rng) for _ in range(rng.randint(1, 3)))
        forms[normalize(form)] = f"t{len(forms)}"
    vocabulary = list(forms) + [_word(rng) for _ in range(20_000)]
    words, size = [], 0
    while size < megabytes * 1_000_000:
        word = rng.choice(vocabulary)
        words.append(word)
        size += len(word) + 1
    text = " ".join(words)
    start = time.perf_counter()
    matcher = TermMatcher(forms)
    compiled = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(1 for _ in matcher.finditer(text))
    scanned = time.perf_counter() - start
    return {"terms": terms, "text_bytes": len(text), "compile_s": compiled, "scan_s": scanned,
            "matches": found}


if __name__ == "__main__":
    for n, mb in ((500, 0.1), (5_000, 1.0), (5_000, 2.0)):
        r = run(n, mb)
        print(f"{r['terms']:>6} terms over {r['text_bytes'] / 1e6:.1f} MB: compile "
              f"{r['compile_s']:.2f} s, scan {r['scan_s']:.2f} s, {r['matches']:,} matches")
