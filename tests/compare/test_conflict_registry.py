"""One registry of conflict kinds: every kind has one detector module, registered once, and the
brief names each conflict by its kind."""

from __future__ import annotations

import importlib
import pkgutil

import storyline.compare.conflicts as conflicts
from storyline.compare.conflicts import BY_KIND, DETECTORS
from storyline.model import ConflictKind


def test_every_kind_has_one_detector_and_every_detector_module_is_registered() -> None:
    assert [d.kind for d in DETECTORS].count(ConflictKind.NUMBER) == 1
    assert set(BY_KIND) == set(ConflictKind) and len(DETECTORS) == len(ConflictKind)
    modules = [m.name for m in pkgutil.iter_modules(conflicts.__path__) if m.name not in ("conflict", "merge")]
    declared = {importlib.import_module(f"{conflicts.__name__}.{name}").DETECTOR for name in modules}
    assert declared == set(DETECTORS)
    for detector in DETECTORS:
        assert detector.in_pair or detector.across_languages or detector.in_story, detector.kind


def test_a_kind_is_the_about_of_the_brief() -> None:
    assert [kind.value for kind in ConflictKind] == ["number", "place", "date", "venue", "role", "quote", "person", "state"]
    assert {d.kind for d in DETECTORS if d.by_sentence} == {ConflictKind.NUMBER, ConflictKind.DATE}
