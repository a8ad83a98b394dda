"""Quotes with each outlet's wording: one statement, several variants; two statements stay two."""

from __future__ import annotations

from datetime import UTC, datetime

from storyline.analyze import analyze_article, canonical_entities
from storyline.compare import Comparison, StoryArticle, compare_story
from storyline.embed import load_static_embedder
from storyline.text import normalize_text
from storyline.wording import word_diff, word_edits


def article(ident: str, source: str, day: str, body: str) -> StoryArticle:
    text = normalize_text(body)
    published = datetime.fromisoformat(day).replace(tzinfo=UTC)
    return StoryArticle(id=ident, source=source, group=ident, text=text, published=published,
                        analysis=analyze_article(text, published))


def compare(articles: list[StoryArticle]) -> Comparison:
    entities = canonical_entities({a.id: a.analysis.mentions for a in articles}, {a.id: a.text for a in articles})
    return compare_story(articles, entities, load_static_embedder().embed)


WIRE = ("Harbour master Ines Falkenrath said on Monday that the port of Kessel would reopen next month.\n\n"
        "\"The pier held. The cranes did not, and they will take weeks to replace,\" Falkenrath told reporters.\n\n"
        "\"Nobody was hurt, and that is what matters most to us,\" she said.\n\n"
        "Union leader Tomas Brennan said the dockers would strike if overtime was not paid by the end of the month.")
LOCAL = ("The port of Kessel will reopen next month, harbour master Ines Falkenrath announced on Monday.\n\n"
         "\"The pier has held, but the cranes have not, and replacing them will take weeks,\" said Ms Falkenrath.\n\n"
         "\"Our divers checked every single pile,\" she added.\n\n"
         "Tomas Brennan, who leads the dockers' union, warned of a strike if overtime is not paid by the end of the "
         "month.")


def conflicts_between(a: str, b: str, about: str | None = None) -> list[dict]:
    """The conflicts of one kind (or of any) between two outlets' reports of one day."""
    result = compare([article("a", "kessel-wire", "2025-03-11", a), article("b", "kessel-local", "2025-03-11", b)])
    return [c for c in result.claims if c["status"] == "conflict" and about in (None, c["conflict"]["about"])]


def test_one_statement_in_two_wordings_is_one_quote_with_two_variants():
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", LOCAL)])
    cranes = [q for q in result.quotes if any("cranes" in v["text"] for v in q["variants"])]
    assert len(cranes) == 1
    quote = cranes[0]
    assert quote["speaker"] == "Ines Falkenrath" and quote["direct"] is True
    assert {v["source"] for v in quote["variants"]} == {"kessel-wire", "kessel-local"}
    assert sorted(quote["sources"]) == ["kessel-local", "kessel-wire"]
    first, second = quote["variants"]
    assert first["diff"] == []
    assert second["diff"] == word_edits(first["text"], second["text"]) and second["diff"]
    texts = {"wire": normalize_text(WIRE), "local": normalize_text(LOCAL)}
    for v in quote["variants"]:
        assert texts[v["article"]][v["start"]:v["end"]] == v["text"]


def test_different_statements_of_one_speaker_stay_separate():
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", LOCAL)])
    by_text = {v["text"]: q for q in result.quotes for v in q["variants"]}
    hurt = by_text["Nobody was hurt, and that is what matters most to us"]
    divers = by_text["Our divers checked every single pile"]
    assert hurt is not divers
    assert len(hurt["variants"]) == 1 and len(divers["variants"]) == 1
    assert hurt["speaker"] == divers["speaker"] == "Ines Falkenrath"


def test_reported_speech_is_a_quote_that_is_not_direct():
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", LOCAL)])
    reported = [q for q in result.quotes if q["direct"] is False]
    assert reported
    strike = [q for q in reported if any("strike" in v["text"] for v in q["variants"])]
    assert strike and strike[0]["speaker"] == "Tomas Brennan"
    assert all(v["direct"] is False for v in strike[0]["variants"])


def test_a_quote_reported_before_it_was_said_is_another_statement():
    monday = ("Minister Ilse Varga said on Monday that the talks had failed. \"We will not sign this agreement,\" "
              "Varga said.")
    thursday = ("Minister Ilse Varga said on Thursday that she had changed her mind. \"We will now sign this "
                "agreement,\" Varga said on Thursday.")
    result = compare([article("a", "kessel-wire", "2025-03-10", monday),
                      article("b", "kessel-local", "2025-03-13", thursday)])
    sign = [q for q in result.quotes if any("sign this agreement" in v["text"] for v in q["variants"])]
    assert len(sign) == 2


def test_a_misquote_that_drops_a_negation_is_a_conflict():
    a = ("Interior Minister Pavel Drozd spoke to reporters after the cabinet meeting on Tuesday.\n\n"
         "\"We will not raise the fuel tax this year,\" Drozd said.")
    b = ("Interior Minister Pavel Drozd spoke to reporters after the cabinet meeting on Tuesday.\n\n"
         "\"We will raise the fuel tax this year,\" Drozd said.")
    found = conflicts_between(a, b, "quote")
    assert len(found) == 1
    assert {v["source"] for v in found[0]["conflict"]["values"]} == {"kessel-wire", "kessel-local"}


def test_a_negation_in_the_words_both_give_is_a_conflict_however_long_one_runs_on():
    # one outlet quotes more of the statement; the "not" sits in the words both give
    a = ("Administrator Priya Anand spoke after the chain collapsed on Monday.\n\n"
         "\"We do not expect to find a buyer for most of the estate in the coming weeks,\" Anand said.")
    b = ("Administrator Priya Anand spoke after the chain collapsed on Monday.\n\n"
         "\"We expect to find a buyer for most of the estate in the coming weeks, and we are already talking to "
         "several interested parties,\" Anand said.")
    found = conflicts_between(a, b, "quote")
    assert len(found) == 1
    # a "not" in the words only the longer quotation gives denies nothing the other says
    longer = b.replace("and we are already talking to several interested parties", "and the estate will not be sold")
    shorter = a.replace("We do not expect", "We expect")
    assert conflicts_between(shorter, longer, "quote") == []


def test_a_negation_set_off_by_commas_is_read_in_its_clause():
    a = ("Plant manager Ida Brandt spoke to reporters on Tuesday.\n\n"
         "\"We are not, at this point, planning any layoffs at the plant,\" Brandt said.")
    b = ("Plant manager Ida Brandt spoke to reporters on Tuesday.\n\n"
         "\"We are, at this point, planning layoffs at the plant,\" Brandt said.")
    assert [c["conflict"]["about"] for c in conflicts_between(a, b)] == ["quote"]


def test_a_misquote_that_puts_the_words_in_another_time_is_a_conflict():
    a = ("Hundreds marched on the ministry in Kessel on Friday night.\n\n"
         "\"How many homes did you sell today?\" the marchers chanted.")
    b = ("Hundreds marched on the ministry in Kessel on Friday night.\n\n"
         "\"How many homes will you sell today?\" the marchers chanted.")
    found = conflicts_between(a, b, "quote")
    assert len(found) == 1
    # one wording in both is no conflict
    same = b.replace("will you sell", "did you sell")
    assert conflicts_between(a, same) == []


def test_nothing_less_than_is_emphasis_not_a_negation():
    a = ("Chancellor Ida Brandt spoke in parliament on Wednesday.\n\n"
         "\"The future of Europe and the future of our country within Europe is at stake,\" Brandt said.")
    b = ("Chancellor Ida Brandt spoke in parliament on Wednesday.\n\n"
         "\"Nothing less than the future of Europe, and with it the future of our country in Europe, is at stake,\" "
         "Brandt said.")
    assert conflicts_between(a, b) == []


def test_word_diff_lists_only_the_changes():
    assert word_edits("the pier held", "the pier held") == []
    assert word_edits("the pier held", "the old pier held") == [{"op": "insert", "from": "", "to": "old"}]
    assert word_edits("we will not sign", "we will sign") == [{"op": "delete", "from": "not", "to": ""}]


def test_one_quotation_in_two_peoples_mouths_is_a_conflict():
    a = ("The harbour reopened on Monday after a week of repairs.\n\n"
         "\"We have rebuilt the pier in seven days, and the ferries will sail on time,\" said port director Anna "
         "Kessler.")
    b = ("The harbour reopened on Monday after a week of repairs.\n\n"
         "\"We have rebuilt the pier in seven days, and the ferries will sail on time,\" said mayor Jonas Weber.")
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    found = [c for c in result.claims if c["status"] == "conflict"]
    assert [c["conflict"]["about"] for c in found] == ["person"]
    assert {v["source"]: v["value"] for v in found[0]["conflict"]["values"]} == \
        {"coast-wire": "Anna Kessler", "bay-herald": "Jonas Weber"}
    # two speakers: two quotes, not one with two variants
    pier = [q for q in result.quotes if any("pier" in v["text"] for v in q["variants"])]
    assert len(pier) == 2


def test_a_he_whose_paragraph_names_one_person_names_the_speaker():
    # "“…,” he said." after a sentence naming only the captain is the captain's, as a reader takes it; after
    # a paragraph naming two people it is no outlet's word of who said it
    a = ("The harbour reopened on Monday after a week of repairs.\n\n"
         "\"We have rebuilt the pier in seven days, and the ferries will sail on time,\" said port director Anna "
         "Kessler.")
    b = ("The harbour reopened on Monday after a week of repairs.\n\n"
         "The mayor, Jonas Weber, who cut the ribbon, spoke for the town afterwards. \"We have rebuilt the pier in "
         "seven days, and the ferries will sail on time,\" he said.")
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    found = [c for c in result.claims if c["status"] == "conflict" and c["conflict"]["about"] == "person"]
    assert [{v["source"]: v["value"] for v in c["conflict"]["values"]} for c in found] == \
        [{"coast-wire": "Anna Kessler", "bay-herald": "Jonas Weber"}]
    two = b.replace("The mayor, Jonas Weber, who cut the ribbon,", "The mayor, Jonas Weber, who cut the ribbon with Ida Lund,")
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", two)])
    assert [c for c in result.claims if c["status"] == "conflict" and c["conflict"]["about"] == "person"] == []


def test_a_phrase_or_an_organisation_in_quotation_marks_is_no_speaker_conflict():
    """A few quoted words are borrowed by whoever repeats them, and a company speaks through its
    researcher: neither is two outlets disputing who said something."""
    a = ("A new worm spread across office networks on Tuesday.\n\n"
         "The worm is spreading \"like wildfire\", said Tomas Varga, a researcher at the security firm.")
    b = ("A new worm spread across office networks on Tuesday.\n\n"
         "The worm is spreading \"like wildfire\", said Irena Hollis, who studies such attacks.")
    result = compare([article("a", "coast-wire", "2025-04-08", a), article("b", "bay-herald", "2025-04-08", b)])
    assert [c for c in result.claims if c["status"] == "conflict" and c["conflict"]["about"] == "person"] == []

    c = ("A new worm spread across office networks on Tuesday.\n\n"
         "\"Every unpatched machine on the network will be infected within hours,\" said Tomas Varga.")
    d = ("A new worm spread across office networks on Tuesday.\n\n"
         "\"Every unpatched machine on the network will be infected within hours,\" Redwall Security said.")
    result = compare([article("c", "coast-wire", "2025-04-08", c), article("d", "bay-herald", "2025-04-08", d)])
    assert [c for c in result.claims if c["status"] == "conflict" and c["conflict"]["about"] == "person"] == []


def test_the_brief_and_the_page_read_one_word_diff():
    """The brief's edits and the page's runs come from one alignment: a change of case or of the
    punctuation around a word is no change in either, and every changed word is in both."""
    reference = "The President wishes that this war is ended, he said."
    other = "The president wants this war ended he said"
    runs = word_diff(reference, other)
    edits = word_edits(reference, other)
    assert edits == [{"op": "replace", "from": "wishes that", "to": "wants"}, {"op": "delete", "from": "is", "to": ""}]
    assert " ".join(" ".join(r["text"] for r in runs if r["op"] == "removed").split()) == \
        " ".join(e["from"] for e in edits if e["from"])
    assert " ".join(" ".join(r["text"] for r in runs if r["op"] == "added").split()) == \
        " ".join(e["to"] for e in edits if e["to"])
    assert word_edits("same words", "Same words.") == []
