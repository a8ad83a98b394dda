"""Memos: what pure functions made, kept to be asked for again, forgotten once a process is asked."""

from storyline import briefing, memo
from storyline.compare import units


def test_a_memo_remembers_until_the_process_is_asked_to_forget_and_forgets_once_an_ask():
    calls = []

    @memo.memo(16)
    def doubled(n: int) -> int:
        calls.append(n)
        return 2 * n

    assert doubled(3) == doubled(3) == 6 and calls == [3]
    asked = memo.ask_to_forget()
    memo.forget_once(asked)
    assert doubled(3) == 6 and calls == [3, 3]  # made again
    memo.forget_once(asked)  # the same ask, as each task of one refresh hands it: remembered since
    assert doubled(3) == 6 and calls == [3, 3]
    memo.forget_once(memo.ask_to_forget())
    assert doubled(3) == 6 and calls == [3, 3, 3]


def test_the_briefs_memos_and_their_sentence_vectors_are_forgotten_with_the_rest():
    embed = briefing.sentence_vectors()
    embed(["The ferry strike ended on Friday."])
    units._pieces("One sentence. Another one.", ())
    assert units._pieces.cache_info().currsize >= 1
    memo.forget()
    assert units._pieces.cache_info().currsize == 0
    assert briefing.sentence_vectors() is not embed  # a new memory of sentences, the model itself kept loaded
