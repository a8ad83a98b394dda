"""The pieces claims are compared by: figures and what they count, media of a statement, words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.numbers import compatible
from storyline.compare import content_stems, find_numbers, venue_kind
from storyline.compare.units import StoryArticle, StoryView
from storyline.model import Analysis, Entity, SourceSpan


def numbers(text: str) -> list[tuple[float, str | None, str | None]]:
    return [(n.value, n.kind, n.qualifier) for n in find_numbers(text, 0, len(text), [])]


def test_figures_with_what_they_count():
    assert numbers("Twelve people were injured and nine arrested.") == [(12, "injured", None), (9, "arrested", None)]
    assert numbers("The quake killed six people and injured 53.") == [(6, "killed", None), (53, "injured", None)]
    assert numbers("About 1,900 dockworkers walked out.") == [(1900, "employees", "approx")]  # a compound: its head
    assert numbers("They talked for about four and a half hours.") == [(4.5, "hours", "approx")]
    assert numbers("Ambulance crews treated 15 people at the scene.") == [(15, "injured", None)]
    assert numbers("At least 14 people were killed.") == [(14, "killed", "min")]
    assert numbers("Turnout was 82.5 percent.") == [(82.5, "turnout:percent", None)]  # a share named by what it measures
    assert numbers("The index rose 2.5 percent.") == [(2.5, "percent", None)]
    assert numbers("The deal is worth $4.2 billion.") == [(4.2e9, "dollar", None)]


def test_figures_written_short():
    """"£5m" and "$40k" are sums, "1.5m people" a count (of those who fled), "58km" and "30cm" measures: the short forms most
    outlets print."""
    assert numbers("Jewels worth £5m were taken.") == [(5e6, "pound", None)]
    assert numbers("She was paid $40k a year.") == [(40e3, "dollar", None)]
    assert numbers("About 1.5m people fled the coast.") == [(1.5e6, "evacuated", "approx")]  # people who fled
    assert numbers("The cable broke 58km (36 miles) off the coast.") == [(58, "km", None)]
    assert numbers("The storm left 30cm of snow.") == [(30, "cm", None)]
    assert numbers("A 5m wall fell.") == [(5, "m", None)]
    assert numbers("The 10k race starts at 3pm in 2012.") == []


def test_a_figure_written_with_a_leading_point():
    assert numbers("He aimed a .357 caliber revolver at them.") == [(0.357, "caliber", None)]
    assert numbers("It ended.5 people were hurt.") == []  # a point that ends a sentence glued to a figure is not its own


def test_a_sum_is_counted_in_its_currency():
    # a currency sign is the sum's unit, and "e80 million" is a wire's euro sign
    assert numbers("Thieves took e80 million in gems.") == [(8e7, "euro", None)]
    assert numbers("The yard cost 40 million euros.") == [(4e7, "euro", None)]
    assert numbers("The yard cost £3 million.") == [(3e6, "pound", None)]


def test_a_hyphened_figure_is_a_size_of_the_noun_it_goes_with():
    assert numbers("She began a 90-day stay.") == [(90, "size:days:stay", None)]
    assert numbers("She finished a 30-day programme.") == [(30, "size:days:programme", None)]
    assert numbers("He stopped the 40-year-old veteran.") == [(40, "age:veteran", None)]  # an age: compare/ages.py
    # ... but a quake's magnitude is one kind however it is written (test_compare_numbers.py)
    assert numbers("The 5.9-magnitude quake struck at noon.") == [(5.9, "magnitude", None)]


def test_a_count_of_times_counts_what_its_verb_says():
    assert numbers("She married twice.") == [(2, "times:marry", None)]
    assert numbers("She was married three times.") == [(3, "times:marry", None)]
    assert numbers("He had been arrested at least four times.") == [(4, "times:arrest", "min")]
    assert numbers("It sold three times as many.") == [(3, None, None)]


def test_a_rate_a_stretch_or_a_whole_is_no_count_of_what_happened():
    assert numbers("As many as one in 400 users were exposed.") == []
    assert numbers("She completed her first 12 passes.") == []
    assert numbers("He has scored in the past five games.") == []
    assert numbers("She had been in hospital for the past three weeks.") == [(3, "weeks", None)]
    assert numbers("The ruling came as the mayor marked her first 100 days in office.") == []
    assert numbers("The council may overturn it within 60 days.") == [(60, "days", None)]
    # "N of M": the M is the whole the part is counted in, not what happened
    assert numbers("Four of the nine shots hit the car.") == [(4, None, None), (9, None, None)]


def test_what_is_not_a_count():
    assert numbers("In 2019 the port was closed.") == []
    assert numbers("The strike began at 6 a.m. and ended at 11:47 p.m.") == []
    assert numbers("Ravenport won 2-1 after extra time.") == []
    assert numbers("It was the first strike in one of the busiest ports.") == []


def test_a_place_an_offset_a_margin_or_people_already_named_are_no_count():
    assert numbers("The kick left the Harriers at their own 16-yard line.") == []
    assert numbers("Twelve games later the Harriers lead the table.") == []
    assert numbers("They went into the last half 10 points down.") == []
    assert numbers("He scored with 12 minutes, 31 seconds remaining and again with under five minutes to go.") == []
    assert numbers("The two met in a hotel in 1999.") == []
    # ... while a measure of a thing, a count of what happened and a count of people stay
    assert numbers("He ran in a 27-yard touchdown.") == [(27, "size:yard:touchdown", None)]
    assert numbers("They scored 17 unanswered points.") == [(17, "points", None)]
    assert numbers("The meeting lasted 45 minutes.") == [(45, "minutes", None)]
    assert numbers("The two men were hurt.") == [(2, "men", None)]


def test_a_height_in_feet_and_inches_is_read_whole():
    assert numbers("The 6-foot-9 forward scored 20.") == [(6.75, "height", None), (20, None, None)]
    assert numbers("A 6-foot fence was built.") == [(6, "size:foot:fence", None)]


def test_a_compound_counts_its_head():
    assert numbers("Crews cut two undersea cables and sent 10 fire engines.") == [(2, "cabl", None), (10, "engin", None)]
    assert numbers("The 12 worst-hit villages had no power.") == [(12, "villag", None)]
    assert numbers("Police said 12 people were injured.") == [(12, "injured", None)]


def test_a_participle_reaches_its_count_over_another_or_a_further():
    assert numbers("The quake killed 10 people and wounded another 70.") == [(10, "killed", None), (70, "injured", None)]
    assert numbers("The storm killed a further 5 on Tuesday.") == [(5, "killed", None)]
    assert numbers("The blast killed 3 and wounded 12 others.") == [(3, "killed", None), (12, "injured", None)]


def test_a_figure_in_brackets_after_another_restates_it_and_is_not_a_figure_of_its_own():
    # ... except a sum in another currency: it is the figure other outlets give in that currency
    assert numbers("They agreed a 110 billion euro ($158 billion) bailout.") == [(110e9, "euro", None),
                                                                                 (158e9, "dollar", None)]
    assert numbers("The epicentre was about 58 km (36 miles) from the port.") == [(58, "km", "approx")]
    assert numbers("The fire killed 12 people (including 3 children).") == [(12, "killed", None), (3, "children", None)]


def test_a_range_is_one_figure_that_allows_its_ends():
    ferry = find_numbers("Between 40 and 50 passengers were aboard.", 0, 41, [])
    assert [(n.low, n.value, n.kind, n.surface) for n in ferry] == [(40, 50, "passenger", "Between 40 and 50 passengers")]
    assert [(n.low, n.value) for n in find_numbers("three or four robbers", 0, 21, [])] == [(3, 4)]
    # "from 40 to 50" says a figure changed, and "between" is what makes "and" join a range (the people a
    # toll counts are its dead)
    assert numbers("The toll rose from 40 to 50 people.") == [(40, None, None), (50, "killed", None)]
    assert numbers("Police arrested 12 and charged 40 people.") == [(12, "arrested", None), (40, "people", None)]
    (a,), (b,), (c,) = (find_numbers(t, 0, len(t), []) for t in ("45 passengers", "65 passengers", "about 52 passengers"))
    assert compatible(ferry[0], a) and compatible(ferry[0], c) and not compatible(ferry[0], b)


def test_the_digits_of_a_web_address_are_no_figure_and_a_count_ends_at_its_line():
    # (the participle after the plural noun says what is counted: the dead)
    assert numbers("www.example.net/world/130909-harbour-fire-2-dead\nTwo dockers died in the fire.") == [(2, "killed", None)]
    assert numbers("Call 0845 7788\nWitnesses said 12 people were hurt.") == [(845, None, None), (7788, None, None),
                                                                               (12, "injured", None)]


def test_dates_of_the_analysis_are_left_out():
    text = "The talks on 18 February lasted five hours."
    start = text.index("18 February")
    found = find_numbers(text, 0, len(text), [(start, start + len("18 February"))])
    assert [(n.value, n.kind) for n in found] == [(5, "hours")]


PIECES = st.sampled_from(list("0123456789 ,.-$%£mk") + ["km", " about ", " people ", " twelve ", " and a half", " million",
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40), st.sampled_from("ABCD")), max_size=25),
       st.integers(0, 320), st.integers(0, 50))
def test_entities_found_by_bisection_are_those_a_scan_finds(spans, start, width):
    """StoryView looks a long article's entity spans up by bisection: the same spans, in the same order."""
    end = start + width
    article = StoryArticle(id="a", source="s", group="g", text="x" * 400, published=None,
                           analysis=Analysis(mentions=(), quotes=(), times=()))
    entities = [Entity(name=name, type="PERSON", aliases=(),
                       mentions=tuple(SourceSpan("a", a, a + n) for a, n, other in spans if other == name))
                for name in "ABCD"]
    story = StoryView([article], entities)
    every = sorted((a, a + n, name) for a, n, name in spans)
    assert story.entities_in(0, start, end) == [t for t in every if start <= t[0] and t[1] <= end]
    assert story.entity_at(0, start, end) == next((name for s, e, name in every if s <= start and end <= e), None)
