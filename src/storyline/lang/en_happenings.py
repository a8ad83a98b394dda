"""English words that name a kind of happening (words.happenings reads them)."""

# Words that name one kind of happening (a phrase: its content words in a row), each under the name of
# its kind: two outlets that tell one event with different words ("Mr K killed G on Sunday" / "the fatal
# shooting of G on Saturday"; "was found guilty" / "was convicted") still tell one happening. A word goes
# in only where it names nothing else: "shot" alone may only wound, "fire" may be gunfire.
HAPPENINGS: dict[str, tuple[str, ...]] = {
    "killing": ("killed", "slaying", "slain", "murdered", "fatal shooting", "shot dead", "stabbed to death"),
    "conviction": ("convicted", "conviction", "found guilty", "guilty verdict"),
    "testimony": ("testify", "testimony"),
    "arrest": ("arrested", "detained", "taken into custody"),
    "earthquake": ("earthquake", "quake", "temblor", "tremor"),
}
# words before a happening's word that say it did not happen: "attempted murder", "tried to kill"
UNDONE = ("attempted", "tried", "plotted", "threatened")
