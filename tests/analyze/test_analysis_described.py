"""A description that ends in a name names its speaker (analyze/described.py): "his nephew Karim el Naggar
added" is Karim el Naggar's, while "a spokesman for Lena Okafor" stays anonymous. Measured on real
reporting in docs/attribution.md; the sentences here are written for these tests."""

from __future__ import annotations

from conftest import speaker_of


def test_a_kin_noun_before_a_name_the_model_reads_as_a_body_names_the_speaker():
    text = ("The engineer was flying to Bergen for a conference, the Harbour Gazette reported. “We had rung him "
            "just before he boarded and all was well, he was glad to be going to Bergen,” his nephew Karim el Naggar "
            "added.")
    assert speaker_of(text, "just before he boarded") == "Karim el Naggar"


def test_a_name_after_for_or_to_is_not_the_speaker():
    for said in ("said a spokesman for Lena Okafor.", "said an aide to Harbour Board Democrat Lena Okafor."):
        text = f"Lena Okafor did not attend the meeting.\n\n“The board has not seen the study,” {said}"
        assert speaker_of(text, "has not seen") is None
