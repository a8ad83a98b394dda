"""English: the stages of a case and of a stay (compare/conflicts/state.py, compare/whereabouts.py,
compare/expected_ends.py): the words that say a report has reached a stage. The other English lists are in
lang/en.py."""

from __future__ import annotations

import re

from storyline.lang.en_numbers import SMALL_COUNT

# ---------------------------------------------------------------- stages of a case (compare/conflicts/state.py)

Ladder = tuple[tuple[str, re.Pattern[str]], ...]  # stages in order, each with the words that tell it


def _ladder(*stages: tuple[str, str]) -> Ladder:
    return tuple((label, re.compile(pattern, re.IGNORECASE)) for label, pattern in stages)


# who a stage can be told of, besides a person the analysis names
PERSON_NOUNS = frozenset({"he", "she", "they", "him", "her", "them", "suspect", "suspects", "defendant", "defendants",
                          "man", "woman", "men", "women", "gunman", "shooter", "attacker", "killer", "robber", "robbers",
                          "thief", "thieves", "arsonist", "fugitive", "inmate", "prisoner", "escapee", "offender",
                          "teen", "teenager", "boy", "girl", "driver", "officer", "officers", "accused"})
# someone sought or caught: a pronoun, a person noun after up to five words ("the 23-year-old man"), or a
# name; not a thing ("looking for a strong performance", "captured the hearts of moderates")
_SOMEONE = (r"(?:him|her|them|(?:\w+[\s-]+){0,5}(?:" + "|".join(sorted(PERSON_NOUNS - {"he", "she", "they", "him", "her", "them"}))
            + r")|(?-i:[A-Z])\w+)")
# The stages a suspect's case goes through, in order, each with the words that say a report has
# reached it. A later report at a later stage is an update ("charged", then "pleaded not guilty").
_CHARGES = r"(?:\w+[- ]degree )?(?:\w+ )?charges?"
CASE_STAGES: Ladder = _ladder(
    ("sought", r"\b(?:(?:still|were|was|are|is) (?:searching|hunting|looking) for " + _SOMEONE + r"|manhunt for"
               r"|(?:(?:is|was|are|were) (?:still )?|remains? |remained |still )(?:on the run|at large))\b"),
    ("arrested", r"\b(?:was|were|been|being|is|are|has been|have been) (?:arrested|captured|detained|apprehended)\b"
                 r"|\b(?:arrested|captured|apprehended) " + _SOMEONE + r"\b"
                 r"|\b(?:taken|remains?|remained|is|was|were) (?:into|in) (?:police )?custody\b"
                 r"|\bturned (?:himself|herself|themselves) in\b"),
    ("charges expected", r"\b(?:expected|likely|set|due|going) to (?:be charged|face " + _CHARGES + r")\b"),
    ("charged", r"\b(?:(?:has|have|had) been|was|were|is|are) (?:charged|indicted)\b|\bfiled (?:\w+ )?charges\b"
                r"|\bcharged (?:him|her|them|\w+) with\b"),
    ("arraigned", r"\b(?:was|were|been|is|are) arraigned\b|\bplead(?:ed|s)? (?:not )?guilty\b|\bpled (?:not )?guilty\b"
                  r"|\bden(?:ied|ies) (?:the )?(?:\w+ )?(?:charges?|counts?)\b|\bhas denied\b|\b(?:has|have) denied\b"),
    ("sent to trial", r"\b(?:will|to|must|would) (?:stand|face) trial\b|\bheld for trial\b|\b(?:is|was|are|were) on trial\b"
                      r"|\btrial (?:began|begins|opened|opens|started|starts|got under way)\b"
                      r"|\btrial (?:of|for) [^.;]{0,100}\b(?:began|begins|opened|opens|started|starts)\b"),
    ("convicted", r"\b(?:was|were|been|is|are) convicted\b|\bfound (?!not\b)(?:\w+ )?guilty\b|\bconvicted (?:him|her|them)\b"),
    ("acquitted", r"\b(?:was|were|been|is|are) acquitted\b|\bfound (?:\w+ )?not guilty\b"),
    ("sentenced", r"\b(?:was|were|been|is|are) sentenced\b|\bsentenc(?:ed|es) (?:him|her|them|\w+) to\b"),
)
# The condition of someone hurt, from worst to best: a later report that tells a better one is an update.
CONDITION_STAGES: Ladder = _ladder(
    ("critical", r"\bin (?:a )?critical condition\b|\bcritically (?:injured|wounded|hurt|ill)\b"
                 r"|\blife-threatening (?:injuries|wounds)\b"),
    ("serious", r"\bin (?:a )?serious condition\b|\bseriously (?:injured|wounded|hurt)\b"),
    ("stable", r"\bin (?:a )?(?:stable|fair|good) condition\b|\b(?:is|was|are|were) (?:now )?stable\b"),
    ("recovering", r"\b(?:is|was|are|were) (?:now )?recovering\b"),
    ("out of hospital", r"\b(?:released|discharged) from (?:the )?hospital\b|\b(?:left|is out of|was out of) (?:the )?hospital\b"),
)
# Whether a death sentence is sought, from undecided to imposed.
PENALTY_STAGES: Ladder = _ladder(
    ("undecided", r"\bdecide\b[^.;]{0,40}\bwhether to seek (?:the )?death penalty\b"),
    ("sought", r"\b(?:will|would|to|are|is|plans? to|intends? to) seek(?:ing)? (?:the )?death penalty\b"),
    ("imposed", r"\bsentenc(?:ed|es|ing) (?:\w+ ){0,3}to death\b|\bdeath sentence (?:was |has been )?(?:imposed|handed down)\b"),
)
# Roads, a line or a site shut, then open again: stages of a place, told of no person.
ACCESS_STAGES: Ladder = _ladder(
    ("closed", r"\b(?:remain|remains|remained|stay|stays|stayed|were|was|are|is|been) (?:still )?(?:closed|shut)\b"
               r"|\b(?:closed|cordoned|sealed|fenced) off\b"),
    ("reopened", r"\b(?:were|was|are|is|been) (?:all |now |since )?re-?opened\b|\bre-?opened (?:to|on|at|by|later)\b"
                 r"|\bback open\b"),
)
# A service restored to some of those it serves, then to all: "restored all their business customers on
# alternate routes", then "restored services to all customers" (or "fully restored").
_SERVED = r"(?:customers|users|subscribers|clients|homes|households)"
SERVICE_STAGES: Ladder = _ladder(
    ("restored to some", r"\brestored (?:services? to )?(?:all )?(?:(?:its|their|the) )?(?:business|corporate|some|most|many)"
                         r" (?:\w+ )?" + _SERVED + r"\b|\b(?:business|corporate) " + _SERVED
                         + r"\b[^.;]{0,60}\brestored\b|\bpartially restored\b"),
    ("restored to all", r"\brestored (?:services? to )?all (?:(?:its|their|the) )?" + _SERVED + r"\b|\bfully restored\b"),
)
# What caused it, from a possibility to a finding: "considering arson", "suspect arson", "deliberately set".
_CAUSES = r"(?:arson|sabotage|foul play|terrorism|a terror(?:ist)? attack)"
CAUSE_STAGES: Ladder = _ladder(
    ("possible", r"\b(?:considering|not ruling out|investigating whether|looking into whether)\b[^.;]{0,30}\b" + _CAUSES + r"\b"
                 r"|\b" + _CAUSES + r" (?:is|was|as) (?:one|a|among the) possib"),
    ("suspected", r"\bsuspect(?:s|ed)? " + _CAUSES + r"\b|\b" + _CAUSES + r" (?:is|was) suspected\b"
                  r"|\b(?:treated|treating|being treated) as (?:potentially )?suspicious\b"),
    ("established", r"\b(?:deliberately|intentionally) (?:set|started|lit)\b|\b(?:was|were) set on purpose\b"
                    r"|\b(?:ruled|declared|confirmed) (?:it |the fire )?(?:an? |as )?" + _CAUSES + r"\b"),
)
# a stage the words around deny or only suppose: "has not been charged", "could face charges"
STAGE_DOUBT = re.compile(r"\b(?:not|no|never|yet to|if|whether|could|might|may|should)\b(?:\s+\S+){0,2}\s*$", re.IGNORECASE)

# a person going into a place where they stay (compare/whereabouts.py): "checked into the Betty Ford
# Center", "has checked-in to a clinic in Malibu", "was admitted to St Mary's", "was transferred to"
MOVED_INTO = re.compile(r"\b(?:check(?:s|ed|ing)?\s*-?\s*in(?:to\b|\s+to\b|\s+at\b)|admitt(?:ed|ing)\s+(?:\w+self\s+)?(?:to|into)\b"
                        r"|transferr(?:ed|ing)\s+to\b)", re.IGNORECASE)
# a going-in only pretended, just before it ("pretending to check into"): no going-in
PRETENDED = re.compile(r"pretend", re.IGNORECASE)
# words of a place's name that many places share: two names meet only on another word
STAY_WORDS = frozenset({"center", "centre", "clinic", "hospital", "rehab", "recovery", "treatment", "facility",
                        "medical", "prison", "jail", "home", "house", "institute", "the", "of", "st", "saint"})

# a sum said to have been raised (compare/rising_counts.raised_sums): "have upgraded their initial offer
# ... $160 million ... to somewhere between $178 million and $184 million", "raised its bid from $5 million to"
RAISED = re.compile(r"\b(?:raised|raises|upgraded|upgrades|increased|increases|bumped|sweetened|sweetens|boosted|upped)\b",
                    re.IGNORECASE)
TO = re.compile(r"\bto\b", re.IGNORECASE)

# how long a repair or a closure is expected to take, as a report gives it (compare/expected_ends.py):
# "the total repair time will be around twelve days", "the break would take 12 days to fix"
EXPECTED_SPAN = re.compile(r"\b(?:will|would|could|is expected to|are expected to|expected to)\s+(?:take|be|last|need)\s+"
                           r"(?:(?:around|about|some|up to|roughly|at least|approximately)\s+)?"
                           r"(?P<n>" + SMALL_COUNT + r")\s+(?P<unit>day|week|month)s?\b",
                           re.IGNORECASE)
# ... of what: a repair, a fix, a closure or an outage that ends
ENDING_WORK = re.compile(r"\b(?:repair\w*|fix\w*|restor\w*|reopen\w*|outage|closure|shutdown|works?)\b", re.IGNORECASE)
# the day it ended: "was successfully repaired on 29 October 2011", "reopened on Friday"
ENDED_ON = re.compile(r"\b(?:was|were|been|is|are)\s+(?:successfully\s+|fully\s+|finally\s+)?"
                      r"(?:repaired|fixed|restored|reopened|completed|lifted)\s+(?:on|by)\s+$", re.IGNORECASE)
