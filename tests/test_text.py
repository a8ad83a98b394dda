import pytest
from hypothesis import given, strategies as st

from storyline.text import (canonical_url, iter_paragraphs, key_terms, normalize_text, paragraph_around, split_sentences,
                            text_hash)


def test_sentences_do_not_break_after_titles_or_initials():
    text = 'Mr. Rubio spoke to U.S. reporters. He said "the war must end." Then he left.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Mr. Rubio spoke to U.S. reporters.", 'He said "the war must end."', "Then he left."]


def test_initials_run_together_and_plural_titles_end_no_sentence():
    text = ("“We will keep the ferries,” said A.J. Varga, a pilot. Gov. Ruiz met Sens. Oduya and Lee and the Rev. "
            "Dan Roe. The port reopened in Washington, D.C. The crews cheered.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "“We will keep the ferries,” said A.J. Varga, a pilot.", "Gov. Ruiz met Sens. Oduya and Lee and the Rev. Dan Roe.",
        "The port reopened in Washington, D.C.", "The crews cheered."]


def test_initials_of_a_state_after_its_town_end_a_sentence():
    text = "The crews met in Newark, N.J. Officials said little. Last week, J.J. Varga wrote to them."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The crews met in Newark, N.J.", "Officials said little.", "Last week, J.J. Varga wrote to them."]


def test_a_places_initials_end_a_sentence_unless_a_longer_name_goes_on():
    text = ("The ferry crews marched in D.C. Officials there said little. Later the D.C. Council met, and the "
            "crews flew home to N.Y. Union leaders paid.")
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The ferry crews marched in D.C.", "Officials there said little.",
        "Later the D.C. Council met, and the crews flew home to N.Y.", "Union leaders paid."]


@pytest.mark.parametrize("dateline", ["LIMA (Harbour Wire) - ", "DES MOINES, Iowa - ", "NORRVIK, June 2 (Fjord Press) — ",
                                      "SÃO PAULO – "])
def test_a_paragraphs_first_sentence_begins_after_its_dateline(dateline):
    text = (f"{dateline}Ferry crews walked out on Monday. The operator said talks would resume.\n\n"
            f"{dateline}A second paragraph opens the same way.")
    first, second, third = (text[a:b] for a, b in split_sentences(text))
    assert (first, second, third) == ("Ferry crews walked out on Monday.", "The operator said talks would resume.",
                                      "A second paragraph opens the same way.")


@pytest.mark.parametrize("text", ["NATO said on Monday that - as before - it would wait.", "US - and EU - envoys met.",
                                  "A - B testing came first.", "BREAKING - "])
def test_capitals_that_are_no_dateline_stay_in_the_sentence(text):
    assert [text[a:b] for a, b in split_sentences(text)] == [text.strip()]


def test_a_sentence_ends_before_a_quotation_opened_by_two_typewriter_marks():
    text = "He called the roster ''rigged.'' ''The answer is no,'' said Mr. Brandt. Then ``we left,'' he added."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He called the roster ''rigged.''", "''The answer is no,'' said Mr. Brandt.", "Then ``we left,'' he added."]


def test_paragraphs_end_sentences():
    text = "The first paragraph runs on for a while without the stop that writers forget\n\nThe body begins here."
    assert len(split_sentences(text)) == 2


def test_a_heading_is_no_sentence_but_stays_for_the_lead():
    text = "A headline without a stop\n\nThe body begins here."
    assert [text[a:b] for a, b in split_sentences(text)] == ["The body begins here."]
    assert len(split_sentences(text, furniture=True)) == 2


# --- a paragraph a line ------------------------------------------------------------------------


def paragraphs(text):
    return [text[a:b] for a, b in iter_paragraphs(text)]


A_PARAGRAPH_A_LINE = [
    "Residents packed the town hall on Monday. They came to hear the harbour plan.",
    'Harbour engineer Petra Sand defended its cost. She called the old quay "a danger to everyone."',
    '"I will go through every line of the figures," Sand said in a statement. She gave no date.',
    'Council member Raul Fenn did not seem convinced, telling residents, "We have heard this before."',
]


def test_a_text_written_a_paragraph_a_line_reads_its_lines_as_paragraphs():
    assert paragraphs("\n".join(A_PARAGRAPH_A_LINE)) == A_PARAGRAPH_A_LINE
    assert paragraphs("\n\n".join(A_PARAGRAPH_A_LINE)) == A_PARAGRAPH_A_LINE


def test_a_blank_line_here_and_there_leaves_the_other_lines_paragraphs():
    text = "\n".join(A_PARAGRAPH_A_LINE[:2]) + "\n\n" + "\n".join(A_PARAGRAPH_A_LINE[2:])
    assert paragraphs(text) == A_PARAGRAPH_A_LINE
    wrapped = "Residents packed the town hall on Monday to hear\nthe harbour plan, which the engineer defended."
    assert paragraphs(wrapped + "\n\n" + A_PARAGRAPH_A_LINE[2]) == [wrapped, A_PARAGRAPH_A_LINE[2]]


def test_a_heading_line_between_paragraph_lines_is_left_out():
    text = "\n".join(["Cost questions", *A_PARAGRAPH_A_LINE])
    assert paragraphs(text) == A_PARAGRAPH_A_LINE


def test_a_hard_wrapped_text_stays_one_paragraph():
    text = ("Residents packed the town hall on Monday to hear\nthe harbour plan. Harbour engineer Petra Sand\n"
            "defended its cost and called the old quay a danger\nto everyone who uses it. Council member Raul\n"
            "Fenn did not seem convinced.")
    assert paragraphs(text) == [text]


def test_a_text_written_a_sentence_a_line_stays_one_paragraph():
    # a corpus's tokenised layout: one sentence a line, a quotation running over two lines without reopening
    text = ("Residents packed the town hall on Monday .\n`` We have heard this before .\n"
            "Nothing was built , '' said Raul Fenn .\nThe council votes in March .")
    assert paragraphs(text) == [text]


def test_a_quotation_closed_on_a_later_line_keeps_its_lines_together():
    lines = ["The mayor spoke first. She was brief.",
             '"We will build the bridge. It will open in May.',
             'Nobody will pay a toll," she said. The crowd cheered.',
             "The vote is in March. The council meets weekly."]
    assert paragraphs("\n".join(lines)) == [lines[0], "\n".join(lines[1:3]), lines[3]]


def test_a_quotation_reopened_on_the_next_line_goes_on_in_a_new_paragraph():
    lines = ["The mayor spoke first. She was brief.",
             '"We will build the bridge. It will open in May.',
             '"Nobody will pay a toll," she said. The crowd cheered.']
    assert paragraphs("\n".join(lines)) == lines


def test_guillemets_open_and_close_as_french_and_german_write_them():
    lines = ["Le maire a parlé lundi. Il était bref.",
             "« Nous allons construire le pont », a-t-il dit. Il a souri.",
             "« Le pont coûtera trop cher. Personne ne l'utilisera.",
             "Nous voterons contre », a-t-elle ajouté. Le vote aura lieu en mars.",
             "»Wir bauen die Brücke«, sagte er. Dann ging er."]
    assert paragraphs("\n".join(lines)) == [*lines[:2], "\n".join(lines[2:4]), lines[4]]


def test_a_quotation_mark_left_open_by_mistake_joins_no_line_to_its_own():
    lines = ['Fenn tweeted: "Not again. Ask the voters.\' He was at the hall. He left early.',
             'Sand thanked him for "asking the hard question." She smiled.',
             "The vote is in March. The council meets weekly."]
    assert paragraphs("\n".join(lines)) == lines


def test_the_paragraph_around_a_span_is_the_block_that_holds_it():
    text = "\n".join(A_PARAGRAPH_A_LINE)
    at = text.index("Raul Fenn")
    assert text[slice(*paragraph_around(text, at, at + 9))] == A_PARAGRAPH_A_LINE[3]
    spaced = "\n\n".join(A_PARAGRAPH_A_LINE)
    at = spaced.index("Petra Sand")
    assert spaced[slice(*paragraph_around(spaced, at, spaced.index("Raul")))] == "\n\n".join(A_PARAGRAPH_A_LINE[1:])


@given(st.text())
def test_sentence_spans_stay_inside_the_text(text):
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        previous_end = end


def test_same_text_in_other_quotes_and_spacing_hashes_the_same():
    assert text_hash("He said “no”  to\nit.") == text_hash('he said "no" to it')
    assert text_hash("He said yes.") != text_hash("He said no.")


def test_canonical_url_drops_tracking_and_fragment():
    assert canonical_url("https://WWW.Example.org/news/a/?utm_source=x&id=3#top") == "https://example.org/news/a?id=3"


def test_normalize_is_idempotent_on_messy_text():
    messy = "Line one\r\n\r\n\r\n\r\nLine\u00a0two\x00 "
    once = normalize_text(messy)
    assert once == "Line one\n\nLine two"
    assert normalize_text(once) == once


def test_key_terms_keep_names_and_numbers_and_transliterate():
    terms = key_terms("The quake of magnitude 6.1 hit Elazığ on Thursday, officials said.")
    assert {"6.1", "elazig"} <= terms
    assert "the" not in terms and "thursday" not in terms


@given(st.text())
def test_normalized_text_keeps_no_control_character_but_tab_and_newline(text):
    import unicodedata

    assert not [ch for ch in normalize_text(text) if ch not in "\n\t" and unicodedata.category(ch) == "Cc"]
    kept = "".join(ch for ch in text if ch in "\n\t\r" or unicodedata.category(ch) != "Cc")
    assert normalize_text(text) == normalize_text(kept)  # what goes is the control characters, nothing else


@given(st.lists(st.sampled_from(["Mr. Ekdal said so.", "Crews sailed on", "\n\n", "\n", " ", "U.S. talks end!",
                                 "Follow us on Twitter", "A B C D E F G H I J K L M N O P."]), max_size=40))
def test_the_lead_is_the_first_sentences_of_the_text_as_a_whole(parts):
    from storyline.text import lead

    text = "".join(parts)
    expected, count = [], 0
    for start, end in split_sentences(text, furniture=True):
        expected.append(text[start:end])
        count += len(text[start:end].split())
        if count >= 12:
            break
    assert lead(text, max_words=12) == " ".join(expected)
