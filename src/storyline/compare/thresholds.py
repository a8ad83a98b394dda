"""The comparison's thresholds, set on examples/demo (storyline.evaluate.compare reports the figures)."""

NEIGHBOURS = 24  # candidates per sentence from the nearest-neighbour index
LEXICAL_WEIGHT = 0.5  # weight of the IDF word overlap beside the cosine in a pair score
PAIR_THRESHOLD = 0.95  # pair score at which two units state one fact
LINK_THRESHOLD = 0.60  # mean cosine a claim group must keep as it grows
QUOTE_THRESHOLD = 0.80  # pair score at which two quotations (same speaker) are one statement
QUOTE_EXACT = 1.15  # a pair this close is one statement even where a negation differs (a misquote)
QUOTE_LINK = 0.60  # mean cosine a quote group must keep
# Two statements of one speaker that quote the same run of this many words are one statement, however
# differently each outlet reports the rest ('had "betrayed the trust of every resident of this city"' / 'had
# betrayed "the trust of every resident of this city"'): reported speech around a quoted phrase shares
# too few words otherwise to pass QUOTE_THRESHOLD
QUOTED_RUN_WORDS = 6
# A quotation whose outlet names no speaker beside it joins a named speaker's statement only on its
# words: a pair score this high (where a same-speaker pair needs QUOTE_THRESHOLD), ahead of every
# other speaker's statement by QUOTE_MARGIN; its place among its article's quotations adds up to
# ORDER_WEIGHT. Set on the train split of tests/fixtures/real/quote_pairs.json, where such variants
# score 1.06 to 2.0 (word for word) and two statements of one speaker on one topic about 0.3 to 0.85.
QUOTE_UNATTRIBUTED = 0.95
QUOTE_MARGIN = 0.15
ORDER_WEIGHT = 0.1
MAX_SUMMARY = 6  # lines of the brief
# Sentences in two languages are compared in the multilingual encoder's space, whose cosines run lower
# than the English model's: a translation scores 0.3 to 0.9 (median 0.64), two different statements
# of one story up to 0.5 (90th percentile 0.29). A linear map puts them on the English scale (medians
# of the same statement 0.85, 90th percentile of different ones 0.61), so that every threshold holds
# for both; measured on tests/fixtures/multilingual's gold quotes.
CROSS_SCALE = 0.69
CROSS_SHIFT = 0.41
CROSS_FLOOR = 0.3  # raw multilingual cosine below which two sentences in two languages are not compared
# Two languages share few words, so the word overlap that lifts a pair in one language is missing:
# pairs in two languages pass at thresholds lower by about what that overlap adds to a paraphrase.
CROSS_PAIR_THRESHOLD = 0.80
CROSS_QUOTE_THRESHOLD = 0.70
# Where the encoder reads one of the languages barely (one it was not trained on, as Ukrainian: a
# translation can score 0.18 to 0.23), who said it stands in for what was said: two quotations in
# two languages by one named speaker in two reports pair when each is the other's closest among
# that speaker's quotations in the other report, ahead of every other by SPEAKER_MARGIN, and at
# SPEAKER_FLOOR or more (set on the motivating case, where the speaker's other quotations score 0.02
# to 0.16 against it; the margin keeps a guess between two out).
SPEAKER_FLOOR = 0.15
SPEAKER_MARGIN = 0.05
