"""Which places lie inside which, as the story's own reports say it (compare/places_within.py), and what the
comparison makes of it: a toll "in Nakuru" and a toll "in Kenya" are of one place where a report says Nakuru is
a Kenyan city; two towns of one country stay two. Our own reports of invented events."""

from __future__ import annotations

from test_compare_claims import compare_reports, conflicts, report_conflicts

from storyline.analyze import analyze_article, canonical_entities
from storyline.compare import StoryArticle, StoryView
from storyline.compare.conflicts.conflict import places_meet
from storyline.compare.places_within import country_of_adjective, places_within


def story_of(*texts: str) -> StoryView:
    articles = [StoryArticle(id=f"a{i}", source=f"outlet-{i}", group=f"a{i}", text=text, published=None,
                             analysis=analyze_article(text, None), language="en") for i, text in enumerate(texts)]
    entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
    return StoryView(articles, entities)


def test_a_report_says_which_town_lies_in_which_country_or_state():
    story = story_of("Seventeen people died in the Kenyan city of Nakuru on Saturday.",
                     "The storm reached Biloxi, Mississippi, before dawn, and then Mobile in southern Alabama.")
    within = places_within(story)
    assert within["Nakuru"] == {"Kenya"}
    assert within["Biloxi"] == {"Mississippi"}
    assert within["Mobile"] == {"Alabama"}


def test_a_town_meets_its_country_but_two_towns_never_meet_through_it():
    story = story_of("Seventeen people died in the Kenyan city of Nakuru on Saturday.",
                     "Fans travelled from Eldoret, Kenya, for the final.")
    assert places_meet(story, {"Nakuru"}, {"Kenya"}) and places_meet(story, {"Kenya"}, {"Eldoret"})
    assert not places_meet(story, {"Nakuru"}, {"Eldoret"})


def test_a_list_of_places_is_no_containment():
    story = story_of("Protests spread to Athens, Thessaloniki and Patras on Monday.",
                     "Crowds marched in London, Washington and Tokyo.",
                     "Leaders met in Paris, Germany's chancellor said.")
    assert places_within(story) == {}


def test_adjectives_of_nationality_name_their_country():
    assert [country_of_adjective(w) for w in ("Kenyan", "Mexican", "Brazilian", "Italian", "Indian", "Dominican",
                                              "Ruritanian")] \
        == ["Kenya", "Mexico", "Brazil", "Italy", "India", "Dominican Republic", None]


TAIL = ("\n\nThe gate had been locked since half-time, witnesses said.\n\n"
        "The football federation said it would open an inquiry into the stadium's stewarding.")


def test_a_toll_in_a_town_and_a_toll_in_its_country_are_one_count():
    reports = [("valley-wire", "2025-05-18", "Crush At Cup Final\n\nSeventeen people died when supporters leaving a cup "
                "final in the Kenyan city of Nakuru were crushed against a locked gate, police said." + TAIL),
               ("coast-news", "2025-05-18", "Stadium Crush\n\nFourteen people died when supporters were crushed at a "
                "cup final at a stadium in Kenya, police said." + TAIL)]
    found = report_conflicts(reports, "number")
    assert {"valley-wire": "17", "coast-news": "14"} in [{k: v.split()[0] for k, v in f.items()} for f in found]


def test_tolls_of_two_towns_of_one_country_are_no_conflict():
    reports = [("valley-wire", "2025-05-18", "Crush At Cup Final\n\nSeventeen people died when supporters leaving a cup "
                "final in the Kenyan city of Nakuru were crushed against a locked gate, police said." + TAIL),
               ("coast-news", "2025-05-18", "Stadium Crush\n\nFourteen people died when supporters were crushed at a "
                "cup final at a stadium in Eldoret, Kenya, police said." + TAIL)]
    assert conflicts(compare_reports(reports), "number") == []
