"""An office given after a person's name, of a named body ("Ilse Brandt, network security manager for
Corvana"), is that person's role (conflicts/role.py): two voices that give two offices are a role
conflict, a fuller form of one office is not. Reports are our own."""

from __future__ import annotations

from test_compare_claims import article, compare, conflicts

FIRST = ("Attackers are exploiting a flaw in the Lumen browser, said Ilse Brandt, network security manager for "
         "Corvana.\n\nA fix is expected next week.")
SECOND = ("A flaw in the Lumen browser is being exploited by attackers, Ilse Brandt, network security director at "
          "Corvana Labs, told reporters.\n\nThe company expects to ship a fix next week.")


def roles(first: str, second: str) -> list[dict[str, str]]:
    result = compare([article("a", "coast-wire", "2025-04-08", first), article("b", "bay-herald", "2025-04-08", second)])
    return [{v["source"]: v["value"] for v in c["conflict"]["values"]} for c in conflicts(result, "role")]


def test_two_offices_after_one_name_are_a_role_conflict():
    assert roles(FIRST, SECOND) == [{"coast-wire": "network security manager",
                                     "bay-herald": "network security director"}]


def test_a_fuller_form_of_one_office_or_no_office_is_no_conflict():
    assert roles(FIRST, SECOND.replace("network security director", "senior network security manager")) == []
    assert roles(FIRST, SECOND.replace(", network security director at Corvana Labs,", "")) == []


def test_an_office_in_the_predicate_and_a_rank_word_make_another_office():
    # "is deputy …": the office is read from the predicate, and "deputy" makes it another office
    deputy = SECOND.replace("Ilse Brandt, network security director at Corvana Labs, told reporters.",
                            "Ilse Brandt told reporters.\n\nBrandt was deputy network security manager for Corvana "
                            "until last year.")
    assert roles(FIRST, deputy) == [{"coast-wire": "network security manager",
                                     "bay-herald": "deputy network security manager"}]
    # the same office in the predicate agrees
    assert roles(FIRST, deputy.replace("deputy network", "network")) == []


def test_a_name_suffix_is_looked_past_and_a_title_before_a_name_keeps_its_rank_words():
    # "Ilse Brandt Jr., deputy …": the office after the suffix is read
    suffixed = SECOND.replace("Ilse Brandt, network security director", "Ilse Brandt Jr., deputy network security manager")
    assert roles(FIRST.replace("Ilse Brandt", "Ilse Brandt Jr."), suffixed) == [
        {"coast-wire": "network security manager", "bay-herald": "deputy network security manager"}]
    # a sheriff's deputy who is a sergeant is "Deputy Sgt." to one outlet and "Sgt." to another: one office
    first = ("Deputy Sgt. Ruud Vellinga found the van near the river, the sheriff's office said.\n\n"
             "The driver was taken to hospital.")
    second = ("The van was found near the river by Sgt. Ruud Vellinga, the sheriff's office said.\n\n"
              "Its driver is in hospital.")
    assert roles(first, second) == []


def test_an_office_before_a_name_is_read_as_one_after_it_is():
    # a body's officer in apposition before the name, and words of office that are no title
    # ("police spokeswoman", "Deputy mayor", "Lead prosecutor"), against the office the other outlet gives
    cfo = ("Harwell's chief financial officer, Ingrid Mahler, said the board would review the offer.\n\n"
           "The shares rose 9 percent.")
    chair = ("Ingrid Mahler, chair of Harwell's supervisory board, said the board would review the offer.\n\n"
             "The shares rose 9 percent.")
    assert roles(cfo, chair) == [{"coast-wire": "chief financial officer", "bay-herald": "chair"}]
    deputy = ("Deputy mayor Lieve Maes said the town of Oudenbrug was in shock after the shooting.\n\n"
              "A vigil is planned for Sunday.")
    mayor = ("Oudenbrug mayor Lieve Maes said the town was in shock after the shooting.\n\n"
             "A vigil is planned for Sunday.")
    assert roles(deputy, mayor) == [{"coast-wire": "Deputy mayor", "bay-herald": "Oudenbrug mayor"}]
    # the same office, with a place's or a body's name in it or not, is one office
    spokesman = ("NPA regional spokesman Nkosinathi Dube said the sentence sent a message.\n\n"
                 "The defence will study the judgment.")
    described = ("The sentence sent a message, said Nkosinathi Dube, a spokesman for the regional prosecutors.\n\n"
                 "The defence will study the judgment.")
    assert roles(spokesman, described) == []
    assert roles(spokesman, described.replace("a spokesman for the regional prosecutors", "the lead prosecutor")) == [
        {"coast-wire": "NPA regional spokesman", "bay-herald": "lead prosecutor"}]


def test_one_office_in_other_words_a_rank_beside_its_office_and_offices_held_together_are_no_conflict():
    head = ("There is no risk of a tsunami, said Mehdi Zareh, the head of Iran's Seismic Research Center.\n\n"
            "Aftershocks continued through the night.")
    director = ("Mehdi Zareh, director of the seismological center in Tehran, said there was no risk of a tsunami.\n\n"
                "Aftershocks continued overnight.")
    assert roles(head, director) == []
    rank = ("Constable Tim Fanning said the gunman surrendered after two hours.\n\nNo one else was hurt.")
    spokesperson = ("The gunman surrendered after two hours, police spokesperson Tim Fanning said.\n\nNo one else was hurt.")
    assert roles(rank, spokesperson) == []
    president = ("Team president Ed Stefanski said he had met the coach on Saturday.\n\nThe club is fifth in the league.")
    manager = ("General manager Ed Stefanski said he had met the coach on Saturday.\n\nThe club lies fifth.")
    assert roles(president, manager) == []
    # ... but two ranks, or an office and another of a lower rank, still are
    assert roles(rank, rank.replace("Constable", "Inspector")) == [
        {"coast-wire": "Constable Tim Fanning", "bay-herald": "Inspector Tim Fanning"}]
    # a rank and the duty its holder serves in: "sheriff's deputy Jerry Ortiz" / "Ortiz, a gang enforcement officer,"
    deputy = ("Sheriff's deputy Jerry Ortiz was shot dead on Wednesday while questioning a man in Hawaiian Gardens.\n\n"
              "A suspect is being sought.")
    duty = ("Jerry Ortiz, a gang enforcement officer, was shot dead on Wednesday while questioning a man in "
            "Hawaiian Gardens.\n\nA suspect is being sought.")
    assert roles(deputy, duty) == []


def test_an_executive_s_office_after_a_body_s_possessive_or_of_a_county_is_read():
    # "the group's chief operating officer" (a possessive before the office), "chief executive of …" and
    # "the prefect of Mureș county" are offices, as "chief executive Katrin Vollmer" is before a name
    coo = ("Maura Kilbride, the group's chief operating officer, urged the union to return to talks.\n\n"
           "The strike continues on Wednesday.")
    ceo = ("Maura Kilbride, chief executive of the Western Regional Hospital Group, urged the union to return to "
           "talks.\n\nThe strike goes on on Wednesday.")
    assert roles(coo, ceo) == [{"coast-wire": "chief operating officer", "bay-herald": "chief executive"}]
    before = ceo.replace("Maura Kilbride, chief executive of the Western Regional Hospital Group,",
                         "The group's chief executive Maura Kilbride")
    assert roles(coo, before) == [{"coast-wire": "chief operating officer", "bay-herald": "chief executive"}]
    prefect = ("Ilinca Rusu, the prefect of Mures county, said the water intake had been closed.\n\nTankers were sent.")
    guard = ("Ilinca Rusu, the Guard's chief commissioner in Mures county, said the water intake had been closed.\n\n"
             "Tankers were sent.")
    assert roles(prefect, guard) == [{"coast-wire": "prefect", "bay-herald": "chief commissioner"}]
    # a trade is no office: "President Cheryl Boone Isaacs" / "Hollywood marketing executive Cheryl Boone Isaacs"
    president = ("The Academy's new host was announced by President Cheryl Boone Isaacs on Friday.\n\nThe show is in March.")
    trade = ("The new host was announced by Hollywood marketing executive Cheryl Boone Isaacs on Friday.\n\n"
             "The show is in March.")
    assert roles(president, trade) == []


def test_a_trade_is_an_office_as_the_chief_one():
    # "the company's chief engineer" is an office as "chief executive" is; "a structural engineer" a trade
    director = ("Levan Dadiani, general director of Rikoti Ropeways, said the cable had been checked in May.\n\n"
                "The line is closed.")
    chief = ("The company's chief engineer, Levan Dadiani, said the firm was cooperating with investigators.\n\n"
             "The line is closed.")
    assert roles(director, chief) == [{"coast-wire": "general director", "bay-herald": "chief engineer"}]
    trade = chief.replace("The company's chief engineer, Levan Dadiani,", "Levan Dadiani, a structural engineer,")
    assert roles(director, trade) == []


def test_a_police_commander_and_a_police_commissioner_are_two_offices():
    commander = ("County Police Commander Peter Kiprono said two stewards had been arrested after the crush.\n\n"
                 "They will appear in court on Tuesday.")
    commissioner = ("Regional Police Commissioner Peter Kiprono said two stewards had been arrested after the crush.\n\n"
                    "They will appear in court on Tuesday.")
    found = roles(commander, commissioner)
    assert len(found) == 1
    assert "Commander" in found[0]["coast-wire"] and "Commissioner" in found[0]["bay-herald"]
    assert roles(commander, commander.replace("County Police", "Police")) == []


def test_an_office_after_its_its_or_the_or_a_long_body_s_possessive_is_read():
    # "Its chief executive, Gareth Pryce," / "Gareth Pryce, Cambria Water's operations director,": two offices
    first = ("The dam is owned by the utility Cambria Water. Its chief executive, Gareth Pryce, told reporters the "
             "company did not know why the spillway failed.\n\nThe valley was evacuated.")
    second = ("The dam is owned by Cambria Water. Gareth Pryce, Cambria Water's operations director, said the main "
              "structure was holding.\n\nThe valley was evacuated.")
    assert roles(first, second) == [{"coast-wire": "chief executive", "bay-herald": "operations director"}]
    # "The deputy minister in the presidency, Themba Radebe," / "Themba Radebe, the minister in the presidency,"
    deputy = ("The census was released on Tuesday. The deputy minister in the presidency, Themba Radebe, said the data "
              "would guide spending.\n\nThe count cost 3 billion rand.")
    minister = ("The census was released on Tuesday. Themba Radebe, the minister in the presidency, said the data "
                "would guide spending.\n\nThe count cost 3 billion rand.")
    assert roles(deputy, minister) == [{"coast-wire": "deputy minister in the presidency", "bay-herald": "minister"}]
    assert roles(minister.replace("Themba Radebe, the minister in the presidency,", "The minister in the presidency, "
                                  "Themba Radebe,"), minister) == []


def test_an_office_in_an_opening_phrase_is_not_the_next_names():
    # "After meeting the president, Dana Whitfield told reporters": the president is another person
    first = ("After meeting the president, Dana Whitfield told reporters the talks had gone well.\n\n"
             "A second round is planned for May.")
    second = ("Foreign Minister Dana Whitfield told reporters the talks had gone well.\n\n"
              "A second round is planned for May.")
    assert roles(first, second) == []


def test_a_chamber_s_party_leader_is_one_of_its_members():
    # "Senate Majority Leader" and "Sen." are one person's two true titles; a governor is another office
    first = ("Senate Majority Leader Tomas Ridley said the vote would come on Thursday.\n\n"
             "The bill funds the highway program for two years.")
    second = ("Sen. Tomas Ridley said the vote on the highway bill would come on Thursday.\n\n"
              "It funds the program for two years.")
    assert roles(first, second) == []
    assert roles(first, second.replace("Sen. Tomas", "Gov. Tomas")) != []


def test_an_honorific_alone_leaves_the_office_to_the_words_beside_the_name():
    # "Dr" names no office: the apposition before or after the name does, "chief of infection control" among them
    first = ("Legionella was found in a ward's showers, the hospital's chief executive, Dr Wing Lam, told a briefing."
             "\n\nThe ward is closed to new patients.")
    second = ("Dr Wing Lam, the hospital's chief of infection control, said tests had found Legionella in four shower "
              "heads.\n\nThe ward is closed to new patients.")
    assert roles(first, second) == [{"coast-wire": "chief executive", "bay-herald": "chief of infection control"}]
    assert roles(first, second.replace("chief of infection control", "chief executive")) == []


def test_an_office_after_a_possessive_pronoun_is_the_person_s():
    first = ("The messages were sent by her special adviser, Tomas Reade, to officials weeks before bids closed.\n\n"
             "The minister resigned on Friday.")
    second = ("The exchanges involved her parliamentary private secretary, Tomas Reade, and officials.\n\n"
              "The minister resigned on Friday.")
    assert roles(first, second) == [{"coast-wire": "special adviser", "bay-herald": "parliamentary private secretary"}]


def test_a_headline_s_words_give_no_office():
    # the model reads "Nominates" as the name's first word and "President" as its title
    first = ("President Nominates Marisol Okafor, MD to Serve as Surgeon General\n\n"
             "The White House named a rural family doctor to the post on Monday.")
    second = ("The president introduced the woman who will become the nation's next surgeon general, Dr. Marisol Okafor."
              "\n\nShe runs a rural clinic.")
    assert roles(first, second) == []


def test_a_title_after_of_the_is_no_office_of_the_name_after_it():
    # "the aide of the President Yuri Orlov": the model gives him the president's title
    first = ("Foreign Minister Pavel Ilyin and foreign policy adviser Yuri Orlov will fly to Riyadh for talks on "
             "Tuesday, the Kremlin said.\n\nThe talks are expected to last a day.")
    second = ("The delegation was headed by the Minister of Foreign Affairs Pavel Ilyin together with the aide of the "
              "President Yuri Orlov.\n\nThe talks are expected to last a day.")
    assert roles(first, second) == []


def test_a_title_of_capitals_the_analysis_does_not_know_and_its_assistant_are_two_offices():
    # "Chief District Officer" is no title the analysis knows; "Assistant" before it makes another, lower office
    chief = ("The truck left the road at dawn, Chief District Officer Ramesh Kandel told reporters at the scene.\n\n"
             "Seven people were hurt.")
    assistant = ("Seven people were hurt when the truck left the road, said Assistant Chief District Officer Ramesh "
                 "Kandel.\n\nThe road has reopened.")
    assert roles(chief, assistant) == [{"coast-wire": "Chief District Officer",
                                        "bay-herald": "Assistant Chief District Officer"}]
    assert roles(chief, assistant.replace("Assistant Chief", "Chief")) == []
    # a sheriff's deputy who is a sergeant: "Deputy" to one outlet, "Sgt." to another
    deputy = ("Deputy Ruud Vellinga found the van near the river, the sheriff's office said.\n\nThe driver was taken "
              "to hospital.")
    sergeant = ("The van was found near the river by Sgt. Ruud Vellinga, the sheriff's office said.\n\n"
                "Its driver is in hospital.")
    assert roles(deputy, sergeant) == []


def test_an_officers_rank_leaves_the_post_to_the_apposition_and_goes_with_it():
    head = ("Colonel Ilda Sarmento, head of the state civil defence agency, said 40 homes were lost.\n\n"
            "Shelters are open.")
    deputy = ("Colonel Ilda Sarmento, the deputy head of the state civil defence, said alerts went out on Monday.\n\n"
              "Shelters are open.")
    assert roles(head, deputy) == [{"coast-wire": "head", "bay-herald": "deputy head"}]
    # the rank alone in one report and the post in another are one person's two words, not two offices
    assert roles(head, "Alerts went out on Monday, Col. Ilda Sarmento said.\n\nShelters are open.") == []


def test_what_an_office_is_of_in_brackets_is_read_past():
    plant = "Plant head Sunil Rao said the furnace had been shut.\n\nAn inquiry has been ordered."
    bracketed = ("Police arrested Sunil Rao, deputy general manager (safety) at the plant, on Thursday.\n\n"
                 "An inquiry has been ordered.")
    assert roles(plant, bracketed) == [{"coast-wire": "Plant head", "bay-herald": "deputy general manager"}]


def test_a_headlines_last_words_are_no_office_of_the_name_opening_the_next_paragraph():
    headline = ("Whitford concedes; Dalgado to be Rio Verde's next mayor\n\nTom Whitford conceded the race on Wednesday "
                "afternoon after the final count.\n\nTurnout was 31 percent.")
    deputy = ("Tom Whitford, the deputy mayor, conceded the race on Wednesday afternoon.\n\nTurnout was 31 percent.")
    assert roles(headline, deputy) == []
