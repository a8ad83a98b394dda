"""One spaCy pass per article: mentions, quotes and dates together, on two reports of one interview."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from storyline.analyze import analyze_article, analyze_articles, canonical_entities, entity_of, load_nlp

PUBLISHED = date(2025, 2, 14)

RADIO = (
    "Foreign Secretary Amara Quist said this morning that Prime Minister Tobias Rennick wants the fighting in "
    "Veldara ended for good, not frozen.\n\n"
    "Speaking on Crossroads, a talk radio programme hosted by Jo Pell and Sami Okoro, Quist said the government had "
    "no interest in a short truce. “The prime minister wants this war over, not paused.”\n\n"
    "“It will come in stages,” she told the hosts, “and the first stage is a ceasefire nobody has agreed yet.”\n\n"
    "The interview came after Rennick spoke by phone with the presidents of both countries two days earlier.")

BRIEFING = (
    "The government wants the war in Veldara finished and not only stopped, said Foreign Secretary Amara Quist at a "
    "briefing for journalists today.\n\n"
    '"The Prime Minister wishes that this war is ended, and not put on pause," said Ms Quist.\n\n'
    'According to Quist, the process will go in several stages. "The first stage is a ceasefire, which is not '
    'negotiated yet," she said.\n\n'
    "The statements come after Tobias Rennick on Wednesday held telephone calls with both presidents.")


@pytest.mark.parametrize("tagger", [False, True])
def test_two_reports_of_one_interview(tagger):
    nlp = load_nlp(tagger=tagger)
    radio, briefing = analyze_article(RADIO, PUBLISHED, nlp), analyze_article(BRIEFING, PUBLISHED, nlp)
    for text, analysis in ((RADIO, radio), (BRIEFING, briefing)):
        for m in analysis.mentions:
            assert text[m.start:m.end] == m.text
        for q in analysis.quotes:
            assert text[q.start:q.end] == q.text
        for t in analysis.times:
            assert text[t.start:t.end] == t.text

    radio_direct = [q for q in radio.quotes if q.direct]
    assert {q.speaker for q in radio_direct} == {"Amara Quist"}
    assert {q.venue for q in radio_direct} == {"radio show"}
    assert any(q.addressee == "the hosts" for q in radio_direct)
    stages = [q for q in radio_direct if "stages" in q.text or "first stage" in q.text]
    assert len(stages) == 2 and stages[0].group == stages[1].group

    briefing_direct = [q for q in briefing.quotes if q.direct]
    assert {q.speaker for q in briefing_direct} == {"Amara Quist"}
    assert {q.venue for q in briefing_direct} == {"briefing"}

    # The calls are dated to the day in both: "two days earlier" and "on Wednesday" before Friday 14 February.
    assert ("two days earlier", "2025-02-12") in {(t.text, t.date) for t in radio.times}
    assert ("on Wednesday", "2025-02-12") in {(t.text, t.date) for t in briefing.times}

    entities = canonical_entities({"radio": radio.mentions, "briefing": briefing.mentions},
                                  {"radio": RADIO, "briefing": BRIEFING})
    quist = next(e for e in entities if e.name == "Amara Quist")
    assert quist.type == "PERSON" and {"Quist", "Ms Quist"} <= set(quist.aliases)
    speaker = radio_direct[0]
    assert entity_of(entities, "radio", *speaker.speaker_span) is quist


def test_batched_analysis_equals_one_by_one():
    batched = list(analyze_articles([(RADIO, PUBLISHED), (BRIEFING, None)]))
    assert batched[0] == analyze_article(RADIO, PUBLISHED)
    assert batched[1] == analyze_article(BRIEFING, None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(
    ["“", "”", '"', "Mr", "Smith", "said", "he", "told", "reporters", ",", ".", "\n\n", "on Monday", "Ana Ruiz",
     "according to", "that", "the minister", "’s", "'", "LIMA -", "(Wire)", "at a briefing", "2019", "»", "«"]),
    max_size=40).map(" ".join)))
def test_analysis_never_fails_on_odd_text(text):
    analysis = analyze_article(text, PUBLISHED)
    for item in (*analysis.mentions, *analysis.quotes, *analysis.times):
        assert text[item.start:item.end] == item.text
