"""English verbs of naming: a quotation after one is what its subject calls something ("Ruiz considers the deal
“a first step”", "accused the president of “spending …”"), not a statement in the speaker's own sentence; read by
analyze/cue_words.py (naming_cue) and analyze/fragments.py."""

from __future__ import annotations

# Verbs that give a quotation as what their subject calls something ("Ruiz considers the deal “a first step”",
# "she called it “a disgrace”"): cues only before the quotation they govern, never passive ("he was called").
NAMING_CUES = {"called", "calls", "calling", "considers", "considered", "described", "describes", "describing",
               "labelled", "labeled", "labels", "termed", "terms", "dubbed", "dubs", "branded", "brands"}
# Verbs that name a thing as something only with a word after their object: "as" ("dismissed the protest as “drama”",
# "hailed the deal as “a turning point”"), or, judging someone, the charge or the merit ("accused the president of
# “spending …”", "praised Cruz for showing “the courage …”"), read as NAMING_CUES are (cue_words.naming_cue).
NAMING_WITH: dict[str, set[str]] = {}
for _verbs, _after in (("""dismissed dismisses hailed hails praised praises derided derides denounced denounces characterized
characterised characterizes characterises portrayed portrays ridiculed mocked slammed blasted condemned criticized criticised
touted touts cast casts framed frames painted paints
treated treats treating""", "as"), ("accused accuses accusing", "of"), ("""praised praises
criticized criticised blamed blames faulted faults thanked thanks chided slammed blasted lambasted credited""", "for")):
    for _verb in _verbs.split():
        NAMING_WITH.setdefault(_verb, set()).add(_after)
