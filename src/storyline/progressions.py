"""What changed across a storyline's stories: each count or state its reports give on different days,
as a dated progression ("dead: 9 → 11 → 14, 4 Jun → 5 Jun → 7 Jun"), every value with its sentence.

An update is spread over days by nature, so its reports often stand in different stories of one
storyline (a quake's toll on day 1, its aftermath on day 3). Which reports are compared: the articles
of the stories of one storyline (linked stories: within a month of each other, or months apart for
a named person's case, storylines.py), the newest PER_STORY of each (fewer where the storyline has
many stories, down to one a story of its newest MOST stories: MOST in all) and CHARACTERS of text in
all (fewer a story, then fewer stories, where the reports are long), compared as one story is
(compare.compare_story: the same alignment and the same detectors). What is kept: a value set that
spans two stories or more and two days or more; a set within one story is that story's own update
or conflict, shown in its brief.

A running count is told from a new count as in one story (compare/rising_counts.py and
compare/conflicts/: a count of the dead, injured, arrested or evacuated that grows between reports
of two days, a case's stage, a state that advances, is an update). Across stories, two reports days
apart that give two values of one thing are never a conflict: the later report tells what was known
later, so a disagreement the comparison finds between them over a count or a state (CHANGING) is a
step of the progression too, and one over anything else (the day or place of one happening) is not
shown at all. Values of one day that disagree are no progression (that is a conflict, the story's
own to show), and neither is a thing whose value never changes.

compared_of(store, story_ids) reads the stories' articles and analyses from the store, and the
comparison embeds sentences with the static model, as a brief does. That comparison is made where
briefs are made, never when a reader asks: refresh_progressions, at the end of an ingest run and in
`storyline check --repair`, makes (on the analysis workers, as briefs) and keeps the progressions of
every storyline whose stories changed, keyed by
the signature of the stories they were made from (made_from: each story's id and size, its brief's
version and digest). An ingest checks the storylines of the stories marked as owing theirs
(owed_progressions; store/owed.py), `check --repair` every storyline (stale_progressions).
A storyline is shown what is kept for it as it now is (kept_progressions); the page of its newest
story finds it by that story's links alone (newest_story_storyline); where nothing is
(a run is changing its stories, or the database was made by an older storyline), it is shown as not
yet computed: never a comparison made then, nor the progressions of its stories as they were."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import numpy as np

from storyline.analyze import canonical_entities
from storyline.compare import StoryArticle, compare_story
from storyline.compare.rising_counts import can_fall
from storyline.memo import ask_to_forget, forget_once
from storyline.model import Analysis, Article, ClaimRecord, ProgressionRecord, ProgressionValue, Storyline
from storyline.store import Store
from storyline.voices import voices

VERSION = "progressions/3"  # bump when a rule here changes what progressions hold (`check --repair` makes them again)
PER_STORY = 60  # the newest articles of each story that a storyline's progressions read ...
MOST = 400  # ... and of all its stories together: fewer a story where it has many, down to one a story of
# the newest MOST stories, so that a storyline's comparison costs at most MOST articles however long it runs
CHARACTERS = 1_600_000  # ... and at most this much text (MOST articles of 4,000 characters, a real report's
# length): fewer a story, then fewer stories, where its articles are long, as the comparison's time and
# memory grow with the sentences compared, not with the articles
# What a disagreement between reports of two days can be a change of: a count (the dead, the strikers,
# the money offered) and a case's or a person's state. The day, place or occasion of one happening, an
# office or a quotation's words do not change from one report to the next: two values of them days
# apart are a misreading or a correction, and shown as neither a conflict nor a progression.
CHANGING = frozenset({"number", "state"})


def progressions(stories: list[tuple[str, list[tuple[Article, str | None]]]], analyses: dict[str, Analysis],
                 embed: Callable[[list[str]], np.ndarray]) -> list[ProgressionRecord]:
    """The progressions of a storyline from its stories (id and members with duplicate groups, oldest
    story first) and the articles' analyses; [] where none can be (can_change: one story, one voice,
    one day), with no comparison made."""
    story_of = {article.id: story_id for story_id, members in stories for article, _ in members}
    if not can_change(stories):
        return []
    members = [m for _, ms in stories for m in ms]
    members.sort(key=lambda m: (m[0].published is None, m[0].published or 0, m[0].id))
    texts = {article.id: article.text for article, _ in members}
    entities = canonical_entities({aid: a.mentions for aid, a in analyses.items() if aid in texts}, texts)
    compared = compare_story([StoryArticle(id=article.id, source=article.source, group=group or article.id,
                                           text=article.text, published=article.published,
                                           analysis=analyses.get(article.id) or Analysis((), (), ()),
                                           language=article.language)
                              for article, group in members], entities, embed)
    days = {article.id: article.day for article, _ in members}
    found = []
    for claim in compared.claims:
        record = _progression(claim, story_of, days)
        if record is not None:
            found.append(record)
    return sorted(found, key=lambda p: (p["values"][-1]["published"] or "", p["about"]), reverse=True)


def can_change(stories: list[tuple[str, list[tuple[Article, str | None]]]]) -> bool:
    """Whether these stories' articles could give a progression at all, before any comparison: it
    needs two voices (the comparison finds no update or conflict in one: voices.py), and dated reports
    of two stories and of two days (an undated report gives no step). A storyline newly linked on one
    day, or followed by one outlet alone, is not compared."""
    dated = [(story_id, article.day) for story_id, members in stories for article, _ in members if article.day]
    return (len(set(voices([m for _, members in stories for m in members]))) >= 2
            and len({s for s, _ in dated}) >= 2 and len({d for _, d in dated}) >= 2)


def _progression(claim: ClaimRecord, story_of: dict[str, str], days: dict[str, date | None]
                 ) -> ProgressionRecord | None:
    """A claim's values as a storyline progression, or None where they are no change across stories."""
    payload: Any = claim.get("update") or claim.get("conflict")
    if not payload or (not claim.get("update") and payload["about"] not in CHANGING):
        return None
    values = [ProgressionValue(**v, story=story_of.get(v["article"], ""))  # type: ignore[typeddict-item]
              for v in payload["values"] if days.get(v["article"])]
    if len({story_of.get(v["article"]) for v in values}) < 2:
        return None  # one story's own update or conflict: its brief shows it
    by_day: dict[date, set[str]] = {}
    for v in values:
        day = days[v["article"]]
        assert day is not None
        by_day.setdefault(day, set()).add(v["normalized"] or v["value"])
        v["published"] = day.isoformat()
    if len(by_day) < 2 or any(len(seen) > 1 for seen in by_day.values()):
        return None  # one day's reports, or a day whose reports disagree: a conflict, not a change
    steps = [by_day[d] for d in sorted(by_day)]
    if all(s == steps[0] for s in steps):
        return None
    if payload["about"] == "number" and not can_fall(payload.get("subject") or "") and _falls(steps):
        return None  # a toll, the injured, a parent's children shown lower later: a disagreement, not a change
    values.sort(key=lambda v: (v["published"] or "", v["article"]))
    return ProgressionRecord(about=payload["about"], subject=payload.get("subject") or payload["about"],
                             values=values)


def _falls(steps: list[set[str]]) -> bool:
    """Whether a count's value of a day is lower than one an earlier day gave (values as normalized: "12")."""
    highest = None
    for values in steps:
        try:
            value = max(float(v) for v in values)
        except ValueError:
            return False  # not a plain figure: nothing to tell
        if highest is not None and value < highest:
            return True
        highest = value if highest is None else max(highest, value)
    return False


def steps(record: ProgressionRecord) -> list[tuple[str, str | None, list[ProgressionValue]]]:
    """A progression as a reader follows it: each value in turn with its day and the reports giving it
    (consecutive reports of one value are one step). A state's step is named by its stage (arrested,
    charged, convicted), a count's by the first report's words."""
    found: list[tuple[str, str | None, list[ProgressionValue]]] = []
    for v in record["values"]:
        key = v["normalized"] or v["value"]
        if found and (found[-1][2][0]["normalized"] or found[-1][2][0]["value"]) == key:
            found[-1][2].append(v)
        else:
            found.append((key if record["about"] == "state" else v["value"], v.get("published"), [v]))
    return found


def progression_line(record: ProgressionRecord) -> str:
    """One line of text: 'dead: 9 → 11 → 14, 4 Jun 2025 → 5 Jun 2025 → 7 Jun 2025'."""
    shown = steps(record)
    values = " → ".join(value for value, _, _ in shown)
    days = " → ".join(reader_day(day) for _, day, _ in shown)
    return f"{record['subject']}: {values}, {days}"


def reader_day(value: str | None) -> str:
    """'4 Jun 2025' from an ISO day (the reader's format everywhere; JSON keeps ISO)."""
    if not value:
        return "undated"
    day = date.fromisoformat(value[:10])
    return f"{day.day} {day:%b %Y}"


NOT_YET = ("Not yet computed for the storyline as it now is: the ingest run that changed its stories makes it "
           "as it ends, and so does `storyline check --repair`.")


def progressions_markdown(records: list[ProgressionRecord] | None,
                          heading: str = "What changed across the storyline") -> str:
    """The progressions for people, as Markdown: one line each, then each step's reports with the
    sentence that gives the value (its provenance); '' for none, NOT_YET for records not yet made (None)."""
    from storyline.safety import markdown_text as md

    if records is None:
        return f"## {heading}\n\n{NOT_YET}\n"
    if not records:
        return ""
    lines = [f"## {heading}", ""]
    for record in records:
        lines.append(f"- **{md(progression_line(record))}**")
        for _, day, reports in steps(record):
            for v in reports:
                said = " … ".join(e["text"] for e in v["evidence"]) or v["value"]
                lines.append(f"  - {md(v['value'])} · {md(reader_day(day))} · {md(v['source'])} "
                             f"(story `{md(v['story'])}`): “{md(said)}”")
    return "\n".join(lines) + "\n"


def storyline_markdown(thread: Storyline, changed: str | None = None) -> str:
    """A storyline for people (`storyline ID --markdown`): its stories, what changed across them
    (changed: progressions_markdown of its progressions, made from them where not given) and its timeline."""
    from storyline.safety import markdown_text as md

    span = f"{reader_day(thread['first_seen'])} to {reader_day(thread['last_seen'])}"
    lines = [f"# {md(thread['title'])}", "", f"{md(span)} · {len(thread['stories'])} stories · storyline "
             f"`{md(thread['id'])}`", "", "## Stories", ""]
    lines += [f"- {md(reader_day(s['first_seen']))} · {md(s['title'])} (story `{md(s['id'])}`)" for s in thread["stories"]]
    lines.append("")
    changed = progressions_markdown(thread.get("progressions", [])) if changed is None else changed
    if changed:
        lines += [changed.rstrip("\n"), ""]
    if thread["timeline"]:
        lines += ["## Timeline", ""]
        lines += [f"- {md(e['date'])} — {md(e['text'])} ({', '.join(md(s) for s in e['sources'])})"
                  for e in thread["timeline"]]
        lines.append("")
    return "\n".join(lines) + "\n"


def storyline_of(store: Store, story_id: str) -> list[str]:
    """The stories of the storyline this live story is in, oldest first ([]: it is linked to none), as
    storylines.threads groups every story: its links read outward from it in one query
    (Store.storyline_links), at the cost of its own storyline's links and never another's."""
    from storyline.storylines import threads

    links = store.storyline_links(story_id)
    return next(iter(threads(links, store.first_seen_days(sorted({s for link in links for s in link})))), [])


def newest_story_storyline(store: Store, story_id: str) -> tuple[str, list[str]] | None:
    """The storyline whose newest story this is (its progressions show on that story's page): its id
    and its stories, oldest first; or None. No brief is read, and no other storyline."""
    from storyline.storylines import storyline_id

    ids = storyline_of(store, story_id)
    return (storyline_id(ids), ids) if ids and ids[-1] == story_id else None


def compared_of(store: Store, story_ids: list[str]
                ) -> tuple[list[tuple[str, list[tuple[Article, str | None]]]], dict[str, Analysis]]:
    """What a storyline's progressions compare (progressions' first two arguments), made by
    refresh_progressions: the newest articles of each of these stories (oldest first), at most MOST,
    as the store holds them, and their analyses."""
    story_ids = story_ids[-MOST:]
    each = max(1, min(PER_STORY, MOST // max(1, len(story_ids))))
    stories = within(CHARACTERS, [(story_id, store.story_articles(story_id, latest=each)) for story_id in story_ids])
    return stories, store.analyses([article.id for _, members in stories for article, _ in members])


def within(characters: int, stories: list[tuple[str, list[tuple[Article, str | None]]]]
           ) -> list[tuple[str, list[tuple[Article, str | None]]]]:
    """The stories (oldest first, each's articles oldest first) cut to at most this many characters of
    text: the newest articles of each story, as many a story as fit (the same number for every story),
    and where one a story is too much, the newest stories that fit with one each; the newest story is
    kept whatever its length."""
    def size(each: int) -> int:
        return sum(len(article.text) for _, members in stories for article, _ in members[-each:])

    each = max((len(members) for _, members in stories), default=0)
    while each > 1 and size(each) > characters:
        each -= 1
    kept = [(story_id, members[-each:]) for story_id, members in stories]
    total = size(each)
    while len(kept) > 1 and total > characters:
        total -= sum(len(article.text) for article, _ in kept.pop(0)[1])
    return kept


def made_from(story_ids: list[str], stamps: dict[str, tuple[int, str | None, str | None]]) -> str:
    """The signature of a storyline's stories (oldest first) as its progressions are made from them:
    each story's id and size, and its brief's version and digest (Store.brief_stamps). An article added,
    moved or merged changes a size; one edited or analysed again makes its story's brief again, whose
    text (its claims' sentences and spans) is then another; a story linked or unlinked changes the
    ids: either way the signature is another."""
    text = "\n".join(f"{story_id}\t{stamps.get(story_id)}" for story_id in story_ids)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stale_progressions(store: Store) -> tuple[dict[str, tuple[list[str], str]], list[str]]:
    """The storylines whose kept progressions are missing, made for other stories or by another VERSION
    (storyline id -> its story ids and their signature now), and the storylines no more whose
    progressions are still kept: of every storyline of the database (`check`, `check --repair`)."""
    from storyline.storylines import storyline_id, threads

    ids_of = {storyline_id(ids): ids for ids in threads(store.story_links(), store.first_seen_days())}
    return _stale(store, ids_of, store.progression_signatures())


def owed_progressions(store: Store, owed: Iterable[str]) -> tuple[dict[str, tuple[list[str], str]], list[str]]:
    """stale_progressions of the storylines these stories are in now (Store.owe_progressions marks a
    story whose storyline changed, and the stories of the storyline it left), each read outward from
    one of them (storyline_of), never another storyline: what an ingest checks. A storyline no more was
    named by one of its stories (storylines.storyline_id) and held one marked: those names are the
    ones kept that no storyline found here has now."""
    from storyline.storylines import storyline_id

    seen: set[str] = set()
    ids_of: dict[str, list[str]] = {}
    for story_id in sorted(owed):
        if story_id not in seen:
            ids = storyline_of(store, story_id)
            seen.update(ids or [story_id])
            if ids:
                ids_of[storyline_id(ids)] = ids
    return _stale(store, ids_of, store.progression_signatures({storyline_id([s]) for s in seen} | set(ids_of)))


def _stale(store: Store, ids_of: dict[str, list[str]], kept: dict[str, tuple[str, str]]
           ) -> tuple[dict[str, tuple[list[str], str]], list[str]]:
    """Of these storylines (id -> stories, oldest first), those whose kept progressions (kept: the
    signatures of theirs and of the storylines no more among them) are not made from them as they are
    now, and the kept ones of storylines no more."""
    stamps = store.brief_stamps([story_id for ids in ids_of.values() for story_id in ids])
    stale = {}
    for name, ids in ids_of.items():
        signature = made_from(ids, stamps)
        if kept.get(name) != (signature, VERSION):
            stale[name] = (ids, signature)
    return stale, [name for name in kept if name not in ids_of]


WINDOW = 16  # storylines whose progressions are made and kept (one commit) at a time


def refresh_progressions(store: Store, embedding: Callable[[], Callable[[list[str]], np.ndarray]],
                         processes: int = 1, every: bool = False) -> int:
    """Make and keep the progressions of every storyline whose stories changed since they were made (or
    that has none yet), and drop those of storylines that are no more; returns how many were made.
    Called where briefs are made, once they are, with what gives the embedding they use
    (briefing.sentence_vectors, asked only where a storyline is to be compared): at the end of an ingest
    run, which checks the storylines owed theirs (owed_progressions: those this run or a run killed
    before its end changed), and by `check --repair`, which checks every storyline (every). The marks
    read are cleared once all are kept. With processes > 1 and more than one storyline to check, they
    are compared on the worker pool (engine.worker_pool), as briefs are; a storyline that cannot change
    (can_change) is not sent."""
    from storyline.engine import worker_pool
    from storyline.store.owed import EVERY

    owed = store.owed_progressions()
    stale, gone = stale_progressions(store) if every or EVERY in owed else owed_progressions(store, owed)
    if gone:
        with store.transaction():
            store.forget_progressions(gone)
    todo = list(stale.items())
    asked = ask_to_forget()  # the briefs' memos, of other articles: forgotten before the first storyline
    pool = None
    for start in range(0, len(todo), WINDOW):
        window = todo[start:start + WINDOW]
        given = [compared_of(store, ids) for _, (ids, _) in window]
        changing = [can_change(stories) for stories, _ in given]
        compared = [(stories, analyses, embedding, asked) for (stories, analyses), can in zip(given, changing) if can]
        if compared and pool is None and len(todo) > 1:
            # from here on every window goes to the pool, even one that compares one storyline: this
            # process, which holds the run's models and stories, makes no comparison of its own
            pool = worker_pool(processes)
        made = iter(pool.map(_compared, compared, chunksize=1) if pool else [_compared(c) for c in compared])
        with store.transaction():
            for (name, (_, signature)), can in zip(window, changing, strict=True):
                store.save_progressions(name, signature, list(next(made)) if can else [], VERSION)
    if owed:
        with store.transaction():
            store.paid_progressions(owed)
    return len(todo)


def _compared(given: tuple[list[tuple[str, list[tuple[Article, str | None]]]], dict[str, Analysis],
                           Callable[[], Callable[[list[str]], np.ndarray]], int]) -> list[ProgressionRecord]:
    """One storyline's progressions, from its compared_of, what gives the embedding and the ask to
    forget the memos of the briefs first (memo.forget_once); pure, so a worker process may make them
    (on one BLAS thread, as briefs are)."""
    from storyline.engine import one_blas_thread

    stories, analyses, embedding, asked = given
    forget_once(asked)
    with one_blas_thread():
        return progressions(stories, analyses, embedding())


def kept_progressions(store: Store, thread: Storyline) -> list[ProgressionRecord] | None:
    """A storyline's progressions as kept for its stories as they now are; None where none are (its
    stories changed since they were made, or another version made them): what a reader is shown, at
    the cost of two small reads."""
    return kept_for(store, thread["id"], [story["id"] for story in thread["stories"]])


def kept_for(store: Store, name: str, ids: list[str]) -> list[ProgressionRecord] | None:
    """kept_progressions of the storyline of this id and these stories (oldest first)."""
    kept = store.stored_progressions(name)
    if kept is None or kept[1] != VERSION or kept[0] != made_from(ids, store.brief_stamps(ids)):
        return None
    return kept[2]


def with_progressions(store: Store, thread: Storyline) -> Storyline:
    """The storyline with its kept progressions (`storyline ID --json`, /api/storylines/{id}); null where
    they are not yet computed for it as it now is."""
    return Storyline(**thread, progressions=kept_progressions(store, thread))
