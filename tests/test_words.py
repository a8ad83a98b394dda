"""Words as the comparison reads them: folding to ASCII lower case is the same character by character."""

from anyascii import anyascii
from hypothesis import given, strategies as st

from storyline.words import content_stems, fold_text


@given(st.text())
def test_folding_only_the_characters_that_are_not_ascii_folds_like_the_whole_text(text):
    assert fold_text(text) == anyascii(text).casefold()


def test_outlets_wordings_meet_across_accents_quotes_and_suffixes():
    assert content_stems("Zürich’s officials injured") == content_stems("Zurich's official injuring")
    assert fold_text("Kyiv’s “ÉLAN” — Київ") == "kyiv's \"elan\" - kiiv"
