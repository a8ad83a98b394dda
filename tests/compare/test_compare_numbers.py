"""Number conflicts on what a figure is said of: its clause's names, its currency, its own word that it
has changed. Reports are our own, in the shape of real coverage (ECB+ train showed each rule)."""

from __future__ import annotations

from test_compare_claims import article, compare, compare_reports, conflicts, pair_conflicts

from storyline.compare import find_numbers


def number_values(first: str, second: str) -> list[dict[str, str]]:
    return [values for values, _ in pair_conflicts(first, second, "number")]


OUTAGE_A = ("A fault in two undersea cables near Malta cut internet links between Europe and Asia on Tuesday.\n\n"
            "Internet services in Portugal were down by 80 percent, in Norway by 45 percent, the operator said.\n\n"
            "Repair ships are expected to reach the site within a week.")
OUTAGE_B = ("Internet links between Europe and Asia were cut on Tuesday after two undersea cables near Malta failed.\n\n"
            "Up to 60 percent of web services in Portugal and 45 percent in Norway were disrupted, engineers said.\n\n"
            "A repair ship has left port and should arrive within a week.")


def test_one_place_s_share_given_differently_is_a_conflict_beside_another_place_s():
    # each report gives two shares, but each is said of its own country ("in Portugal and 45 percent
    # in Norway": "and" before a figure starts its clause): Portugal's two disagree
    values = number_values(OUTAGE_A, OUTAGE_B)
    assert values == [{"harbour-times": "80", "valley-news": "60"}]


def test_shares_said_of_two_places_are_not_one_figure():
    first = OUTAGE_A.replace(", in Norway by 45 percent", "")
    second = OUTAGE_B.replace("Up to 60 percent of web services in Portugal and 45 percent in Norway",
                              "Up to 60 percent of web services in Norway")
    assert number_values(first, second) == []


def test_points_of_two_named_players_are_not_one_figure():
    first = ("Ravenport beat Calder 81-74 on Saturday to reach the county final.\n\n"
             "Tomas Brenner finished with 24 points and eight rebounds for Ravenport.")
    second = ("Ravenport reached the county final with an 81-74 win over Calder on Saturday.\n\n"
              "Milo Varga finished with 18 points and eight rebounds for Ravenport.")
    assert number_values(first, second) == []


def test_a_sum_is_compared_in_its_currency():
    first = ("Robbers took jewels worth e40 million from a store on the Corso in Varnholm on Friday.\n\n"
             "Police said four men were involved.")
    second = ("Robbers took jewels worth 45 million euros from a store on the Corso in Varnholm on Friday.\n\n"
              "Police said four men were involved.")
    assert number_values(first, second) == [{"harbour-times": "40000000", "valley-news": "45000000"}]
    # the same sum converted to dollars is another currency, not another value
    assert number_values(first, second.replace("45 million euros", "$52 million")) == []


def test_a_countrys_dollar_is_a_currency_of_its_own():
    # "A$", "NZ$", "HK$": the country's letters before the sign name its dollar, as wires write it
    first = ("Harrow Capital bid A$3.6 billion for the grocer Tullamore Foods on Monday.\n\n"
             "The board will meet on Wednesday.")
    second = ("Harrow Capital offered A$3.2 billion for the grocer Tullamore Foods on Monday.\n\n"
              "The board will meet on Wednesday.")
    assert number_values(first, second) == [{"harbour-times": "3600000000", "valley-news": "3200000000"}]
    # the same bid in US dollars is another currency, not another value
    assert number_values(first, second.replace("A$3.2 billion", "US$2.4 billion")) == []
    sums = "It cost NZ$900 million, HK$2 billion and R$5 million."
    readings = [(n.surface, n.kind) for n in find_numbers(sums, 0, len(sums), [])]
    assert readings == [("NZ$900 million", "new zealand dollar"), ("HK$2 billion", "hong kong dollar"),
                        ("R$5 million", "real")]


def test_a_figure_its_own_sentence_says_has_since_changed_is_no_conflict():
    first = OUTAGE_A.replace(", in Norway by 45 percent, the operator said",
                             " early on Tuesday, though the situation has since improved")
    second = OUTAGE_B.replace(" and 45 percent in Norway", "")
    assert number_values(first, second) == []


def test_the_one_toll_each_report_gives_is_compared_however_it_is_worded():
    # one count of the injured in each report, in sentences that share little but the place
    first = ("A landslide on Monday buried homes in Kerman, killing 4 people and wounding another 30, "
             "regional officials said.\n\n"
             "Rescuers dug through the night.")
    second = ("Four people died when a hillside collapsed onto homes in Kerman on Monday.\n\n"
              "Medics in Kerman treated 45 for their wounds, the health office said.\n\n"
              "Rescuers dug through the night.")
    assert {"harbour-times": "30", "valley-news": "45"} in number_values(first, second)


def test_a_news_agency_one_sentence_credits_does_not_make_its_figure_another_s():
    # the Associated Press and Reuters are who reported, not whose injured ("wounding 70 others" counts the
    # injured, as "80 were injured" does)
    first = ("A strong earthquake destroyed several villages in Kerman province on Sunday, killing 10 people and "
             "wounding 70 others, officials told the Associated Press.\n\n"
             "Rescuers searched the rubble through the night.")
    second = ("Officials in Kerman said 10 people had died and 80 were injured when the quake struck on Sunday, "
              "the Reuters news agency reported.\n\n"
              "Rescuers searched the rubble through the night.")
    assert {"harbour-times": "70", "valley-news": "80"} in number_values(first, second)


def test_how_often_something_happened_is_a_count_of_it():
    first = ("The novelist Mara Ellison, who wrote the Harbour trilogy, died on Sunday at the age of 91.\n\n"
             "Ellison married twice and had no children.")
    second = ("Mara Ellison, author of the Harbour trilogy, has died aged 91, her publisher said on Sunday.\n\n"
              "Ellison was married three times, and lived her last years in Lisbon.")
    assert {"harbour-times": "2", "valley-news": "3"} in number_values(first, second)


def test_two_figures_a_third_report_gives_side_by_side_are_of_two_things():
    first = ("Heavy rain flooded the river towns of Calder county on Friday.\n\n"
             "A poll published on Sunday found that 68 percent of voters were unhappy with the government's "
             "handling of the floods.")
    second = ("The river towns of Calder county were flooded by heavy rain on Friday.\n\n"
              "A poll published on Sunday found that 83 percent of voters were unhappy with the government's "
              "handling of the floods.")
    both = ("Calder county's river towns flooded on Friday after heavy rain.\n\n"
            "Two polls published on Sunday found that 68 percent and 83 percent of voters were unhappy with the "
            "government's handling of the floods.")
    assert number_values(first, second) == [{"harbour-times": "68", "valley-news": "83"}]
    result = compare([article("a", "harbour-times", "2025-03-03", first), article("b", "valley-news", "2025-03-03", second),
                      article("c", "hill-post", "2025-03-03", both)])
    assert conflicts(result, "number") == []


def test_figures_of_one_kind_far_apart_in_two_like_sentences_are_of_two_things():
    def raid(outlet: str, haul: str) -> tuple[str, str, str]:
        return (outlet, "2025-05-02", f"Armed robbers stole jewels worth {haul} from a jeweller in central Harwick on "
                "Thursday, police said.\n\nThe gang escaped in a stolen van. Nobody was hurt.")

    # a haul forty times another is an earlier raid's, as across the story (number.RATIO), not a dispute
    assert conflicts(compare_reports([raid("coast-wire", "85 million euros"), raid("bay-herald", "two million euros")])) == []
    found = conflicts(compare_reports([raid("coast-wire", "85 million euros"), raid("bay-herald", "80 million euros")]))
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["80 million euros", "85 million euros"]]


def test_he_after_a_sentence_about_another_player_is_not_the_player_another_report_names():
    first = ("Tom Haller threw for 310 yards and three touchdowns as Ravenport beat Calder 31-24 on Sunday.\n\n"
             "Ravenport have now won eight games in a row.")
    second = ("Ravenport beat Calder 31-24 on Sunday for their eighth win in a row.\n\nThe receiver Dan Mercer was "
              "the star of the day. He ran for 120 yards and two touchdowns as Ravenport beat Calder.")
    assert conflicts(compare_reports([("coast-wire", "2025-10-06", first), ("bay-herald", "2025-10-06", second)])) == []
    # he is the player named before him: the same player's touchdowns given twice are a conflict
    second = ("Ravenport beat Calder 31-24 on Sunday for their eighth win in a row.\n\nThe quarterback Tom Haller was "
              "the star of the day. He threw for 310 yards and two touchdowns as Ravenport beat Calder.")
    found = conflicts(compare_reports([("coast-wire", "2025-10-06", first), ("bay-herald", "2025-10-06", second)]))
    assert [sorted(v["value"] for v in c["conflict"]["values"]) for c in found] == [["three touchdowns", "two touchdowns"]]


def test_another_figure_far_apart_in_the_same_two_sentences_says_they_speak_of_two_things():
    def quake(outlet: str, lead: str) -> tuple[str, str, str]:
        return (outlet, "2025-11-03", f"{lead}, officials said.\n\nRescue teams reached the villages by road. Schools "
                "in the area stay closed.")

    two_quakes = [quake("coast-wire", "A 5.6 magnitude earthquake struck Marn island on Sunday, injuring five people"),
                  quake("bay-herald", "A 5.9 magnitude earthquake struck Marn island, injuring 70 people")]
    assert conflicts(compare_reports(two_quakes)) == []
    one_quake = [quake("coast-wire", "A 5.6 magnitude earthquake struck Marn island on Sunday, injuring five people"),
                 quake("bay-herald", "A 5.9 magnitude earthquake struck Marn island, injuring six people")]
    found = [sorted(v["value"] for v in c["conflict"]["values"]) for c in conflicts(compare_reports(one_quake))]
    assert ["5.6 magnitude", "5.9 magnitude"] in found


def test_an_age_is_not_a_span_of_time_in_years():
    # "was 31 years old" is how old the man was; "for 15 years" is how long he served: two figures in
    # years of one man, not one figure two outlets give differently
    first = ("Deputy Aron Keller was shot dead on Friday during a traffic stop in Lindell.\n\n"
             "Keller had worked for the Marrow County sheriff's department for 15 years and hoped to become a "
             "detective.")
    second = ("Deputy Aron Keller was shot dead on Friday during a traffic stop in Lindell.\n\n"
              "\"Aron was 31 years old and worked harder than anyone in the sheriff's department,\" the sheriff said.")
    assert number_values(first, second) == []
    # two ages of the one man are one figure given two ways
    assert number_values(first.replace("for 15 years", "since he was 34 years old"), second) == \
        [{"harbour-times": "34", "valley-news": "31"}]


def test_one_telephone_number_printed_two_ways_is_a_minor_conflict():
    first = ("Fire destroyed a furniture warehouse in Kelby on Friday night.\n\n"
             "Anyone with information about the fire is asked to call police on 0161 496 0736.")
    second = ("A furniture warehouse in Kelby was destroyed by fire on Friday night.\n\n"
              "Anyone with information about the fire is asked to call police on 0161 496 073.")
    assert number_values(first, second) == [{"harbour-times": "01614960736", "valley-news": "0161496073"}]
    # two numbers for two lines (the police, a charity) are not one number
    other = second.replace("0161 496 073", "0800 555 111")
    assert number_values(first, other) == []


def test_a_span_of_time_from_another_happening_given_two_ways_is_a_conflict():
    first = ("The novelist Irma Delacroix died in a hospital in Lyon on Thursday, a week after suffering a stroke, "
             "her publisher said.")
    second = ("Irma Delacroix died on Thursday in a Lyon hospital, nine days after suffering a stroke, her publisher "
              "said.")
    assert number_values(first, second) == [{"harbour-times": "7 days", "valley-news": "9 days"}]
    # "about a week" allows nine days; a span before and one after are of two happenings
    assert number_values(first.replace("a week after", "about a week after"), second) == []
    assert number_values(first.replace("a week after suffering", "a week before she was to receive"),
                         second.replace("suffering a stroke", "suffering a stroke a week before")) == []


def test_a_compound_s_head_says_what_is_counted():
    # "four consecutive life sentences" counts sentences, as "four sentences of life without parole" does:
    # the report that gives seven and four tells them apart, and four is one of its figures
    first = ("A judge in Carrow sentenced Ivo Marsh to seven consecutive life sentences and four sentences of life "
             "without parole for the courthouse shootings, the prosecutor said.")
    second = ("A judge in Carrow handed Ivo Marsh four consecutive life sentences without parole for the courthouse "
              "shootings, the prosecutor said.")
    assert number_values(first, second) == []
    # ... and where the sentences give one count of them each, two counts disagree
    assert number_values(second.replace("four", "five"), second) == [{"harbour-times": "5", "valley-news": "4"}]


def test_a_count_totalled_over_several_nights_is_not_a_night_s_count():
    first = ("Police in Velden said 46 people were arrested during Wednesday night's protest over the shooting of "
             "a teenager by an officer.")
    second = ("Police in Velden said more than 50 people were arrested over four nights of protest over the shooting "
              "of a teenager by an officer.")
    assert number_values(first, second) == []
    # two totals of the same nights disagree
    assert number_values(first.replace("during Wednesday night's protest", "over four nights of protest"), second) \
        == [{"harbour-times": "46", "valley-news": "50"}]


ISLAND_A = ("A strong earthquake shook Hvar island on Sunday, damaging dozens of houses, officials said.\n\n"
            "Hvar, a fishing island 1,500 kilometers south of Zagreb, has a ferry port and a small airport.\n\n"
            "Rescue teams searched the villages of the island's north coast.")
ISLAND_B = ("Dozens of houses were damaged when an earthquake struck Hvar island on Sunday, officials said.\n\n"
            "The quake came two years after the town of Split, 300 kilometers to the north, was destroyed by one.\n\n"
            "Hvar, located 1,150 kilometers south of Zagreb, has a ferry port and an airport.")


def test_a_distance_from_one_place_is_compared_beside_a_distance_far_from_both():
    # the second report gives another distance, of no place its clause names, but so far from both
    # figures that it cannot be either: the island's distance from the capital is still one figure
    assert number_values(ISLAND_A, ISLAND_B) == [{"harbour-times": "1500", "valley-news": "1150"}]
    # a second distance within reach of the figures (1,400 km to a town of no named place) may be the one meant
    near = ISLAND_B.replace("300 kilometers to the north", "1,400 kilometers to the north")
    assert number_values(ISLAND_A, near) == []


def test_an_ordinal_that_goes_on_with_a_count_counts_one_more():
    first = ("A dismissed employee opened fire at the Dunmore bottling plant on Tuesday night, killing two workers "
             "and wounding two others, police said.\n\nThe plant will stay closed until Friday.")
    second = ("Police said a dismissed employee shot dead two workers and critically injured a third at the Dunmore "
              "bottling plant on Tuesday night.\n\nThe company said the plant would stay closed until Friday.")
    # "killed two and injured a third": one wounded, against two
    assert number_values(first, second) == [{"harbour-times": "2", "valley-news": "1"}]
    # "arrested a second suspect" says how many so far, not one: no dispute with "two suspects"
    arrests_a = ("Police arrested a second suspect in the Dunmore plant robbery on Tuesday, the force said.\n\n"
                 "Both will appear in court on Friday.")
    arrests_b = ("Two suspects have been arrested over the Dunmore plant robbery, the force said on Tuesday.\n\n"
                 "They will appear in court on Friday.")
    assert number_values(arrests_a, arrests_b) == []
    # "injuring a third of the passengers" is a share, no one more person
    share = "The crash killed two and injured a third of the passengers."
    assert [(n.value, n.kind) for n in find_numbers(share, 0, len(share), [])] == [(2.0, "killed")]


def test_people_a_participle_right_after_says_happened_to_are_counted_as_that():
    # "70 people injured" counts the injured, as "110 people were injured" does
    first = ("Rioting spread through Darrow overnight, with 70 people injured in the clashes.\n\n"
             "Shops stayed shut on Friday.")
    second = ("Doctors in Darrow said 110 people were injured in the overnight clashes.\n\n"
              "Shops stayed shut on Friday.")
    assert {"harbour-times": "70", "valley-news": "110"} in number_values(first, second)
    assert [(n.surface, n.kind) for n in find_numbers("with 70 people injured", 0, 22, [])] == [("70 people", "injured")]
    # "marched" is no harm done to them: they are a crowd (numbers._crowd), not the injured or arrested
    assert [n.kind for n in find_numbers("20,000 people marched", 0, 21, [])] == ["crowd"]


def test_a_half_written_as_a_fraction_is_part_of_its_figure():
    # "2 1/2 years" is two and a half years, not 2 beside a stray 1/2: against "2 years" it disputes
    first = ("Mark Pell, 34, was charged on Tuesday with killing his neighbour in Corby.\n\n"
             "Pell had been released from prison in March. He was sentenced to 2 years, with 9 months to serve, "
             "for a robbery in 2015.")
    for half in ("2 1/2 years", "2-1/2 years", "2½ years", "two and a half years"):
        assert number_values(first, first.replace("2 years", half)) == [{"harbour-times": "2", "valley-news": "2.5"}]
    # a date written with slashes keeps its digits apart
    assert number_values(first, first.replace("in March", "on 2 1/22")) == []


def test_two_figures_rounded_to_one_place_are_two_readings_not_one_said_roughly():
    # $2.5 million and $2.6 million are each as precise as the other: neither is the other said roughly
    first = ("Thieves took jewellery worth $2.5 million from a boutique in Lyon early on Monday, police said.\n\n"
             "The owner was not in the shop at the time.")
    second = ("Police in Lyon said the jewels taken from the boutique on Monday were valued at $2.6 million.\n\n"
              "No arrests have been made.")
    assert number_values(first, second) == [{"harbour-times": "2500000", "valley-news": "2600000"}]
    # a round figure and a precise one near it are one sum said roughly
    assert number_values(first, second.replace("$2.6 million", "$2,512,000")) == []


def test_a_hyphened_sum_is_read_with_its_scale_and_currency():
    text = "The gang made off with a two-million-euro ($2.6-million) haul."
    found = [(n.value, n.kind) for n in find_numbers(text, 0, len(text), [])]
    assert found == [(2_000_000.0, "euro"), (2_600_000.0, "dollar")]


def test_a_toll_s_figure_with_no_noun_counts_the_dead():
    for text in ("The death toll rose to 10 on Friday.", "Officials put the toll at 23.",
                 "The death toll from the landslide climbed to 41 people overnight."):
        assert [n.kind for n in find_numbers(text, 0, len(text), [])] == ["killed"], text
    for text in ("The injury toll rose to 40.", "Drivers pay a toll of $5 at the bridge."):
        assert "killed" not in [n.kind for n in find_numbers(text, 0, len(text), [])], text
    first = ("A landslide buried homes in the hill village of Marrow on Sunday.\n\n"
             "The death toll rose to 10 by the evening, the regional governor said.")
    second = ("Rescuers dug through mud in Marrow on Sunday after a landslide buried homes.\n\n"
              "Seven people were killed, the regional governor said.")
    assert number_values(first, second) == [{"harbour-times": "10", "valley-news": "7"}]


def test_a_parent_of_a_figure_counts_children_not_what_happened_to_the_parent():
    def kinds(text: str) -> list[tuple[float, str | None]]:
        return [(n.value, n.kind) for n in find_numbers(text, 0, len(text), [])]

    # "the mother of five was killed" is one dead mother, not five dead
    assert kinds("The mother of five was killed when the wall collapsed.") == [(5.0, "children")]
    assert kinds("Ravel, a father of three, was arrested on Monday.") == [(3.0, "children")]
    assert kinds("Video shows Marrowby Mother of 9 Anna Tell crossing the road.") == [(9.0, "children")]
    # a whole someone has counts it; a whole with "the" is what a part is of
    assert kinds("She was walking with one of her 12 children.") == [(12.0, "children")]
    assert (7.0, None) in kinds("Three of the seven bullets hit him.")



QUAKE_A = ("A strong earthquake struck the Kerman valley early on Sunday.\n\n"
           "The quake killed 25 people, the governor said.\n\n"
           "Hospitals took in 12 wounded.\n\n"
           "Aid convoys set out from the capital.")
QUAKE_B = ("An earthquake shook villages across the Kerman valley before dawn on Sunday.\n\n"
           "Rescue teams reported that 31 had died.\n\n"
           "Doctors treated 20 injured.\n\n"
           "Aid convoys set out from the capital.")


def test_the_one_toll_of_its_kind_each_report_gives_is_compared_though_its_sentences_share_no_word():
    # "killed 25 people" / "31 had died", "12 wounded" / "40 injured": each report counts the dead and the
    # injured once, so both count this quake's, however differently the sentences are worded
    values = number_values(QUAKE_A, QUAKE_B)
    assert {"harbour-times": "25", "valley-news": "31"} in values
    assert {"harbour-times": "12", "valley-news": "20"} in values


def test_a_toll_a_report_gives_twice_is_not_compared_with_words_that_do_not_say_which():
    # two counts of the dead in one report (25 in the valley, 6 in the city): the other report's 31 may be
    # of either, and its sentence's words tell neither
    first = QUAKE_A.replace("the governor said.", "the governor said.\n\nA further 6 died when a school collapsed.")
    assert {"harbour-times": "25", "valley-news": "31"} not in number_values(first, QUAKE_B)


def test_tolls_of_two_kinds_given_once_each_are_not_compared():
    # 25 dead against 20 injured: two things, each report's only figure of its kind
    second = QUAKE_B.replace("Rescue teams reported that 31 had died.\n\n", "")
    assert {"harbour-times": "25", "valley-news": "20"} not in number_values(QUAKE_A, second)


def test_counts_whose_nouns_are_qualified_apart_are_two_things_and_one_qualified_alike_is_disputed():
    # a reader reads "two Labour candidates" and "three Liberal candidates" as two counts, not one given twice;
    # the dispute is named by the noun as the reports write it, never by its stem ("candidat")
    first = ("The two Labour mayoral candidates met voters in Ostrava and promised cheaper buses for the city.\n\n"
             "The vote is in May.")
    second = first.replace("The two Labour", "All three Liberal")
    assert number_values(first, second) == []
    result = compare([article("a", "harbour-times", "2025-03-03", first),
                      article("b", "valley-news", "2025-03-03", second.replace("Liberal", "Labour"))])
    assert [(c["conflict"]["subject"], {v["source"]: v["normalized"] for v in c["conflict"]["values"]})
            for c in conflicts(result, "number")] == [("candidates", {"harbour-times": "2", "valley-news": "3"})]


def test_what_befell_a_counted_group_qualifies_it():
    # "five injured officers" and "two dead officers" count two things; "injured" said by one report only
    # ("355 damaged shops" / "400 shops") may qualify the same count
    first = ("A riot at the Kessel stadium on Saturday left five injured officers, police in Dornach said.\n\n"
             "The match was abandoned.")
    second = first.replace("five injured officers", "two dead officers")
    assert number_values(first, second) == []
    assert number_values(first, first.replace("five injured officers", "seven officers")) == [
        {"harbour-times": "5", "valley-news": "7"}]


def test_one_unit_spelt_two_ways_is_one_unit_and_a_distance_an_hour_is_a_speed():
    # "110 km/h" and "130 kilometres per hour" are two speeds of one gust; "110 km/h" is no distance
    first = ("Cyclone Mira came ashore near Port Halden on Wednesday evening with gusts of 110 km/h, the "
             "weather service said.\n\nThousands spent the night in shelters.")
    second = ("Cyclone Mira struck the coast near Port Halden on Wednesday evening, bringing gusts of 130 "
              "kilometres per hour, the weather service said.\n\nThousands sheltered overnight.")
    assert number_values(first, second) == [{"harbour-times": "110", "valley-news": "130"}]
    assert find_numbers("gusts of 110 km/h", 0, 17, [])[0].kind == "km/h"
    assert find_numbers("a road 110 km long", 0, 18, [])[0].kind == "km"
    metres = ("The miners were trapped about 400 metres underground at the Rivas pit on Tuesday, rescuers said.\n\n"
              "Two were brought out alive.")
    assert number_values(metres, metres.replace("about 400 metres", "some 800 meters")) == [
        {"harbour-times": "400", "valley-news": "800"}]


def test_a_quake_s_magnitude_is_one_kind_however_it_is_written():
    # "a magnitude 6.1 earthquake" (the kind was read from "earthquake") and "the 6.6-magnitude quake"
    first = ("A magnitude 6.1 earthquake shook the hill district of Barkot before dawn on Tuesday, killing nine "
             "people, officials said.\n\nRoads to the villages are blocked.")
    second = ("The 6.6-magnitude quake struck the hill district of Barkot before dawn on Tuesday, killing nine "
              "people, officials said.\n\nRoads to the villages are blocked.")
    assert number_values(first, second) == [{"harbour-times": "6.1", "valley-news": "6.6"}]
    # a third report that gives both, each its agency's reading, shows the dispute rather than two things
    both = ("A strong earthquake struck the hill district of Barkot before dawn on Tuesday, killing nine people.\n\n"
            "The national seismological centre put its magnitude at 6.1, while the regional observatory gave a magnitude of 6.6.")
    result = compare([article("a", "harbour-times", "2025-03-03", first), article("b", "valley-news", "2025-03-03", second),
                      article("c", "hill-post", "2025-03-03", both)])
    assert [{v["source"]: v["normalized"] for v in c["conflict"]["values"]} for c in conflicts(result, "number")] == [
        {"harbour-times": "6.1", "valley-news": "6.6"}]
    text = "a magnitude of 5.9, a 5.6 magnitude temblor, a magnitude 4.2 aftershock"
    kinds = [n.kind for n in find_numbers(text, 0, len(text), [])]
    assert kinds == ["magnitude", "magnitude", "magnitude:another"]


def test_people_driven_from_their_homes_are_the_evacuated():
    # "forced to flee", "forcing … from their homes": the count of the evacuated, compared as the one toll
    # each report gives of its kind; "forced to resign" is none
    first = ("About 2,300 people were evacuated from Ceahlau and nearby villages on Sunday as the Runc stream burst "
             "its banks, emergency officials said.\n\nTwo people are missing.")
    second = ("A total of 3,200 people were forced to flee on Sunday as the swollen Runc stream tore through Ceahlau, "
              "emergency officials said.\n\nTwo people are missing.")
    assert number_values(first, second) == [{"harbour-times": "2300", "valley-news": "3200"}]
    for text, kind in (("forcing more than 2,200 residents from their homes", "evacuated"),
                       ("3,000 people were forced to resign", "people")):
        assert [n.kind for n in find_numbers(text, 0, len(text), [])] == [kind]


SLIDE_A = ("A landslide buried part of the village of Quives in central Peru early on Monday, the regional governor said.\n\n"
           "Governor Rosa Gutierrez told a local broadcaster that rescuers were searching for nine missing residents.")
SLIDE_B = ("A landslide swept through a village north-east of Lima before dawn on Monday, officials said.\n\n"
           "Regional governor Rosa Gutierrez said 11 people were still missing.")


def test_the_missing_are_a_count_of_their_own():
    text = ("searching for nine missing residents; 11 people were still missing; 20 missing after the flood; "
            "12 miners remain unaccounted for; six missing files")
    found = find_numbers(text, 0, len(text), [])
    assert [(n.value, n.kind) for n in found] == [(9.0, "missing"), (11.0, "missing"), (20.0, "missing"),
                                                  (12.0, "missing"), (6.0, "fil")]
    missed = "300 people were missing meals each day; 3 people were missing out on benefits"
    assert "missing" not in {n.kind for n in find_numbers(missed, 0, len(missed), [])}


def test_two_counts_of_the_missing_on_one_day_are_a_conflict_and_the_dead_are_another_count():
    assert number_values(SLIDE_A, SLIDE_B) == [{"harbour-times": "9", "valley-news": "11"}]
    dead = SLIDE_B.replace("11 people were still missing", "11 people were killed")
    assert number_values(SLIDE_A, dead) == []
