"""Citation markers that sit tight against what they support, in order.

After the resolver has turned citations into ``<sup class="xref-cite">`` markers, this
pass, for each marker:

* drops the space before it (``word [1]`` becomes ``word[1]``);
* moves punctuation that follows it in front of it, so no full stop floats after a
  marker (``word [1].`` becomes ``word.[1]``), as Wikipedia sets them;
* merges it with a marker that follows after nothing but white space, so two citations
  in a row read ``[1][2]``, not ``[1] [2]``;
* orders the links inside it by number (``[4][5]``, never ``[5][4]``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown.treeprocessors import Treeprocessor

_PUNCT = re.compile(r"^\s*([.,;:!?]+)")
_NUMBER = re.compile(r"\[(\d+)\]")


def _is_marker(el: ET.Element | None) -> bool:
    return el is not None and el.tag == "sup" and el.get("class") == "xref-cite"


def _number(link: ET.Element) -> int:
    found = _NUMBER.search(link.text or "")
    return int(found.group(1)) if found else 0


def _before(parent: ET.Element, index: int) -> str:
    return (parent.text or "") if index == 0 else (parent[index - 1].tail or "")


def _set_before(parent: ET.Element, index: int, text: str) -> None:
    if index == 0:
        parent.text = text
    else:
        parent[index - 1].tail = text


def tidy_markers(parent: ET.Element) -> None:
    """Tidy every citation marker among the children of ``parent``, then below them."""
    index = 0
    while index < len(parent):
        el = parent[index]
        if _is_marker(el):
            while index + 1 < len(parent) and _is_marker(parent[index + 1]) \
                    and not (el.tail or "").strip():
                following = parent[index + 1]
                el.extend(list(following))
                el.tail = following.tail
                parent.remove(following)
            el[:] = sorted(el, key=_number)
            before = _before(parent, index)
            punct = _PUNCT.match(el.tail or "")
            if before.strip() or index > 0:
                before = before.rstrip()
                if punct:
                    before += punct.group(1)
                    el.tail = (el.tail or "")[punct.end():]
                _set_before(parent, index, before)
        else:
            tidy_markers(el)
        index += 1


class TidyMarkers(Treeprocessor):
    """Runs :func:`tidy_markers` over a rendered fragment."""

    def run(self, root: ET.Element) -> None:
        tidy_markers(root)
