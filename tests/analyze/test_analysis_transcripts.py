"""A transcript's turns ("VARGA: Do you think …") are their speakers' own words (analyze/transcripts.py).
Measured on real reporting in docs/attribution.md; the articles here are written for these tests."""

from __future__ import annotations

from conftest import speaker_of

INTERVIEW = ("Governor Ana Ruiz defended the ferry levy on Sunday's edition of the Morning Hour.\n\n"
             "Partial transcript:\n\n"
             "PIET VARGA: The levy comes in next month. Do you think the islanders can pay it?\n\n"
             "RUIZ: I think they can, and we will help those who cannot. The ferry has to run all year.\n\n"
             "VARGA: The harbour union says the money will go to the mainland.\n\n"
             "RUIZ: That is not true. Every cent stays on the islands.\n\n"
             "Follow Dan Holm on the radio every morning.")


def _turns(text: str) -> list[tuple[str, str | None, bool]]:
    from storyline.analyze import analyze_article

    return [(q.text, q.speaker, q.direct) for q in analyze_article(text, None).quotes]


def test_each_turn_of_an_interview_is_its_speakers_quotation():
    turns = _turns(INTERVIEW)
    assert ("The levy comes in next month. Do you think the islanders can pay it?", "Piet Varga", True) in turns
    assert ("I think they can, and we will help those who cannot. The ferry has to run all year.", "Ana Ruiz", True) in turns
    assert ("The harbour union says the money will go to the mainland.", "Piet Varga", True) in turns
    assert ("That is not true. Every cent stays on the islands.", "Ana Ruiz", True) in turns
    assert not any(text.startswith(("Follow", "Partial")) for text, _, _ in turns)


def test_a_label_the_article_spells_otherwise_takes_its_spelling():
    text = INTERVIEW.replace("PIET VARGA:", "DAN McCORMICK:").replace("VARGA:", "McCORMICK:")
    assert speaker_of(text, "Do you think the islanders") == "Dan McCormick"
    text = text.replace("the Morning Hour.", "the Morning Hour with Dan McCormick.")
    assert speaker_of(text, "Do you think the islanders") == "Dan McCormick"


def test_quoted_words_in_a_turn_are_the_turns_speakers():
    text = INTERVIEW.replace("RUIZ: That is not true. Every cent stays on the islands.",
                             "RUIZ: “That is not true. Every cent stays on the islands.”")
    assert speaker_of(text, "Every cent stays") == "Ana Ruiz"


def test_labels_that_name_no_one_open_no_turn():
    """Headings, and places a roundup reports from, are no speakers, though the paragraphs under them ask and say
    "we"."""
    text = ("UPDATE: We ran the ferry again on Monday morning after the strike ended. Will it last?\n\n"
            "Ana Ruiz said the levy would stay.\n\n"
            "CORRECTION: We gave the wrong day for the vote in an earlier version. Did you notice?")
    assert not any(direct for _, _, direct in _turns(text))
    text = ("Ports across the north closed on Monday as the storm came in, from Leeds to Norrvik.\n\n"
            "NORRVIK: The ferry stayed in. “We have never seen anything like it,” a harbour worker said.\n\n"
            "LEEDS: The quay flooded. Do the crews know when it reopens?\n\n"
            "NORRVIK: The harbour office said we would know by Tuesday.")
    assert [(words, speaker) for words, speaker, direct in _turns(text) if direct] == [
        ("We have never seen anything like it", None)]  # the worker's, unnamed: not Norrvik's
    text = ("The council voted on the ferry levy on Monday.\n\n"
            "WHY IT MATTERS: We all pay for the ferry. Do you?\n\n"
            "WHAT'S NEXT: Will the islanders pay? We will see.\n\n"
            "WHY IT MATTERS: Our crossings cost more.")
    assert not any(direct for _, _, direct in _turns(text))


def test_one_speaker_alone_makes_no_transcript():
    text = ("Ana Ruiz spoke to islanders in Leeds on Monday.\n\n"
            "RUIZ: I think we can keep the ferry running all year.\n\n"
            "RUIZ: Do you want a second harbour? We will build one.")
    assert not any(direct for _, _, direct in _turns(text))


def test_a_list_of_positions_under_names_is_the_writers_summary():
    text = ("Where the two candidates for governor stand, days before the vote.\n\n"
            "Ana Ruiz and Piet Varga met twice in debates.\n\n"
            "RUIZ: Supports the ferry levy. Wants a second harbour on the north coast.\n\n"
            "VARGA: Opposes the levy. Would sell the ferry company to a private buyer.")
    assert not any(direct for _, _, direct in _turns(text))
    text = text.replace("RUIZ: Supports the ferry levy.", "RUIZ: Says we need the ferry levy.").replace(
        "VARGA: Opposes the levy.", "VARGA: Wants our levy gone.")
    assert not any(direct for _, _, direct in _turns(text))


def test_one_label_alone_is_no_transcript():
    text = ("Ana Ruiz spoke to islanders in Leeds on Monday.\n\n"
            "RUIZ: I think we can keep the ferry running all year.")
    assert not any(direct for _, _, direct in _turns(text))


def test_a_quoted_exchange_is_cut_at_each_turn():
    """An exchange the article quotes, each paragraph opening with a quotation mark and only the last closed (one
    quotation to the scanner): each turn is its own speaker's, the label left out of the words, and a paragraph under a
    label that names no one keeps no speaker. "HOLM" opens two turns beside the governor's and is a word the article
    never writes in lower case: a person the article names by the label alone."""
    text = ("Governor Ana Ruiz was asked about the ferry levy on the radio on Sunday. Partial transcript:\n\n"
            '"HOLM: Governor, the levy comes in next month and the islanders say they cannot pay it.\n\n'
            '"AUDIO: Chants of no levy, no vote outside the harbour office on Saturday.\n\n'
            '"HOLM: Governor, will you scrap it?\n\n'
            '"RUIZ: No. We will help those who cannot pay, and the ferry will run all year."')
    turns = _turns(text)
    assert ("Governor, will you scrap it?", "Holm", True) in turns
    assert ("No. We will help those who cannot pay, and the ferry will run all year", "Ana Ruiz", True) in turns
    assert [speaker for words, speaker, _ in turns if "Chants of no levy" in words] == [None]


QA = ("Q&A with harbour master Ana Ruiz.\n\n"
      "Harbour master Ana Ruiz has run the port of Norrvik for nine years. She spoke with Piet Varga about the "
      "new ferry levy. Questions and answers have been edited for length.\n\n"
      "Q: The levy comes in next month. Why now?\n\n"
      "A: Because the ferry loses money every winter. The islanders know that.\n\n"
      "Nobody here wants the ferry to stop.\n\n"
      "Q: Will the levy rise again?\n\n"
      "A: Not while I run the port.")


def test_each_answer_of_a_question_and_answer_interview_is_the_interviewees():
    turns = _turns(QA)
    answers = [(text, speaker) for text, speaker, direct in turns if direct]
    assert answers == [("Because the ferry loses money every winter. The islanders know that.", "Ana Ruiz"),
                       ("Nobody here wants the ferry to stop.", "Ana Ruiz"), ("Not while I run the port.", "Ana Ruiz")]
    glued = QA.replace("Q: ", "Q")  # a bold label that lost its space: "QWill the levy …"
    assert [speaker for _, speaker, direct in _turns(glued) if direct] == ["Ana Ruiz"] * 3


def test_lettered_points_are_no_interview():
    text = ("Ana Ruiz set out the harbour board's plan on Monday.\n\n"
            "A. The levy comes in next month for every crossing.\n\n"
            "B. The ferry runs all year.\n\n"
            "A. second list: the quay is rebuilt by May.")
    assert not any(direct for _, _, direct in _turns(text))


def test_labels_written_as_names_and_time_codes():
    text = ("Ruiz: The Levy Stays, Whatever The Islanders Say.\n\n"
            "Governor Ana Ruiz was asked about the ferry levy on the radio on Sunday.\n\n"
            "Piet Varga: (00:12) The levy comes in next month. Do you think the islanders can pay it?\n\n"
            "Ana Ruiz: (00:19) I think they can, and we will help those who cannot.\n\n"
            "Piet Varga: (01:02) Will it rise again?\n\n"
            "Ana Ruiz: (01:05) Not while I am governor.")
    turns = [(words, speaker) for words, speaker, direct in _turns(text) if direct]
    assert turns == [("The levy comes in next month. Do you think the islanders can pay it?", "Piet Varga"),
                     ("I think they can, and we will help those who cannot.", "Ana Ruiz"),
                     ("Will it rise again?", "Piet Varga"), ("Not while I am governor.", "Ana Ruiz")]


def test_figures_under_names_are_no_transcript():
    text = ("The last poll before the vote for governor was published on Sunday.\n\n"
            "Ana Ruiz: 45 percent of the vote.\n\n"
            "Piet Varga: 41 percent of the vote.\n\n"
            "Undecided: 14 percent.")
    assert not any(direct for _, _, direct in _turns(text))


def test_sections_under_names_that_speak_of_them_are_no_turns():
    text = ("Ideas of the candidates who lost the primaries, from ferries to ports.\n\n"
            "Ana Ruiz: Ferry levy. Let us say the levy passes; Ms. Ruiz proposed it for every crossing.\n\n"
            "Piet Varga: Second harbour. Would we need it? Mr. Varga says the north coast does.")
    assert not any(direct for _, _, direct in _turns(text))


def test_a_long_transcript_is_read_in_one_pass():
    """A debate of 400 speakers over 20,000 turns: every turn goes to its speaker. Each label is resolved once and
    looked up by bisection and by word, so what reading a transcript costs grows with its length, not with the
    square of its turns (a scan of every person and label for each turn would not finish here)."""
    from storyline.analyze.article_text import ArticleText
    from storyline.analyze.nlp import simple_tokens
    from storyline.analyze.transcripts import transcript_turns
    from storyline.model import Mention

    def surname(n: int) -> str:
        return "Holm" + "".join(chr(ord("a") + int(digit)) for digit in str(n))

    intro = "A long debate.\n\nWith " + ", ".join(f"Ana {surname(n)}" for n in range(400)) + ".\n\n"
    people = [Mention(text=f"Ana {surname(n)}", start=intro.index(f"Ana {surname(n)},") if n < 399
                      else intro.index(f"Ana {surname(n)}."), end=0, label="PERSON") for n in range(400)]
    people = [Mention(text=m.text, start=m.start, end=m.start + len(m.text), label="PERSON") for m in people]
    text = intro + "".join(f"{surname(n % 400).upper()}: Do you think we can pay it, number {n}?\n\n" for n in range(20000))
    statements = transcript_turns(ArticleText(text, simple_tokens(text), people), [])
    assert len(statements) == 20000
    assert all(s.speaker == f"Ana {surname(n % 400)}" for n, s in enumerate(statements))


def test_a_surname_two_people_share_is_the_one_named_most():
    text = ("Donald Holm and his wife Melania Holm arrived in Leeds. Donald Holm spoke first and Donald Holm spoke last.\n\n"
            "VARGA: Do you think you won?\n\n"
            "HOLM: I think we won big.\n\n"
            "VARGA: Why?")
    assert speaker_of(text, "we won big") == "Donald Holm"
    assert speaker_of(text, "you won") == "Varga"


def test_a_turn_that_names_another_of_the_speakers_name_is_a_turn():
    text = ("Ana Ruiz and Piet Varga debated in Leeds on Monday.\n\n"
            "ANA RUIZ: I do. Dan Ruiz and I have worked for this port for years.\n\n"
            "PIET VARGA: Do you? I doubt it.\n\n"
            "ANA RUIZ: Nobody has done more for this port than Ana Ruiz, and you know it.")
    assert speaker_of(text, "Dan Ruiz and I") == "Ana Ruiz"
    assert speaker_of(text, "Nobody has done more") == "Ana Ruiz"  # a speaker of two turns may name themself


def test_a_list_of_people_a_paragraph_each_is_the_writers():
    text = ("Winners and losers of the harbour debate: Ana Ruiz, Piet Varga and Dan Holm.\n\n"
            "Ana Ruiz: She held her own. If you expected a stumble, you did not get one.\n\n"
            "Piet Varga: He looked tired. Did anyone tell him the levy was coming up?\n\n"
            "Dan Holm: We barely heard from him. Why was he there?")
    assert not any(direct for _, _, direct in _turns(text))


def test_the_interviewee_is_the_one_an_interview_is_with():
    text = ("Piet Varga spoke with harbour master Ana Ruiz about the levy.\n\n"
            "Q: Why now?\n\nA: Because we lose money.\n\nQ: Will it rise?\n\nA: Not while I run the port.")
    assert [speaker for _, speaker, direct in _turns(text) if direct] == ["Ana Ruiz", "Ana Ruiz"]


def test_an_answer_ends_where_a_labelled_turn_begins():
    text = ("Q&A with harbour master Ana Ruiz, with Piet Varga of the union.\n\n"
            "Q: Why now?\n\nA: Because we lose money.\n\n"
            "VARGA: I disagree with that, do you hear?\n\n"
            "RUIZ: We will see.\n\n"
            "VARGA: We will.\n\n"
            "Q: Will it rise?\n\nA: Not while I run the port.")
    turns = [(words, speaker) for words, speaker, direct in _turns(text) if direct]
    assert turns == [("Because we lose money.", "Ana Ruiz"), ("I disagree with that, do you hear?", "Piet Varga"),
                     ("We will see.", "Ana Ruiz"), ("We will.", "Piet Varga"), ("Not while I run the port.", "Ana Ruiz")]


def test_an_answer_runs_on_over_a_paragraph_opening_with_a_word_and_a_colon():
    text = ("Q&A with harbour master Ana Ruiz.\n\n"
            "Q: Why now?\n\nA: Because we lose money.\n\nLook: I have said it before, we lose money.\n\n"
            "Q: Will it rise?\n\nA: Not while I run the port.")
    assert [speaker for words, speaker, direct in _turns(text) if direct and words.startswith("Look: I have said")] == [
        "Ana Ruiz"]


def test_a_surname_that_is_also_a_role_word_is_a_speaker_where_the_article_names_them():
    text = ("Senator Tom Read and Ana Ruiz debated the levy in Leeds.\n\n"
            "READ: I will vote for it.\n\nRUIZ: Will you?\n\nREAD: I will.")
    assert speaker_of(text, "I will vote for it") == "Tom Read"


def test_an_explainers_questions_and_answers_are_no_interview():
    text = ("The ferry levy, explained, as Ana Ruiz's board votes on it on Monday.\n\n"
            "Q: What is the levy?\n\nA: It is a charge on every crossing to the islands.\n\n"
            "Q: Who pays it?\n\nA: Every passenger over the age of twelve.")
    assert not any(direct for _, _, direct in _turns(text))


def test_a_quoted_exchange_closed_by_a_cue_gives_the_cue_its_own_turn_only():
    text = ("Governor Ana Ruiz was asked about the levy on the radio on Sunday.\n\n"
            '"HOLM: Will the levy rise again?\n\n'
            '"RUIZ: Not while I am governor.\n\n'
            '"HOLM: Do you promise?\n\n'
            '"RUIZ: I do," she said.')
    assert [(words, speaker) for words, speaker, direct in _turns(text) if direct] == [
        ("Will the levy rise again?", "Holm"), ("Not while I am governor", "Ana Ruiz"), ("Do you promise?", "Holm"),
        ("I do", "Ana Ruiz")]  # the cue's turn once, without its label
    recalled = ("Governor Ana Ruiz and Piet Varga met on Sunday, Dan Holm wrote.\n\n"
                '"VARGA: Will the levy rise?\n\n'
                '"RUIZ: Not while I am governor.\n\n'
                '"VARGA: Do you promise? We will see," Holm recalled.')
    assert speaker_of(recalled, "Do you promise") == "Piet Varga"  # the label's words, whoever recalls them
    inside = ("Governor Ana Ruiz and Piet Varga met on Sunday.\n\n"
              "VARGA: Will the levy rise?\n\n"
              "RUIZ: No. As my father told me, “never promise what you cannot pay,” and I do not.\n\n"
              "VARGA: Do you promise?\n\nRUIZ: I do.")
    # quoted in her turn with a cue of its own: her father's words, inside her turn's
    assert [(words, speaker) for words, speaker, direct in _turns(inside) if direct and "never promise" in words] == [
        ("No. As my father told me, “never promise what you cannot pay,” and I do not.", "Ana Ruiz"),
        ("never promise what you cannot pay", None)]


def test_roles_and_headings_beside_an_exchange_name_no_one():
    text = ("Ana Ruiz and Piet Varga debated the levy in Leeds on Monday.\n\n"
            "UPDATE: We added the governor's answer. Did you see it?\n\n"
            "RUIZ: I think the levy stays.\n\n"
            "AUDIENCE MEMBER: Will you scrap it?\n\n"
            "VARGA: We will scrap it.\n\n"
            "AUDIENCE MEMBER: Do you promise?\n\n"
            "RUIZ: I do not.\n\n"
            "UPDATE: We corrected a name. Do you mind?")
    turns = _turns(text)
    assert [speaker for _, speaker, direct in turns if direct] == ["Ana Ruiz", "Piet Varga", "Ana Ruiz"]


def test_a_place_the_article_names_is_no_speaker():
    text = ("Shares fell in Hong Kong and rose in New York on Monday.\n\n"
            "HONG KONG: We saw the index drop 3 percent. Did anyone expect it?\n\n"
            "NEW YORK: Our futures pointed higher. Why?\n\n"
            "HONG KONG: We closed lower again.\n\n"
            "NEW YORK: Our banks led the gains.")
    assert not any(direct for _, _, direct in _turns(text))


def test_a_label_is_the_full_name_the_article_gives_not_its_surname_alone():
    text = ("Donald Holm spoke in Leeds. Holm said little, and Holm left early; Holm was tired.\n\n"
            "VARGA: Do you think you won?\n\n"
            "HOLM: I think we won big.\n\n"
            "VARGA: Why?")
    assert speaker_of(text, "we won big") == "Donald Holm"


def test_many_speakers_sharing_a_surname_are_read_in_one_pass():
    """A debate of 2,000 speakers who share a surname, each labelled in full twice: each label is resolved from the
    people indexed by surname and given name, not by a scan of every person named Holm for every label."""
    from storyline.analyze.article_text import ArticleText
    from storyline.analyze.nlp import simple_tokens
    from storyline.analyze.transcripts import transcript_turns
    from storyline.model import Mention

    def given(n: int) -> str:
        return "An" + "".join(chr(ord("a") + int(digit)) for digit in str(n))

    intro = "A long debate.\n\nWith " + ", ".join(f"{given(n)} Holm" for n in range(2000)) + ".\n\n"
    people, at = [], intro.index("With ") + 5
    for n in range(2000):
        name = f"{given(n)} Holm"
        people.append(Mention(text=name, start=at, end=at + len(name), label="PERSON"))
        at += len(name) + 2
    text = intro + "".join(f"{given(n % 2000).upper()} HOLM: Do you think we can pay it?\n\n" for n in range(4000))
    statements = transcript_turns(ArticleText(text, simple_tokens(text), people), [])
    assert [s.speaker for s in statements] == [f"{given(n % 2000)} Holm" for n in range(4000)]


def test_a_cue_whose_subject_was_read_over_the_label_speaks_for_the_labels_person():
    """The model can read a label and the cue after it as one name ("Luciana Lopez: Saying" in a real panel): the
    statement that cue gives is the label's person's, as the transcript says."""
    from storyline.analyze.article_text import ArticleText
    from storyline.analyze.nlp import simple_tokens
    from storyline.analyze.statements import Statement
    from storyline.analyze.transcripts import transcript_turns
    from storyline.model import Mention

    text = ("A panel on the ferry levy, with Ana Ruiz and Piet Varga.\n\n"
            "PIET VARGA: Do you think the islanders will pay it?\n\n"
            "ANA RUIZ: Saying to islanders ‘ferry levy’ — everyone hears something else in it.\n\n"
            "PIET VARGA: We hear a tax.\n\nANA RUIZ: I hear a ferry.")
    people = [Mention(text=name, start=text.index(name), end=text.index(name) + len(name), label="PERSON")
              for name in ("Ana Ruiz", "Piet Varga")]
    label = text.index("ANA RUIZ: Saying")
    cue = text.index("Saying")
    quoted = (text.index("‘ferry") + 1, text.index("’ —"))
    misread = Statement(position=quoted[0] - 1, direct=True, parts=[quoted], paragraph=0, cue=(cue, cue + 6),
                        speaker="ANA RUIZ: Saying", speaker_span=(label, cue + 6), resolved=True)
    statements = transcript_turns(ArticleText(text, simple_tokens(text), people), [misread])
    assert [s.speaker for s in statements if s.cue is not None] == ["Ana Ruiz"]


WITH_REPORTER = ("Naomi Feld became fire chief in March. She spoke with reporter James Holt.\n\n"
      "Q: What has surprised you most?\n\n"
      "A: How little of the work is fire. Most of our calls are medical now.\n\n"
      "Q: How bad is staffing?\n\n"
      "A: We are down 22 firefighters. My predecessor, Chief Walter Grimes, used to say, \"Nobody remembers the "
      "fires you prevent.\" I told a girl once, \"You can be whatever you are stubborn enough to be.\"")


def test_a_question_and_answer_interview_answers_for_the_one_the_press_spoke_with():
    """The reporter named after "with" asks the questions; the answers, and what the answer quotes "I" saying,
    are the chief's; what it quotes her predecessor saying is his."""
    said = {text: speaker for text, speaker, _ in _turns(WITH_REPORTER)}
    assert said["How little of the work is fire. Most of our calls are medical now."] == "Naomi Feld"
    assert said["Nobody remembers the fires you prevent"] == "Walter Grimes"
    assert said["You can be whatever you are stubborn enough to be"] == "Naomi Feld"
    assert "James Holt" not in said.values()


def test_an_interview_with_someone_of_the_press_is_theirs_where_no_one_else_is_named():
    text = ("We spoke with magazine editor Clara Wu about the closing of the Harbour Review.\n\n"
            "Q: Why close now?\n\nA: I could not find a buyer. I tried for a year.\n\n"
            "Q: What comes next?\n\nA: I will write a book about the magazine and its readers.")
    assert {speaker for _, speaker, direct in _turns(text) if direct} == {"Clara Wu"}


def test_a_writer_or_a_host_interviewed_is_not_taken_for_the_one_who_asks():
    text = ("We spoke with writer Anna Berg about her new novel. Her husband, the painter Tom Berg, drew its cover.\n\n"
            "Q: Why a novel now?\n\nA: I had carried the story for ten years. It was time.\n\n"
            "Q: Is it about your family?\n\nA: Only a little. I changed every name in it.")
    assert {speaker for _, speaker, direct in _turns(text) if direct} == {"Anna Berg"}
