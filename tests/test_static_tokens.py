"""The static model's sentence vectors come from the tokenizer's own ids: a plain sentence is cut into
its words and marks, each looked up once (embed.WordTokens), and any other sentence goes to the
tokenizer whole; the ids, and so the vectors, are the tokenizer's either way."""

import numpy as np
import pytest

from storyline.embed import WordTokens, load_static_embedder

SENTENCES = [
    "The council approved the budget on Tuesday, members said.",
    "“We will not back down,” the mayor told reporters — twice.",
    "Rainfall reached 12.5mm by 6am; the A40's eastbound lanes closed…",
    "Its CEO, J. R. Okafor-Lindqvist, said the firm's Q3 profit rose 4% to $1,200,000 (about £950k).",
    "under_scores, back`ticks`, tildes~ and {braces} [brackets] <angles> |pipes| ^carets^ #tags @names",
    "Zoë Ångström met the café's owner in Zürich.",  # accented letters: the tokenizer's own path
    "A tab\tand a line\nbreak inside.",
    "",
    "...",
    "SHOUTED HEADLINE: 40 HOMES EVACUATED",
    "word " * 150,  # longer than WordTokens.LONGEST: the tokenizer's own path, truncated as it truncates
]


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_static_embedder()._model


def test_a_sentence_gets_the_tokenizers_own_ids_whichever_way_it_is_read(model):  # type: ignore[no-untyped-def]
    own = type(model).tokenize.__get__(model)
    tokens = WordTokens(own)
    assert tokens(SENTENCES) == own(SENTENCES)
    assert tokens(SENTENCES[::-1]) == own(SENTENCES[::-1])  # words met before, looked up
    assert tokens([]) == []


def test_a_full_table_starts_again_and_the_ids_stay_the_tokenizers(model):  # type: ignore[no-untyped-def]
    own = type(model).tokenize.__get__(model)
    tokens = WordTokens(own)
    tokens.MEMORY = 12  # far fewer pieces than the sentences hold, so every call starts a new table
    assert [tokens([s]) for s in SENTENCES] == [own([s]) for s in SENTENCES]
    assert tokens(SENTENCES) == own(SENTENCES) and len(tokens.ids) > 12  # one call's pieces are all kept


def test_a_sentences_vector_is_the_one_the_model_makes_with_its_own_tokenizer(model):  # type: ignore[no-untyped-def]
    embedder = load_static_embedder()
    own = type(model).tokenize.__get__(model)
    got = embedder.embed(SENTENCES)
    model.tokenize = own
    try:
        want = embedder.embed(SENTENCES)
    finally:
        model.tokenize = embedder._tokens
    assert np.array_equal(got, want)


def cased_tokenizer():  # type: ignore[no-untyped-def]
    """A real WordPiece tokenizer that keeps capitals, as a cased model's does."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    words = "[UNK] the The council Council mayor Mayor said SAID we will not back down , . “ ” — ##s".split()
    tokenizer = Tokenizer(models.WordPiece({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return lambda sentences: [e.ids for e in tokenizer.encode_batch(list(sentences), add_special_tokens=False)]


def test_a_tokenizer_that_keeps_capitals_reads_every_sentence_itself(model):  # type: ignore[no-untyped-def]
    own = cased_tokenizer()
    sentences = ["The council said: “We will not back down.”", "the Council SAID — the Mayor"]
    tokens = WordTokens(own)
    assert tokens(sentences) == own(sentences)
    assert tokens.piecewise is False and not tokens.ids  # nothing was read word by word
    assert WordTokens(type(model).tokenize.__get__(model)).piecewise  # the packaged model's is read word by word
    tokens.piecewise = True  # read word by word anyway, the capitals' ids would be lost
    assert tokens(sentences) != own(sentences)
