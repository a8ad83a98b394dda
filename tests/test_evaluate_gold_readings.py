"""How the scorer reads a gold source where its earlier rules misread it: whom a "he" or "she" stands for where the
annotation's nearest marked name is not whom a reader means (the one asking is not the one answering, "Then there's
Ortiz." is about Ortiz, a title before a name makes a person whatever body's word stands before the title), and a
name whose letters came through mis-decoded UTF-8. Our own sentences; the gold spans are found in them."""

from __future__ import annotations

import re

from storyline.evaluate.gold_sources import name_words, names_agree, source_kind
from storyline.evaluate.quotes import score_quotes


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
