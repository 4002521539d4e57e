"""The bibliography as citation tools read it: CSL-JSON and biblatex-flavoured BibTeX.

Both files are written from the same decisions, so that a citation processor cites a source
the same way from either (``tests/test_consumers.py`` checks this with pandoc):

* **Names.** A person's name is split into family and given names (with particles and
  suffixes) the way BibTeX reads ``First von Last``. An author is an organisation when the
  data says so: it is the source's outlet, or a glossary ``organization`` (its name or an
  alias). Organisations stay whole: CSL ``literal``, BibTeX ``{{Name}}``.
* **Unsigned news.** An unsigned news article is credited to its outlet as a corporate
  author, the usual convention for unsigned newspaper articles (and biblatex requires an
  author for ``@article``).
* **Dates** at the precision the content gives: CSL ``date-parts`` down to the day,
  biblatex ``date = {YYYY-MM-DD}`` (or ``YYYY-MM``, ``YYYY``).
* **Case protection.** Words a style must not re-case keep their case: words with a capital
  after the first letter or a lowercase start with digits or capitals (``iPhone``,
  ``GPUs``, ``o1``, ``owner/RepoName``) and the names of glossary people,
  organisations and products. CSL wraps them in ``<span class="nocase">``, BibTeX in braces.
* **URLs** are verbatim in BibTeX (biblatex's ``url`` field is), never LaTeX-escaped.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Iterable
from typing import Any, cast

import latexcodec  # noqa: F401  (registers the "ulatex" codec)

from ..content.dates import parse_when
from ..content.index import Index
from ..content.model import Source

# CSL types as pandoc reads the matching biblatex entry types, so both files agree.
BIB_TYPES = {"news": "article", "paper": "article"}
CSL_TYPES = {"news": "article-newspaper", "paper": "article-journal"}
CSL_ONLINE, CSL_MISC = "webpage", "document"
PROPER_KINDS = ("person", "organization", "product")
_WORD = re.compile(r"\S+")
_EDGE = "\"'“”‘’«»()[],.;:!?\x01\x02\x03"


def organisations(index: Index) -> frozenset[str]:
    """Every name and alias of a glossary organization."""
    return frozenset(form for t in index.terms.values() if t.kind == "organization"
                     for form in (t.term, *t.aliases))


def proper_names(index: Index) -> tuple[str, ...]:
    """Glossary people, organisations and products (names and aliases), longest first."""
    forms = {form for t in index.terms.values() if t.kind in PROPER_KINDS
             for form in (t.term, *t.aliases)}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def is_organisation(name: str, source: Source, orgs: frozenset[str]) -> bool:
    """Whether an author of ``source`` is an organisation rather than a person."""
    return name.casefold() == source.outlet.casefold() or name in orgs


def in_periodical(source: Source) -> bool:
    """Whether the source is cited as an article in its outlet: news, or a paper whose
    authors are known (biblatex's ``@article`` requires an author, and no author is
    invented for an unsigned paper, which is cited as an online or misc item instead)."""
    return source.kind == "news" or (source.kind in BIB_TYPES and bool(source.authors))


def credited(source: Source, orgs: frozenset[str]) -> list[tuple[str, bool]]:
    """``(name, is_organisation)`` for each author; an unsigned news article's is its outlet."""
    if not source.authors and source.kind == "news":
        return [(source.outlet, True)]
    return [(a, is_organisation(a, source, orgs)) for a in source.authors]


def _needs_case(core: str, sentence_case: bool, first: bool) -> bool:
    """Whether a word (punctuation stripped) must keep its case in any citation style."""
    if core.isupper() and core not in ("A", "I"):  # an acronym, or a name such as X
        return True
    for part in re.split(r"[-/]", core):
        if re.search(r"[A-Z]", part[1:]) or (re.search(r"\d", part) and re.search(r"[A-Za-z]", part)):
            return True
        if part[:1].islower() and re.search(r"[A-Z]", part):
            return True
    # In a sentence-case title a capital after the first word marks a proper noun.
    return sentence_case and not first and core[:1].isupper()


def _core(match: re.Match[str]) -> tuple[int, int]:
    """The span of a word without surrounding punctuation (an abbreviation keeps its dot)."""
    word = match.group()
    start = match.start() + len(word) - len(word.lstrip(_EDGE))
    stripped = word.rstrip(_EDGE)
    if word[len(stripped):].startswith(".") and "." in stripped:
        stripped += "."
    return start, match.start() + len(stripped)


def is_sentence_case(title: str) -> bool:
    """Fewer than half of the words after the first start with a capital."""
    words = [w.strip(_EDGE) for w in title.split()[1:]]
    words = [w for w in words if w[:1].isalpha()]
    return 2 * sum(w[0].isupper() for w in words) < len(words)


@functools.lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for all ``names``, longest first, each standing as a whole word."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?=(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-]))")


def protected_spans(title: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Character spans of ``title`` whose case a citation style must keep, merged, in order."""
    spans = []
    sentence_case = is_sentence_case(title)
    for number, match in enumerate(_WORD.finditer(title)):
        start, end = _core(match)
        if start < end and _needs_case(title[start:end], sentence_case, number == 0):
            spans.append((start, end))
    if names:
        # Every start position is tried (the match is a look-ahead), and there the longest name
        # that fits wins: the same merged spans as a search for each name in turn.
        for match in _names_pattern(tuple(names)).finditer(title):
            spans.append(match.span(1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(title: str, spans: list[tuple[int, int]], wrap: Any, plain: Any) -> str:
    out, at = [], 0
    for start, end in spans:
        out += [plain(title[at:start]), wrap(title[start:end])]
        at = end
    return "".join([*out, plain(title[at:])])


def csl_title(title: str, names: Iterable[str]) -> str:
    """The title as CSL rich text, with ``<span class="nocase">`` around protected words."""
    return _marked(title, protected_spans(title, names),
                   lambda s: f'<span class="nocase">{s}</span>', lambda s: s)


_OPEN = r"(?:(?<=^)|(?<=[\s(\[]))"
# Straight quotes become one-character marks first (so spans keep their offsets), then
# LaTeX quotes: ``…'' and `…'. Readers of the file then see quotation marks, not inches.
_QUOTES = {"\x01": "``", "\x02": "''", "\x03": "`"}


def mark_quotes(text: str) -> str:
    """Straight quotes as opening or closing marks, judged by what precedes them."""
    text = re.sub(_OPEN + '"', "\x01", text).replace('"', "\x02")
    return re.sub(_OPEN + "'(?=\\S)", "\x03", text)


def latex(text: str) -> str:
    """Plain text as BibTeX field text: LaTeX specials escaped, Unicode kept, quotes as LaTeX
    quotes (see :func:`mark_quotes`)."""
    return _latex_marked(mark_quotes(text))


# latexcodec's "ulatex+utf8" returns text without these as it is (tests/publish/test_exports.py)
_LATEX_SPECIAL = re.compile("[#%&_~]")


@functools.lru_cache(maxsize=1 << 16)  # latexcodec goes character by character; texts recur
def _latex_marked(text: str) -> str:
    if _LATEX_SPECIAL.search(text):
        # latexcodec's "ulatex" codec maps text to text, which typeshed cannot know.
        text = cast(str, codecs.encode(text, "ulatex+utf8"))
    text = text.replace("$", r"\$")
    return re.sub("[\x01-\x03]", lambda m: _QUOTES[m.group()], text)


def bib_title(title: str, names: Iterable[str]) -> str:
    """The title as BibTeX text, with protected words in braces."""
    title = mark_quotes(title)
    return _marked(title, protected_spans(title, names), lambda s: "{" + _latex_marked(s) + "}",
                   _latex_marked)


def _person(name: str) -> Any:
    from pybtex.database import Person

    return Person(name)


def csl_name(name: str, organisation: bool) -> dict[str, str]:
    """A CSL name object: ``literal`` for an organisation, family and given for a person."""
    if organisation:
        return {"literal": name}
    person = _person(name)
    parts = {"given": " ".join(person.first_names + person.middle_names),
             "dropping-particle": " ".join(person.prelast_names),
             "family": " ".join(person.last_names), "suffix": " ".join(person.lineage_names)}
    return {k: v for k, v in parts.items() if v}


def bib_name(name: str, organisation: bool) -> str:
    """A BibTeX name: ``{Name}`` for an organisation, ``von Last, Jr, First`` for a person."""
    if organisation:
        return "{" + latex(name) + "}"
    person = _person(name)
    last = " ".join(person.prelast_names + person.last_names)
    parts = [last, " ".join(person.lineage_names), " ".join(person.first_names
                                                           + person.middle_names)]
    return latex(", ".join(p for p in parts if p) if parts[1] else
                 ", ".join(p for p in (parts[0], parts[2]) if p))


def link(source: Source) -> str | None:
    """The address a citation links to: the original, else the copy it was read through."""
    return source.url or (source.via.url if source.via else None)


def _csl_date(text: str) -> dict[str, Any]:
    when = parse_when(text).start
    return {"date-parts": [[p for p in (when.year, when.month, when.day) if p]]}


def csl_item(source: Source, orgs: frozenset[str], names: tuple[str, ...]) -> dict[str, Any]:
    """One CSL-JSON item."""
    url = link(source)
    article = in_periodical(source)
    kind = CSL_TYPES[source.kind] if article else (CSL_ONLINE if url else CSL_MISC)
    item: dict[str, Any] = {"id": source.id, "type": kind, "title": csl_title(source.title, names)}
    authors = credited(source, orgs)
    if authors:
        item["author"] = [csl_name(n, org) for n, org in authors]
    item["container-title" if article else "publisher"] = source.outlet
    if source.published:
        item["issued"] = _csl_date(source.published)
    if source.accessed:
        item["accessed"] = _csl_date(source.accessed)
    if url:
        item["URL"] = url
    item["language"] = source.language
    item["annote"] = source.note
    return item


def sources_csl(index: Index) -> list[dict[str, Any]]:
    """CSL-JSON items for every source, the format citation managers import."""
    orgs, names = organisations(index), proper_names(index)
    return [csl_item(s, orgs, names) for s in index.sources.values()]


def _field(name: str, value: str) -> str:
    if value.count("{") != value.count("}"):
        raise ValueError(f"unbalanced braces in BibTeX field {name}: {value!r}")
    return f"  {name} = {{{value}}},\n"


# biblatex ``langid`` values (babel/polyglossia names) for ISO 639-1 codes. Without one, pandoc
# and biblatex take an entry as English and title-case its title, as CSL does only for English.
LANGIDS = {"de": "ngerman", "fr": "french", "it": "italian", "es": "spanish", "pt": "portuguese",
           "nl": "dutch", "cs": "czech", "ru": "russian", "hi": "hindi", "ja": "japanese",
           "ko": "korean", "zh": "chinese"}


def bib_entry(source: Source, orgs: frozenset[str], names: tuple[str, ...]) -> str:
    """One biblatex entry; every text field escaped for LaTeX except the verbatim ``url``."""
    url = link(source)
    article = in_periodical(source)
    kind = BIB_TYPES[source.kind] if article else ("online" if url else "misc")
    fields = []
    authors = credited(source, orgs)
    if authors:
        fields.append(_field("author", " and ".join(bib_name(n, org) for n, org in authors)))
    fields.append(_field("title", bib_title(source.title, names)))
    if article:
        fields.append(_field("journaltitle", latex(source.outlet)))
        if source.kind == "news":
            fields.append(_field("entrysubtype", "newspaper"))
    else:
        # A list field in biblatex: braces keep an "and" in the name from splitting it.
        fields.append(_field("organization", "{" + latex(source.outlet) + "}"))
    if source.published:
        fields.append(_field("date", parse_when(source.published).iso()))
    if url:
        fields.append(_field("url", url))
    if source.accessed:
        fields.append(_field("urldate", parse_when(source.accessed).iso()))
    langid = LANGIDS.get(source.language.split("-")[0])
    if langid:
        fields.append(_field("langid", langid))
    fields.append(_field("annotation", latex(source.note)))
    return f"@{kind}{{{source.id},\n{''.join(fields)}}}\n"


def sources_bib(index: Index) -> str:
    """biblatex-flavoured BibTeX for every source (``biber --validate-datamodel`` reads it)."""
    orgs, names = organisations(index), proper_names(index)
    return "\n".join(bib_entry(s, orgs, names) for s in index.sources.values())
