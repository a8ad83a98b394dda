"""How the scorer reads a gold source where its earlier rules misread it: whom a "he" or "she" stands for where the
annotation's nearest marked name is not whom a reader means (the one asking is not the one answering, "Then there's
Ortiz." is about Ortiz, a title before a name makes a person whatever body's word stands before the title), and a
name whose letters came through mis-decoded UTF-8. Our own sentences; the gold spans are found in them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.evaluate.gold_sources import introduced_unnamed, name_words, names_agree, source_kind
from storyline.evaluate.quotes import score_quotes
from storyline.evaluate.referents import read_referents


def _span(text: str, words: str, after: int = 0) -> list[int]:
    start = text.index(words, after)
    return [start, start + len(words)]


def _gold(text: str, source: str, cue: str, content: str, direct: bool) -> dict:
    """An attribution whose source is the whole-word occurrence of `source` nearest its content."""
    piece = _span(text, content)
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(source)}(?!\w)", text)]
    at = min(starts, key=lambda s: min(abs(s - piece[0]), abs(s - piece[1])))
    return {"source": [[at, at + len(source)]], "source_text": source, "cue": [_span(text, cue, at)],
            "cue_text": cue, "content": [piece], "content_text": content, "direct": direct}


def _right(text: str, gold: list[dict], quoted: str, speaker: str) -> bool:
    start, end = _span(text, quoted)
    record = {"id": "ours", "text": text, "attributions": gold}
    scores = score_quotes([record], {"ours": {"text": text, "quotes": [
        {"start": start, "end": end, "speaker": speaker, "direct": True}]}})
    assert scores["speaker_pronoun"] == 1
    return bool(scores["speaker_pronoun_right"])


def test_the_one_asking_does_not_answer() -> None:
    """"Mayor Ruiz said little when Varga asked whether …" marks Varga, the asker, as a source: "he said" after it is
    the mayor's answer."""
    t = ("Mayor Dan Ruiz opened the harbour meeting on Monday.\n\n"
         "Mr. Ruiz said little when Varga asked whether the cranes would come. “We will see,” he said.")
    gold = [_gold(t, "Varga", "asked", "whether the cranes would come", False),
            _gold(t, "he", "said", "“We will see,”", True)]
    assert _right(t, gold, "We will see", "Dan Ruiz")
    assert not _right(t, gold, "We will see", "Varga")


def test_a_name_after_there_is_the_sentence_subject() -> None:
    """"Then there's Ruiz." introduces whom the next paragraph's "he wrote" stands for, not the name marked before."""
    t = ("Councillor Piet Varga wrote a column about the cranes, and Mr. Ruiz read it.\n\n"
         "Then there's Ruiz.\n\n"
         "“The cranes are late again,” he wrote.")
    gold = [_gold(t, "Councillor Piet Varga", "wrote", "a column about the cranes", False),
            _gold(t, "he", "wrote", "“The cranes are late again,”", True)]
    assert _right(t, gold, "The cranes are late again", "Ruiz")
    assert not _right(t, gold, "The cranes are late again", "Piet Varga")


def test_a_title_before_a_name_makes_a_person_after_a_body_name() -> None:
    """"the district GOP Chairman Dan Ruiz": the body's word before the title does not make the source a body, so
    "he said" after his sentence is his."""
    t = ("Mr. Piet Varga said the vote was fair.\n\n"
         "There, the district GOP Chairman Dan Ruiz declined to name the delegates but said one backed the mayor.\n\n"
         "“The mayor has support here,” he said.")
    gold = [_gold(t, "Mr. Piet Varga", "said", "the vote was fair", False),
            _gold(t, "the district GOP Chairman Dan Ruiz", "said", "one backed the mayor", False),
            _gold(t, "he", "said", "“The mayor has support here,”", True)]
    assert _right(t, gold, "The mayor has support here", "Dan Ruiz")
    assert not _right(t, gold, "The mayor has support here", "Piet Varga")


def test_a_name_spelt_in_mis_decoded_utf8_is_a_name() -> None:
    """"Ana SÃ¡nchez" (Sánchez read as Latin-1): the signs inside the word are the word's, so the source is a name and
    storyline's "Ana SÃ¡nchez" answers it; a control character the normalised text drops does not part them."""
    text = "“The pier is ready,” said Ana SÃ¡nchez, a harbour pilot."
    source = "Ana SÃ¡nchez, a harbour pilot"
    assert source_kind(source, text, text.index("Ana")) == "name"
    assert names_agree(name_words(source), "Ana SÃ¡nchez")
    assert names_agree(name_words("Ana Sánchez\u0083z"), "Ana Sánchezz")
    assert names_agree(name_words("Ana SA\u0303\u0083A\u0302¡nchez"), "Ana S\u00c3\u00c2¡nchez")  # accents apart, then composed
    assert not names_agree(name_words(source), "Ana Lee")


def test_a_name_a_description_ends_in_is_the_source_s_name() -> None:
    """"master of ceremonies Ana Ruiz, a harbour pilot who …": the description ends in her name, so the source names her
    (not anonymous), and the name of an apposition's description too; a party member or a body is still no one's name."""
    text = "“Welcome home,” said master of ceremonies Ana Ruiz, a harbour pilot who came to Norrvik in 1990."
    source = "master of ceremonies Ana Ruiz, a harbour pilot who came to Norrvik in 1990"
    assert source_kind(source, text, text.index("master")) == "name"
    assert names_agree(name_words(source), "Ana Ruiz")
    assert names_agree(name_words("One delegate, Northfield Harbour League chairwoman Ana Ruiz,"), "Ana Ruiz")
    assert source_kind("another Northfield Republican", text) == "anonymous"
    assert source_kind("a paper from the left-leaning Norrvik Institution", text) == "anonymous"


def test_the_and_a_party_member_is_a_description_of_someone_named() -> None:
    """"“…,” the Republican said": what the speaker is, whom the article names, to be resolved as "the senator" is;
    no one is called Republican, so a prediction of "Republican" is not a right name."""
    text = "Senator Ana Ruiz toured the harbour. “We will fund it,” the Republican said."
    assert source_kind("the Republican", text, text.index("the Republican")) == "definite"
    assert source_kind("The Democrat", text) == "definite"
    assert source_kind("the Republicans", text) == "anonymous"


def test_a_marked_source_standing_as_an_object_is_not_whom_he_stands_for() -> None:
    """"… helped Norrvik make the case for the tunnel" marks Norrvik as a source; the sentence is not about Norrvik, so
    "he said" after it is the man the paragraph is about."""
    t = ("Mr. Dan Ruiz noted that the mayor spoke where the old ferry hall stood. (The hall's fire helped Norrvik make "
         "the case for a tunnel.)\n\n“All roads lead to the harbour,” he said.")
    gold = [_gold(t, "Mr. Dan Ruiz", "noted", "that the mayor spoke where the old ferry hall stood", False),
            _gold(t, "Norrvik", "make the case for", "a tunnel", False),
            _gold(t, "he", "said", "“All roads lead to the harbour,”", True)]
    assert _right(t, gold, "All roads lead", "Dan Ruiz")
    assert not _right(t, gold, "All roads lead", "Norrvik")


def test_the_outlet_reporting_a_quotation_is_not_its_speaker() -> None:
    """"“…,” Ruiz said, according to Harbour Radio" marks the outlet as the source; the words are Ruiz's, as her own
    cue says, and a reader gives them to her."""
    t = "“The ferry will run all winter,” Ana Ruiz said, according to Harbour Radio. “We have the crews.”"
    first, second = _span(t, "“The ferry will run all winter,”"), _span(t, "“We have the crews.”")
    source = _span(t, "Harbour Radio")
    gold = [{"source": [source], "source_text": "Harbour Radio", "cue": [_span(t, "according to")],
             "cue_text": "according to", "content": [first, second], "content_text": "", "direct": True}]

    def right(speaker: str) -> bool:
        quote = _span(t, "The ferry will run all winter")
        scores = score_quotes([{"id": "ours", "text": t, "attributions": gold}], {"ours": {"text": t, "quotes": [
            {"start": quote[0], "end": quote[1], "speaker": speaker, "direct": True}]}})
        assert scores["speaker_named"] == 1
        return bool(scores["speaker_named_right"])

    assert right("Ana Ruiz")
    assert not right("Harbour Radio")


def test_a_role_taking_up_an_unnamed_person_is_anonymous() -> None:
    """"A harbour board aide blasted the plan. “…,” the aide said.": the aide is the unnamed one, not Mayor Ruiz, the
    nearest named source; a null speaker is right. "Ana Ruiz, a senator," makes "the senator" hers."""
    t = ("Mayor Ana Ruiz said the plan was ready.\n\nA harbour board aide blasted the plan. “It is a fantasy,” the "
         "aide said.")
    gold = [_gold(t, "Mayor Ana Ruiz", "said", "the plan was ready", False),
            _gold(t, "the aide", "said", "“It is a fantasy,”", True)]
    quote = _span(t, "It is a fantasy")
    scores = score_quotes([{"id": "ours", "text": t, "attributions": gold}], {"ours": {"text": t, "quotes": [
        {"start": quote[0], "end": quote[1], "speaker": None, "direct": True}]}})
    assert scores["speaker_anonymous"] == 1 and scores["speaker_anonymous_right"] == 1
    named = "Ana Ruiz, a senator from Norrvik, spoke first. “It is a fantasy,” the senator said."
    assert not introduced_unnamed(named, named.index("the senator"), "the senator")


def _precision(text: str, gold: list[dict], quoted: str) -> tuple[int, int]:
    """(right, predicted) of direct-quotation precision when storyline gives `quoted` as one direct quote."""
    start, end = _span(text, quoted)
    scores = score_quotes([{"id": "ours", "text": text, "attributions": gold}],
                          {"ours": {"text": text, "quotes": [{"start": start, "end": end, "speaker": None, "direct": True}]}})
    return scores["predicted_direct_right"], scores["predicted_direct"]


def _reported(text: str, pieces: list[str]) -> dict:
    """A reported-speech attribution whose content is the given pieces (PolNeAR's ``direct`` false: its first piece
    opens on the writer's words)."""
    spans = [_span(text, p) for p in pieces]
    return {"source": [], "cue": [], "content": spans, "content_text": " … ".join(pieces), "direct": False}


def test_a_whole_quotation_opening_a_later_piece_of_reported_content_is_a_quotation() -> None:
    """"Ruiz said the ferry was late. But, he added, “We will run it again by May.”": the annotation's one reported
    content holds the paraphrase and, as its second piece, the whole quotation from mark to mark; a reader takes the
    quotation as Ruiz's words, so a direct quote of it is right. The paraphrase itself, quoted by no one, is not."""
    t = "Ruiz said the ferry was late. But, he added, “We will run it again by May.”"
    gold = [_reported(t, ["the ferry was late", "“We will run it again by May.”"])]
    assert _precision(t, gold, "We will run it again by May") == (1, 1)
    assert _precision(t, gold, "the ferry was late") == (0, 1)


def test_a_quotation_the_writer_s_words_lead_into_stays_reported_speech() -> None:
    """"Ruiz said the plan was “a disaster for the port”": the content opens on the writer's words and holds the quoted
    words inside its one piece, so a direct quote of them is still wrong (a fragment of reported speech); the same
    where the annotator's span leaves the opening mark out of a whole quotation ("“We will …" from "We") is right."""
    t = "Ruiz said the plan was “a disaster for the port” and left. Varga wrote: “Nobody asked the crews.”"
    fragment = [_reported(t, ["the plan was “a disaster for the port”"])]
    assert _precision(t, fragment, "a disaster for the port") == (0, 1)
    mark_left_out = [_reported(t, ["Nobody asked the crews.”"])]
    assert _precision(t, mark_left_out, "Nobody asked the crews") == (1, 1)


def test_a_quotation_a_colon_introduces_inside_reported_content_is_a_quotation() -> None:
    """"Ruiz delivered a short retort: “Nobody is closing the port.”" annotated as one reported content from "delivered"
    to the closing mark: the colon introduces the speaker's words whole, so a direct quote of them is right; words of
    the same content before the colon are not."""
    t = "Ruiz delivered a short retort: “Nobody is closing the port. Not this year.”"
    gold = [_reported(t, ["delivered a short retort: “Nobody is closing the port. Not this year.”"])]
    assert _precision(t, gold, "Nobody is closing the port. Not this year") == (1, 1)
    assert _precision(t, gold, "delivered a short retort") == (0, 1)


def test_a_quotation_opening_a_sentence_inside_reported_content_is_a_quotation() -> None:
    """"Varga said the crews would stay. “We are not going anywhere,” he added." annotated as one reported content over
    both sentences: the quotation after the full stop opens a sentence of the speaker's, whole, so a direct quote of it
    is right; quoted words after an abbreviation's full stop that go on with the writer's sentence ("the U.S.
    “does not …”") are not."""
    t = "Varga said the crews would stay in the U.S. port. “We are not going anywhere.” Ruiz said the U.S. “has no plan.”"
    gold = [_reported(t, ["the crews would stay in the U.S. port. “We are not going anywhere.”"]),
            _reported(t, ["the U.S. “has no plan.”"])]
    assert _precision(t, gold, "We are not going anywhere") == (1, 1)
    assert _precision(t, gold, "has no plan") == (0, 1)


def test_a_pronoun_before_a_name_in_its_sentence_gives_it_no_gender() -> None:
    """"Based on her conduct, “…,” Varga said." is Ana Ruiz's conduct: Varga stays a man for the "he" below."""
    text = ("Ana Ruiz ran the agency. Former guard Tomas Varga worked there for years.\n\n"
            "Based on her conduct that night, “I do not trust her,” Varga said.\n\n"
            "Varga was also troubled by the budget. “Who wants to work with us?” he wondered.")
    gold = [_gold(text, "Varga", "said", "I do not trust her", True),
            _gold(text, "Varga", "was also troubled by", "the budget", False),
            _gold(text, "he", "wondered", "Who wants to work with us?", True)]
    assert _right(text, gold, "Who wants to work with us?", "Tomas Varga")


def test_a_transcripts_turn_is_a_quotation() -> None:
    """"RUIZ: We will run the ferry all year." annotated as reported content, its source the label opening the line
    (in capitals, or a name as written: "Piet Varga:") and its cue the colon: the turn is the speaker's own words, so
    a direct quote of it is right. A source that does not open its line makes no turn."""
    t = ("VARGA: Will the ferry run in winter?\nRUIZ: We will run the ferry all year.\n"
         "Piet Varga: And the levy?\nThe plan, Ruiz wrote: levies first.")
    for source, words in (("RUIZ", "We will run the ferry all year."), ("Piet Varga", "And the levy?")):
        turn = _reported(t, [words])
        turn["source"], turn["source_text"], turn["cue_text"] = [_span(t, source)], source, ":"
        assert _precision(t, [turn], words.rstrip(".?")) == (1, 1)
    written = _reported(t, ["levies first."])
    ruiz = t.index("Ruiz wrote")
    written["source"], written["source_text"], written["cue_text"] = [[ruiz, ruiz + 4]], "Ruiz", ":"
    assert _precision(t, [written], "levies first") == (0, 1)


def test_an_initial_names_the_given_name_it_opens() -> None:
    """"W. Mark Felt" is the gold's "William Mark Felt"; "B. Clinton" is not "Hillary Clinton"."""
    assert names_agree(["william", "mark", "felt"], "W. Mark Felt")
    assert names_agree(["hillary", "clinton"], "H. Clinton")
    assert not names_agree(["hillary", "clinton"], "B. Clinton")


def _referents(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "referents.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_whom_people_read_a_pronoun_as_is_the_gold_instead_of_the_readers(tmp_path: Path) -> None:
    """The Reader takes "she" after a paragraph whose one speaker is Ann Lee for her; people reading the article took
    it for Rosa Diaz, the kiosk's keeper, whom the quotation is about. Given their reading, Rosa Diaz is
    right and Ann Lee wrong; a pronoun they took for no one named is right only unattributed."""
    t = ("Rosa Diaz has run the ferry kiosk for thirty years.\n\n"
         "Ann Lee, who chairs the harbour board, said the kiosk had no licence.\n\n"
         "“I will sell coffee from a van, then,” she said.\n\n"
         "A passer-by stopped to listen. “It is a shame,” she said.")
    gold = [_gold(t, "she", "said", "“I will sell coffee from a van, then,”", True),
            _gold(t, "she", "said", "“It is a shame,”", True),
            _gold(t, "Ann Lee, who chairs the harbour board,", "said", "the kiosk had no licence", False)]
    van, shame = gold[0]["source"][0][0], gold[1]["source"][0][0]
    assert _right(t, gold[::2], "I will sell coffee from a van, then", "Ann Lee")  # the Reader's reading
    path = _referents(tmp_path, [
        json.dumps({"article": "ours", "source_start": van, "source": "she", "referent": "Rosa Diaz", "body": None}),
        json.dumps({"article": "ours", "source_start": shame, "source": "she", "referent": None, "body": None})])
    referents = read_referents(path)

    def right(quoted: str, speaker: str | None) -> bool:
        start, end = _span(t, quoted)
        scores = score_quotes([{"id": "ours", "text": t, "attributions": gold}], {"ours": {"text": t, "quotes": [
            {"start": start, "end": end, "speaker": speaker, "direct": True}]}}, referents)
        assert scores["speaker_referred_annotated"] == 1 and scores["speaker_pronoun"] == 1
        return bool(scores["speaker_pronoun_right"])

    assert right("I will sell coffee from a van, then", "Rosa Diaz")
    assert not right("I will sell coffee from a van, then", "Ann Lee")
    assert right("It is a shame", None)
    assert not right("It is a shame", "Rosa Diaz")


def test_a_referents_file_that_cannot_be_read_names_its_line(tmp_path: Path) -> None:
    good = json.dumps({"article": "a", "source_start": 4, "source": "he", "referent": "Dan Ruiz"})
    with pytest.raises(InputError, match=r"referents.jsonl:2: not JSON"):
        read_referents(_referents(tmp_path, [good, "{oops"]))
    with pytest.raises(InputError, match=r"referents.jsonl:1: a referent needs 'article' and 'source_start'"):
        read_referents(_referents(tmp_path, [json.dumps({"article": "a", "source": "he"})]))
    with pytest.raises(InputError, match=r"referents.jsonl:2: 'referent' is a name"):
        read_referents(_referents(tmp_path, [good, json.dumps({"article": "a", "source_start": 9, "referent": 7})]))
    assert read_referents(_referents(tmp_path, [good])) == {("a", 4): [["dan", "ruiz"]]}


DATA = Path(__file__).parents[1] / ".." / "shared" / "data" / "polnear"
REFERENTS = Path(__file__).parent / "fixtures" / "polnear_referents"


@pytest.mark.skipif(not DATA.exists(), reason="needs ../shared/data/polnear")
@pytest.mark.parametrize(("data", "answers", "count"), [("dev.jsonl", "dev.jsonl", 122),
                                                        ("train.jsonl", "train_disputed.jsonl", 67)])
def test_each_annotated_referent_is_of_a_source_whose_words_stand_at_its_span(data: str, answers: str,
                                                                               count: int) -> None:
    """The people's reading of PolNeAR refers to its articles by id and span: the words there are the source's, each
    answer says why, and no source is answered twice."""
    texts = {record["id"]: record["text"]
             for record in map(json.loads, (DATA / data).read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in (REFERENTS / answers).read_text(encoding="utf-8").splitlines()]
    assert len(rows) == count == len({(row["article"], row["source_start"]) for row in rows})
    for row in rows:
        assert texts[row["article"]][row["source_start"]:row["source_end"]] == row["source"], row
        assert row["why"].strip() and (row["referent"] is None or row["body"] is None)
    assert len(read_referents(REFERENTS / answers)) == count
