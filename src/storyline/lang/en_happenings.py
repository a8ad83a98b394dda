"""English words that name a kind of happening (words.happenings reads them)."""

import re

# Words that name one kind of happening (a phrase: its content words in a row), each under the name of
# its kind: two outlets that tell one event with different words ("Mr K killed G on Sunday" / "the fatal
# shooting of G on Saturday"; "was found guilty" / "was convicted"; "the blaze" / "went up in flames")
# still tell one happening. A word goes in only where it names nothing else: "shot" alone may only
# wound, "fire" may be gunfire or criticism ("came under fire"), "landing" a staircase's, "broke out" a
# riot or an escape, "erupted" a blaze or a row. (The kind's own name is read as the kind in a report's lead where the story is
# about that kind: compare/story_happening.py.)
HAPPENINGS: dict[str, tuple[str, ...]] = {
    "killing": ("killed", "slaying", "slain", "murdered", "fatal shooting", "shot dead", "stabbed to death"),
    "conviction": ("convicted", "conviction", "found guilty", "guilty verdict"),
    "testimony": ("testify", "testimony"),
    "arrest": ("arrested", "detained", "taken into custody"),
    "earthquake": ("earthquake", "quake", "temblor", "tremor"),
    "fire": ("blaze", "inferno", "flames", "wildfire", "wildfires", "bushfire", "bushfires", "caught fire", "set fire", "fire broke"),
    "explosion": ("explosion", "exploded", "blast"),
    "shooting": ("opened fire", "gunman", "gunmen"),
    "derailment": ("derailed", "derailment"),
    "landslide": ("landslide", "mudslide"),
    "theft": ("theft", "heist", "robbery", "burglary", "stole", "stolen", "robbed"),
    "capsizing": ("capsized", "capsizing"),
    "grounding": ("ran aground", "run aground", "runs aground", "running aground"),
    "leak": ("gas leak", "chemical leak", "toxic leak", "gas escaped"),
    "stampede": ("stampede",),
    "escape": ("escaped", "jailbreak"),
    "riot": ("riot", "riots", "rioting"),
    "crash": ("collided", "collision", "plane crash", "car crash"),
    "eruption": ("eruption",),
    "hostage": ("hostage", "hostages"),
    "landing": ("emergency landing", "touched down"),
    "launch": ("lifted off", "liftoff", "blasted off"),
    "blackout": ("power cut", "outage", "outages"),
    "storm": ("hurricane", "cyclone", "typhoon"),
    "flood": ("floods", "flooding", "flash flood"),
    # not "walked out" (of a meeting, a room) nor "strikers" (a team's forwards)
    "strike": ("walkout", "walkouts", "went on strike", "go on strike", "gone on strike", "going on strike",
               "joined the strike", "stopped work", "downed tools", "walked off the job", "strike action",
               "industrial action", "picket line"),
}
# Short names a report gives the story's own happening once it has told it, which elsewhere name other things ("the
# slide", a slide in prices): read as the kind only where the story is about that kind, as the kind's own name is.
SHORT_NAMES: dict[str, tuple[str, ...]] = {"landslide": ("slide", "rockslide"), "earthquake": ("shaking",),
                                           "explosion": ("detonation",), "derailment": ("wreck",)}
# words before a happening's word that say it did not happen: "attempted murder", "tried to kill"
UNDONE = ("attempted", "tried", "plotted", "threatened")
# words that tell another happening of a kind: an ordinal or "another" before the kind's word or "one",
# within two words ("the second one to hit", "a fresh blaze", "another strong quake"), and a sequel's name
ANOTHER_ONE = re.compile(r"\b(?:second|third|fourth|another|fresh)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
SEQUELS = re.compile(r"\baftershocks?\b", re.IGNORECASE)
