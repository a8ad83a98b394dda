"""Claims across outlets: who corroborates what, which differences are conflicts and which are not."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from storyline.analyze import analyze_article, canonical_entities
from storyline.brief import brief_markdown
from storyline.compare.align import EXACT_NEIGHBOURS
from storyline.compare.conflicts.date import same_printed_day
from storyline.compare import (
    Comparison,
    StoryArticle,
    compare_story,
    nearest_neighbours,
)
from storyline.embed import load_static_embedder
from storyline.model import TimeExpression
from storyline.text import normalize_text

MOTIVATING = Path(__file__).resolve().parents[1] / "fixtures" / "motivating"


def article(ident: str, source: str, day: str, body: str, group: str | None = None) -> StoryArticle:
    text = normalize_text(body)
    published = datetime.fromisoformat(day).replace(tzinfo=UTC)
    return StoryArticle(id=ident, source=source, group=group or ident, text=text, published=published,
                        analysis=analyze_article(text, published))


def compare(articles: list[StoryArticle]) -> Comparison:
    entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
    result = compare_story(articles, entities, load_static_embedder().embed)
    assert_contract(articles, result)
    return result


def compare_reports(reports: list[tuple[str, str, str]]) -> Comparison:
    """Compare reports given as (outlet, day, text), each article named after its outlet."""
    return compare([article(source, source, day, text) for source, day, text in reports])


def assert_contract(articles: list[StoryArticle], result: Comparison) -> None:
    """The rules check.py holds a story to, and exact provenance."""
    texts = {a.id: a.text for a in articles}
    outlets = {a.source for a in articles}
    for claim in result.claims:
        sources = set(claim["sources"])
        assert sources <= outlets
        assert claim["evidence"], claim
        for e in claim["evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
        assert any(e["text"] == claim["text"] for e in claim["evidence"])
        if claim["status"] == "corroborated":
            assert len(sources) >= 2
        elif claim["status"] == "single":
            assert len(sources) == 1
        else:
            values = claim["conflict"]["values"]
            assert len({v["value"] for v in values}) >= 2 and len({v["source"] for v in values}) >= 2
            for v in values:
                for e in v["evidence"]:
                    assert texts[e["article"]][e["start"]:e["end"]] == e["text"]
    for quote in result.quotes:
        assert set(quote["sources"]) <= outlets
        for v in quote["variants"]:
            assert v["article"] in texts and v["start"] < v["end"]
    for line in result.summary:
        assert any(e["text"] == line["text"] for e in line["evidence"])
        for e in line["evidence"]:
            assert texts[e["article"]][e["start"]:e["end"]] == e["text"]


def updates_by_first_step(reports: list[tuple[str, str, str]]) -> dict[str, dict]:
    """The updates of a comparison of reports, each under the value of its earliest step."""
    return {c["update"]["values"][0]["normalized"]: c["update"] for c in compare_reports(reports).claims
            if c.get("update")}


def conflicts(result: Comparison, about: str | None = None) -> list[dict]:
    return [c for c in result.claims if c["status"] == "conflict" and (about is None or c["conflict"]["about"] == about)]


def by_outlet(claim: dict, field: str = "normalized") -> dict[str, str]:
    """A conflict's values by outlet (their `field`)."""
    return {v["source"]: v[field] for v in claim["conflict"]["values"]}


def report_conflicts(reports: list[tuple[str, str, str]], about: str) -> list[dict[str, str]]:
    """The conflicts of one kind among reports given as (outlet, day, text): each one's values by outlet."""
    return [by_outlet(c) for c in conflicts(compare_reports(reports), about)]


def pair_conflicts(first: str, second: str, about: str, field: str = "normalized") -> list[tuple[dict[str, str], bool]]:
    """The conflicts of one kind between two outlets' reports of one day: each one's values by outlet
    (their `field`), and whether it is minor."""
    result = compare([article("a", "harbour-times", "2025-03-03", first),
                      article("b", "valley-news", "2025-03-03", second)])
    return [(by_outlet(c, field), c["conflict"]["minor"]) for c in conflicts(result, about)]


def pair_values(first: str, second: str, about: str) -> list[dict[str, str]]:
    """The conflicts of one kind between two outlets' reports of one day: each one's values by outlet, as written."""
    return [found for found, _ in pair_conflicts(first, second, about, "value")]


FAIR_A = ("Twelve people were injured when a temporary grandstand collapsed at the Westbrook county fair on "
          "Saturday evening, the county fire service said.\n\n"
          "Organisers closed the fairground for the rest of the weekend while engineers inspect the other stands.\n\n"
          "The fair has been held every summer since 1921.")
FAIR_B = ("A temporary grandstand collapsed at the Westbrook county fair on Saturday evening, injuring 15 people, "
          "according to the county fire service.\n\n"
          "The fairground will stay closed for the rest of the weekend while engineers inspect the other stands, "
          "organisers said.\n\n"
          "Two of the injured were taken to hospital in Marsden.")


def test_a_number_two_outlets_give_differently_is_a_conflict():
    result = compare([article("a", "harbour-times", "2025-06-08", FAIR_A),
                      article("b", "valley-news", "2025-06-08", FAIR_B)])
    found = conflicts(result, "number")
    assert len(found) == 1
    values = {v["source"]: v for v in found[0]["conflict"]["values"]}
    assert values["harbour-times"]["normalized"] == "12" and values["valley-news"]["normalized"] == "15"
    assert values["harbour-times"]["evidence"][0]["text"].startswith("Twelve")
    assert found[0]["conflict"]["subject"] == "injured" and found[0]["conflict"]["minor"] is False
    # the fact both give alike is corroborated, and what one adds is its own
    closed = [c for c in result.claims if "closed" in c["text"] and c["status"] == "corroborated"]
    assert closed and set(closed[0]["sources"]) == {"harbour-times", "valley-news"}
    assert any(c["status"] == "single" and c["sources"] == ["valley-news"] and "hospital" in c["text"]
               for c in result.claims)
    # the brief never states a disputed number as settled: the dispute is shown once, as its conflict
    assert result.summary and all(line["status"] != "conflict" for line in result.summary)
    assert all("Twelve" not in line["text"] and "15 people" not in line["text"] for line in result.summary)


def test_close_approximations_are_a_minor_conflict():
    a = ("Negotiators from the two ports met in Calder on Monday to settle the fishing dispute.\n\n"
         "The meeting lasted almost five hours, officials said.")
    b = ("Negotiators from the two ports met in Calder on Monday to settle the fishing dispute.\n\n"
         "The meeting lasted about four and a half hours, officials said.")
    found = conflicts(compare([article("a", "harbour-times", "2025-03-03", a),
                               article("b", "valley-news", "2025-03-03", b)]), "number")
    assert len(found) == 1 and found[0]["conflict"]["minor"] is True


def test_a_paraphrase_is_not_a_conflict():
    a = ("Mayor Lena Ostrova said on Tuesday that the Kessel bridge would reopen in March after repairs costing "
         "about 40 million euros.\n\n"
         "At least 14 people were killed when the bridge partly collapsed in the storm last November.")
    b = ("The Kessel bridge is expected to reopen in March, Mayor Lena Ostrova told reporters on Tuesday, once "
         "repairs worth some 40 million euros are finished.\n\n"
         "The partial collapse of the bridge in a storm last November killed 17 people.")
    result = compare([article("a", "kessel-daily", "2025-02-04", a), article("b", "river-mail", "2025-02-04", b)])
    assert conflicts(result) == []
    assert any(c["status"] == "corroborated" and "reopen" in c["text"] for c in result.claims)


def test_a_date_outlets_give_differently_is_a_conflict_and_today_on_two_days_is_not():
    a = ("The Osprey rocket lifted off from Kettle Bay spaceport at 11:40 p.m. on Wednesday and placed two weather "
         "satellites in orbit, the company said.\n\nIt was the rocket's third flight.")
    b = ("The Osprey rocket lifted off from Kettle Bay spaceport early this morning and placed two weather "
         "satellites in orbit.\n\nThe company plans another launch in June.")
    result = compare([article("a", "coast-wire", "2025-03-13", a), article("b", "bay-herald", "2025-03-13", b)])
    found = conflicts(result, "date")
    assert len(found) == 1
    assert {v["source"]: v["value"] for v in found[0]["conflict"]["values"]} == \
        {"coast-wire": "2025-03-12", "bay-herald": "2025-03-13"}

    first = ("About 900 dockworkers at the port of Tallin Bay walked off the job today in a dispute over pay.\n\n"
             "The union wants a rise of 8 percent.")
    second = ("The strike by about 900 dockworkers at the port of Tallin Bay entered its second day today, with no "
              "talks planned.\n\nThe union wants a rise of 8 percent.")
    result = compare([article("c", "coast-wire", "2025-03-17", first), article("d", "bay-herald", "2025-03-18", second)])
    assert conflicts(result) == []


def test_one_happening_timed_apart_is_a_minor_conflict_and_times_within_about_are_not():
    def fire(outlet: str, when: str) -> tuple[str, str, str]:
        return (outlet, "2025-06-07", f"A fire broke out in the roof of the Kelmar grain depot in Arlow {when} on "
                f"Friday, the county fire service said.\n\nNobody was hurt. Six crews worked through the night. The depot "
                f"stores wheat for three farms. Roads nearby stay closed.")

    found = conflicts(compare_reports([fire("coast-wire", "at about 8.40pm"), fire("bay-herald", "at 8.55pm")]),
                      "date")
    assert len(found) == 1 and found[0]["conflict"]["minor"]
    assert {v["source"]: v["value"] for v in found[0]["conflict"]["values"]} == \
        {"coast-wire": "20:40", "bay-herald": "20:55"}
    # "around 9pm" and "shortly before 9pm" agree; so may 20:45 GMT and 9.45pm (a zone not given)
    assert conflicts(compare_reports([fire("coast-wire", "around 9pm"), fire("bay-herald", "shortly before 9pm")])) == []
    assert conflicts(compare_reports([fire("coast-wire", "at 20:45 GMT"), fire("bay-herald", "at 9.45pm")])) == []
    # a round time said roughly holds its quarter hour ("about 4pm" / "about 4.10pm"; "shortly after 3am" /
    # "about 3.10am"), a time with its minutes only five of them either way, and an hour apart still disputes it
    assert conflicts(compare_reports([fire("coast-wire", "at about 9pm"), fire("bay-herald", "at about 9.10pm")])) == []
    assert conflicts(compare_reports([fire("coast-wire", "shortly after 9pm"), fire("bay-herald", "at about 9.10pm")])) == []
    assert conflicts(compare_reports([fire("coast-wire", "at about 9.25pm"), fire("bay-herald", "at 9.10pm")]), "date")
    assert conflicts(compare_reports([fire("coast-wire", "shortly before 9pm"), fire("bay-herald", "at 9.52pm")]), "date")


def test_one_printed_day_read_into_two_years_is_not_a_date_conflict():
    def day(text: str, iso: str) -> TimeExpression:
        return TimeExpression(text, 0, len(text), iso, "day", (0, len(text)))

    # "to be released on 2 December" read as to come by one report and as past by the other
    assert same_printed_day(day("2 December", "2024-12-02"), day("December 2", "2023-12-02"))
    assert not same_printed_day(day("2 December 2024", "2024-12-02"), day("2 December 2023", "2023-12-02"))
    assert not same_printed_day(day("2 December", "2024-12-02"), day("3 December", "2024-12-03"))
    # "Sunday" read into two weeks by the tenses of two clauses: both outlets wrote Sunday
    assert same_printed_day(day("Sunday", "2024-01-07"), day("on Sunday", "2024-01-14"))
    assert same_printed_day(day("Friday night", "2024-01-05"), day("late Friday night", "2024-01-12"))
    assert not same_printed_day(day("Sunday", "2024-01-07"), day("Saturday", "2024-01-06"))


def test_a_recurring_day_and_a_page_stamp_are_not_a_happenings_day():
    def patch(outlet: str, sentence: str) -> tuple[str, str, str]:
        return (outlet, "2025-06-05", "Orbis issued an emergency patch for its Lumen browser on Wednesday to close a flaw "
                f"that attackers were using. {sentence}\n\nSecurity firms urged users to update at once. The flaw "
                "affects every version of the browser.")

    recurring = [patch("coast-wire", "Orbis releases its browser patches on the second Tuesday of every month after a "
                                     "review by its team."),
                 patch("bay-herald", "Orbis released its browser patches on Monday after a review by its team.")]
    assert conflicts(compare_reports(recurring), "date") == []
    stamped = [patch("coast-wire", "Posted June 5, 2025: Orbis releases its browser patches after a review by its team."),
               patch("bay-herald", "Orbis releases its browser patches on June 3 after a review by its team.")]
    assert conflicts(compare_reports(stamped), "date") == []


def test_a_day_inside_a_quotation_is_the_speakers_not_the_happenings():
    a = ("Youths fought running battles with police in central Arlow late on Saturday, the third night of unrest.\n\n"
         "Groups of young people roamed the streets of central Arlow, shouting: \"This night is for Tomas!\"")
    b = ("Youths fought running battles with police in central Arlow late on Saturday, the third night of unrest.\n\n"
         "Groups of young people roamed the streets of central Arlow on Saturday night, chanting his name.")
    result = compare([article("a", "coast-wire", "2025-03-17", a), article("b", "bay-herald", "2025-03-17", b)])
    assert conflicts(result, "date") == []


def test_a_running_count_that_grows_from_day_to_day_is_not_a_conflict():
    first = "The Harlen fire had burned about 800 hectares by dawn, the fire service said, and was not contained."
    later = "The Harlen fire, which started on Monday, has burned about 4,500 hectares, the fire service said."
    result = compare([article("a", "coast-wire", "2025-02-18", first), article("b", "bay-herald", "2025-02-20", later)])
    assert conflicts(result) == []


def test_a_toll_that_rises_between_two_days_is_an_update_earliest_first():
    first = ("Nine people were killed when a passenger ferry capsized off the coast of Merrow on Tuesday, "
             "the coastguard said.")
    later = ("The coastguard said 11 people were killed when the passenger ferry capsized off Merrow, "
             "as divers recovered two more bodies.")
    result = compare([article("b", "bay-herald", "2025-06-05", later), article("a", "coast-wire", "2025-06-04", first)])
    assert conflicts(result) == []
    updates = [c for c in result.claims if c.get("update")]
    assert len(updates) == 1
    values = updates[0]["update"]["values"]
    assert [(v["source"], v["normalized"], v["published"]) for v in values] == [
        ("coast-wire", "9", "2025-06-04"), ("bay-herald", "11", "2025-06-05")]
    assert updates[0]["text"] == later and updates[0]["status"] == "corroborated"
    brief = {"id": "s", "title": "Ferry capsizes off Merrow", "first_seen": "2025-06-04", "last_seen": "2025-06-05",
             "articles": [], "outlets": ["bay-herald", "coast-wire"], "independent_reports": 2,
             "claims": result.claims, "summary": [], "quotes": [], "timeline": []}
    markdown = brief_markdown(brief)
    assert "- **killed** — Nine people (coast-wire, 2025-06-04) → 11 people (bay-herald, 2025-06-05)" in markdown
    assert "## What several outlets report" not in markdown or later not in markdown.split("## What several")[1]


def test_a_vote_tally_that_rises_between_two_days_is_an_update_and_one_day_s_two_tallies_a_dispute():
    night = ("Meg Solberg won the Port Alder mayoral by-election on Saturday with 4,812 votes to 3,967 for Dev "
             "Khatri, according to unofficial results.")
    final = ("After 143 mail-in ballots were counted, Solberg finished with 4,903 votes in the Port Alder mayoral "
             "by-election, the city's chief election officer said.")
    result = compare([article("a", "coast-wire", "2025-03-30", night), article("b", "bay-herald", "2025-04-01", final)])
    assert conflicts(result, "number") == []
    assert [[v["normalized"] for v in c["update"]["values"]] for c in result.claims if c.get("update")] == [
        ["4812", "4903"]]
    one_day = compare([article("a", "coast-wire", "2025-03-30", night), article("b", "bay-herald", "2025-03-30", final)])
    assert [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(one_day, "number")] == [
        {"coast-wire": "4812", "bay-herald": "4903"}]


def test_a_toll_that_rose_while_another_report_of_the_later_day_still_gives_the_first_is_one_dispute():
    first = ("Nine people were killed when a passenger ferry capsized off the coast of Merrow on Tuesday, "
             "the coastguard said.")
    later = ("The coastguard said 11 people were killed when the passenger ferry capsized off Merrow, "
             "as divers recovered two more bodies.")
    stale = "Nine people were killed when the passenger ferry capsized off Merrow, the port authority said."
    result = compare([article("a", "coast-wire", "2025-06-04", first), article("b", "bay-herald", "2025-06-05", later),
                      article("c", "north-star", "2025-06-05", stale)])
    assert not any(c.get("update") for c in result.claims)
    [dispute] = conflicts(result)
    assert sorted((v["source"], v["normalized"]) for v in dispute["conflict"]["values"]) == [
        ("bay-herald", "11"), ("coast-wire", "9"), ("north-star", "9")]


def test_a_count_that_does_not_grow_stays_a_dispute_across_days():
    first = "About 1,900 dockworkers at the port of Kessling walked off the job on Monday over pay."
    later = "The union representing about 2,300 dockworkers at the port of Kessling said the walkout would go on."
    result = compare([article("a", "coast-wire", "2025-02-17", first), article("b", "bay-herald", "2025-02-19", later)])
    assert [c["conflict"]["about"] for c in conflicts(result)] == ["number"]
    assert not any(c.get("update") for c in result.claims)


ESCAPE = [  # (outlet, day, report): an escaped inmate sought, then captured, then charged
    ("coast-wire", "2025-03-03", "Police in Harwick said on Monday that Dan Mercer, who escaped from a prison van "
                                 "on Sunday, was still on the run. Officers searched the woods near the river."),
    ("bay-herald", "2025-03-03", "Dan Mercer remains at large a day after he escaped from a prison van near "
                                 "Harwick, police said."),
    ("valley-news", "2025-03-05", "Dan Mercer, who escaped from a prison van near Harwick on Sunday, was captured "
                                  "on Tuesday at a farm outside the town, police said."),
    ("north-star", "2025-03-07", "Dan Mercer has been charged with escape and car theft, prosecutors in Harwick "
                                 "said on Thursday, two days after he was captured."),
]


def test_a_case_that_moved_on_between_days_is_one_update_earliest_first():
    result = compare_reports(ESCAPE)
    assert conflicts(result) == []
    updates = [c for c in result.claims if c.get("update")]
    assert len(updates) == 1
    update = updates[0]["update"]
    assert (update["about"], update["subject"]) == ("state", "Dan Mercer")
    assert [(v["source"], v["normalized"], v["published"]) for v in update["values"]] == [
        ("coast-wire", "sought", "2025-03-03"), ("bay-herald", "sought", "2025-03-03"),
        ("valley-news", "arrested", "2025-03-05"), ("north-star", "charged", "2025-03-07")]
    assert [v["value"] for v in update["values"]] == ["was still on the run", "remains at large", "was captured",
                                                      "has been charged"]
    # the steps are shown once, in the update, not as settled facts
    assert not any(line["text"].startswith("Dan Mercer remains at large") for line in result.summary)


def test_the_condition_of_someone_hurt_that_improved_is_an_update_beside_the_case():
    reports = [("coast-wire", "2025-03-03", "A guard, Tom Ashby, was shot during the escape near Harwick and is in "
                                            "critical condition, police said. Police said Dan Mercer was still on the run."),
               ("valley-news", "2025-03-05", "Dan Mercer was captured on Tuesday at a farm outside Harwick. The guard he "
                                             "shot, Tom Ashby, is recovering, his family said.")]
    updates = updates_by_first_step(reports)
    assert [v["normalized"] for v in updates["critical"]["values"]] == ["critical", "recovering"]
    assert updates["critical"]["subject"] == "Tom Ashby"
    assert [v["normalized"] for v in updates["sought"]["values"]] == ["sought", "arrested"]


def test_roads_reopened_a_cause_established_and_a_penalty_imposed_are_updates_of_things_and_cases():
    reports = [("coast-wire", "2025-03-03", "Roads around the Harwick grain store were cordoned off after Friday's fire, "
                                            "and officials are considering arson among the causes."),
               ("valley-news", "2025-03-04", "Fire officers now suspect arson at the Harwick grain store. Roads around "
                                             "the store were reopened on Sunday afternoon, police said.")]
    updates = updates_by_first_step(reports)
    assert [v["normalized"] for v in updates["closed"]["values"]] == ["closed", "reopened"]
    assert [v["normalized"] for v in updates["possible"]["values"]] == ["possible", "suspected"]

    trial = [("coast-wire", "2025-03-03", "Prosecutors in Harwick will decide closer to trial whether to seek the death "
                                          "penalty for Dan Mercer, who is charged with killing a guard."),
             ("valley-news", "2025-06-10", "A Harwick judge sentenced Dan Mercer to death on Tuesday for killing a guard "
                                           "during his escape.")]
    updates = updates_by_first_step(trial)
    assert [v["normalized"] for v in updates["undecided"]["values"]] == ["undecided", "imposed"]
    assert updates["undecided"]["subject"] == "Dan Mercer"


@pytest.mark.parametrize("later", [
    "Dan Mercer has not been charged, prosecutors in Harwick said on Thursday.",  # denied
    "Dan Mercer could face charges of escape, prosecutors in Harwick said on Thursday.",  # supposed
    "Dan Mercer was convicted of burglary in 2019, court records in Harwick show.",  # a year before the story
])
def test_a_stage_denied_supposed_or_of_the_past_is_no_step(later):
    reports = [ESCAPE[0], ("north-star", "2025-03-07", later)]
    result = compare_reports(reports)
    assert not any(c.get("update") for c in result.claims)


def test_stages_going_back_are_no_update_and_one_days_stages_go_in_the_order_of_the_case():
    # a case only moves on: of one day's reports, the one that tells the capture tells what came later
    captured = ESCAPE[2][2].replace("on Tuesday", "on Monday evening")
    same_day = [("valley-news", "2025-03-03", captured), ESCAPE[0]]
    assert [[(v["source"], v["normalized"]) for v in c["update"]["values"]]
            for c in compare_reports(same_day).claims if c.get("update")] == [
        [("coast-wire", "sought"), ("valley-news", "arrested")]]
    going_back = [("valley-news", "2025-03-05", ESCAPE[2][2]), ("coast-wire", "2025-03-06", ESCAPE[0][2])]
    assert not any(c.get("update") for c in compare_reports(going_back).claims)


def test_a_trip_put_off_and_a_trip_going_ahead_on_a_day_are_never_one_claim():
    off = ("Prime Minister Lena Ostrova also put off a trip to Valdria until next month, saying she did not want "
           "the visit linked to the border talks.")
    ahead = ("Prime Minister Lena Ostrova is due to visit Korsa and then travel to Valdria on Wednesday, though her "
             "office said she had no plans to join the border talks.")
    result = compare([article("a", "coast-wire", "2025-02-17", off), article("b", "bay-herald", "2025-02-17", ahead)])
    assert not [c for c in result.claims if {"coast-wire", "bay-herald"} <= set(c["sources"])
                and c["status"] == "corroborated"]


def test_a_place_outlets_give_differently_is_a_conflict():
    a = ("The two foreign ministers held their first meeting in Geneva on Monday, officials said.\n\n"
         "They agreed to meet again in the spring.")
    b = ("The two foreign ministers held their first meeting in Vienna on Monday, officials said.\n\n"
         "No joint statement was issued.")
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    found = conflicts(result, "place")
    assert len(found) == 1
    assert {v["value"] for v in found[0]["conflict"]["values"]} == {"Geneva", "Vienna"}


@pytest.mark.parametrize("where_a, where_b", [
    ("at Harlow Stadium in Brannock", "in Brannock"),
    ("at Harlow Stadium", "in Brannock"),
    ("in the Mediterranean", "in the Mediterranean Sea"),
])
def test_a_place_inside_the_other_is_no_conflict(where_a, where_b):
    """A venue lies in a town and a sea's short name is the sea: two outlets that name one place at
    two levels agree."""
    a = f"The two foreign ministers held their first meeting {where_a} on Monday, officials said."
    b = f"The two foreign ministers held their first meeting {where_b} on Monday, officials said."
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    assert conflicts(result, "place") == []


def test_syndicated_copies_never_corroborate_each_other():
    path = MOTIVATING / "danube-herald.txt"
    body = normalize_text(path.read_text(encoding="utf-8").split("\n\n", 1)[1])
    original = article("danube-herald.txt", "danube-herald", "2025-02-14", body)
    copy = replace(original, id="copy.txt", source="river-post", group=original.group,
                   text=original.text.replace("said Mr Rubio", "Mr Rubio said"))
    copy = replace(copy, analysis=analyze_article(copy.text, copy.published))
    result = compare([original, copy])
    assert result.claims and all(c["status"] == "single" for c in result.claims)
    assert all(c["sources"] == ["danube-herald"] for c in result.claims)
    assert any(c["republished_by"] == ["river-post"] and len(c["evidence"]) == 2 for c in result.claims)
    assert all(len(q["sources"]) == 1 for q in result.quotes)

    # beside an independent report, a fact only the copies carry is still the one outlet's own
    lakemont = MOTIVATING / "lakemont-observer.txt"
    other = article("lakemont-observer.txt", "lakemont-observer", "2025-02-14",
                    normalize_text(lakemont.read_text(encoding="utf-8").split("\n\n", 1)[1]))
    result = compare([original, copy, other])
    minerals = [c for c in result.claims if "minerals" in c["text"]]
    assert minerals and minerals[0]["status"] == "single" and minerals[0]["sources"] == ["danube-herald"]
    assert minerals[0]["independent"] == 1 and minerals[0]["republished_by"] == ["river-post"]
    assert any(c["status"] == "corroborated" and set(c["sources"]) == {"danube-herald", "lakemont-observer"}
               for c in result.claims)


def test_two_articles_of_one_outlet_are_one_voice():
    a = article("a1", "coast-wire", "2025-06-08", FAIR_A)
    b = article("a2", "coast-wire", "2025-06-08", FAIR_B)
    result = compare([a, b])
    assert conflicts(result) == []
    assert all(c["status"] == "single" for c in result.claims)


def test_small_and_empty_stories():
    assert compare([]) == Comparison(claims=[], quotes=[], summary=[])
    lone = compare([article("a", "harbour-times", "2025-06-08", FAIR_A)])
    assert lone.claims and all(c["status"] == "single" for c in lone.claims)
    assert compare([article("e", "harbour-times", "2025-06-08", "")]).claims == []


@pytest.mark.parametrize("n", [200, 600, EXACT_NEIGHBOURS + 100])
def test_the_neighbours_are_the_nearest(n):
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(n, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids, sims = nearest_neighbours(vectors, 5)
    exact = np.argsort(-(vectors @ vectors.T - 2 * np.eye(n)), axis=1)[:, :5]
    if n <= EXACT_NEIGHBOURS:  # searched exactly: the same neighbours, nearest first
        assert (ids == exact).all()
    else:  # the index: nearly all of them
        assert np.mean([len(set(ids[i]) & set(exact[i])) / 5 for i in range(n)]) > 0.95
    assert np.allclose(sims[:, 0], np.sum(vectors * vectors[ids[:, 0]], axis=1), atol=1e-4)


@pytest.mark.parametrize("n", [1, 2])
def test_the_neighbour_index_on_tiny_inputs(n):
    ids, _ = nearest_neighbours(np.eye(n, 4, dtype=np.float32), 5)
    assert ids.shape == (n, n - 1)


def test_a_role_outlets_give_differently_is_a_conflict_and_a_fuller_title_is_not():
    a = "Police Superintendent Helen Marsh said nine people were arrested after the match on Saturday."
    b = "Police Inspector Helen Marsh said nine people were arrested after the match on Saturday night."
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    found = conflicts(result, "role")
    assert len(found) == 1
    assert {v["source"]: v["value"] for v in found[0]["conflict"]["values"]} == \
        {"coast-wire": "Superintendent Helen Marsh", "bay-herald": "Inspector Helen Marsh"}

    e = "Sen. Ana Ortiz said the talks would begin next week."
    f = "Senator Ana Ortiz said the talks would begin next week, according to officials."
    result = compare([article("e", "coast-wire", "2025-04-08", e), article("f", "bay-herald", "2025-04-08", f)])
    assert conflicts(result) == []  # a title and its abbreviation are one office

    c = "Secretary of State Marco Rubio said the talks would begin next week."
    d = "Secretary Marco Rubio said the talks would begin next week, according to officials."
    result = compare([article("c", "coast-wire", "2025-04-08", c), article("d", "bay-herald", "2025-04-08", d)])
    assert conflicts(result) == []


def test_no_summary_line_states_a_disputed_fact(tmp_path):
    from conftest import FIXTURES, Cli

    cli = Cli(tmp_path / "m.db")
    cli("ingest", *map(str, sorted((FIXTURES / "interview").glob("*.txt"))))
    [story] = cli.json("stories", "--json")
    brief = cli.json("show", story["id"], "--json")
    disputes = [c for c in brief["claims"] if c["status"] == "conflict"]
    assert disputes
    contested = {(e["article"], e["start"]) for c in disputes for e in c["evidence"]}
    contested |= {(e["article"], e["start"]) for c in disputes for v in c["conflict"]["values"] for e in v["evidence"]}
    for line in brief["summary"]:
        assert line["status"] != "conflict"
        assert not any(e["start"] <= start < e["end"] and e["article"] == article
                       for e in line["evidence"] for article, start in contested), line["text"]
    assert [s for s in cli.json("stories", "--json") if s["id"] == story["id"]]


# Number conflicts between sentences that say one thing in different words (the story-wide search),
# and look-alikes it must leave alone.

QUAKE_A = ("A strong earthquake struck the island of Varnholm on Monday morning, the national seismology "
           "institute said.\n\n"
           "Ferries to the mainland were suspended while engineers checked the harbour walls.\n\n"
           "A similar tremor near Varnholm in 2019 destroyed 40 houses and left hundreds of families homeless.")
QUAKE_B = ("Rescue teams reached Varnholm by boat on Monday afternoon after a strong earthquake shook the island.\n\n"
           "Fishermen on the quay said they had felt nothing like it since 2019. That year's tremor near "
           "Varnholm had flattened 55 houses, many of them never rebuilt.")


def test_one_count_worded_differently_by_two_outlets_is_a_conflict():
    result = compare([article("a", "harbour-times", "2025-03-03", QUAKE_A),
                      article("b", "valley-news", "2025-03-03", QUAKE_B)])
    found = conflicts(result, "number")
    assert len(found) == 1
    values = {v["source"]: v["normalized"] for v in found[0]["conflict"]["values"]}
    assert values == {"harbour-times": "40", "valley-news": "55"}


AFTERMATH = ("Schools across the region stayed shut on Tuesday. The coastguard sent two helicopters to search the "
             "cliffs. Volunteers handed out blankets at the sports hall. The regional council opened an emergency "
             "fund for repairs. Several roads were blocked by rockfalls near the northern cape. Mobile networks were "
             "patchy for most of the day.")


def test_a_measure_worded_differently_by_two_outlets_is_a_conflict_where_each_gives_it_once():
    first = QUAKE_A.replace("Ferries to the mainland", "The quake was centred near Orm, a fishing village on "
                                                       "Varnholm island, home to 12,000 people. Ferries to the mainland")
    second = QUAKE_B.replace("Fishermen on the quay", "Its epicentre lay close to Orm, a fishing village on Varnholm "
                                                      "island, home to 20,000 people. Fishermen on the quay")
    result = compare([article("a", "harbour-times", "2025-03-03", f"{first}\n\n{AFTERMATH}"),
                      article("b", "valley-news", "2025-03-03", f"{second}\n\n{AFTERMATH.replace('Tuesday', 'Wednesday')}")])
    values = [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")]
    assert {"harbour-times": "12000", "valley-news": "20000"} in values


LOOK_ALIKES = {
    "counts of two places": (
        "Thousands marched against the pension reform on Saturday in cities across the country.\n\n"
        "Police in Leeds arrested 14 people after the march ended in scuffles near the town hall.",
        "Thousands marched against the pension reform on Saturday in cities across the country.\n\n"
        "In Bristol, police arrested 22 people after the march ended in scuffles near the station."),
    "shares of two parties": (
        "The Green Alliance won 28.5 percent of the vote in Sunday's regional election, its best result.\n\n"
        "Turnout was the highest in two decades.",
        "Turnout in Sunday's regional election was the highest in two decades.\n\n"
        "The Farmers' League came second with 20.8 percent of the vote, ahead of the Liberals."),
    # a height says nothing of whose it is: the forward's and the centre's are two
    "heights of two players": (
        "Harwick beat Dunmore 81-70 on Saturday night at the Dock Arena, a club record.\n\n"
        "The win came after a dunk over the 7-foot-2 centre of Dunmore, Ivo Stamm.",
        "Harwick beat Dunmore 81-70 on Saturday night at the Dock Arena, a club record.\n\n"
        "The win came after a dunk by the 6-foot-9 forward of Harwick."),
    # "she" is the gunman, the person named before it; the other figure is said of a colleague
    "years of two people": (
        "A worker shot two colleagues at the Harwick bakery on Friday night, police said.\n\n"
        "The gunman, Ria Holt, had been suspended from her job at the bakery, where she had worked for 15 years.",
        "A worker shot two colleagues at the Harwick bakery on Friday night, police said.\n\n"
        "Ned Varga had worked at the bakery for 37 years, and knew the gunman, Ria Holt."),
}


@pytest.mark.parametrize("case", sorted(LOOK_ALIKES))
def test_figures_of_two_things_are_not_a_conflict(case):
    first, second = LOOK_ALIKES[case]
    result = compare([article("a", "harbour-times", "2025-03-03", first),
                      article("b", "valley-news", "2025-03-03", second)])
    assert not conflicts(result, "number")


def test_years_of_two_happenings_words_sharing_only_names_or_decades_apart_are_no_date_conflict():
    def obituary(outlet: str, sentence: str) -> tuple[str, str, str]:
        return (outlet, "2025-04-09", "Edda Marlow, who led the port city of Harwick for two decades, has died at the age "
                f"of 91, her family said on Tuesday.\n\n{sentence}\n\nShe is survived by two sons. A funeral will be "
                "held next week. Flags on public buildings will fly at half mast. Tributes came from across the country. "
                "Her memoirs were published in 2002. She had lived quietly in a village by the sea. Friends remember her "
                "humour. She loved long walks. Her garden was open to visitors each spring. She kept bees. She wrote "
                "poems in her last years. Neighbours described her as kind. She never owned a car.")

    # the resignation and the strike are two happenings: the words around the years share only names
    apart = [obituary("coast-wire", "The bribery affair eventually led to the 1981 resignation of Edda Marlow of the "
                                    "Harwick Republic."),
             obituary("bay-herald", "Edda Marlow of the Harwick Republic came to power in the 1978 port strike that "
                                    "made Edda Marlow of the Harwick Republic a hero.")]
    assert conflicts(compare_reports(apart), "date") == []
    # one happening, her election, given two years: a conflict
    disputed = [obituary("coast-wire", "Edda Marlow of the Harwick Republic was elected mayor of the port in 1979 "
                                       "after a long campaign."),
                obituary("bay-herald", "Edda Marlow of the Harwick Republic was elected mayor of the port in 1981 "
                                       "after a long campaign.")]
    found = conflicts(compare_reports(disputed), "date")
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["1979", "1981"]]
    # two years decades apart date two elections, as figures too far apart count two things
    decades = [obituary("coast-wire", "Edda Marlow of the Harwick Republic was elected mayor of the port in 1959 "
                                      "after a long campaign."),
               obituary("bay-herald", "Edda Marlow of the Harwick Republic was elected mayor of the port in 1981 "
                                      "after a long campaign.")]
    assert conflicts(compare_reports(decades), "date") == []


def test_the_day_of_an_earlier_one_of_its_kind_is_not_the_day_of_this_one():
    a = ("Corvid Software released an emergency security patch for its Lantern browser on Wednesday to close a flaw "
         "that hackers were using to take over computers.\n\nUsers are urged to install it at once.")
    b = ("Corvid Software has rushed out a fix for a flaw in its web browser that hackers were using to take "
         "over computers.\n\nThe last such emergency security patch for Corvid Software's Lantern browser was "
         "released on Dec. 8.")
    result = compare([article("a", "coast-wire", "2025-12-11", a), article("b", "bay-herald", "2025-12-11", b)])
    assert conflicts(result, "date") == []
    # said of this patch, the same sentence gives its day otherwise
    this_one = b.replace("The last such", "The")
    result = compare([article("a", "coast-wire", "2025-12-11", a), article("b", "bay-herald", "2025-12-11", this_one)])
    assert [[v["value"] for v in c["conflict"]["values"]] for c in conflicts(result, "date")] == \
        [["2025-12-10", "2025-12-08"]]


def test_years_of_two_steps_of_one_case_are_no_date_conflict():
    def profile(outlet: str, sentence: str) -> tuple[str, str, str]:
        return (outlet, "2025-04-09", "Tomas Brill, the dock boss whose trials gripped Harwick for years, has died at "
                f"the age of 88, his lawyer said on Tuesday.\n\n{sentence}\n\nHe is survived by a daughter. A funeral "
                "will be held next week. He spent his last years on a farm. Friends remember his temper. He never "
                "gave an interview. His union later disowned him. He kept racing pigeons.")

    steps = [profile("coast-wire", "Tomas Brill was acquitted in 1968 on charges of bribing a harbour official."),
             profile("bay-herald", "In 1967 Tomas Brill was charged with bribing a harbour official.")]
    assert conflicts(compare_reports(steps), "date") == []
    # one step given two years: a conflict
    one_step = [profile("coast-wire", "Tomas Brill was charged in 1968 with bribing a harbour official."),
                profile("bay-herald", "In 1967 Tomas Brill was charged with bribing a harbour official.")]
    found = conflicts(compare_reports(one_step), "date")
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["1967", "1968"]]


def test_a_weekday_and_a_calendar_date_more_than_a_week_apart_are_no_date_conflict():
    def report(outlet: str, day: str) -> tuple[str, str, str]:
        return (outlet, "2025-03-12", f"Kiri Dane, 16, was shot and killed by two officers {day} near the Harwick "
                "market, police said.\n\nA vigil was held outside the station. Hundreds marched to the town hall. "
                "The officers have been placed on leave. The mayor called for calm.")

    # "Saturday" in a report of Wednesday 12 March is the 8th; "Feb. 8" is a month away: another day
    # than any a weekday could name, so no dispute of the day is shown
    assert conflicts(compare_reports([report("coast-wire", "on Saturday night"), report("bay-herald", "on Feb. 8")]),
                     "date") == []
    # a day off it is a dispute
    found = conflicts(compare_reports([report("coast-wire", "on Saturday night"), report("bay-herald", "on March 7")]),
                      "date")
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["2025-03-07", "2025-03-08"]]


def test_two_heights_of_one_named_player_are_a_conflict():
    def report(outlet: str, height: str) -> tuple[str, str, str]:
        return (outlet, "2025-03-12", "Harwick beat Dunmore 81-70 on Saturday night at the Dock Arena.\n\n"
                f"The {height} Ned Varga scored 20 points for Harwick.")

    found = conflicts(compare_reports([report("coast-wire", "6-foot-9"), report("bay-herald", "6-foot-7")]), "number")
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["6-foot-7", "6-foot-9"]]
