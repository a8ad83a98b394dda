"""Where articles come from: files and folders (files.py); feeds and pages come later."""

from storyline.sources.files import read_inputs

__all__ = ["read_inputs"]
