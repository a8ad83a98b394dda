"""A quotation that runs on over paragraphs.

News writes a long quotation as several paragraphs: each opens with a quotation mark and only the last
closes it ('“… we agreed,” Ruiz said. “The port will stay open.' then '“We will keep a stake in it.”').
A paragraph that ends inside such an open quotation hands its speaker to the quotation that opens the
next one."""

from __future__ import annotations

import re

_OPENING = re.compile(r"(?:^|[\s(\[—–-])(?:“|''|‘‘|\"|``)(?=\S)")
_CLOSING = re.compile(r"\S(?:”|''|’’|\")")


def ends_in_open_quotation(text: str, after: int, end: int) -> bool:
    """Whether text[after:end], the end of a paragraph, opens a quotation it never closes."""
    tail = text[after:end]
    opening = None
    for opening in _OPENING.finditer(tail):
        pass
    return opening is not None and _CLOSING.search(tail, opening.end()) is None
