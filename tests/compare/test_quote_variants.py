"""One statement quoted in different words across outlets is one quote with variants, whichever words
each outlet chose and whether or not it names the speaker; two statements of one speaker on one topic
stay two. The reports are our own: a harbour master and a union leader after a storm at a port."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli, check_contract, write_article
from test_compare_quotes import article, compare

from storyline.compare import Comparison
from storyline.web.views import quote_groups
from storyline.wording import shares_most_words

WIRE = ("Harbour master Ines Falkenrath said on Monday that the port of Kessel would reopen next month.\n\n"
        "The storm on Saturday night tore two cranes from their rails and flooded the container yard.\n\n"
        "\"This will be slow, and it will have to come step by step,\" Falkenrath told reporters.\n\n"
        "\"Our divers checked every single pile of the pier,\" she said.\n\n"
        "Union leader Tomas Brennan said the dockers would strike if overtime was not paid.\n\n"
        "\"We will not unload a single ship until the overtime is paid,\" Brennan said.")
# The local paper names no speaker beside the quotation, and words it as a translation would.
LOCAL = ("The port of Kessel will reopen next month, the port authority said on Monday.\n\n"
         "The storm on Saturday night tore two cranes from their rails and flooded the container yard.\n\n"
         "\"It will take long and must be done in steps.\"\n\n"
         "The dockers' union threatened a strike over unpaid overtime.\n\n"
         "\"We will not unload one single ship until the overtime is paid,\" the union's leader said.")


def quote_of(result: Comparison, words: str) -> dict:
    found = [q for q in result.quotes if any(words in v["text"] for v in q["variants"])]
    assert len(found) == 1, found
    return found[0]


def test_an_unattributed_rewording_joins_the_named_speakers_statement():
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", LOCAL)])
    quote = quote_of(result, "must be done in steps")
    assert quote["speaker"] == "Ines Falkenrath"
    assert [v["source"] for v in quote["variants"]] == ["kessel-wire", "kessel-local"]
    assert sorted(quote["sources"]) == ["kessel-local", "kessel-wire"]
    # the other statements of the wire stay on their own
    assert len(quote_of(result, "every single pile")["variants"]) == 1
    assert quote_of(result, "unload a single ship")["speaker"] == "Tomas Brennan"


def test_a_rewording_reads_as_itself_and_a_close_wording_as_a_word_diff():
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", LOCAL)])
    reworded = quote_of(result, "must be done in steps")
    first, second = reworded["variants"]
    assert not shares_most_words(first["text"], second["text"])
    assert second["diff"] == []  # shown by its own words, not as red and green
    close = quote_of(result, "single ship")
    assert close["speaker"] == "Tomas Brennan"
    assert [v["source"] for v in close["variants"]] == ["kessel-wire", "kessel-local"]
    assert close["variants"][1]["diff"] == [{"op": "replace", "from": "a", "to": "one"}]
    articles = {"wire": {"source": "kessel-wire"}, "local": {"source": "kessel-local"}}
    page = {v["text"]: v for group in quote_groups([reworded, close], articles) for q in group["quotes"]
            for v in q["variants"]}
    assert page[second["text"]]["reworded"] and page[second["text"]]["diff"] is None
    assert not page[close["variants"][1]["text"]]["reworded"] and page[close["variants"][1]["text"]]["diff"]


def test_a_paraphrase_by_one_named_speaker_is_one_statement():
    local = LOCAL.replace("\"It will take long and must be done in steps.\"",
                          "\"It will take long and must be done in steps,\" Ines Falkenrath said.")
    result = compare([article("wire", "kessel-wire", "2025-03-10", WIRE),
                      article("local", "kessel-local", "2025-03-10", local)])
    quote = quote_of(result, "must be done in steps")
    assert quote["speaker"] == "Ines Falkenrath" and len(quote["variants"]) == 2


def test_two_statements_of_one_speaker_on_one_topic_stay_two():
    wire = ("Mill owner Hanna Roslin spoke on Monday after the fire at the Ostby mill.\n\n"
            "\"The mill will reopen in spring once the roof is repaired,\" Roslin said.")
    local = ("Hanna Roslin, who owns the Ostby mill, spoke to workers on Monday.\n\n"
             "\"The mill will not cut any jobs this year,\" Roslin said.")
    unnamed = ("The Ostby mill burned on Sunday night.\n\n"
               "\"The mill will not cut any jobs this year.\"")
    for other in (local, unnamed):
        result = compare([article("wire", "mill-wire", "2025-03-10", wire),
                          article("local", "mill-local", "2025-03-10", other)])
        assert len(quote_of(result, "reopen in spring")["variants"]) == 1
        assert len(quote_of(result, "cut any jobs")["variants"]) == 1


def test_reported_speech_quoting_one_phrase_alike_is_one_statement():
    """Two outlets report the judge's words around the same quoted phrase, each its own way: one statement
    with two variants. Without the phrase quoted alike, the two paraphrases stay two."""
    wire = ("Per Valstad, a former mayor of Halden, was sentenced to six years on Thursday.\n\n"
            "Judge Ingrid Sorby told the court that Per Valstad, 58, had \"betrayed the trust of every resident of this "
            "city\" by steering 14 contracts worth a combined 230 million kroner to two firms run by friends.")
    local = ("Per Valstad, the former mayor of Halden, was jailed on Thursday.\n\n"
             "Judge Ingrid Sorby said the 59-year-old had betrayed \"the trust of every resident of this city\".")
    result = compare([article("wire", "halden-wire", "2025-09-18", wire),
                      article("local", "halden-local", "2025-09-18", local)])
    quote = quote_of(result, "every resident of this city")
    assert quote["speaker"] == "Ingrid Sorby" and len(quote["variants"]) == 2
    apart = compare([article("wire", "halden-wire", "2025-09-18", wire.replace("\"", "")),
                     article("local", "halden-local", "2025-09-18", local.replace("\"", ""))])
    assert not any(len(q["variants"]) > 1 for q in apart.quotes if "Sorby" in (q["speaker"] or ""))


def test_an_unattributed_quotation_as_close_to_two_speakers_joins_neither():
    owner = ("Harbour master Ines Falkenrath spoke on Monday.\n\n"
             "\"Work on the pier will be finished by the end of May,\" Falkenrath said.")
    union = ("Union leader Tomas Brennan spoke on Monday.\n\n"
             "\"Work on the pier will be finished by the end of May,\" Brennan said.")
    unnamed = ("The storm damaged the pier at Kessel.\n\n"
               "\"Work on the pier will be done by the end of May.\"")
    result = compare([article("owner", "kessel-wire", "2025-03-10", owner),
                      article("union", "kessel-union", "2025-03-10", union),
                      article("unnamed", "kessel-local", "2025-03-10", unnamed)])
    alone = quote_of(result, "will be done by the end of May")
    assert alone["speaker"] is None and len(alone["variants"]) == 1
    speakers = {q["speaker"] for q in result.quotes if any("finished" in v["text"] for v in q["variants"])}
    assert speakers == {"Ines Falkenrath", "Tomas Brennan"}  # a group never holds two speakers


def test_an_unattributed_quotation_said_on_another_day_stays_apart():
    earlier = LOCAL.replace("\"It will take long and must be done in steps.\"",
                            "On 3 March the harbour master warned: \"It will take long and must be done in steps.\"")
    wire = WIRE.replace("Falkenrath told reporters.", "Falkenrath told reporters on Monday.")
    result = compare([article("wire", "kessel-wire", "2025-03-10", wire),
                      article("local", "kessel-local", "2025-03-10", earlier)])
    assert len(quote_of(result, "must be done in steps")["variants"]) == 1
    assert len(quote_of(result, "step by step")["variants"]) == 1


def test_the_brief_of_joined_variants_keeps_the_contract(tmp_path: Path):
    folder = tmp_path / "reports"
    write_article(folder, "wire.txt", "2025-03-10", "Kessel port to reopen next month after storm", WIRE)
    write_article(folder, "local.txt", "2025-03-10", "Kessel port to reopen next month", LOCAL)
    cli = Cli(tmp_path / "kessel.db")
    cli("ingest", str(folder))
    stories = cli.json("stories", "--json")
    assert len(stories) == 1
    brief = cli.json("show", stories[0]["id"], "--json")
    quote = next(q for q in brief["quotes"] if any("must be done in steps" in v["text"] for v in q["variants"]))
    assert quote["speaker"] == "Ines Falkenrath" and len(quote["variants"]) == 2
    check_contract(tmp_path / "kessel.db")


def test_a_speaker_is_shown_under_the_full_name_the_story_gives():
    """One person under two names across outlets ("Salazar" in one, "Ken Salazar" in the other; "Carolos"
    for "Karolos"): the quote's speaker is the story's person, and one statement stays one quote."""
    first = ("Greek President Karolos Papoulias met Interior Secretary Ken Salazar in Athens on Monday to discuss "
             "the ferry strike.\n\n"
             "\"The ferries must sail again before the summer season begins,\" Papoulias said after the meeting.\n\n"
             "\"We will send engineers to help the port authority,\" Salazar said.")
    second = ("President Carolos Papoulias hosted a visiting American delegation in Athens on Monday as the ferry "
              "strike went on.\n\n"
              "\"The ferries must sail again before the summer begins,\" Carolos Papoulias told reporters.\n\n"
              "Salazar, who led the delegation, promised help. \"We will send engineers to help the port,\" "
              "Salazar said.")
    result = compare([article("a", "alpha", "2025-06-02", first), article("b", "beta", "2025-06-02", second)])
    assert quote_of(result, "engineers")["speaker"] == "Ken Salazar"
    ferries = quote_of(result, "ferries must sail")
    assert ferries["speaker"] in ("Karolos Papoulias", "Carolos Papoulias")
    assert [v["source"] for v in ferries["variants"]] == ["alpha", "beta"]


def test_reported_speech_of_one_body_giving_other_figures_is_two_statements():
    """An agency's report of an aftershock and of the quake the day before, each in its outlet's words around the same
    place and toll: two statements of the agency, not one worded two ways."""
    wire = ("A magnitude 4.2 aftershock shook the Dorvan valley early today, a day after a stronger quake killed four "
            "people and injured 31 in Talas province, the disaster agency Ravex said.")
    local = ("A magnitude 5.6 quake killed four people and injured 35 in the Dorvan valley of Talas province on "
             "Tuesday, the disaster agency Ravex said.")
    result = compare([article("wire", "talas-wire", "2025-04-09", wire),
                      article("local", "talas-local", "2025-04-09", local)])
    said = [q for q in result.quotes if q["speaker"] == "Ravex"]
    assert len(said) == 2 and all(len(q["variants"]) == 1 for q in said), [(q["speaker"], q["text"]) for q in result.quotes]


def test_one_statement_with_its_time_written_two_ways_is_one():
    """The minister's toll as of 6 p.m. on Tuesday and by Tuesday, June 3: the same figures, one statement."""
    wire = "Minister Lena Hask said 12 people had died and 40 were injured in the floods as of 6 p.m. on Tuesday."
    local = "Minister Lena Hask said twelve people had died and 40 were injured in the floods by Tuesday, June 3."
    result = compare([article("wire", "hask-wire", "2025-06-03", wire), article("local", "hask-local", "2025-06-03", local)])
    assert [(q["speaker"], len(q["variants"])) for q in result.quotes] == [("Lena Hask", 2)]
