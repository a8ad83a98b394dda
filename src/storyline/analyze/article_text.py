"""The text of one article as the English rules read it: its tokens, sentences, paragraphs, quoted spans and
named people, with the indexes (bisection over starts) that let every rule look things up without a scan.
Statements (statements.py), reported speech (reported.py) and speakers (speakers.py) all read one."""

from __future__ import annotations

import bisect
import itertools
import re

from storyline.analyze.known_people import people_by_context
from storyline.analyze.name_matching import PARTICLES, compatible_given_names, name_key, similar_surnames
from storyline.analyze.nlp import Token
from storyline.analyze.office_titles import strip_title
from storyline.analyze.person_names import as_person_name, headline_words, without_role_words
from storyline.analyze.quote_marks import QUOTE_CHARS
from storyline.lang.en import (
    FAMILY,
    FEMALE_GIVEN_NAMES,
    FEMALE_TITLES,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_GIVEN_NAMES,
    MALE_TITLES,
)
from storyline.lang.en_sexes import SEXED_NOUNS
from storyline.model import Mention
from storyline.text import iter_paragraphs, split_sentences


class ArticleText:
    """The text of one article with the indexes that the rules look things up in."""

    def __init__(self, text: str, tokens: list[Token], mentions: list[Mention]) -> None:
        self.text = text
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self._words = [t.text.lower() for t in tokens]  # word(i), the rules' most frequent look-up
        self.sentences = split_sentences(text) or [(0, len(text))]
        self.sentence_starts = [s for s, _ in self.sentences]
        self._lower_case: dict[str, bool] = {}
        named = without_role_words([n for m in people_by_context(text, mentions)
                                    if (m.label != "PERSON" or not self._participle(m)) and (n := as_person_name(text, m))],
                                   self.written_in_lower_case)
        headline = headline_words(text, [m for m in named if m.label == "PERSON"])
        self.mentions = sorted((m for m in named if (m.start, m.end) not in headline), key=lambda m: m.start)
        self.mention_by_end = {m.end: m for m in self.mentions}
        self.mention_starts = [m.start for m in self.mentions]
        self.other_starts: dict[str, set[int]] = {}  # where each name the model did not take for a person stands
        for m in self.mentions:
            if m.label != "PERSON":
                self.other_starts.setdefault(m.text, set()).add(m.start)
        self.paragraphs = list(iter_paragraphs(text)) or [(0, len(text))]
        self.paragraph_starts = [p for p, _ in self.paragraphs]
        self.quoted = []
        self.people = [m for m in self.mentions if m.label == "PERSON"]
        self._keys = [name_key(m.text) for m in self.people]
        # each spelling of a person's name: the positions in self.people of its mentions, and their starts
        self._spellings: dict[str, tuple[list[int], list[int]]] = {}
        for i, m in enumerate(self.people):
            indices, starts = self._spellings.setdefault(m.text, ([], []))
            indices.append(i)
            starts.append(m.start)
        self._fits: dict[str, list[str]] = {}
        self._given: dict[str, list[str]] = {}  # a one-word name: the full names it opens
        self._given_counts: dict[str, int] | None = None
        # the surnames of the people the model found, each with its first mention: a later bare "Sanders"
        # the model missed (or read as a plural) is that person
        self.surnames: dict[str, Mention] = {}
        firsts: dict[str, set[str]] = {}
        for m in self.people:
            self.surnames.setdefault(m.text.split()[-1], m)
            if len(m.text.split()) > 1:
                firsts.setdefault(m.text.split()[-1], set()).add(m.text.split()[0])
        # surnames two people of the article bear ("Bill Clinton", "Hillary Clinton"): alone, they name neither
        self.shared_surnames = {surname for surname, names in firsts.items() if len(names) > 1}
        # people the article introduces as another's relative ("his nephew William T. LaRue", "Wilhelm's widow,
        # Candee Wilhelm", "his wife, Jane Sanders", "whose son, Captain Humayun Khan,", "Karen Kasich, the governor's
        # wife,") or among the survivors an obituary lists: the surname alone is the other's, whom the story is about
        self.relatives = {m.text for m in self.people if len(m.text.split()) > 1 and m.text.split()[-1] in self.shared_surnames
                          and (_RELATIVE_BEFORE.search(text, max(0, (m.title_start or m.start) - 60), m.title_start or m.start)
                               or _RELATIVE_AFTER.match(text, m.end)
                               or _SURVIVED_BY.search(text, self.sentences[self.sentence_of(m.start)][0], m.start))}
        # people the article calls late ("the late senator John McCain"): alone, their surname is a living bearer's
        self.late = {m.text for m in self.people if " " in m.text and m.text.split()[-1] in self.shared_surnames
                     and _LATE.search(text, max(0, (m.title_start or m.start) - 60), m.title_start or m.start)}
        # the sex a noun set right before a name gives it ("His wife, Marguerite Achterkamp,", "her son Pieter")
        # (a given name alone gives it to the one full name it opens: "Walt, 77, and his wife, Bev," of Bev Kowalczyk)
        self.described_sex: dict[str, str] = {}
        self.described_as: dict[str, str] = {}  # and the noun itself ("wife"), by which "his wife said" finds her
        for m in self.people:
            noun = _SEXED_BEFORE.search(text, max(0, m.start - 30), m.start)
            if noun is None:
                continue
            full = [m.text] if " " in m.text else \
                list({p.text for p in self.people if len(p.text.split()) > 1 and p.text.split()[0] == m.text})
            # set off by commas on both sides ("His wife, Marguerite Achterkamp, said"), not a name opening the next
            # clause ("Tributes were paid to the boy, Kerry Doyle said")
            if len(full) == 1 and ("," not in noun.group() or text.startswith(",", m.end)):
                self.described_sex.setdefault(full[0], SEXED_NOUNS[noun.group(1).lower()])
                self.described_as.setdefault(full[0], noun.group(1).lower())

    def _participle(self, mention: Mention) -> bool:
        """Whether a one-word "name" is a participle opening its sentence ("Conceding that a deal was far off,
        he warned", "Speaking to reporters, …"), which the model can read as a person: a word in -ing
        followed by a preposition, a determiner or "that", as no name is."""
        word = mention.text
        sentence_start = self.sentences[self.sentence_of(mention.start)][0]
        if " " in word or not word.endswith("ing") or self.text[sentence_start:mention.start].strip(" \"“‘'("):
            return False
        following = re.match(r"\s+([a-z]+)\b", self.text[mention.end:mention.end + 20])
        return following is not None and following.group(1) in FUNCTION_WORDS

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """The spans of the quotation marks' passages, (open, close) in order of open."""
        return self._quoted

    @quoted.setter
    def quoted(self, spans: list[tuple[int, int]]) -> None:
        self._quoted = spans
        self._quote_opens = [a for a, _ in spans]
        self._quote_closes = sorted(b for _, b in spans)
        self._reach = list(itertools.accumulate((b for _, b in spans), max))  # the furthest close so far

    def next_quote_open(self, pos: int) -> int:
        """Where the first quotation opening after pos opens; the text's length if none does."""
        k = bisect.bisect_right(self._quote_opens, pos)
        return self._quote_opens[k] if k < len(self._quote_opens) else len(self.text)

    def last_quote_close(self, pos: int) -> int:
        """The last quotation close before pos; -1 if none closes before it."""
        k = bisect.bisect_left(self._quote_closes, pos)
        return self._quote_closes[k - 1] if k else -1

    def quoted_near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The quoted spans, in order, that may touch text[lo:hi]: every one that does (a close at lo
        counts), found by bisection rather than a scan of the article's quotes."""
        return self._quoted[bisect.bisect_left(self._reach, lo):bisect.bisect_left(self._quote_opens, hi)]

    def mentions_within(self, lo: int, hi: int) -> list[Mention]:
        """The mentions inside text[lo:hi], in text order."""
        first, last = bisect.bisect_left(self.mention_starts, lo), bisect.bisect_right(self.mention_starts, hi)
        return [m for m in self.mentions[first:last] if m.end <= hi]

    def first_mention_from(self, lo: int, hi: int) -> Mention | None:
        """The first mention starting in [lo, hi)."""
        k = bisect.bisect_left(self.mention_starts, lo)
        return self.mentions[k] if k < len(self.mentions) and self.mention_starts[k] < hi else None

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def paragraphs_back(self, pos: int, back: int = 1) -> int:
        """Where the paragraph `back` paragraphs before the one holding pos starts (the first paragraph's start
        where there are fewer): the start of the window "this paragraph and the one before" that rules read."""
        return self.paragraphs[max(0, self.paragraph_of(pos) - back)][0]

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after pos."""
        return bisect.bisect_left(self.starts, pos)

    def sentence_ends_between(self, lo: int, hi: int) -> bool:
        """Whether a full stop, "!" or "?" stands in text[lo:hi] between two quotations ("“…,” Ruiz said. Lee
        replied, “…”": another sentence, another cue), and no quotation opens after it ("…,” Ruiz said. “I told
        them, ‘…’": the second is quoted in that one)."""
        first, last = self.token_at(lo), self.token_at(hi)
        ends = [self.tokens[k].end for k in range(first, last) if self.tokens[k].text in (".", "!", "?")
                and not (k > first and self.word(k - 1) in HONORIFICS)]  # "Mr . Ruiz" of a tokenised text
        return bool(ends) and not any(ch in QUOTE_CHARS and not self.text[k - 1].isalnum()  # not "council's"
                                      for k, ch in enumerate(self.text[ends[-1]:hi], ends[-1]))

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_opens, pos) - 1
        return k >= 0 and self._quoted[k][0] <= pos <= self._quoted[k][1]

    def word(self, i: int) -> str:
        return self._words[i] if 0 <= i < len(self._words) else ""

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the word stands anywhere in the text in lower case ("a trump card"), read once a word."""
        found = self._lower_case.get(word)
        if found is None:
            found = self._lower_case[word] = re.search(rf"\b{re.escape(word.lower())}\b", self.text) is not None
        return found

    def person_name(self, mention: Mention) -> str:
        """The name a person's mention stands for: the fullest form the article gives before it (full_name),
        without a title ("Gov. Walker" is Scott Walker)."""
        return strip_title(self.full_name(mention, mention.text, mention.start)[0])

    def full_name(self, mention: Mention | None, surface: str, pos: int) -> tuple[str, Mention | None]:
        """The fullest form of a person's name that the article gives, nearest before pos.

        Among the people whose name fits (a similar surname, as many words, the same first initial), the
        one of most words; of those, the last to start at or before pos, else the first. The fitting
        spellings are looked up once per name and each spelling's mentions by bisection, so that an
        article's statements cost no more than its length."""
        key = name_key(surface)
        if not key:
            return surface, mention
        fitting = self._fitting_spellings(key)
        if len(surface.split()) > 1:  # "Michael Donnelly" is not "Margaret “Peggy” Donnelly", whose initial he shares
            fitting = [text for text in fitting
                       if compatible_given_names(key, self._keys[self._spellings[text][0][0]])] or fitting
        if "-" in surface and " " not in surface.strip():  # "Zhao-Whitaker" is Helen Zhao-Whitaker's surname, not two names
            fitting = [text for text in self._spellings if len(text.split()) > 1 and text.split()[-1] == surface.strip()] \
                or fitting
        sex = title_sex(mention)
        if sex:  # "Ms. Khan" is not her son Humayun Khan, whose name is the fuller one; "Mr." not "His wife, …"
            fitting = [text for text in fitting if (given_sex(text) or self.described_sex.get(text, "")) in ("", sex)]
        elif mention is not None and mention.title and sum(" " in text for text in fitting) > 1:
            # "Capt. O'Neill" is the one introduced as "Capt. Kevin O'Neill", not his wife named last
            title = _title_key(mention.title)
            titled = [text for text in fitting if " " in text
                      and any(_title_key(self.people[i].title or "") == title for i in self._spellings[text][0])]
            fitting = titled if len(titled) == 1 else fitting
        best = self._nearest(fitting, pos)
        if best >= 0 and self.people[best].text in self.late and len(surface.split()) == 1:
            living = [text for text in fitting if text not in self.late and " " in text]
            best = self._nearest(living, pos) if living else best  # "McCain said" of Meghan, not her late father
        if best >= 0 and self.people[best].text in self.relatives \
                and self.sentence_of(pos) - self.sentence_of(self.people[best].start) > 1:
            # "Mr. LaRue said", not his nephew named last two sentences before; but "Bill Clinton spoke with voters
            # … At one point, a woman asked for a photo and Clinton said": the one the sentence before names
            others = [text for text in fitting if text not in self.relatives]
            written = surface.strip()
            if others and (any(text.endswith(written) for text in others) or not self.people[best].text.endswith(written)):
                best = self._nearest(others, pos)  # but "Abu Laban wrote" of Osman Abu Laban, not of Salah Abu-Laban
        if best < 0:
            return self._by_given_name(surface, pos), mention
        return self._by_given_name(self.people[best].text, pos), mention or self.people[best]

    def _nearest(self, fitting: list[str], pos: int) -> int:
        """Of the spellings, those of most words, the index of the mention of one of them last to start at or before
        pos, else the first of them; -1 where there is none."""
        if not fitting:
            return -1
        best = -1
        most = max(len(text.split()) for text in fitting)
        earliest = len(self.people)
        for text in fitting:
            if len(text.split()) != most:
                continue
            indices, starts = self._spellings[text]
            earliest = min(earliest, indices[0])
            j = bisect.bisect_right(starts, pos) - 1
            if j >= 0:
                j = bisect.bisect_left(starts, starts[j])  # the first of mentions sharing a start
                if best < 0 or (starts[j], -indices[j]) > (self.people[best].start, -best):
                    best = indices[j]
        return earliest if best < 0 else best

    def bearers_of_given_name(self, given: str) -> int:
        """How many of the article's spellings of people (titles aside) open with this word: a given name that two
        spellings open ("Marco Rubio", and "Marco" alone in a chant) is no sure sign of one person."""
        if self._given_counts is None:
            counts: dict[str, set[str]] = {}
            for text in self._spellings:
                words = strip_title(text).split()
                if words:
                    counts.setdefault(words[0], set()).add(" ".join(words))
            self._given_counts = {word: len(names) for word, names in counts.items()}
        return self._given_counts.get(given, 0)

    def _by_given_name(self, surface: str, pos: int | None = None) -> str:
        """A one-word name that opens the name of one person the article names in full ("Erik says" after "Erik
        Brandvold", "Ban" after "Ban Ki-moon"): that person's full name. Where it opens several ("Lee" of "Lee
        Chang-hyun" and of "Lee Jae-myung", family names written first), the one named last before pos, as a reader
        takes it; else the word as it stands."""
        word = surface.strip()
        if " " in word:
            return surface
        if word not in self._given:
            self._given[word] = sorted(
                text for text in self._spellings if len(text.split()) > 1 and text.split()[0] == word
                and not any(self.written_in_lower_case(w) for w in text.split()[1:])
                and not all(self._in_title_case_line(self.people[i].start) for i in self._spellings[text][0]))
        full = self._given[word]  # not a headline's "Obama Says", "Obama Just"
        if len(full) == 1:
            return full[0]
        if full and pos is not None:
            last_before = []  # each full name's last mention at or before pos
            for text in full:
                starts = self._spellings[text][1]
                j = bisect.bisect_right(starts, pos) - 1
                if j >= 0:
                    last_before.append((starts[j], text))
            if last_before:
                return max(last_before)[1]
        return surface

    def _in_title_case_line(self, pos: int) -> bool:
        """Whether pos lies in a line of four words or more, each capitalised (a headline)."""
        lo = self.text.rfind("\n", 0, pos) + 1
        hi = self.text.find("\n", pos)
        words = re.findall(r"[^\W\d_][\w’'-]*", self.text[lo:hi if hi >= 0 else len(self.text)])
        return len(words) >= 4 and all(w[:1].isupper() for w in words)

    def _fitting_spellings(self, key: str) -> list[str]:
        """The people's spellings (the text of a mention) whose name may be a fuller form of key."""
        if key not in self._fits:
            words = key.split()
            fits = []
            for text, (indices, _) in self._spellings.items():
                mkey = self._keys[indices[0]].split()
                if len(mkey) < len(words) or not similar_surnames(mkey[-1], words[-1]):
                    continue
                if len(words) > 1 and mkey[0][:1] != words[0][:1] \
                        and not (set(words[:-1]) & PARTICLES and mkey[-len(words):] == words):
                    continue  # not another's given name; but "van der Merwe" is Pieter van der Merwe's surname
                fits.append(text)
            self._fits[key] = fits
        return self._fits[key]


def _title_key(title: str) -> str:
    """A title's last word, as one key for its forms ("Capt." and "Capt", "Det. Sgt." and "Sgt", "Mrs." and "mrs")."""
    words = title.split()
    return words[-1].rstrip(".").casefold() if words else ""


def title_sex(mention: Mention | None) -> str:
    """"f" for a mention after "Mrs." or "Ms.", "m" after "Mr." …; "" for none."""
    if mention is None or not mention.title:
        return ""
    word = _title_key(mention.title)
    return "f" if word in FEMALE_TITLES else "m" if word in MALE_TITLES else ""


# a noun of one sex right before a name, after "his", "her", "their" or "the", a comma between or not
_RELATIVE_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ww]hose|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?)\s+(?:[a-z0-9-]+\s+)?"
                              r"(?:%s)s?,?\s+$" % "|".join(sorted(FAMILY)))
# ... or set after it ("Karen Kasich, the governor's wife,", "Linda Sánchez, her younger sister,", "Eric Trump, the
# nominee's 32-year-old son")
# (a possessive before the noun: not "Liz Cheney, the daughter of Dick Cheney", whom a story is about)
_RELATIVE_AFTER = re.compile(r",\s+(?:(?:his|her|their)\s+|(?:the\s+)?[\w.’'-]+['’]s\s+)(?:(?!whose|who|which)[a-z0-9-]+\s+)?"
                             r"(?:%s)\b"
                             % "|".join(sorted(FAMILY)))
_LATE = re.compile(r"\b[Tt]he\s+late\s+(?:[\w.-]+\s+){0,3}$")
_SURVIVED_BY = re.compile(r"\bsurvived\s+by\b")
_SEXED_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he)\s+(?:[a-z]+\s+)?(%s),?\s+$" % "|".join(SEXED_NOUNS))


def given_sex(name: str) -> str:
    """The sex a full name's given name is borne by in English news ("Humayun" none, "Ann" f), "" where none or one word."""
    words = name.split()
    given = words[0].lower() if len(words) > 1 else ""
    return "m" if given in MALE_GIVEN_NAMES else "f" if given in FEMALE_GIVEN_NAMES else ""
