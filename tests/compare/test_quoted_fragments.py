"""A quoted fragment inside reported speech is still quoted words to the comparison, on a report written for this test."""

from __future__ import annotations

from storyline.analyze import analyze_article
from storyline.compare.units import quoted_spans


def test_a_fragment_in_reported_speech_counts_as_quoted_words():
    text = ("Harbour master Ines Falkenrath said the new levy was “a tax on fishermen” that would empty the quays "
            "by spring.\n\n“We will appeal,” the union said on Monday.")
    analysis = analyze_article(text, None)
    spans = [text[a:b] for a, b in quoted_spans(analysis)]
    assert "a tax on fishermen" in spans  # reported speech now, but the marks still show whose words these are
    assert "We will appeal" in spans
    assert not any("empty the quays" in span for span in spans)


def test_a_fragment_with_no_cue_of_its_own_counts_as_quoted_words():
    text = ("The union met on Monday.\n\nThe crews accused the operator of trying to “break the union by the back "
            "door” before the summer timetable.")
    analysis = analyze_article(text, None)
    assert not any(q.direct for q in analysis.quotes)  # reported speech now
    spans = [text[a:b] for a, b in quoted_spans(analysis)]
    assert spans == ["break the union by the back door"]
