"""The speaker a story shows for a quotation is the person the article's analysis read: a title of one sex
picks one of a surname's two bearers, and a name the model took for a place stays one person with its
surname alone. Reports written for these tests."""

from __future__ import annotations

import pytest

from test_compare_quotes import article, compare


def _speakers(result) -> dict[str, str | None]:
    return {v["text"]: q["speaker"] for q in result.quotes for v in q["variants"]}


@pytest.mark.parametrize("body, words, speaker", [
    ("State Senator Mark Whitaker campaigned in Dayton on Saturday with his wife, Karen Whitaker.\n\n"
     "\"He listens more than he talks,\" Mrs. Whitaker said.", "He listens", "Karen Whitaker"),
    ("Karen Whitaker campaigned in Dayton on Saturday with her husband, State Senator Mark Whitaker.\n\n"
     "\"She listens more than she talks,\" Mr. Whitaker said.", "She listens", "Mark Whitaker"),
    # an obituary: the son who confirmed the death is not the "Mrs." the story goes on quoting
    ("Margaret Ellison, who ran the Corner Diner for fifty years, died on Friday. She was 91.\n\n"
     "Her death was confirmed by her son, Robert Ellison.\n\n"
     "\"Some weeks we made eleven dollars,\" Mrs. Ellison said in a 1998 interview.", "eleven dollars",
     "Margaret Ellison"),
])
def test_a_title_of_one_sex_keeps_the_bearer_analysis_read(body, words, speaker):
    result = compare([article("a", "valley-news", "2025-06-02", body)])
    assert [s for text, s in _speakers(result).items() if words in text] == [speaker]


def test_a_speaker_the_model_took_for_a_place_is_one_person_with_the_surname():
    body = ("Northgate Bank will close eleven branches this year.\n\n"
            "A spokeswoman for the bank, Helen Grady, said no decision had been made about which branches would close.\n\n"
            "\"We will be talking to communities before any final list is published,\" Grady said.")
    result = compare([article("a", "valley-news", "2025-06-02", body)])
    assert set(_speakers(result).values()) == {"Helen Grady"}


def test_a_body_that_speaks_stays_a_body():
    body = ("A new worm spread across office networks on Tuesday.\n\n"
            "\"Every unpatched machine will be infected within hours,\" Redwall Security said.")
    result = compare([article("a", "valley-news", "2025-06-02", body)])
    assert set(_speakers(result).values()) == {"Redwall Security"}


def test_a_place_that_speaks_stays_a_place():
    from storyline.analyze import analyze_article

    body = "Virginia Beach said on Tuesday that it would pay for the repairs to the pier before the summer season."
    assert [(m.text, m.label) for m in analyze_article(body, None).mentions] == [("Virginia Beach", "GPE")]
