"""The edges of the speaker rules that read who a role's holder is, a pronoun's gender, a stranger's own phrase,
a cleft sentence, a relative clause before a cue and the words right after a quotation (analyze/antecedents.py,
subjects.py, cue_subjects.py, quotation_cues.py, speakers.py): each text here is one a reader attributes without
hesitating and a looser version of a rule got wrong. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from conftest import speaker_of

CASES = [
    # a name's own relative clause with a verb of saying still introduces it
    ("Dan Oduya, who said he had worked as a surgeon in Aleppo for 15 years, reached Germany in 2016. His brother "
     "Sami Oduya followed a year later.\n\n“We operated by torchlight,” the surgeon said.", "torchlight", "Dan Oduya"),
    ("Ann Lee, who promised to be a full-time mayor, has taken a second job. Her deputy, Dan Oduya, defended her."
     "\n\n“I work every hour I can,” the mayor said.", "every hour", "Ann Lee"),
    # an apposition after an age, up to the next person it names
    ("Dan Oduya, 61, the director who signed off on the deal with Ann Lee, has been suspended. Lee has not "
     "commented.\n\n“I followed every rule,” the director said.", "every rule", "Dan Oduya"),
    # "and her challenger, Dan Oduya" introduces Oduya, not Lee
    ("Ann Lee and her challenger, Dan Oduya, debated on Tuesday. Oduya attacked her record on housing. Lee "
     "defended it.\n\n“Rents have doubled on her watch,” the challenger said.", "Rents have doubled", "Dan Oduya"),
    # "said his plan": the pronoun right after the cue is the speaker's, whatever a given-name table says
    ("Italy's economy minister, Michele Ferri, flew to Brussels on Monday. Ferri said his plan would cut the "
     "deficit.\n\n“Rome will keep its word,” he said.", "Rome will", "Michele Ferri"),
    # the one a question is put about answers it
    ("Sen. Ann Lee took questions on Monday. A reporter asked whether Lee would run for governor. “Not this "
     "year,” she said.", "Not this year", "Ann Lee"),
    # a journalist the story is about, telling a court, is that journalist
    ("Evan Marsh has been held in Lefortovo prison since March. Marsh, 32, was arrested on a reporting trip to "
     "Yekaterinburg and charged with spying.\n\n“I am not a spy,” the journalist told the court.", "not a spy",
     "Evan Marsh"),
    # "It was Reyes who Hale blamed": Reyes is the object of the clause, not whom it is about
    ("Coach Marcus Hale was furious after the defeat. It was Tom Reyes who Hale blamed for the second goal. “He "
     "knows what he did,” he said.", "knows what", "Marcus Hale"),
    # the one who cuts words off is not who said them
    ("Fiona Gallagher tried to respond to the charge. ‘If I could just finish—’ Mr Mensah talked over her. ‘You "
     "have had your turn,’ he said.", "just finish", "Fiona Gallagher"),
    # a surname that is a verb's form
    ("The Open ended in a play-off on Sunday. “It was the best round of my life,” Dan Rose, who finished fourth, "
     "said.", "best round", "Dan Rose"),
    # a relative clause of another clause, or a question's "who", leaves the named subject alone
    ("A man who robbed a bank in Bray was arrested on Monday, and Chief Ann Lee said: “He will face the full "
     "force of the law.”", "full force", "Ann Lee"),
    ("Inspectors want to know who started the fire and Chief Ann Lee said: “We will find out.”", "find out",
     "Ann Lee"),
    # a quotation whose own sentence names its unnamed speaker goes on with no one from the paragraph before
    ("Ann Lee lost the vote by two.\n\n“This was a stitch-up from start to finish,” one Lee ally fumed "
     "afterwards.", "stitch-up", None),
]


@pytest.mark.parametrize(("text", "words", "speaker"), CASES)
def test_each_rule_keeps_to_its_edge(text, words, speaker):
    assert speaker_of(text, words) == speaker
