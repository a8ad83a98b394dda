"""Every read and write of storyline's state goes through a store; SQLite is the default."""

from storyline.store.sqlite import SQLiteStore, StoryRow, open_store

__all__ = ["SQLiteStore", "StoryRow", "open_store"]
