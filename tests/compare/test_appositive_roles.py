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
