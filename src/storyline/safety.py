"""The one place that makes untrusted text safe for each output: labels and URLs at ingest, and the
cell, line or attribute each writer (CSV, terminal, Markdown, HTML) puts data into.

Everything an outlet, a feed author or a data supplier writes is data, never instructions: a title
must not become a spreadsheet formula, terminal markup or an escape sequence, a Markdown heading
or link, or reverse the direction of the text around it. Article text itself is stored as given
(character spans index it); only its displayed forms are neutralised here."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Explicit direction embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): an
# unterminated one reverses everything after it on the line. The marks LRM, RLM and ALM only steer
# neutral characters and open nothing, so they stay.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL_OR_BIDI = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# OWASP, "CSV Injection": a cell starting with one of these is a formula to a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HTTP_SCHEMES = ("http", "https")

# CommonMark: any ASCII punctuation may be backslash-escaped; these are the ones that can open
# markup inside a line (emphasis, code, links and images, autolinks, raw HTML, headings, strike).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#~])")
# And these only at the start of a list item's text: a nested list, an ordered list, a quote.
_MARKDOWN_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d{1,9}[.)])")


def clean_label(value: str | None) -> str | None:
    """A title, outlet name or other one-line label as it is stored and shown: NFC, without NUL or
    other C0/C1 controls and direction overrides, its whitespace (line breaks too) one space each.

    None or a label that cleans to nothing gives None."""
    if value is None:
        return None
    text = _CONTROL_OR_BIDI.sub(lambda m: " " if _LINE_BREAKS.match(m.group()) or m.group() == "\t" else "",
                                unicodedata.normalize("NFC", value))
    return " ".join(text.split()) or None


def http_url(value: str | None) -> str | None:
    """The URL, without surrounding space, if it is an absolute http(s) URL with a host; else None.

    Controls and direction overrides anywhere in it make it no URL at all (None), rather than a
    different one: what a browser would do with them is not what the reader was shown."""
    if value is None:
        return None
    url = value.strip()
    if not url or _CONTROL_OR_BIDI.search(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # an unbalanced [ in the host, for one
        return None
    if parts.scheme.lower() not in HTTP_SCHEMES or not parts.netloc:
        return None
    return url


def display_text(value: str) -> str:
    """Text of any length as shown to a person, character for character the same length: C0/C1
    controls other than newline and tab, and direction overrides, each become U+FFFD, so that offsets
    into the stored text still point at the same characters."""
    return _CONTROL_OR_BIDI.sub(lambda m: m.group() if m.group() in "\n\t" else "\ufffd", value)


def terminal_text(value: object, *, one_line: bool = True) -> str:
    """A value for a terminal: escape sequences, NUL and every other control character shown as the
    Unicode control pictures (␛, ␀), direction overrides dropped; line breaks a space when one_line.

    Print the result as plain text (rich: a Text, or markup=False), never as markup."""
    text = "" if value is None else str(value)
    if one_line:
        text = _LINE_BREAKS.sub(" ", text).replace("\t", " ")

    def picture(match: re.Match[str]) -> str:
        ch = match.group()
        if ch in BIDI_CONTROLS:
            return ""
        if ch in "\n\t":
            return ch
        code = ord(ch)
        return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"

    return _CONTROL_OR_BIDI.sub(picture, text)


def csv_cell(value: object) -> object:
    """A value for a CSV cell: a string that a spreadsheet would run as a formula (it starts with
    = + - @, a tab or a carriage return) gets a leading single quote, as OWASP recommends, and
    controls and direction overrides become U+FFFD one for one (display_text). Other values are
    returned as they are. The quote is visible in the cell: it is what keeps it text."""
    if not isinstance(value, str):
        return value
    value = display_text(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def markdown_text(value: object) -> str:
    """Data for one line of Markdown: on one line, Markdown and HTML syntax escaped, so that a title
    or a quote cannot open a heading, a link, an image or raw HTML."""
    # Runs of spaces are one space (as Markdown shows them anyway): four at the start would open code.
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(terminal_text(value, one_line=True).split()))
    return _MARKDOWN_BLOCK_START.sub(_escaped_marker, text)


def _escaped_marker(match: re.Match[str]) -> str:
    """`- x` → `\\- x`, `1. x` → `1\\. x`: the marker kept as text."""
    marker = match.group(2)
    return match.group(1) + (f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}")


def markdown_link(label: object, url: str | None) -> str:
    """`[label](url)` when url is http(s), else the label alone (escaped either way)."""
    text = markdown_text(label)
    safe = http_url(url)
    if safe is None:
        return text
    # Percent-encode what could end or confuse the link destination.
    target = "".join(f"%{ord(ch):02X}" if ch in "()<>\\ \"'`" else ch for ch in safe)
    return f"[{text}]({target})"
