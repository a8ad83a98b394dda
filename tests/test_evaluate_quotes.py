"""`storyline eval quotes`: quotations and speakers scored against PolNeAR-shaped attribution gold.

The articles here are our own; the gold spans are found in their text, so the right answers are
the ones a reader gives. A last test runs the CLI over the first PolNeAR dev records, where present."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.evaluate.gold_sources import name_words, names_agree, source_kind
from storyline.errors import InputError
from storyline.evaluate.quotes import offset_map, read_gold, score_quotes, spans_match
from storyline.evaluate.referents import name_gender

from conftest import SHARED

TEXT = (
    "Harbour cranes late again\n\n"
    "Mayor Lena Okafor said on Tuesday that the harbour plan would slip to spring.\n\n"
    "“We will not cut corners,” Okafor said. “The cranes arrive in May,” she added.\n\n"
    "“Nobody told the crews,” a dock worker said.\n\n"
    "Councillor Piet Varga called the timetable “a fantasy.” “It was never costed,” Varga said, "
    "“and the mayor knows it.”\n\n"
    "“We have waited long enough,” said Varga."
)


def span(text: str, words: str, after: int = 0) -> list[int]:
    start = text.index(words, after)
    return [start, start + len(words)]


def nearest(text: str, words: str, position: int) -> list[int]:
    """The occurrence of words (as whole words) closest to position."""
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)]
    start = min(starts, key=lambda s: abs(s - position))
    return [start, start + len(words)]


def attribution(text: str, source: str | None, cue: str, content: list[str], direct: bool, after: int = 0) -> dict:
    """A PolNeAR attribution whose spans are found in text (the first occurrence at or after `after`)."""
    pieces = []
    for words in content:
        pieces.append(span(text, words, after))
        after = pieces[-1][1]
    source_spans = [nearest(text, source, pieces[0][0])] if source else []
    return {"source": source_spans, "source_text": source or "", "cue": [span(text, cue, max(0, pieces[0][0] - 40))],
            "cue_text": cue, "content": pieces, "content_text": " … ".join(content), "direct": direct}


def gold_record() -> dict:
    t = TEXT
    return {"id": "harbour-1", "source": "ours", "date": "2026-03-03", "title": "Harbour cranes late again", "text": t,
            "attributions": [
                attribution(t, "Mayor Lena Okafor", "said", ["that the harbour plan would slip to spring"], False),
                attribution(t, "Okafor", "said", ["“We will not cut corners,”"], True),
                attribution(t, "she", "added", ["“The cranes arrive in May,”"], True),
                attribution(t, "a dock worker", "said", ["“Nobody told the crews,”"], True),
                attribution(t, "Varga", "said", ["“It was never costed,”", "“and the mayor knows it.”"], True),
                attribution(t, "Varga", "said", ["“We have waited long enough,”"], True),
            ]}


def quote(text: str, words: str, speaker: str | None, direct: bool = True) -> dict:
    start, end = span(text, words)
    return {"start": start, "end": end, "speaker": speaker, "direct": direct}


def test_scorer_counts_each_kind_of_answer() -> None:
    t = TEXT
    predicted = {"harbour-1": {"text": t, "quotes": [
        quote(t, "We will not cut corners", "Lena Okafor"),            # named, right
        quote(t, "The cranes arrive in May", "Piet Varga"),            # pronoun "she" → Okafor: wrong
        quote(t, "Nobody told the crews", None),                       # anonymous source, null: right
        quote(t, "a fantasy", "Piet Varga"),                           # a scare quote: no gold direct quotation
        quote(t, "It was never costed", None),                         # named source left unattributed
        quote(t, "and the mayor knows it", None),
        # "We have waited long enough" is missed
        quote(t, "the harbour plan would slip to spring", "Lena Okafor", direct=False),
    ]}}
    scores = score_quotes([gold_record()], predicted)
    assert scores["articles_analysed"] == 1
    assert (scores["direct_found"], scores["direct_gold"]) == (4, 5)
    assert (scores["predicted_direct_right"], scores["predicted_direct"]) == (5, 6)
    assert (scores["speaker_named_right"], scores["speaker_named"]) == (1, 2)
    assert (scores["speaker_pronoun_right"], scores["speaker_pronoun"]) == (0, 1)
    assert (scores["speaker_anonymous_right"], scores["speaker_anonymous"]) == (1, 1)
    assert (scores["unattributed"], scores["with_source"]) == (2, 4)
    assert scores["unattributed_anonymous"] == 1
    # the share where null is wrong: Varga named, left null, of the three found with a person as source
    assert (scores["unattributed_person"], scores["with_person_source"]) == (1, 3)
    assert (scores["indirect_found"], scores["indirect_gold"]) == (1, 1)
    wrong = {(e["kind"], e["expected"], e["predicted"]) for e in scores["speaker_errors"]}
    assert wrong == {("pronoun", "okafor", "Piet Varga"), ("name", "varga", None)}
    assert [m["text"] for m in scores["missed"]] == ["“We have waited long enough,”"]
    assert [(u["text"], u["annotated"]) for u in scores["unmatched"]] == [("a fantasy", False)]


def test_pronoun_right_when_it_names_the_chains_person() -> None:
    t = TEXT
    predicted = {"harbour-1": {"text": t, "quotes": [quote(t, "The cranes arrive in May", "Lena Okafor")]}}
    scores = score_quotes([gold_record()], predicted)
    assert (scores["speaker_pronoun_right"], scores["speaker_pronoun"]) == (1, 1)
    assert scores["direct_found"] == 1 and scores["indirect_found"] == 0


def test_a_quotation_nested_in_another_is_scored_against_the_inner_prediction() -> None:
    """Both predictions share all of the inner gold's characters; the one of its length is its answer."""
    t = "Mayor Lena Okafor spoke.\n\n“He kept yelling, 'Close the quay now!' and nobody listened,” Okafor said."
    record = {"id": "quay", "text": t, "attributions": [
        attribution(t, "Okafor", "said", ["“He kept yelling, 'Close the quay now!' and nobody listened,”"], True),
        attribution(t, "He", "yelling", ["'Close the quay now!'"], True)]}
    record["attributions"][1]["source_kind"] = "anonymous"
    predicted = {"quay": {"text": t, "quotes": [
        quote(t, "He kept yelling, 'Close the quay now!' and nobody listened", "Lena Okafor"),
        quote(t, "Close the quay now!", None)]}}
    scores = score_quotes([record], predicted)
    assert (scores["speaker_named_right"], scores["speaker_named"]) == (1, 1)
    assert (scores["speaker_anonymous_right"], scores["speaker_anonymous"]) == (1, 1)


def test_a_first_person_source_is_left_to_the_reader() -> None:
    t = "Okafor spoke first.\n\n“I walked the quay,” I said. “It was empty.”"
    record = {"id": "quay", "text": t, "attributions": [
        attribution(t, "Okafor", "spoke", ["Okafor spoke first"], False),
        attribution(t, "I", "said", ["“I walked the quay,”"], True, after=t.index("“I"))]}
    record["attributions"][1]["source"] = [span(t, "I said")[:1] + [span(t, "I said")[0] + 1]]
    predicted = {"quay": {"text": t, "quotes": [quote(t, "I walked the quay", "Okafor")]}}
    scores = score_quotes([record], predicted)
    assert scores["speaker_unresolved"] == 1 and scores["speaker_pronoun"] == 0 and scores["speaker_errors"] == []


def test_a_source_that_is_a_thing_is_left_to_the_reader() -> None:
    # the chain would name Okafor, the last named source; "it" is the letter, which no name answers
    t = ("Mayor Lena Okafor said the quay would reopen.\n\n"
         "A letter from the ferry crews reached the council on Friday. “We were never asked,” it said.")
    record = {"id": "letter", "text": t, "attributions": [
        attribution(t, "Mayor Lena Okafor", "said", ["the quay would reopen"], False),
        attribution(t, "it", "said", ["“We were never asked,”"], True)]}
    predicted = {"letter": {"text": t, "quotes": [quote(t, "We were never asked", None)]}}
    scores = score_quotes([record], predicted)
    assert scores["speaker_unresolved"] == 1 and scores["speaker_pronoun"] == 0 and scores["speaker_errors"] == []


def test_spans_are_carried_onto_the_normalised_text() -> None:
    raw = "Lede\u00a0line.\r\n\r\n\r\n  “Keep   going,” Okafor said.  "
    normalised = "Lede line.\n\n“Keep going,” Okafor said."
    mapping = offset_map(raw, normalised)
    start, end = raw.index("Keep"), raw.index("going") + len("going")
    assert normalised[mapping[start]:mapping[end]] == "Keep going"


def test_match_needs_half_of_the_shorter_span() -> None:
    assert spans_match((0, 10), (5, 30))
    assert not spans_match((0, 10), (6, 30))
    assert not spans_match((0, 10), (10, 20))


@pytest.mark.parametrize(("source", "kind"), [
    ("Donald Trump", "name"), ("Trump’s campaign manager Kellyanne Conway", "name"),
    ("Secretary of State John Kerry", "name"), ("Clinton, the Democratic nominee,", "name"),
    ("he", "pronoun"), ("She", "pronoun"),
    ("a spokesman for Hillary Clinton", "anonymous"), ("Officials", "anonymous"), ("the Trump campaign", "anonymous"),
    ("two aides", "anonymous"), ("Dozens of them", "anonymous"),
    ("the Republican nominee", "definite"), ("The senator", "definite"), ("the President", "definite"),
    ("the editorial", "anonymous"), ("the man", "anonymous"), ("the attendees", "anonymous"),
    ("Ms. Okafor's spokesman, Piet Varga", "name"),
    ("an Iowa Democrat", "anonymous"), ("one senior Republican", "anonymous"), ("Another", "anonymous"),
    ("another Twitter user, Johanna Bayer", "name"),
    ("One early supporter, Representative Ann Lee, Republican of Ohio,", "name"),
    ("the mayor's introducer, actress Mara Voss", "name"), ("another advocate, Piet Varga of the firm Varga Lund", "name"),
])
def test_source_kinds(source: str, kind: str) -> None:
    assert source_kind(source, "officials said the president and the senator met") == kind


def test_a_capitalised_word_the_article_also_writes_in_lower_case() -> None:
    text = "Officials will meet. “Enough,” Will wrote. Will the talks last?"
    assert source_kind("Will", text, text.index("Will wrote")) == "name"
    assert source_kind("Officials", text, 0) == "anonymous"


def test_a_name_with_its_state_is_the_person_and_an_office_keeps_its_of() -> None:
    assert names_agree(name_words("Senator Jane Roe of Ohio"), "Jane Roe")
    assert names_agree(name_words("Representative Piet Varga of New Mexico, who endorsed her"), "Piet Varga")
    assert names_agree(name_words("Professor Okafor"), "Ada Okafor")
    assert name_words("Secretary of State Ada Okafor")[-2:] == ["ada", "okafor"]
    assert names_agree(name_words("Speaker of the House Piet Varga"), "Piet Varga")


def test_names_agree_on_surname_and_containment() -> None:
    assert names_agree(["clinton"], "Hillary Clinton")
    assert names_agree(["hillary", "rodham", "clinton"], "Hillary Clinton")
    assert not names_agree(["hillary", "clinton"], "Bill Clinton")
    assert not names_agree(["clinton"], "Donald Trump")
    assert not names_agree(["clinton"], None)


def test_gender_of_a_surname_from_the_article() -> None:
    text = "Okafor spoke first. Okafor said she would stay. Mr. Varga left early."
    assert name_gender("Okafor", text) == "f"
    assert name_gender("Varga", text) == "m"
    assert name_gender("Lindqvist", text) is None


def test_cli_scores_our_own_article(cli, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    scores = cli.json("eval", "quotes", str(gold), "--json", "--errors")
    assert scores["articles"] == 1 and scores["direct_gold"] == 5
    assert scores["direct_found"] == 5, scores["missed"]
    # "Okafor said" and "said Varga": names written right beside the cue.
    assert scores["speaker_named_right"] >= 2, scores["speaker_errors"]
    assert scores["speaker_anonymous"] == 1
    table = cli("eval", "quotes", str(gold)).stdout
    assert "direct quotations: recall" in table and f"{scores['direct_found']} / 5" in table


def test_cli_says_what_is_wrong_with_a_file(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "No attributions here."}) + "\n", encoding="utf-8")
    result = cli("eval", "quotes", str(bad), expect=1)
    assert "bad.jsonl:1" in result.stderr and "attributions" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_on_polnear_dev_head(cli) -> None:
    dev = SHARED / "data" / "polnear" / "dev.jsonl"
    if not dev.exists():
        pytest.skip(f"{dev} not found (set STORYLINE_SHARED)")
    scores = cli.json("eval", "quotes", str(dev), "--limit", "3", "--json")
    assert scores["articles"] == scores["articles_analysed"] == 3
    assert "speaker_errors" not in scores
    records = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines()[:3]]
    attributions = [a for r in records for a in r["attributions"]]
    assert scores["direct_gold"] == sum(a["direct"] for a in attributions)
    assert scores["indirect_gold"] == len(attributions) - scores["direct_gold"]
    assert 0 <= scores["direct_found"] <= scores["direct_gold"]
    assert scores["predicted_direct_right"] <= scores["predicted_direct_attributed"] <= scores["predicted_direct"]
    speakers = (scores["speaker_named"] + scores["speaker_referred"] + scores["speaker_anonymous"]
                + scores["speaker_unresolved"])
    assert speakers == scores["with_source"] <= scores["direct_found"]
    assert scores["with_source"] + scores["found_without_source"] == scores["direct_found"]
    assert scores["unattributed"] <= scores["with_source"]


def test_a_pronoun_refers_to_whom_the_sentence_before_is_about() -> None:
    """A reader takes "she" for the mayor the sentence before is about, though only the councillor was
    annotated as a source; the chain of annotated sources alone would say Varga."""
    t = ("Councillor Piet Varga said the budget was late.\n\n"
         "Mayor Lena Okafor walked the quay on Monday, counting cranes. “Two are missing,” she said.")
    record = {"id": "quay-2", "text": t, "attributions": [
        attribution(t, "Councillor Piet Varga", "said", ["the budget was late"], False),
        attribution(t, "she", "said", ["“Two are missing,”"], True)]}
    right = score_quotes([record], {"quay-2": {"text": t, "quotes": [quote(t, "Two are missing", "Lena Okafor")]}})
    assert (right["speaker_pronoun_right"], right["speaker_pronoun"]) == (1, 1)
    wrong = score_quotes([record], {"quay-2": {"text": t, "quotes": [quote(t, "Two are missing", "Piet Varga")]}})
    assert wrong["speaker_pronoun_right"] == 0


def test_a_pronoun_does_not_take_a_name_the_sentence_only_mentions() -> None:
    """"The councillor gave Okafor credit …, he said": the councillor's sentence names Okafor as its
    object, so "he" goes back to Varga, the subject a reader follows."""
    t = ("Piet Varga said the budget was late.\n\n"
         "The councillor gave Mayor Okafor some credit. “The cranes came,” he said.")
    record = {"id": "quay-3", "text": t, "attributions": [
        attribution(t, "Piet Varga", "said", ["the budget was late"], False),
        attribution(t, "he", "said", ["“The cranes came,”"], True)]}
    scores = score_quotes([record], {"quay-3": {"text": t, "quotes": [quote(t, "The cranes came", "Piet Varga")]}})
    assert (scores["speaker_pronoun_right"], scores["speaker_pronoun"]) == (1, 1)


def test_a_pronoun_refers_to_a_person_introduced_by_an_apposition() -> None:
    """"Dan Oduya, a ferry pilot from the north shore, has …": a name a description stands beside is a
    person's, so "he" after that sentence is Oduya's, not the councillor's the annotation named before; a
    place in the same shape ("in Port Ellis", "Port Ellis, a town") is no one."""
    t = ("Councillor Piet Varga said the budget was late.\n\n"
         "Dan Oduya, a ferry pilot from the north shore, has crossed the strait for twenty years. "
         "“The cranes never came,” he said.\n\n"
         "The crews live in Port Ellis. Port Ellis, a town of ferries, has one pier. “It floods,” he said.")
    record = {"id": "quay-4", "text": t, "attributions": [
        attribution(t, "Councillor Piet Varga", "said", ["the budget was late"], False),
        attribution(t, "he", "said", ["“The cranes never came,”"], True),
        attribution(t, "he", "said", ["“It floods,”"], True)]}
    predicted = [quote(t, "The cranes never came", "Dan Oduya"), quote(t, "It floods", "Dan Oduya")]
    scores = score_quotes([record], {"quay-4": {"text": t, "quotes": predicted}})
    assert (scores["speaker_pronoun_right"], scores["speaker_pronoun"]) == (2, 2)
    predicted = [quote(t, "The cranes never came", "Piet Varga"), quote(t, "It floods", "Port Ellis")]
    scores = score_quotes([record], {"quay-4": {"text": t, "quotes": predicted}})
    assert scores["speaker_pronoun_right"] == 0


def test_pronouns_inside_a_quotation_do_not_give_its_speaker_a_gender() -> None:
    text = "“He misled the council,” Reyes said. “He always does,” Reyes added."
    assert name_gender("Reyes", text) is None


def test_an_annotation_that_swapped_source_and_cue_is_read_the_right_way_round() -> None:
    """"“…,” said Varga" annotated with "said" as the source and "Varga" as the cue: the source is Varga."""
    t = TEXT
    record = gold_record()
    swapped = record["attributions"][-1]
    swapped["source"], swapped["cue"] = [span(t, "said", t.index("waited"))], [span(t, "Varga", t.index("waited"))]
    swapped["source_text"], swapped["cue_text"] = "said", "Varga"
    predicted = {"harbour-1": {"text": t, "quotes": [quote(t, "We have waited long enough", "Piet Varga")]}}
    scores = score_quotes([record], predicted)
    assert (scores["speaker_named_right"], scores["speaker_named"], scores["speaker_anonymous"]) == (1, 1, 0)


def test_a_relative_who_is_the_person_named_right_before_it() -> None:
    """The chain's nearest marked source is Okafor; "who" hangs from the name right before it, Piet Varga."""
    t = ("Mayor Lena Okafor said the quay would reopen.\n\n"
         "Then there was the ferry pilot Piet Varga, who told the council, “We were never asked.”")
    record = {"id": "who", "text": t, "attributions": [
        attribution(t, "Mayor Lena Okafor", "said", ["the quay would reopen"], False),
        attribution(t, "who", "told", ["“We were never asked.”"], True)]}
    right = score_quotes([record], {"who": {"text": t, "quotes": [quote(t, "We were never asked", "Piet Varga")]}})
    wrong = score_quotes([record], {"who": {"text": t, "quotes": [quote(t, "We were never asked", "Lena Okafor")]}})
    assert right["speaker_pronoun_right"] == 1 and wrong["speaker_pronoun_right"] == 0


def test_gender_of_a_name_from_a_given_name_of_one_sex() -> None:
    text = "Ben Okafor spoke first. Later Okafor left. Ann Lindqvist and husband Bill stayed."
    assert name_gender("Okafor", text) == "m"
    assert name_gender("Lindqvist", text) == "f"
    assert name_gender("Bill", text) == "m"
    assert name_gender("Varga", "Ben Varga and Ana Varga came.") is None  # two people, two sexes


def _pronoun_right(t: str, attributions: list[dict], quoted: str, speaker: str) -> bool:
    """Whether the scorer counts `speaker` right for the quotation `quoted` whose gold source is a pronoun."""
    record = {"id": "x", "text": t, "attributions": attributions}
    scores = score_quotes([record], {"x": {"text": t, "quotes": [quote(t, quoted, speaker)]}})
    assert scores["speaker_pronoun"] == 1, scores
    return scores["speaker_pronoun_right"] == 1


def test_a_given_name_of_one_sex_says_who_he_is_whatever_the_surname_shares() -> None:
    """"Ben Okafor" is a man though the article's "Okafor" is mostly his wife, whom "she" follows."""
    t = ("Ann Okafor said the ferries were late. Ann Okafor said she would stay.\n\n"
         "Former mayor Ben Okafor agreed with the plan. “It will work,” he said.")
    gold = [attribution(t, "Ann Okafor", "said", ["the ferries were late"], False),
            attribution(t, "he", "said", ["“It will work,”"], True)]
    assert _pronoun_right(t, gold, "It will work", "Ben Okafor")
    assert not _pronoun_right(t, gold, "It will work", "Ann Okafor")


def test_one_given_name_of_one_sex_decides_before_pronouns_about_others() -> None:
    """"Podesta told them that her plan …" is about someone else's plan; the article's one "John Podesta" says he is a
    man. Where two given names stand before the surname ("Bill Clinton", "Hillary Clinton"), the pronouns decide."""
    t = "John Podesta spoke first. Podesta told the board that her plan was late. Podesta said her view was clear."
    assert name_gender("Podesta", t) == "m"
    t = "Bill Lee and Ann Lee spoke. Lee said she would stay. Lee said she was glad."
    assert name_gender("Lee", t) == "f"


def test_a_surname_after_a_given_name_is_a_person_the_sentence_is_about() -> None:
    """"Ben Okafor defied the question": a person, though no one marked him as a source, so "he" is his."""
    t = ("Councillor Piet Varga said the budget was late.\n\n"
         "Ben Okafor defied the question and made no choice. “Either one will win,” he said.")
    gold = [attribution(t, "Councillor Piet Varga", "said", ["the budget was late"], False),
            attribution(t, "he", "said", ["“Either one will win,”"], True)]
    assert _pronoun_right(t, gold, "Either one will win", "Ben Okafor")


def test_a_pronoun_inside_an_opening_phrase_is_not_the_subject() -> None:
    """"Asked whether he would stay, Mr. Okafor demurred": the sentence is about Okafor."""
    t = ("Councillor Piet Varga said the budget was late.\n\n"
         "Asked whether he would stay, Mr. Okafor demurred. “Nobody needs to know,” he said.")
    gold = [attribution(t, "Councillor Piet Varga", "said", ["the budget was late"], False),
            attribution(t, "he", "said", ["“Nobody needs to know,”"], True)]
    assert _pronoun_right(t, gold, "Nobody needs to know", "Okafor")


def test_a_kin_noun_may_stand_before_the_subject() -> None:
    """"The other man, his cousin Dan Oduya, 40, cited …": Oduya is the subject, as "the mayor" would be."""
    t = ("Piet Varga, 70, said he was against the plan. The other man, his cousin Dan Oduya, 40, cited the cost. "
         "“He talks too much,” he said.")
    gold = [attribution(t, "Piet Varga", "said", ["he was against the plan"], False),
            attribution(t, "he", "said", ["“He talks too much,”"], True)]
    assert _pronoun_right(t, gold, "He talks too much", "Dan Oduya")


def test_the_one_asked_answers() -> None:
    """"Mr. Dan Oduya then asked Varga which crane …" and the quotation after it: "he" is Varga, who answers."""
    t = ("Councillor Piet Varga said the budget was late.\n\n"
         "Mr. Dan Oduya then asked Varga which crane would come first.\n\n“The red one,” he said.")
    gold = [attribution(t, "Councillor Piet Varga", "said", ["the budget was late"], False),
            attribution(t, "he", "said", ["“The red one,”"], True)]
    assert _pronoun_right(t, gold, "The red one", "Piet Varga")
    assert not _pronoun_right(t, gold, "The red one", "Dan Oduya")


def test_a_sentence_opening_with_a_clause_of_its_own_is_about_its_main_clause() -> None:
    """"When Mr. Oduya praised the plan, Mr. Varga forcefully differed": the marked source of the opening clause is
    not whom the sentence is about."""
    t = ("Mr. Oduya said the plan was sound.\n\n"
         "When Mr. Oduya praised the plan, Mr. Varga forcefully differed. “It floods,” he said.")
    gold = [attribution(t, "Mr. Oduya", "said", ["the plan was sound"], False),
            attribution(t, "Mr. Oduya", "praised", ["the plan"], False, after=t.index("When")),
            attribution(t, "he", "said", ["“It floods,”"], True)]
    assert _pronoun_right(t, gold, "It floods", "Varga")
    assert not _pronoun_right(t, gold, "It floods", "Oduya")


def test_a_name_after_a_preposition_or_before_a_group_is_no_subject() -> None:
    """"Like Oduya, their days begin early" and "The Oduya campaign said" are not about Oduya: "he" goes back to the
    sentence before, whose subject Varga is."""
    t = ("Mr. Dan Oduya said the budget was late.\n\n"
         "Mr. Varga keeps his eyes on his phone. Like Oduya, their days begin at five. “We like to work,” he said.\n\n"
         "Mr. Varga checked the cranes. The Oduya campaign did not answer. “They are late,” he said.")
    gold = [attribution(t, "Mr. Dan Oduya", "said", ["the budget was late"], False),
            attribution(t, "he", "said", ["“We like to work,”"], True)]
    assert _pronoun_right(t, gold, "We like to work", "Varga")
    gold = [attribution(t, "Mr. Dan Oduya", "said", ["the budget was late"], False),
            attribution(t, "he", "said", ["“They are late,”"], True)]
    assert _pronoun_right(t, gold, "They are late", "Varga")


def test_a_source_phrase_is_an_attribution_and_right_for_an_anonymous_source() -> None:
    # "a dock worker said": null with the phrase is attributed, and the phrase is the gold's source; a named
    # source left null with no phrase stays unattributed; a phrase elsewhere in the text is not the gold's
    t = TEXT
    worker = span(t, "a dock worker")

    def phrased(words: str, at: list[int]) -> dict:
        return {**quote(t, words, None), "unnamed_source": t[at[0]:at[1]], "unnamed_span": at}

    predicted = {"harbour-1": {"text": t, "quotes": [
        phrased("Nobody told the crews", worker),
        quote(t, "It was never costed", None),
        quote(t, "We will not cut corners", "Lena Okafor"),
    ]}}
    scores = score_quotes([gold_record()], predicted)
    assert (scores["speaker_anonymous_right"], scores["speaker_anonymous"]) == (1, 1)
    assert (scores["anonymous_phrased"], scores["anonymous_phrase_share"]) == (1, 1.0)
    assert (scores["unattributed"], scores["speaker_null"], scores["with_source"]) == (1, 2, 3)
    assert scores["unattributed_anonymous"] == 0 and scores["unattributed_person"] == 1
    elsewhere = {"harbour-1": {"text": t, "quotes": [phrased("Nobody told the crews", span(t, "Mayor Lena Okafor"))]}}
    scores = score_quotes([gold_record()], elsewhere)
    assert scores["anonymous_phrased"] == 0 and scores["unattributed"] == 0 and scores["speaker_null"] == 1


def test_a_gold_file_that_cannot_be_read_says_which_file_and_line(tmp_path: Path) -> None:
    """A missing file and a line that is no JSON each give one line naming the file (and the line); a record without
    PolNeAR's fields names its line too."""
    with pytest.raises(InputError, match=r"missing.jsonl: cannot read the attributions"):
        read_gold(tmp_path / "missing.jsonl")
    path = tmp_path / "gold.jsonl"
    record = {"id": "a", "text": "Ana Ruiz spoke.", "attributions": []}
    path.write_text(json.dumps(record) + "\n\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:3: not JSON"):
        read_gold(path)
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "b", "text": "…"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold.jsonl:2: a record needs 'text' and 'attributions'"):
        read_gold(path)
    assert [r["id"] for r in read_gold(path, limit=1)] == ["a"]
