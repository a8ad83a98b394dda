"""The pieces claims are compared by: figures and what they count, media of a statement, words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.compare import content_stems, find_numbers, venue_kind


def numbers(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(n.value, n.kind, n.qualifier) for n in find_numbers(text, 0, len(text), [])]


def test_figures_with_what_they_count():
    assert numbers("Twelve people were injured and nine arrested.") == [(12, "injured", None), (9, "arrested", None)]
    assert numbers("The quake killed six people and injured 53.") == [(6, "killed", None), (53, "injured", None)]
    assert numbers("About 1,900 dockworkers walked out.") == [(1900, "dockworker", "approx")]
    assert numbers("They talked for about four and a half hours.") == [(4.5, "hours", "approx")]
    assert numbers("Ambulance crews treated 15 people at the scene.") == [(15, "injured", None)]
    assert numbers("At least 14 people were killed.") == [(14, "killed", "min")]
    assert numbers("Turnout was 82.5 percent.") == [(82.5, "percent", None)]
    assert numbers("The deal is worth $4.2 billion.") == [(4.2e9, "money", None)]


def test_what_is_not_a_count():
    assert numbers("In 2019 the port was closed.") == []
    assert numbers("The strike began at 6 a.m. and ended at 11:47 p.m.") == []
    assert numbers("Ravenport won 2-1 after extra time.") == []
    assert numbers("It was the first strike in one of the busiest ports.") == []


def test_dates_of_the_analysis_are_left_out():
    text = "The talks on 18 February lasted five hours."
    start = text.index("18 February")
    found = find_numbers(text, 0, len(text), [(start, start + len("18 February"))])
    assert [(n.value, n.kind) for n in found] == [(5, "hours")]


PIECES = st.sampled_from(list("0123456789 ,.-$%") + [" about ", " people ", " twelve ", " and a half", " million",
                                                       " hours", " a.m.", "injured ", " per cent"])


@given(st.lists(PIECES, max_size=30).map("".join))
def test_every_figure_is_an_exact_span(text):
    for n in find_numbers(text, 0, len(text), []):
        assert text[n.start:n.end].strip() == n.surface
        assert n.value >= 0


def test_media_of_a_statement():
    assert venue_kind("a talk radio programme") == "radio"
    assert venue_kind("radio show") == "radio"
    assert venue_kind("a briefing for journalists") == "press"
    assert venue_kind("news conference") == "press"
    assert venue_kind("a television interview") == "television"
    assert venue_kind("an interview") is None
    assert venue_kind(None) is None


def test_words_two_wordings_share():
    assert set(content_stems("injuring twelve people")) & set(content_stems("12 people were injured")) == \
        {"injur", "people", "#12"}
    assert content_stems("The talks, he said, were useful.") == ["talk", "useful"]
