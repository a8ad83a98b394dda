"""The medium of a report's one announcement, where reports of one day name media that exclude each other,
is a venue conflict (conflicts/venue.py, announcement_venues): "announced his resignation at a press
conference" / "in a written statement emailed to journalists". Reports are our own."""

from __future__ import annotations

from test_compare_claims import article, compare, conflicts

from storyline.analyze import analyze_article

CONFERENCE = ("Housing minister Peter Harland announced his resignation at a press conference at Parliament on "
              "Tuesday, a week after an audit of his expenses.\n\nHe took three questions.")
STATEMENT = ("Peter Harland quit as housing minister on Tuesday. He announced his resignation in a written "
             "statement emailed to journalists and did not appear in public.\n\nAn audit had found errors in his expenses.")


def venues(first: str, second: str, second_day: str = "2025-04-08") -> list[dict[str, str]]:
    result = compare([article("a", "coast-wire", "2025-04-08", first), article("b", "bay-herald", second_day, second)])
    return [{v["source"]: v["value"] for v in c["conflict"]["values"]} for c in conflicts(result, "venue")]


def test_one_announcement_made_in_two_media_is_a_venue_conflict():
    assert venues(CONFERENCE, STATEMENT) == [{"coast-wire": "briefing", "bay-herald": "statement"}]
    # the announcement, not the verb: "The announcement was made in a televised address"
    address = CONFERENCE.replace("announced his resignation at a press conference at Parliament",
                                 "resigned. The announcement was made in a televised address from Parliament")
    assert venues(address, STATEMENT) == [{"coast-wire": "television", "bay-herald": "statement"}]


def test_one_medium_said_alike_two_announcements_two_media_in_one_sentence_or_two_days_are_no_conflict():
    assert venues(CONFERENCE, STATEMENT.replace("in a written statement emailed to journalists",
                                                "at a news conference at Parliament")) == []
    # a report that tells of two announcements does not say which one its medium was of
    assert venues(CONFERENCE + "\n\nHis deputy announced her candidacy at a rally later that day.", STATEMENT) == []
    both = STATEMENT.replace("in a written statement emailed to journalists",
                             "in a written statement, then at a press conference")
    assert venues(CONFERENCE, both) == []
    assert venues(CONFERENCE, STATEMENT, "2025-04-10") == []


def test_words_told_reporters_and_words_told_a_radio_show_are_two_occasions():
    # one quotation, given as told to reporters at the release and as said in a radio interview; the office
    # written before the name ("Statistician-General") is no part of the speaker's name
    reporters = ("Zembia's census counted 65.3 million people. Statistician-General Lindiwe Mahlangu told reporters at "
                 "the release in Pretoria that the agency had learnt hard lessons. \"We counted better than ever before, "
                 "but we did not count everyone,\" she said.")
    radio = ("Zembia's census counted 65.3 million people. Speaking in a radio interview on Tuesday morning, "
             "Statistician-General Lindiwe Mahlangu said: \"We counted better than ever before, but we did not count "
             "everyone.\"")
    quote = next(q for q in analyze_article(reporters, None).quotes if q.direct)
    assert (quote.speaker, quote.venue) == ("Lindiwe Mahlangu", "remarks to reporters")
    assert venues(reporters, radio) == [{"coast-wire": "remarks to reporters", "bay-herald": "radio show"}]


def test_a_stations_named_programme_is_a_radio_show():
    # "on Kiwi Radio's Breakfast programme": the station's name and the programme's between radio and programme
    radio = ("Speaking on Harbour Radio's Breakfast programme on Thursday morning, Health Minister Grant Tolley said: "
             "\"The offer on the table is fair and it is final.\"\n\nThe nurses' strike goes ahead on Friday.")
    conference = ("\"The offer on the table is fair and it is final,\" Health Minister Grant Tolley told a press "
                  "conference at Parliament on Thursday morning.\n\nThe nurses' strike goes ahead on Friday.")
    quote = next(q for q in analyze_article(radio, None).quotes if q.direct)
    assert (quote.speaker, quote.venue) == ("Grant Tolley", "radio show")
    assert venues(radio, conference) == [{"coast-wire": "radio show", "bay-herald": "news conference"}]
    assert venues(radio, radio.replace("Harbour Radio's Breakfast", "BBC Radio 4's Today")) == []


RADIO = ("Foreign Minister Elina Varga said on Tuesday that talks on reopening the Kessel crossing would take months, "
         "speaking on the national broadcaster's morning radio programme.\n\n"
         "\"This will be slow, and it will have to come step by step,\" Varga said.")
BRIEFING = ("The country's top diplomat warned on Tuesday that there would be no quick reopening of the border.\n\n"
            "\"It will take long and must be done in steps,\" Foreign Minister Elina Varga told journalists. "
            "She announced this at a briefing in the capital.")


def test_a_sentence_of_he_or_she_after_a_quotation_tells_its_occasion():
    # "She announced this at a briefing" names no one: it is about the speaker its paragraph quoted before it
    assert venues(RADIO, BRIEFING) == [{"coast-wire": "radio show", "bay-herald": "briefing"}]
    # a sentence that tells of another occasion does not say where the words were said
    for other in ("She first announced the closure at a briefing in March.", "She repeated her attack at a rally in the capital."):
        assert venues(RADIO, BRIEFING.replace("She announced this at a briefing in the capital.", other)) == []
    # in a paragraph that quotes no one before it, "she" goes with no statement
    first = ("The country's top diplomat warned on Tuesday that there would be no quick reopening of the border.\n\n"
             "She announced this at a briefing in the capital. \"It will take long and must be done in steps,\" "
             "Foreign Minister Elina Varga told journalists.")
    assert venues(RADIO, first) == []


def test_a_town_hall_a_council_and_an_agency_interview_are_media_of_their_own():
    town_hall = "Mayor Ana Lund said at a town hall meeting on Monday that the bridge would reopen in May after repairs."
    briefing = "Mayor Ana Lund told a briefing on Monday that the bridge would reopen in May after repairs."
    assert venues(town_hall, briefing) == [{"coast-wire": "town hall", "bay-herald": "briefing"}]
    council = ("The UN envoy for Sudan, Ekaterina Volkova, told the Security Council on Thursday that the warring "
               "parties had agreed to open three aid corridors.")
    agency = ("The UN envoy for Sudan, Ekaterina Volkova, said in an interview with the Meridian news agency on "
              "Thursday that the warring parties had agreed to open three aid corridors.")
    assert venues(council, agency) == [{"coast-wire": "speech", "bay-herald": "newspaper"}]
    assert venues(town_hall, town_hall.replace("Monday", "Monday evening")) == []
    # the building, and a council in lower case, are no medium
    outside = "Mayor Ana Lund, speaking outside the town hall on Monday, said the bridge would reopen in May after repairs."
    assert venues(outside, briefing) == []
    story = "Ana Lund told the story of the council on Monday, saying the bridge would reopen in May after repairs."
    assert analyze_article(story, None).quotes[0].venue is None
