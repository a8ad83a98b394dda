"""Which places of a story lie inside which, as the story's own reports say it: "Biloxi, Mississippi",
"the Kenyan city of Nakuru", "Nakuru in western Kenya". No gazetteer runs here; a reader learns the
containment from the text, and so does this.

A report that puts a toll "in Nakuru" and one that puts it "in Kenya" speak of one place, where any report
of the story says that Nakuru is in Kenya; two towns of one country do not meet through the country
(`conflict.places_meet` follows containment one way, never through a shared container)."""

from __future__ import annotations

import re

from storyline.analyze.places import is_country
from storyline.compare.units import StoryView
from storyline.lang.en import US_STATES

_PLACE_TYPES = frozenset({"GPE", "LOC"})
# "the Kenyan city of", "the Peruvian mining town of" (the adjective a country's)
_KIND_OF_PLACE = re.compile(r"\b(?P<adjective>[A-Z][a-z]+)\s+(?:[a-z-]+\s+)?(?:city|town|village|port|capital|province|region"
                            r"|state|district|county|island|resort|suburb|municipality)\s+of\s+$")
# "Nakuru in western Kenya", "Biloxi, in Mississippi": between a place and the larger one
_IN_LARGER = re.compile(r"^,?\s+in\s+(?:(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east"
                        r"|south-?west)(?:ern)?\s+)?$", re.IGNORECASE)

# adjectives the common endings would read as another country's
_ADJECTIVES = {"Dominican": "Dominican Republic"}
# what follows a list's member, not a town's state or country: "London, Washington and Tokyo", "Paris, Germany's …"
_LIST_GOES_ON = re.compile(r"\s*(?:and|or|&)\s|['’]s\b")


def _larger(name: str) -> bool:
    """A place that holds towns: a country or a US state."""
    return is_country(name) or name in US_STATES


def country_of_adjective(adjective: str) -> str | None:
    """The country an adjective of nationality names ("Kenyan" -> Kenya, "Mexican" -> Mexico, "Brazilian" ->
    Brazil, "Italian" -> Italy), where the word is formed from the country's name by the common endings."""
    if adjective in _ADJECTIVES:
        return _ADJECTIVES[adjective]
    for stem in (adjective[:-1], adjective[:-2] + "o", adjective[:-3], adjective[:-3] + "y", adjective[:-2]):
        if len(stem) > 2 and is_country(stem):
            return stem
    return None


def places_within(story: StoryView) -> dict[str, frozenset[str]]:
    """Per place of the story, the countries and US states its reports put it in ("Biloxi, Mississippi", not the
    list "London, Washington and Tokyo" nor "Paris, Germany's chancellor said")."""
    if story.places_within is not None:
        return story.places_within
    within: dict[str, set[str]] = {}
    for pos, spans in story.entity_spans.items():
        text = story.articles[pos].text
        places = [(s, e, name) for s, e, name in spans if story.entity_type.get(name) in _PLACE_TYPES]
        for k, (s, e, name) in enumerate(places):
            if _larger(name):
                continue
            in_a_list = k > 0 and text[places[k - 1][1]:s] == ", "
            if k + 1 < len(places) and not in_a_list:
                s2, e2, holder = places[k + 1]
                between = text[e:s2]
                if holder != name and _larger(holder) and (between == ", " or _IN_LARGER.match(between)) \
                        and not _LIST_GOES_ON.match(text, e2):
                    within.setdefault(name, set()).add(holder)
            kind = _KIND_OF_PLACE.search(text, max(0, s - 60), s)
            country = country_of_adjective(kind.group("adjective")) if kind else None
            if country is not None:
                within.setdefault(name, set()).add(country)
    story.places_within = {name: frozenset(holders) for name, holders in within.items()}
    return story.places_within

