"""English words of transcripts and interviews (analyze/transcripts.py): the titles, roles and headings a
speaker's label may hold, the verbs of a writer's summary under a name, and the marks of words spoken to
someone or in the first person."""

from __future__ import annotations

import re

# Words of a speaker's label that give a title, not a name ("SEN. BERNIE
# SANDERS:", "HOST JAKE TAPPER:").
LABEL_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
                          "secretary", "gen", "general", "rev", "prof", "judge", "justice", "mayor", "speaker",
                          "former", "vice", "candidate", "host", "moderator", "anchor"})
# Verbs that open the writer's summary of a person's positions under their name ("CLINTON: Says we need …",
# "SANDERS: Wants free college."): no one speaks of themself so.
SUMMARY_VERBS = frozenset({"says", "said", "wants", "wanted", "supports", "supported", "backs", "backed", "opposes",
                           "opposed", "favors", "favours", "favored", "favoured", "calls", "called", "proposes",
                           "proposed", "pledges", "pledged", "promises", "promised", "plans", "planned", "vows",
                           "vowed", "argues", "argued", "believes", "thinks", "voted", "votes", "would", "has", "had"})
# Words of a label that name a role or a heading, not a person ("UNIDENTIFIED MALE:", "AUDIENCE MEMBER:",
# "ANNOUNCER:", "UPDATE:", "WATCH:"), unless the article names someone so ("READ:" for its Tom Read).
LABEL_ROLES = frozenset({"unidentified", "male", "female", "man", "woman", "audience", "member", "members", "crowd",
                         "announcer", "narrator", "voice", "protester", "protesters", "caller", "reporter",
                         "reporters", "question", "answer", "interviewer", "update", "updated", "related", "video",
                         "watch", "editor", "note", "correction", "photo", "source", "sources", "published", "posted",
                         "breaking", "exclusive", "byline", "email", "read", "more", "also", "see", "listen",
                         "transcript", "excerpt", "clip", "unknown"})
# A turn that speaks to someone: a word of the first or second person, or a question.
SPOKEN = re.compile(r"\bI\b|\b(?:[Ww]e|us|[Oo]ur|[Mm]y|me|[Yy]ou|[Yy]our|[Ll]et[’']s|[Ii][’']m|[Ii][’']ve)\b|\?")
# An answer in the first person: an interview's, not an explainer's ("Q: What is the debt limit? A: It is …").
FIRST_PERSON = re.compile(r"\bI\b|\b(?:[Ww]e|us|[Oo]ur|[Mm]y|me|[Ii][’']m|[Ii][’']ve|[Ww]e[’']re)\b")
