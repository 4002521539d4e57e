"""Synthetic content at a multiple of the real site, for the scale benchmark.

At factor ``f`` the generator writes ``f`` times the real site's glossary terms, timeline
events and sources (their counts are read from ``content/``), and every reference entry
carries the same number of citations and term references at every scale, so citations
grow with them.  Sections grow by ``sqrt(f)`` only: Material puts the whole navigation on
every page, so its cost grows with the square of the page count; with ``sqrt(f)`` section
pages that square grows like ``f``, the same as the rest of the content.  Each section has
a fixed, real-like size (a body of about 8,000 characters with some 50 citations), so the
citations in sections grow by ``sqrt(f)`` as well.

Synthetic entries are shorter than the real ones (about 0.4 KB per glossary entry against
about 1 KB), so each file stays well under the loader's per-file cap
(``macros.content.yamlload.MAX_BYTES``, 10 MB), which 100x at the real entry size also meets.

Everything generated is valid: ids match the patterns in ``macros/model.py``, every
source is cited, every term is used on a story page, every section has key dates.
"""

from __future__ import annotations

import json
import math
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from tests.conftest import copy_project

ROOT = Path(__file__).resolve().parent.parent

_SYLLABLES = ("ka", "ve", "lo", "mi", "tu", "ro", "sa", "ne", "di", "po", "ga", "zu", "fe", "bi",
              "ho", "ly")
_FILLER_TEXT = (
    "the model was trained on a large cluster of chips and its authors report results on many "
    "public tests while analysts say the cost counts only the final run of training and not the "
    "research staff data or earlier experiments which makes a direct comparison hard so readers "
    "should look at what each figure includes before they repeat it in a headline about markets "
    "policy export rules open weights and the race between labs in several countries"
)
_FILLER = tuple(_FILLER_TEXT.split())
_KIND_WORDS = {"concept": "scaling", "product": "model", "policy": "rule", "organization": "Labs"}
_KINDS = ("concept", "concept", "person", "organization", "product", "policy")
_CATEGORIES = ("company", "model-release", "markets", "policy", "research", "politics")
_SOURCE_KINDS = ("news", "paper", "government", "company", "blog", "repository", "podcast",
                 "reference")
_OUTLETS = ("The Example Times", "Synthetic Review", "Bench Daily", "arXiv", "Example Agency")
_VERDICTS = ("supported", "overstated", "misleading", "unverified", "false")
_LOCATORS = ("p. 4", "§2.1", "Table 1", "p. 12")


@dataclass(frozen=True)
class Counts:
    """How much content a site has: the units the benchmark scales."""

    sections: int
    terms: int
    events: int
    sources: int

    @property
    def items(self) -> int:
        """Content items: sections, terms, events and sources together."""
        return self.sections + self.terms + self.events + self.sources


@dataclass(frozen=True)
class Generated:
    """What was written: counts, citations, term references and bytes of YAML."""

    factor: float
    counts: Counts
    citations: int
    term_refs: int
    yaml_bytes: int


def real_counts(root: Path = ROOT) -> Counts:
    """Count the sections, terms, events and sources of the real ``content/``."""
    content = root / "content"

    def entries(name: str, key: str) -> int:
        data = yaml.safe_load((content / name).read_text("utf-8")) or {}
        return len(data.get(key) or ())

    return Counts(sections=len(list((content / "sections").glob("*.yml"))),
                  terms=entries("glossary.yml", "entries"),
                  events=entries("timeline.yml", "events"),
                  sources=entries("sources.yml", "sources"))


def scaled_counts(base: Counts, factor: float) -> Counts:
    """Reference content times ``factor``; sections times ``sqrt(factor)``."""
    return Counts(sections=max(2, round(base.sections * math.sqrt(factor))),
                  terms=max(5, round(base.terms * factor)),
                  events=max(5, round(base.events * factor)),
                  sources=max(5, round(base.sources * factor)))


def pseudo_word(n: int, syllables: int = 4) -> str:
    """A made-up word, unique for each ``n`` below ``16 ** syllables``."""
    span = len(_SYLLABLES) ** syllables
    n = (n * 40_503 + 7) % span  # scramble, so neighbours do not look alike
    out = []
    for _ in range(syllables):
        n, digit = divmod(n, len(_SYLLABLES))
        out.append(_SYLLABLES[digit])
    return "".join(out)


@dataclass(frozen=True)
class _Term:
    id: str
    term: str
    kind: str
    aliases: tuple[str, ...]


def _make_term(i: int) -> _Term:
    kind = _KINDS[i % len(_KINDS)]
    word = pseudo_word(i)
    if kind == "person":
        surname = pseudo_word(i + 99_991, 5).capitalize()
        name = f"{word.capitalize()} {surname}"
        return _Term(_slug(name), name, kind, (surname,))
    if kind == "organization":
        name = f"{word.capitalize()} {_KIND_WORDS[kind]}"
        return _Term(_slug(name), name, kind, (f"{word.capitalize()} Lab",))
    name = f"{word} {_KIND_WORDS[kind]}"
    return _Term(_slug(name), name, kind, (f"{name}s",))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Writer:
    """Text with citations and term mentions drawn from two endless, shuffled streams."""

    def __init__(self, rng: random.Random, sources: list[str], terms: list[_Term]) -> None:
        self.rng = rng
        self.sources = sources
        self.terms = terms
        self._source_stream = self._cycle(sources)
        self._term_stream = self._cycle(terms)
        self.citations = 0
        self.term_refs = 0

    def _cycle(self, items: list) -> Iterator:
        order = list(items)
        while True:
            self.rng.shuffle(order)
            yield from order

    def next_term(self) -> _Term:
        return next(self._term_stream)

    def next_source(self) -> str:
        return next(self._source_stream)

    def cite(self) -> str:
        """``[@id]``, sometimes with a locator or a second source."""
        roll = self.rng.random()
        first = self.next_source()
        self.citations += 1
        if roll < 0.15:
            self.citations += 1
            return f"[@{first}; @{self.next_source()}]"
        if roll < 0.3:
            return f"[@{first}, {self.rng.choice(_LOCATORS)}]"
        return f"[@{first}]"

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(_FILLER) for _ in range(self.rng.randint(low, high)))

    def sentence(self, mention: _Term | None = None, *, explicit: bool = False,
                 cite: bool = True, length: tuple[int, int] = (7, 14)) -> str:
        """One sentence; ``mention`` puts a term in it, plainly or as ``[[id]]``."""
        text = self.words(*length)
        if mention is not None:
            self.term_refs += explicit
            form = (f"[[{mention.id}]]" if self.rng.random() < 0.5 else
                    f"[[{mention.id}|{mention.aliases[0]}]]") if explicit else mention.term
            text += f" {form} {self.words(2, 5)}"
        text = text[0].upper() + text[1:]
        return text + (f" {self.cite()}." if cite else ".")


def _section(w: _Writer, number: int, ids: list[str], people: list[_Term]) -> dict:
    rng = w.rng
    sid = ids[number - 1]
    paragraphs = []
    for p in range(12):
        if p % 4 == 0:
            paragraphs.append(f"### Part {p // 4 + 1} of the story")
        sentences = [w.sentence(w.next_term() if s < 2 else None, explicit=s == 1 and p % 3 == 0)
                     for s in range(4)]
        if p % 5 == 1:
            sentences[0] = f"**{sentences[0]}**"
        if p % 5 == 3:
            sentences.append(f"See [the example report](https://example.org/{sid}/{p}) and *its "
                             f"notes* {w.cite()}.")
        paragraphs.append(" ".join(sentences))
        if p == 6:
            paragraphs.append("\n".join(f"- {w.sentence()}" for _ in range(3)))
    others = [x for x in ids if x != sid]
    section: dict = {
        "id": sid,
        "order": number,
        "title": f"Part {number}: {w.words(3, 5).capitalize()}",
        "summary": " ".join(w.sentence() for _ in range(2)),
        "body": "\n\n".join(paragraphs) + "\n",
        "takeaways": [w.sentence(w.next_term()) for _ in range(4)],
        "related": rng.sample(others, min(2, len(others))),
        "reviewed": "2025-03-01",
        "figures": [{"value": f"${rng.randint(2, 900)}M", "caption": w.sentence(),
                     "sources": [w.next_source()]} for _ in range(2)],
        "quotes": [{"text": w.words(3, 6), "speaker": rng.choice(people).id,
                    "role": "Analyst, Example Research", "sources": [w.next_source()]}],
    }
    if number == 1:
        section["claims"] = [{
            "id": f"claim-{k + 1}", "statement": w.sentence(cite=False),
            "claimant": "Widely repeated in coverage", "date": "2025-01-27",
            "verdict": _VERDICTS[k % len(_VERDICTS)], "reason": w.sentence(),
            "evidence": " ".join(w.sentence(w.next_term()) for _ in range(3)),
        } for k in range(6)]
    return section


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.1:
        return f"{year}"
    if roll < 0.25:
        return f"{year}-{month:02d}"
    if roll < 0.3:
        start = min(day, 27)  # the next day is still in the month, February included
        return f"{year}-{month:02d}-{start:02d}/{year}-{month:02d}-{start + 1:02d}"
    return f"{year}-{month:02d}-{day:02d}"


def _source(i: int, sid: str, rng: random.Random) -> dict:
    source: dict = {
        "id": sid, "kind": _SOURCE_KINDS[i % len(_SOURCE_KINDS)],
        "title": f"Report {i} on {pseudo_word(i, 3)} and chips", "outlet": _OUTLETS[i % len(_OUTLETS)],
        "authors": [f"{pseudo_word(i + k, 3).capitalize()} Example" for k in range(i % 3)],
        "published": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
    }
    if i % 4 == 3:
        source["via"] = {"url": f"https://copy.example.org/{sid}", "outlet": "Example Mirror"}
    else:
        source["url"] = f"https://example.org/{sid}"
    source["accessed"] = "2025-03-01"
    source["language"] = "en"
    source["note"] = f"Supports synthetic claim {i}."
    return source


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes multi-line text as ``|`` blocks, the way editors write it."""


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def _dump(data: dict, header: str) -> str:
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return f"# {header}\n{body}"


def generate(content: Path, counts: Counts, seed: int = 7) -> tuple[int, int, int]:
    """Write a full ``content/`` folder with ``counts``; return (citations, term refs, bytes)."""
    rng = random.Random(seed)
    source_ids = [f"arxiv-2501.{i:05d}" if i % 5 == 4 else f"src-{i:05d}"
                  for i in range(counts.sources)]
    terms = [_make_term(i) for i in range(counts.terms)]
    people = [t for t in terms if t.kind == "person"] or terms
    w = _Writer(rng, source_ids, terms)
    section_ids = [f"part-{n:03d}" for n in range(1, counts.sections + 1)]
    if content.exists():
        shutil.rmtree(content)
    (content / "sections").mkdir(parents=True)
    written = 0

    def write(path: Path, text: str) -> None:
        nonlocal written
        path.write_text(text, "utf-8")
        written += len(text.encode("utf-8"))

    # Story pages first: their plain mentions and explicit references use every term.
    events = []
    for i in range(counts.events):
        term = w.next_term()
        events.append({
            "id": f"event-{i:05d}", "date": _date(rng),
            "title": f"Event {i}: {w.words(3, 6)}",
            "description": f"{w.sentence(term, explicit=True)} {w.sentence()}",
            "category": _CATEGORIES[i % len(_CATEGORIES)],
            "sections": [section_ids[i % len(section_ids)]],
            "sources": [w.next_source()],
        })
    for number, sid in enumerate(section_ids, start=1):
        write(content / "sections" / f"{sid}.yml",
              _dump(_section(w, number, section_ids, people), "synthetic section"))
    categories = [{"id": c, "label": c.replace("-", " ").capitalize()} for c in _CATEGORIES]
    write(content / "timeline.yml", _dump({"categories": categories, "events": events},
                                          "synthetic timeline"))
    entries = []
    for i, term in enumerate(terms):
        other = terms[(i + 1) % len(terms)]
        entry = {"id": term.id, "term": term.term, "kind": term.kind, "aliases": list(term.aliases),
                 "short": f"A synthetic {term.kind} used to measure how the engine scales.",
                 "body": f"{w.sentence(length=(4, 8))} "
                         f"{w.sentence(other, explicit=True, length=(3, 6))}",
                 "see_also": [other.id] if other.id != term.id else [],
                 "sources": [w.next_source()]}
        entries.append(entry)
    write(content / "glossary.yml", _dump({"entries": entries}, "synthetic glossary"))
    write(content / "sources.yml",
          _dump({"sources": [_source(i, s, rng) for i, s in enumerate(source_ids)]},
                "synthetic sources"))
    key_dates = [e["id"] for e in events[:5]]
    write(content / "home.yml", _dump({
        "title": "A synthetic site for the scale benchmark",
        "hook": " ".join(w.sentence() for _ in range(3)),
        "key_dates": key_dates}, "synthetic home"))
    return w.citations, w.term_refs, written


def make_project(dest: Path, factor: float, seed: int = 7, root: Path = ROOT) -> Generated:
    """Copy the project to ``dest`` and replace its content with ``factor`` x the real site."""
    counts = scaled_counts(real_counts(root), factor)
    copy_project(dest, root)
    citations, term_refs, size = generate(dest / "content", counts, seed)
    return Generated(factor, counts, citations, term_refs, size)


def main() -> None:
    """``python -m benchmarks.synth DEST FACTOR``: write one synthetic project."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("factor", type=float)
    args = parser.parse_args()
    made = make_project(args.dest, args.factor)
    print(json.dumps(asdict(made) | {"items": made.counts.items}, indent=2))


if __name__ == "__main__":
    main()


__all__ = ["Counts", "Generated", "copy_project", "generate", "make_project", "real_counts",
           "scaled_counts"]
