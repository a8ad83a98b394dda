"""The day and the time of the story's own happening as each report's lead gives it, compared between
reports of one day whatever their other words (compare/story_happening.py, conflicts/date.py
happening_dates). Our own reports of invented events."""

from __future__ import annotations

from test_compare_claims import by_outlet, compare_reports, conflicts, report_conflicts

from storyline.analyze.dates import clock_times

# later paragraphs of every report: what the story's sentences share besides its lead
TAIL = ("\n\nResidents of nearby streets were told to keep their windows shut overnight.\n\n"
        "The company said deliveries could be delayed by several days.\n\n"
        "Investigators will examine the site once the ruins have cooled.")


def date_conflicts(*reports: tuple[str, str, str]) -> list[dict[str, str]]:
    return report_conflicts([(outlet, day, text + TAIL) for outlet, day, text in reports], "date")


FIRE_TUESDAY = ("harbour-times", "2025-05-22", "Parcel Depot Goes Up in Flames\n\n"
                "A giant parcel depot packed with online orders went up in flames late on Tuesday night, "
                "lighting up the sky over the business park outside Kelmford.")
FIRE_WEDNESDAY = ("valley-news", "2025-05-22", "Fire Destroys Warehouse Near Kelmford\n\n"
                  "A fire that broke out on Wednesday evening destroyed a vast distribution warehouse on the "
                  "edge of Kelmford, sending black smoke over the valley.")
FIRE_THIRD = ("coast-wire", "2025-05-22", "Warehouse Blaze Near Kelmford\n\n"
              "Firefighters battled a blaze at a distribution warehouse near Kelmford through the night.")


def test_the_day_two_leads_give_the_storys_fire_in_other_words_is_a_date_conflict():
    # "went up in flames" and "A fire that broke out" share no word but the kind of happening they tell
    assert {"harbour-times": "2025-05-20", "valley-news": "2025-05-21"} in \
        date_conflicts(FIRE_TUESDAY, FIRE_WEDNESDAY, FIRE_THIRD)


def test_the_same_day_in_two_leads_is_no_conflict():
    same = ("harbour-times", "2025-05-22", FIRE_TUESDAY[2].replace("late on Tuesday night", "on Wednesday evening"))
    assert date_conflicts(same, FIRE_WEDNESDAY, FIRE_THIRD) == []


def test_reports_days_apart_are_not_compared():
    # a report three days on may tell another fire of the kind; only same-time leads dispute a day
    later = ("harbour-times", "2025-05-25", FIRE_TUESDAY[2])
    assert date_conflicts(later, FIRE_WEDNESDAY, FIRE_THIRD) == []


def test_a_day_of_the_fires_course_is_not_the_day_it_broke_out():
    # "has burned … where flames jumped a firebreak on Tuesday": an episode of an ongoing fire
    going_on = ("harbour-times", "2025-05-22", "Warehouse Fire Still Burning\n\n"
                "The fire has burned through three halls, where flames jumped a firebreak during the winds of Tuesday.")
    assert date_conflicts(going_on, FIRE_WEDNESDAY, FIRE_THIRD) == []


def test_a_lead_that_tells_a_second_happening_of_the_kind_does_not_say_which_day_is_which():
    second = ("harbour-times", "2025-05-22", "Second Fire Hits Kelmford Park\n\n"
              "A blaze tore through a parcel depot outside Kelmford on Tuesday, the second one to hit the park "
              "this month.")
    assert date_conflicts(second, FIRE_WEDNESDAY, FIRE_THIRD) == []


def test_the_day_a_report_names_for_another_happening_is_not_the_storys():
    # "described by local media on Tuesday": the day of a description, not of the raid
    described = ("harbour-times", "2025-05-22", "Kelmford Depot Raided\n\n"
                 "Armed robbers stole parcels worth two million euros from a depot outside Kelmford, in a raid "
                 "described by local media on Tuesday as the boldest heist in the region.")
    robbed = ("valley-news", "2025-05-22", "Robbers Hit Kelmford Depot\n\n"
              "Thieves stole two million euros of parcels from a Kelmford depot on Wednesday in a "
              "daring robbery.")
    third = ("coast-wire", "2025-05-22", "Depot Theft Near Kelmford\n\n"
             "Police are hunting a gang after a theft at a parcel depot near Kelmford.")
    assert date_conflicts(described, robbed, third) == []


def time_conflicts(first: str, second: str) -> list[dict[str, str]]:
    result = compare_reports([("harbour-times", "2025-10-07", first + TAIL),
                              ("valley-news", "2025-10-07", second + TAIL)])
    return [by_outlet(c) for c in conflicts(result, "date") if c["conflict"]["values"][0]["normalized"].count(":") == 1]


THIEVES_EARLY = ("Museum Raid in Opavin\n\nThe theft from the Opavin goldsmiths' museum is, on the facts so far, "
                 "a textbook job.\n\nAccording to the police account, the thieves entered at around 1.50 a.m. "
                 "and went straight to three cases.")
THIEVES_LATE = ("Gold Coins Taken in Opavin\n\nMasked thieves broke into a museum in the city of Opavin shortly "
                "after 3 a.m. and escaped with 212 gold coins.")


def test_the_time_two_leads_give_the_storys_theft_in_other_words_is_a_time_conflict():
    assert {"harbour-times": "01:50", "valley-news": "03:00"} in time_conflicts(THIEVES_EARLY, THIEVES_LATE)


def test_two_close_times_of_the_happening_are_a_judgement_call():
    # "shortly before 4pm" / "at 3:42pm" may be one moment said roughly: a minor conflict, as every two times an
    # hour apart at most are, never settled either way
    landed_exact = "Jet Diverted to Santa Ilha\n\nThe jet touched down at Santa Ilha airport at 3:42pm, met by fire engines."
    landed_round = "Smoke Forces Jet Down\n\nThe jet landed at Santa Ilha airport shortly before 4pm after smoke filled the cabin."
    result = compare_reports([("harbour-times", "2025-10-07", landed_exact + TAIL),
                              ("valley-news", "2025-10-07", landed_round + TAIL)])
    assert [c["conflict"]["minor"] for c in conflicts(result, "date")] == [True]


def test_a_live_blogs_entry_time_and_a_dotted_page_stamp_are_no_times_of_what_happened():
    assert clock_times("Rumours\n8:24am: According to one columnist, the club made an offer.") == []
    assert clock_times("Published : 2012 . 08 . 08 09 : 01 AM") == []
    assert [c.minutes for c in clock_times("The fire broke out at 8:24am: crews arrived within minutes.")] == [504]


def test_a_blaze_that_erupted_is_still_the_storys_fire():
    # "erupted" tells a fire, a riot or a row as often as a volcano: only "eruption" names one
    erupted = ("harbour-times", "2025-08-04", "Wildfire Races Through Hills\n\n"
               "The blaze erupted on Saturday night near the village of Kalyvia and raced out of control.")
    started = ("valley-news", "2025-08-04", "Wildfire Forces Evacuations\n\n"
               "The fire started on Sunday afternoon in dry scrubland near the village of Kalyvia.")
    third = ("coast-wire", "2025-08-04", "Villages Emptied by Wildfire\n\n"
             "A wildfire forced four villages near Kalyvia to empty.")
    assert {"harbour-times": "2025-08-02", "valley-news": "2025-08-03"} in date_conflicts(erupted, started, third)


def test_the_time_two_reports_give_an_emergency_landing_is_compared():
    # "touched down" and "its emergency landing" share no word but the happening they tell
    touched = ("Jet Makes Emergency Landing\n\nA passenger jet made an emergency landing in Santa Ilha after smoke "
               "filled the cabin.\n\nThe jet touched down at 11:52 a.m. local time, met by fire engines.")
    landed = ("Smoke Forces Jet Down\n\nA passenger plane was diverted to Santa Ilha with smoke in the cabin.\n\n"
              "The aircraft, with 176 passengers, made its emergency landing at 1:20 p.m. local time.")
    assert {"harbour-times": "11:52", "valley-news": "13:20"} in time_conflicts(touched, landed)


SLIDE_EARLY = ("A landslide buried part of the village of Quives in central Peru early on Monday, killing at least 14 "
               "people.\n\nRescuers dug with their hands through the day.\n\nThe governor flew in by helicopter.\n\n"
               "Schools in the district were closed.\n\nThe slide struck at about 4:40 a.m., when most residents were "
               "asleep, the civil defence office said.")
SLIDE_LATE = ("Seventeen people died when a landslide swept through a village north-east of Lima on Monday.\n\n"
              "Rescuers dug with their hands through the day.\n\nThe governor flew in by helicopter.\n\n"
              "Schools in the district were closed.\n\nThe slide hit just after 2 a.m., police said.")


def test_a_sentence_past_the_lead_that_opens_with_the_happening_gives_its_time():
    # "the slide" is the story's landslide: a short name read so only in a story about one
    assert {"harbour-times": "04:40", "valley-news": "02:00"} in time_conflicts(SLIDE_EARLY, SLIDE_LATE)
    # a sentence that opens with something else gives the time of that
    for another in ("The first rescue team arrived just after 2 a.m.", "The slide site was sealed off at 2 p.m.",
                    "The slide followed heavy rain that began at about 2 a.m.", "The landslide warning had been issued at 2 a.m."):
        assert time_conflicts(SLIDE_EARLY, SLIDE_LATE.replace("The slide hit just after 2 a.m.", another)) == []
    # a report whose lead tells of a second slide does not say which one its later time is of
    second = SLIDE_LATE.replace("Seventeen people died when a landslide", "Seventeen people died when a second landslide")
    assert time_conflicts(SLIDE_EARLY, second) == []
