"""A seeded, labelled stream of synthetic news: N articles over D days from M outlets about K events.

    .venv/bin/python bench/synth.py --articles 2000 --days 14 --outlets 30 --events 100 --seed 1 --out synth.jsonl

Everything is written from this file's own templates and vocabulary: invented places, people,
organisations and numbers, ten kinds of event. What makes the stream hard, on purpose:

- several outlets report each event, each with its own paraphrase (template variants, sentence
  order, how many details it gives, Title Case or sentence-case headlines);
- wire reports republished by other outlets with light edits (syndicated near-copies);
- confounders: about half the events have a same-kind twin starting 0-3 days later (two
  earthquakes a day apart, in different invented places, with different magnitudes and tolls),
  and some reports of one name the other ("…a day after the Bank of Veloria cut its rate");
- events that develop over several days (tolls rise, strikes go on, results are certified),
  so later reports carry other numbers than the first ones;
- short items of one or two sentences, some without a headline.

Records come out oldest first, each with text, title, date (ISO 8601 date-time), source, url,
id and gold (the event label, "e00042-earthquake"). The same arguments give the same stream.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

START = date(2025, 3, 3)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")

# --- Invented vocabulary: names are built from syllables, so every run has thousands of unused ones. ---

_ONSETS = ("B", "Br", "C", "D", "Dr", "F", "G", "Gr", "H", "J", "K", "Kr", "L", "M", "N", "P", "Pr", "R", "S",
           "Sk", "St", "T", "Tr", "V", "Vr", "Z", "Th", "Ch", "Sh", "Qu")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y")
_MIDDLES = ("l", "r", "n", "m", "v", "s", "d", "th", "nd", "rr", "lv", "sk", "t", "z")
_PLACE_ENDS = ("a", "ia", "ora", "esk", "ava", "ine", "ton", "mar", "dor", "heim", "stad", "grad", "pol", "holm",
               "ovo", "ent", "ar", "is", "uun", "eth", "avi", "ona", "ley", "burg")
_FIRST_NAMES = ("Ada", "Bram", "Cleo", "Darin", "Elsa", "Fenna", "Goran", "Hedda", "Ilan", "Jora", "Kasimir", "Lenna",
                "Marek", "Nadia", "Oskar", "Petra", "Quill", "Rasa", "Stellan", "Talia", "Ulrik", "Vesna", "Wendel",
                "Yara", "Zoran", "Amaru", "Bettina", "Corvin", "Dalia", "Emeric", "Fiora", "Gideon", "Halina",
                "Ivo", "Jessamy", "Kaito", "Liesel", "Milos", "Noor", "Orla", "Pavo", "Ruxandra", "Soren", "Tamsin",
                "Uma", "Vito", "Wilhelmina", "Xenia", "Yusuf", "Zelda", "Anouk", "Bastian", "Cyra", "Dmitar", "Eino")
_SURNAME_ENDS = ("ov", "ez", "ski", "sson", "ani", "ard", "elli", "ić", "ou", "berg", "ley", "ton", "ura", "adze",
                 "escu", "ak", "ens", "ino", "mann", "oglu")
_COMPANY_ENDS = ("Industries", "Systems", "Holdings", "Group", "Labs", "Logistics", "Energy", "Foods", "Networks",
                 "Materials", "Robotics", "Pharma", "Capital", "Motors", "Telecom")


class Names:
    """A seeded supply of invented names; each name is handed out once per stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        for _ in range(1000):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of invented names")

    def _stem(self, syllables: int) -> str:
        r = self.rng
        parts = [r.choice(_ONSETS), r.choice(_VOWELS)]
        for _ in range(syllables - 1):
            parts += [r.choice(_MIDDLES), r.choice(_VOWELS)]
        return "".join(parts)

    def place(self) -> str:
        return self._unique(lambda: (self._stem(self.rng.choice((1, 2, 2))) + self.rng.choice(_PLACE_ENDS)).capitalize())

    def surname(self) -> str:
        return self._unique(lambda: (self._stem(self.rng.choice((1, 2))) + self.rng.choice(_SURNAME_ENDS)).capitalize())

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST_NAMES)} {self.surname()}"

    def company(self) -> str:
        return self._unique(lambda: f"{(self._stem(2)).capitalize()} {self.rng.choice(_COMPANY_ENDS)}")


# --- Event kinds: the facts each needs, and the templates outlets write them with. ---


@dataclass
class Kind:
    name: str
    durations: tuple[int, ...]  # possible numbers of days over which the event is reported
    facts: Callable[[random.Random, Names, World], dict]
    grow: Callable[[dict, int, random.Random], dict]  # facts as of day offset d of the event
    titles: tuple[str, ...]
    update_titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[tuple[str, ...], ...]  # each a fact, in variants
    quotes: tuple[str, ...]
    updates: tuple[str, ...]  # sentences only reports on later days carry
    shorts: tuple[str, ...]
    mention: tuple[str, ...]  # how a report names a same-kind event of the same week (its confounder)
    shared: tuple[str, ...] = ()  # facts a same-week twin has in common with it (the same country, court, buyer…)
    distinct: tuple[tuple[str, str], ...] = ()  # pairs of facts that must differ, in a twin or in one event


@dataclass
class World:
    countries: list[str]
    capitals: dict[str, str]


def _f(value: float) -> str:
    return f"{value:,.0f}"


def _quake_facts(r: random.Random, n: Names, w: World) -> dict:
    country = r.choice(w.countries)
    return {"town": n.place(), "country": country, "region": f"{n.place()} province", "mag": f"{r.uniform(5.1, 7.9):.1f}",
            "depth": r.randint(6, 70), "dead0": r.randint(3, 160), "injured": _f(r.randint(20, 900)),
            "aftershock": f"{r.uniform(4.0, 5.4):.1f}", "agency": f"{country} Seismic Institute",
            "official": n.person(), "city2": n.place()}


def _quake_grow(f: dict, d: int, r: random.Random) -> dict:
    return {**f, "dead": _f(f["dead0"] * (1 + 0.6 * d) + 3 * d)}


_QUAKE = dict(
    titles=("Magnitude {mag} earthquake strikes {town}, killing {dead}",
            "{dead} dead as {mag} quake hits {country}'s {region}",
            "Strong earthquake rocks {town}; death toll at {dead}",
            "Quake near {town} leaves {dead} dead and {injured} injured",
            "Earthquake in {country} kills at least {dead}"),
    update_titles=("Death toll from {town} earthquake rises to {dead}",
                   "Rescuers search the rubble in {town} as the toll climbs to {dead}",
                   "{country} mourns {dead} killed in {town} quake"),
    leads=("A magnitude {mag} earthquake struck near the town of {town} in {country}'s {region} on {weekday}, killing at least {dead} people, officials said.",
           "At least {dead} people were killed when an earthquake of magnitude {mag} hit {town}, in the {region} of {country}, on {weekday}.",
           "A powerful earthquake shook the {region} of {country} on {weekday}, leaving {dead} people dead and {injured} injured around {town}.",
           "An earthquake measuring {mag} rocked {country} on {weekday}, with the town of {town} worst hit and {dead} confirmed dead."),
    details=(("The quake struck at a depth of {depth} kilometres, according to the {agency}.",
              "The {agency} put its depth at {depth} km.",
              "It was shallow, about {depth} kilometres deep, the {agency} said."),
             ("More than {injured} people were injured.", "Hospitals around {town} treated {injured} injured people.",
              "Another {injured} were hurt, local authorities said."),
             ("An aftershock of magnitude {aftershock} followed within the hour.",
              "Residents felt a {aftershock} aftershock soon afterwards."),
             ("Several buildings collapsed in the old quarter of {town}.", "Landslides blocked the roads into {town}.",
              "Power was cut across much of the {region}."),
             ("Rescue teams were sent from {city2}, {official} said.",
              "{official}, who heads civil protection, said teams from {city2} had joined the search.")),
    quotes=('"We are still pulling people from the rubble," said {official}, the head of civil protection.',
            '"The priority is to reach the villages cut off by landslides," {official} told reporters.',
            '"Every hour counts now," {official} said in {town}.'),
    updates=("By {pub_weekday} the death toll had risen to {dead}, {official} said.",
             "Rescuers were still searching collapsed buildings in {town} {days_after} days after the quake.",
             "Thousands of families in the {region} spent another night in tents."),
    shorts=("A magnitude {mag} earthquake hit {town}, {country}, killing {dead}.",
            "{country}: {dead} dead after a {mag} quake near {town}."),
    mention=("It was the second strong quake in the region that week, after the one that hit {town}.",
             "Days earlier a magnitude {mag} earthquake had struck {town}."),
)


def _strike_facts(r: random.Random, n: Names, w: World) -> dict:
    sector, service, employer = r.choice((("rail", "trains", "Rail Company"), ("port", "shipping", "Port Authority"),
                                         ("hospital", "non-urgent care", "Health Board"), ("bus", "buses", "Transit Authority"),
                                         ("airport", "flights", "Airports Company"), ("postal", "deliveries", "Post")))
    city = n.place()
    return {"city": city, "country": r.choice(w.countries), "sector": sector, "service": service,
            "employer": f"{city} {employer}", "union": f"{n.place()} {sector.capitalize()} Workers' Union",
            "workers": _f(r.randint(8, 120) * 100), "demand": r.randint(6, 18), "offer": r.randint(2, 5),
            "leader": n.person(), "manager": n.person(), "affected": _f(r.randint(20, 900) * 1000)}


def _strike_grow(f: dict, d: int, r: random.Random) -> dict:
    return {**f, "ordinal": ORDINALS[min(d, len(ORDINALS) - 1)]}


_STRIKE = dict(
    titles=("{sector_cap} workers strike in {city} over pay", "Thousands of {sector} staff walk out in {city}",
            "{union} begins strike, demands {demand}% raise", "{city} hit by {sector} strike"),
    update_titles=("{city} {sector} strike enters its {ordinal} day", "Talks to end {city} {sector} strike resume"),
    leads=("About {workers} {sector} workers in {city} walked off the job on {weekday}, demanding a {demand}% pay rise from the {employer}.",
           "The {union} launched a strike on {weekday} that halted {service} across {city}, {country}.",
           "{sector_cap} services in {city} came to a standstill on {weekday} as {workers} members of the {union} went on strike.",
           "A strike by {sector} workers shut down {service} in {city} on {weekday}, the {employer} said."),
    details=(("The {employer} has offered {offer}%, which the union called an insult.",
              "Management's offer stands at {offer} percent against a demand of {demand} percent."),
             ("The walkout is led by {leader}, the union's general secretary.",
              "{leader}, who leads the {union}, called the strike last week."),
             ("About {affected} people were affected on the first day, the operator said.",
              "The {employer} estimated that {affected} passengers were affected."),
             ("The union says wages have fallen behind prices for three years.",
              "Pay has not kept up with inflation since the last agreement, the union argues.")),
    quotes=('"We will stay out until the {employer} makes a serious offer," said {leader}.',
            '"Our members cannot live on these wages," {leader} told a rally in {city}.',
            '"The demand of {demand}% is not affordable," said {manager}, a spokesperson for the {employer}.'),
    updates=("The strike entered its {ordinal} day on {pub_weekday} with no talks scheduled.",
             "Negotiators for both sides met on {pub_weekday}, {leader} said, without agreement."),
    shorts=("{sector_cap} workers in {city} are on strike for a {demand}% raise.",
            "{city}: {sector} strike halts {service}."),
    mention=("In {city}, {sector} workers are also on strike.",),
)


def _election_facts(r: random.Random, n: Names, w: World) -> dict:
    country = r.choice(w.countries)
    share_w = r.randint(38, 61)
    return {"country": country, "capital": w.capitals[country], "winner": n.person(), "runner": n.person(),
            "party_w": f"{n.place()} Alliance", "party_r": f"Party of {n.place()}", "share_w": share_w,
            "share_r": r.randint(20, min(share_w - 3, 45)), "turnout": r.randint(41, 82), "official": n.person()}


_ELECTION = dict(
    titles=("{winner} wins {country} presidential election with {share_w}%", "{party_w} claims victory in {country} vote",
            "{country} election: {winner} defeats {runner}", "Voters in {country} choose {winner}"),
    update_titles=("{country} election commission confirms {winner}'s win", "{runner} concedes defeat in {country}"),
    leads=("{winner} of the {party_w} won {country}'s presidential election on {weekday} with {share_w}% of the vote, according to preliminary results.",
           "Voters in {country} handed victory to {winner}, who took {share_w} percent against {share_r} percent for {runner}.",
           "The {party_w} candidate {winner} was declared the winner of {country}'s election held on {weekday}.",
           "{runner} of the {party_r} lost {country}'s presidential vote to {winner}, results published on {weekday} showed."),
    details=(("Turnout was {turnout}%, the electoral commission said.", "About {turnout} percent of registered voters cast a ballot."),
             ("{runner} of the {party_r} came second with {share_r}%.", "The runner-up, {runner}, won {share_r} percent."),
             ("Supporters celebrated in the streets of {capital}.", "Crowds gathered outside the {party_w} headquarters in {capital}."),
             ("The commission is chaired by {official}.", "{official}, who chairs the electoral commission, announced the figures.")),
    quotes=('"This is a victory for every family in {country}," {winner} told supporters in {capital}.',
            '"We will respect the will of the voters," said {runner}.'),
    updates=("On {pub_weekday} the electoral commission certified the result.",
             "{runner} conceded defeat in a speech in {capital}."),
    shorts=("{winner} wins the {country} presidential election with {share_w}%.", "{country} elects {winner} president."),
    mention=("The vote came days after {winner} won the election in {country}.",),
)


def _merger_facts(r: random.Random, n: Names, w: World) -> dict:
    return {"acquirer": n.company(), "target": n.company(), "value": f"{r.uniform(1.2, 48):.1f}", "ceo": n.person(),
            "target_ceo": n.person(), "per_share": f"{r.uniform(12, 240):.2f}", "premium": r.randint(12, 55),
            "hq": n.place(), "jobs": _f(r.randint(2, 90) * 100), "regulator": f"{r.choice(w.countries)} Competition Authority"}


_MERGER = dict(
    titles=("{acquirer} to buy {target} for ${value} billion", "{acquirer} agrees ${value}bn takeover of {target}",
            "{target} accepts ${value} billion offer from {acquirer}", "{acquirer}-{target} deal worth ${value} billion"),
    update_titles=("{regulator} to review {acquirer} deal for {target}", "{target} shareholders back {acquirer} takeover"),
    leads=("{acquirer} said on {weekday} it had agreed to buy {target} for ${value} billion in cash.",
           "{target} has accepted a takeover offer worth ${value} billion from {acquirer}, the companies announced on {weekday}.",
           "In a deal announced on {weekday}, {acquirer} will acquire its rival {target} for about ${value} billion.",
           "{acquirer} is buying {target}, valuing the company at ${value} billion."),
    details=(("The offer of ${per_share} a share is a {premium}% premium to {target}'s last closing price.",
              "Shareholders will receive ${per_share} per share, {premium} percent above the market price."),
             ("{acquirer} chief executive {ceo} said the deal would close next year.",
              "The deal is expected to close next year, according to {ceo}, who runs {acquirer}."),
             ("The combined company will be based in {hq}.", "Headquarters will remain in {hq}."),
             ("Unions fear the loss of up to {jobs} jobs.", "Analysts expect about {jobs} job cuts.")),
    quotes=('"Together we will be stronger in every market," said {ceo}.',
            '"This is the right partner for our people," {target_ceo}, the head of {target}, said.'),
    updates=("The {regulator} said on {pub_weekday} that it would examine the deal.",
             "{target} shares rose {premium}% after the announcement."),
    shorts=("{acquirer} buys {target} for ${value} billion.", "{target} agrees to a ${value}bn sale to {acquirer}."),
    mention=("It is the second large deal this week, after {acquirer} agreed to buy {target}.",),
)


def _rate_facts(r: random.Random, n: Names, w: World) -> dict:
    country = r.choice(w.countries)
    move = r.choice(("cut", "raised", "held"))
    bps = r.choice((25, 50, 75))
    old = r.randint(150, 650) / 100
    new = old - bps / 100 if move == "cut" else old + bps / 100 if move == "raised" else old
    return {"country": country, "bank": f"{r.choice(('Central Bank of', 'National Bank of', 'Reserve Bank of'))} {country}",
            "governor": n.person(), "move": move, "bps": bps if move != "held" else 0, "old": f"{old:.2f}",
            "new": f"{new:.2f}", "inflation": f"{r.uniform(1.2, 9.5):.1f}", "currency": f"{n.place()[:5].lower()}"}


_RATE = dict(
    titles=("{bank} {move} rates to {new}%", "{country}'s central bank {move} its key rate",
            "{bank} leaves markets guessing after it {move} rates", "Rates: {bank} moves to {new}%"),
    update_titles=("Markets react to {bank} decision", "{governor} defends the {bank}'s rate decision"),
    leads=("The {bank} {move} its benchmark interest rate to {new}% on {weekday}, citing inflation of {inflation}%.",
           "{country}'s central bank {move} borrowing costs on {weekday}, taking its key rate from {old}% to {new}%.",
           "On {weekday} the {bank} {move} its policy rate, which now stands at {new} percent.",
           "Policymakers at the {bank} {move} the main rate to {new}% at their meeting on {weekday}."),
    details=(("Inflation stood at {inflation}% last month.", "Consumer prices rose {inflation} percent in the year to last month."),
             ("The move of {bps} basis points was expected by most economists.",
              "Economists had forecast a change of {bps} basis points."),
             ("Governor {governor} said the bank would watch wages closely.",
              "{governor}, the bank's governor, said further moves depend on the data."),
             ("The {currency} was little changed after the decision.", "The {currency} weakened slightly after the announcement.")),
    quotes=('"We will do what is needed to bring inflation back to target," said governor {governor}.',
            '"The outlook remains uncertain," {governor} told a news conference.'),
    updates=("{governor} told lawmakers on {pub_weekday} that the bank was ready to act again.",
             "Bond yields in {country} fell after the decision."),
    shorts=("The {bank} {move} its key rate to {new}%.", "{country} central bank: rate now {new}%."),
    mention=("The decision came a day after the {bank} {move} its own rate to {new}%.",
             "Separately, the {bank} {move} its key rate this week."),
)


def _fire_facts(r: random.Random, n: Names, w: World) -> dict:
    return {"area": f"{n.place()} {r.choice(('Ridge', 'Valley', 'Hills', 'Canyon', 'Forest'))}", "county": f"{n.place()} County",
            "country": r.choice(w.countries), "ha0": r.randint(800, 9000), "homes": r.randint(5, 300),
            "evacuated": _f(r.randint(5, 200) * 100), "chief": n.person(), "town": n.place(), "contained0": r.randint(0, 15)}


def _fire_grow(f: dict, d: int, r: random.Random) -> dict:
    return {**f, "ha": _f(f["ha0"] * (1 + 0.45 * d)), "contained": min(95, f["contained0"] + 20 * d)}


_FIRE = dict(
    titles=("Wildfire in {area} forces {evacuated} to flee", "Fire burns {ha} hectares in {county}",
            "{area} fire destroys {homes} homes", "Thousands evacuated as wildfire spreads near {town}"),
    update_titles=("{area} fire {contained}% contained", "{area} wildfire grows to {ha} hectares"),
    leads=("A wildfire in the {area} of {county} had burned {ha} hectares by {weekday}, forcing {evacuated} people from their homes.",
           "Firefighters battled a blaze that has destroyed {homes} homes near {town}, in {county}, officials said on {weekday}.",
           "About {evacuated} residents of {town} were evacuated on {weekday} as a wildfire swept through the {area}.",
           "The {area} fire in {county} spread across {ha} hectares on {weekday}, destroying {homes} homes."),
    details=(("The fire was {contained}% contained, fire chief {chief} said.",
              "Crews had contained {contained} percent of it, according to {chief}, the county fire chief."),
             ("At least {homes} homes have been destroyed.", "{homes} houses burned, the county said."),
             ("Strong winds and dry grass drove the flames toward {town}.", "Gusts pushed the fire downhill toward {town}."),
             ("Schools in {town} were closed.", "Smoke closed schools across {county}.")),
    quotes=('"The wind is our biggest enemy," said {chief}.', '"Leave when you are told to leave," {chief} told residents of {town}.'),
    updates=("By {pub_weekday} the fire covered {ha} hectares and was {contained}% contained.",
             "Some residents of {town} were allowed home on {pub_weekday}."),
    shorts=("The {area} wildfire has burned {ha} hectares; {evacuated} evacuated.", "{county}: fire destroys {homes} homes near {town}."),
    mention=("Another fire is burning in the {area}.",),
)


def _flood_facts(r: random.Random, n: Names, w: World) -> dict:
    return {"river": f"{n.place()} River", "town": n.place(), "country": r.choice(w.countries), "rain": r.randint(90, 420),
            "evacuated": _f(r.randint(3, 150) * 100), "dead0": r.randint(0, 30), "official": n.person(), "bridge": n.place()}


def _flood_grow(f: dict, d: int, r: random.Random) -> dict:
    return {**f, "dead": f["dead0"] + 2 * d}


_FLOOD = dict(
    titles=("Floods in {town} kill {dead} after {rain}mm of rain", "{river} bursts its banks, {evacuated} evacuated",
            "Flooding cuts off {town}", "Heavy rain floods {town} in {country}"),
    update_titles=("Waters recede in {town}; toll at {dead}", "{town} counts the cost of {river} flood"),
    leads=("The {river} burst its banks on {weekday} after {rain} millimetres of rain, flooding {town} and killing {dead} people.",
           "Floods swept through {town}, in {country}, on {weekday}, forcing {evacuated} people to leave their homes.",
           "At least {dead} people died when floodwater from the {river} poured into {town} on {weekday}.",
           "Emergency services evacuated {evacuated} residents of {town} on {weekday} as the {river} rose."),
    details=(("{rain} mm of rain fell in two days.", "Two days of rain brought {rain} millimetres."),
             ("About {evacuated} people were moved to shelters.", "{evacuated} residents spent the night in shelters."),
             ("The {bridge} bridge was closed.", "Water covered the road at {bridge}.")),
    quotes=('"We have never seen the {river} this high," said {official}, the mayor of {town}.',
            '"Stay off the roads," {official} urged residents.'),
    updates=("By {pub_weekday} the water had begun to recede, {official} said.", "The toll rose to {dead} on {pub_weekday}."),
    shorts=("Floods kill {dead} in {town}.", "{town}: {river} floods, {evacuated} evacuated."),
    mention=("Upstream, the {river} also flooded {town}.",),
)


def _launch_facts(r: random.Random, n: Names, w: World) -> dict:
    maker = f"{n.place()} Aerospace"
    return {"maker": maker, "rocket": f"{n.place()}-{r.randint(1, 9)}", "sat": f"{n.place()}Sat-{r.randint(1, 12)}",
            "site": f"{n.place()} Spaceport", "country": r.choice(w.countries), "orbit": r.randint(400, 36000),
            "purpose": r.choice(("weather", "communications", "earth observation", "navigation")), "director": n.person(),
            "mass": _f(r.randint(2, 60) * 100)}


_LAUNCH = dict(
    titles=("{maker} launches {sat} on {rocket} rocket", "{rocket} lifts off from {site} with {sat}",
            "{country} puts {purpose} satellite {sat} into orbit", "{sat} launched successfully"),
    update_titles=("{sat} sends first signals", "{maker} confirms {sat} in orbit"),
    leads=("{maker} launched the {purpose} satellite {sat} on a {rocket} rocket from {site} on {weekday}.",
           "A {rocket} rocket lifted off from {site} on {weekday}, carrying the {sat} satellite for {country}.",
           "{country}'s {sat} {purpose} satellite reached orbit on {weekday} after launching from {site}.",
           "The {sat} satellite was placed in orbit on {weekday} by a {rocket} rocket built by {maker}."),
    details=(("It will orbit at {orbit} kilometres.", "The satellite's orbit is {orbit} km high."),
             ("{sat} weighs {mass} kilograms.", "The spacecraft has a mass of {mass} kg."),
             ("Mission director {director} said all stages performed as planned.",
              "{director}, the mission director, called the launch flawless.")),
    quotes=('"A perfect flight," said {director}.', '"{sat} opens a new chapter for {country}," {director} said at {site}.'),
    updates=("On {pub_weekday} {maker} said {sat} had deployed its solar panels.", "Ground stations received the first signals from {sat}."),
    shorts=("{maker} launches {sat}.", "{rocket} puts {sat} into orbit."),
    mention=("The launch followed that of {sat} from {site}.",),
)


def _verdict_facts(r: random.Random, n: Names, w: World) -> dict:
    city = n.place()
    return {"defendant": n.person(), "role": r.choice(("former transport minister", "businessman", "former mayor",
                                                        "ex-bank chief", "former general")),
            "charge": r.choice(("bribery", "fraud", "embezzlement", "money laundering", "abuse of office")),
            "court": f"{city} District Court", "city": city, "country": r.choice(w.countries), "judge": n.person(),
            "years": r.randint(2, 14), "amount": f"{r.uniform(1.5, 90):.1f}", "lawyer": n.person()}


_VERDICT = dict(
    titles=("{defendant} sentenced to {years} years for {charge}", "{court} convicts {defendant} of {charge}",
            "{role} {defendant} found guilty", "{defendant} jailed for {years} years"),
    update_titles=("{defendant} to appeal {charge} conviction", "{defendant}'s lawyers file appeal"),
    leads=("The {court} on {weekday} found {defendant}, a {role}, guilty of {charge} and sentenced him to {years} years in prison.",
           "{defendant}, a {role}, was jailed for {years} years on {weekday} after the {court} convicted him of {charge}.",
           "A court in {city} sentenced {role} {defendant} to {years} years on {weekday} for {charge} involving {amount} million.",
           "{role} {defendant} was convicted of {charge} on {weekday} and will serve {years} years, the {court} ruled."),
    details=(("Prosecutors said {amount} million had gone missing.", "The case involved {amount} million in public money."),
             ("Judge {judge} said the evidence was overwhelming.", "Presiding judge {judge} called the scheme deliberate."),
             ("His lawyer, {lawyer}, said he would appeal.", "Defence lawyer {lawyer} announced an appeal.")),
    quotes=('"No one is above the law," said judge {judge}.', '"My client is innocent," {lawyer} told reporters outside the {court}.'),
    updates=("{lawyer} filed an appeal on {pub_weekday}.", "{defendant} was taken to prison in {city} on {pub_weekday}."),
    shorts=("{defendant} gets {years} years for {charge}.", "{court}: {defendant} guilty of {charge}."),
    mention=("The verdict came days after {defendant} was also convicted of {charge}.",),
)


def _summit_facts(r: random.Random, n: Names, w: World) -> dict:
    a, b = r.sample(w.countries, 2)
    city = n.place()
    return {"country_a": a, "country_b": b, "leader_a": n.person(), "leader_b": n.person(), "city": city,
            "topic": r.choice(("water sharing", "trade", "the border", "energy", "fisheries")),
            "accord": f"{city} Accord", "deals": r.randint(2, 14)}


_SUMMIT = dict(
    titles=("Leaders of {country_a} and {country_b} meet in {city}", "{country_a}-{country_b} summit opens in {city}",
            "{leader_a} and {leader_b} sign {accord}", "{country_a} and {country_b} talk {topic} in {city}"),
    update_titles=("{country_a} and {country_b} sign {deals} agreements", "{accord} signed as summit ends"),
    leads=("The leaders of {country_a} and {country_b}, {leader_a} and {leader_b}, met in {city} on {weekday} for talks on {topic}.",
           "{leader_a} of {country_a} and {leader_b} of {country_b} opened a two-day summit in {city} on {weekday}.",
           "Talks on {topic} between {country_a} and {country_b} began in {city} on {weekday}.",
           "{country_a}'s {leader_a} arrived in {city} on {weekday} to meet {leader_b} of {country_b}."),
    details=(("They are expected to sign the {accord}.", "A text known as the {accord} is due to be signed."),
             ("{deals} agreements are on the table.", "Officials said {deals} deals could be signed."),
             ("Relations have been strained by a dispute over {topic}.", "The two countries have long disagreed over {topic}.")),
    quotes=('"We came to {city} to find solutions," said {leader_a}.', '"This is a new start," {leader_b} said.'),
    updates=("On {pub_weekday} the two leaders signed the {accord}.", "{deals} agreements were signed before the summit closed."),
    shorts=("{leader_a} and {leader_b} meet in {city}.", "{country_a}, {country_b} sign the {accord}."),
    mention=("Earlier this week {leader_a} hosted {leader_b} in {city}.",),
)


def _same(f: dict, d: int, r: random.Random) -> dict:
    return f


KINDS: tuple[Kind, ...] = (
    Kind("earthquake", (1, 2, 3, 4), _quake_facts, _quake_grow, **_QUAKE, shared=("country", "agency", "official")),
    Kind("strike", (1, 2, 3, 5), _strike_facts, _strike_grow, **_STRIKE, shared=("city", "country")),
    Kind("election", (1, 2, 3), _election_facts, _same, **_ELECTION, distinct=(("country", "twin"),)),
    Kind("merger", (1, 1, 2), _merger_facts, _same, **_MERGER, shared=("acquirer", "ceo")),
    Kind("rate-decision", (1, 1, 2), _rate_facts, _same, **_RATE, distinct=(("country", "twin"),)),
    Kind("wildfire", (2, 3, 4, 5), _fire_facts, _fire_grow, **_FIRE, shared=("county", "country", "chief")),
    Kind("flood", (1, 2, 3, 4), _flood_facts, _flood_grow, **_FLOOD, shared=("river", "country")),
    Kind("launch", (1, 2), _launch_facts, _same, **_LAUNCH, shared=("site", "maker", "country")),
    Kind("trial-verdict", (1, 2), _verdict_facts, _same, **_VERDICT, shared=("court", "city", "judge", "country")),
    Kind("summit", (1, 2, 3), _summit_facts, _same, **_SUMMIT, shared=("country_a", "leader_a"),
         distinct=(("country_a", "country_b"),)),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}


# --- Outlets and events ---


@dataclass(frozen=True)
class Outlet:
    name: str
    slug: str
    wire: bool
    title_case: bool  # writes headlines In Title Case
    detail_bias: float  # how many details it keeps, 0..1
    dateline: bool


@dataclass
class Event:
    index: int
    kind: Kind
    start: int  # day offset from START
    duration: int
    facts: dict
    twin: int | None = None  # a same-kind event of the same week: the confounder
    label: str = ""


@dataclass(frozen=True)
class Plan:
    """One article to write: which event, by whom, when, and how."""

    when: datetime
    event: int
    outlet: int
    style: str  # report | wire | copy | short
    offset: int  # day of the event's development
    original: int = -1  # for a copy: the plan index of the wire report it republishes


_PAPER_WORDS = ("Herald", "Ledger", "Courier", "Post", "Times", "Gazette", "Dispatch", "Chronicle", "Observer", "Tribune",
                "Sentinel", "Monitor", "Standard", "Journal", "Express", "Record")
_WIRE_WORDS = ("Wire", "Press Agency", "News Service", "Newswire")


def make_outlets(m: int, names: Names, rng: random.Random) -> list[Outlet]:
    wires = max(1, m // 8)
    outlets = []
    for i in range(m):
        wire = i < wires
        if wire:
            name = f"{names.place()} {rng.choice(_WIRE_WORDS)}"
        else:
            name = f"The {names.place()} {rng.choice(_PAPER_WORDS)}"
        slug = name.lower().replace("the ", "").replace(" ", "-")
        outlets.append(Outlet(name, slug, wire, rng.random() < 0.35, rng.uniform(0.2, 1.0), wire or rng.random() < 0.3))
    return outlets


def make_events(k: int, days: int, names: Names, rng: random.Random) -> list[Event]:
    """K events; about half are same-kind twins of the event before them, starting 0-3 days later."""
    world = World(countries=[], capitals={})
    for _ in range(max(8, min(60, k // 4 + 8))):
        country = names.place()
        world.countries.append(country)
        world.capitals[country] = names.place()
    events: list[Event] = []
    for i in range(k):
        previous = events[-1] if events else None
        twin = previous if previous is not None and previous.twin is None and rng.random() < 0.5 else None
        if twin is not None:
            kind = twin.kind
            start = min(days - 1, twin.start + rng.randint(0, 3))
        else:
            kind = rng.choice(KINDS)
            start = rng.randrange(days)
        event = Event(i, kind, start, rng.choice(kind.durations), _facts(kind, twin, names, world, rng))
        event.label = f"e{i:05d}-{kind.name}"
        if twin is not None:
            event.twin, twin.twin = twin.index, i
        events.append(event)
    return events


def _facts(kind: Kind, twin: Event | None, names: Names, world: World, rng: random.Random) -> dict:
    """An event's facts; a twin shares some with its twin (the same country, court or buyer) but not all."""
    for _ in range(20):
        facts = kind.facts(rng, names, world)
        if twin is not None:
            facts.update({key: twin.facts[key] for key in kind.shared})
        if all(facts[a] != (twin.facts[a] if b == "twin" and twin is not None else facts.get(b)) for a, b in kind.distinct):
            return facts
    return facts


def plan_articles(n: int, days: int, events: list[Event], outlets: list[Outlet], rng: random.Random) -> list[Plan]:
    """Who writes what when: article counts per event are skewed (a few big stories, many small)."""
    weights = [rng.lognormvariate(0.0, 0.9) for _ in events]
    counts = [1] * len(events)
    for e in rng.choices(range(len(events)), weights=weights, k=n - len(events)):
        counts[e] += 1
    wires = [i for i, o in enumerate(outlets) if o.wire]
    papers = [i for i, o in enumerate(outlets) if not o.wire] or wires
    plans: list[Plan] = []
    for event, count in zip(events, counts):
        last = min(days - 1, event.start + event.duration - 1)
        day_weights = [0.7 ** d for d in range(last - event.start + 1)]
        wire_reports: list[int] = []
        for _ in range(count):
            offset = rng.choices(range(len(day_weights)), weights=day_weights)[0]
            when = datetime(START.year, START.month, START.day, tzinfo=UTC) + timedelta(
                days=event.start + offset, minutes=rng.randint(6 * 60, 22 * 60))
            roll = rng.random()
            if roll < 0.12 or (count >= 3 and not wire_reports and roll < 0.3):
                plans.append(Plan(when, event.index, rng.choice(wires), "wire", offset))
                wire_reports.append(len(plans) - 1)
            elif roll < 0.42 and wire_reports:
                source = rng.choice(wire_reports)
                original = plans[source]
                later = min(original.when + timedelta(minutes=rng.randint(20, 240)),
                            original.when.replace(hour=23, minute=59))
                plans.append(Plan(later, event.index, rng.choice(papers), "copy", original.offset, source))
            elif roll < 0.55:
                plans.append(Plan(when, event.index, rng.choice(papers), "short", offset))
            else:
                plans.append(Plan(when, event.index, rng.choice(papers), "report", offset))
    return plans


# --- Writing ---


def _fill(template: str, facts: dict) -> str:
    return template.format(**facts)


def _headline(text: str, title_case: bool) -> str:
    text = text[0].upper() + text[1:]
    if not title_case:
        return text
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "as", "by", "with", "from"}
    words = text.split(" ")
    return " ".join(w if (i and w in small) or not w[:1].isalpha() else w[0].upper() + w[1:] for i, w in enumerate(words))


def _day_facts(event: Event, events: list[Event], offset: int, published: datetime, rng: random.Random) -> dict:
    facts = event.kind.grow(event.facts, offset, rng)
    facts.setdefault("dead", facts.get("dead0", 0))
    facts.setdefault("ha", _f(facts.get("ha0", 0)))
    facts.setdefault("contained", facts.get("contained0", 0))
    facts.setdefault("ordinal", "first")
    facts["weekday"] = WEEKDAYS[(START + timedelta(days=event.start)).weekday()]
    facts["pub_weekday"] = WEEKDAYS[published.weekday()]
    facts["days_after"] = ("two", "three", "four", "five", "six")[min(max(offset, 1), 5) - 1]
    facts["sector_cap"] = str(facts.get("sector", "")).capitalize()
    return facts


def write_article(plan: Plan, events: list[Event], outlets: list[Outlet], seed: int, index: int) -> tuple[str | None, str]:
    """(title, text) of one planned article; a pure function of the plan and the seed."""
    rng = random.Random(seed * 1_000_003 + index)
    event = events[plan.event]
    outlet = outlets[plan.outlet]
    kind = event.kind
    facts = _day_facts(event, events, plan.offset, plan.when, rng)
    if plan.style == "short":
        text = _fill(rng.choice(kind.shorts if rng.random() < 0.5 else kind.leads), facts)
        if rng.random() < 0.5:
            text += " " + _fill(rng.choice(rng.choice(kind.details)), facts)
        title = _headline(_fill(rng.choice(kind.titles), facts), outlet.title_case) if rng.random() < 0.6 else None
        return title, text
    titles = kind.update_titles if plan.offset > 0 and rng.random() < 0.7 else kind.titles
    title = _headline(_fill(rng.choice(titles), facts), outlet.title_case)
    lead = _fill(rng.choice(kind.leads), facts)
    keep = max(1, round(len(kind.details) * rng.uniform(outlet.detail_bias * 0.5, outlet.detail_bias)))
    details = [_fill(rng.choice(variants), facts) for variants in rng.sample(kind.details, keep)]
    if rng.random() < 0.75:
        details.insert(rng.randint(0, len(details)), _fill(rng.choice(kind.quotes), facts))
    if plan.offset > 0:
        updates = [_fill(u, facts) for u in rng.sample(kind.updates, rng.randint(1, len(kind.updates)))]
        details = updates + details if rng.random() < 0.6 else details + updates
    if event.twin is not None and rng.random() < 0.15:
        twin = events[event.twin]
        details.append(_fill(rng.choice(kind.mention), _day_facts(twin, events, 0, plan.when, rng)))
    sentences = [lead] + details
    if outlet.dateline:
        place = next((facts[k] for k in ("town", "city", "capital", "hq", "site") if k in facts), None)
        if place:
            sentences[0] = f"{str(place).upper()} ({outlet.name}) — {sentences[0]}"
    paragraphs, i = [], 0
    while i < len(sentences):
        step = rng.choice((1, 2, 2))
        paragraphs.append(" ".join(sentences[i:i + step]))
        i += step
    return title, "\n\n".join(paragraphs)


_LIGHT_EDITS = (("said", "says"), (" about ", " around "), ("people", "residents"), ("told", "said to"))


def write_copy(plan: Plan, plans: list[Plan], events: list[Event], outlets: list[Outlet], seed: int, index: int) -> tuple[str | None, str]:
    """A wire report republished by another outlet, lightly edited: headline, credit line, a word or a last paragraph."""
    rng = random.Random(seed * 1_000_003 + index)
    wire_title, text = write_article(plans[plan.original], events, outlets, seed, plan.original)
    outlet, wire = outlets[plan.outlet], outlets[plans[plan.original].outlet]
    paragraphs = text.split("\n\n")
    if len(paragraphs) > 2 and rng.random() < 0.5:
        paragraphs.pop()
    edited = "\n\n".join(paragraphs)
    for old, new in rng.sample(_LIGHT_EDITS, 2):
        if rng.random() < 0.5:
            edited = edited.replace(old, new, 1)
    # Always some edit: an unchanged copy would be an exact duplicate, which is a different test.
    if edited == text or rng.random() < 0.4:
        edited += f"\n\nThis report was written by {wire.name} and edited by {outlet.name} staff."
    text = edited
    title = wire_title if rng.random() < 0.5 else _headline(
        _fill(rng.choice(events[plan.event].kind.titles), _day_facts(events[plan.event], events, plan.offset, plan.when, rng)),
        outlet.title_case)
    return title, text


def generate(n: int, days: int, outlets: int, events: int, seed: int) -> Iterator[dict]:
    """The stream, oldest first: dicts with text, title, date, source, url, id and gold."""
    if n < events:
        raise ValueError(f"--articles ({n}) must be at least --events ({events}): every event gets one article")
    if days < 1 or outlets < 2 or events < 1:
        raise ValueError("need at least 1 day, 2 outlets and 1 event")
    rng = random.Random(seed)
    names = Names(rng)
    outlet_list = make_outlets(outlets, names, rng)
    event_list = make_events(events, days, names, rng)
    plans = plan_articles(n, days, event_list, outlet_list, rng)
    order = sorted(range(len(plans)), key=lambda i: (plans[i].when, i))
    record_id = {i: f"syn{seed}-{position:07d}" for position, i in enumerate(order)}
    for i in order:
        plan = plans[i]
        if plan.style == "copy":
            title, text = write_copy(plan, plans, event_list, outlet_list, seed, i)
        else:
            title, text = write_article(plan, event_list, outlet_list, seed, i)
        outlet = outlet_list[plan.outlet]
        article_id = record_id[i]
        yield {"id": article_id, "date": plan.when.isoformat(), "source": outlet.slug, "title": title, "text": text,
               "url": f"https://{outlet.slug}.example/{plan.when:%Y/%m/%d}/{article_id}", "gold": event_list[plan.event].label,
               "style": plan.style, "copy_of": record_id[plan.original] if plan.style == "copy" else None}


def as_record(row: dict):  # -> storyline.model.Record
    """A row as the Record `storyline ingest` reads from it in JSON Lines, its gold label included."""
    from storyline.model import Record

    return Record(text=row["text"], origin=row["id"], source=row["source"], title=row.get("title"),
                  published=datetime.fromisoformat(row["date"]), url=row.get("url"), external_id=row["id"],
                  gold=row["gold"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--outlets", type=int, default=30)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="JSON Lines file to write (default: standard output)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for record in generate(args.articles, args.days, args.outlets, args.events, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    if args.out:
        print(f"wrote {args.articles} articles to {args.out} in {time.perf_counter() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
