"""Request parameters the JSON API (api.py) and the HTML pages (web/routes.py) share, so that
neither imports the other for them."""

from __future__ import annotations

# Offsets past any real page are refused (422) rather than handed to SQLite, whose integers stop at 2**63.
MAX_OFFSET = 1_000_000_000
# A name to look up (an entity filter, an entity page) is refused (422) past this length: no name is
# this long, and SQLite refuses LIKE patterns past 50,000 bytes with an error.
MAX_NAME_CHARS = 500
