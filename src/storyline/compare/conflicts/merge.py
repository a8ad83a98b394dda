"""The one merge rule: pairwise findings become one conflict per disputed thing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from storyline.compare.conflicts.conflict import Conflict
from storyline.compare.units import StoryView
from storyline.model import ConflictKind


def merge_conflicts(story: StoryView, conflicts: list[Conflict],
                    by_sentence: Collection[ConflictKind]) -> list[Conflict]:
    """One conflict per disputed thing: pairwise findings of one kind that share a sentence's figure
    (or date) are one dispute, while a sentence that gives two of a kind ("up to 70 per cent in Egypt
    and 60 per cent in India") holds two (venue, role and quote findings of one subject are one
    dispute); each article's value is kept once, and a dispute must still have two voices giving two
    values. Updates (values of reports of different days) merge among themselves, by the same rule; an
    update that shares a figure with a dispute of the same thing between reports of its latest day is
    part of that dispute (9 dead on Monday, 11 on Tuesday, while another report of Tuesday still says 9:
    no progression settles it). A dispute of an earlier day leaves the update as it is (12 or 14 ships on Monday, 22 on Tuesday)."""
    parent = list(range(len(conflicts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, object], int] = {}
    for n, c in enumerate(conflicts):
        subject = f"{c.key}@update" if c.update else c.key
        # a sentence's figure (or date) is one disputed thing; a sentence that gives two of a kind ("70 per
        # cent in Egypt and 60 per cent in India") holds two
        keys: list[tuple[str, object]] = [(subject, f) for f in _figures(c)] if c.about in by_sentence \
            else [(subject, None)]
        for key in keys:
            if key in seen:
                parent[find(n)] = find(seen[key])
            else:
                seen[key] = n

    days: list[set[date]] = [{published.date() for pos in c.values
                              if (published := story.articles[pos].published) is not None} for c in conflicts]
    for n, update in enumerate(conflicts):
        if not update.update or update.about not in by_sentence or not days[n]:
            continue
        latest = max(days[n])
        for m, dispute in enumerate(conflicts):
            if not dispute.update and dispute.key == update.key and latest in days[m] and \
                    set(_figures(dispute)) & set(_figures(update)):
                parent[find(n)] = find(m)  # the update's latest step is itself disputed that day
    merged: dict[int, Conflict] = {}
    # an update's value of one article, found by two findings in two of its sentences ("killing at least
    # three people" in the lead, "three people died" below): evidence of one step, both cited
    also: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for n, c in enumerate(conflicts):
        target = merged.setdefault(find(n), Conflict(c.about, c.key, {}, {}, c.update, c.minor))
        target.minor = target.minor and c.minor
        target.update = target.update and c.update
        for pos, value in c.values.items():
            if c.update and pos in target.values and target.values[pos][0] == value[0]:
                also[find(n)][pos].extend(value[2])
            target.values.setdefault(pos, value)
        for pos, u in c.units.items():
            target.units.setdefault(pos, u)
        for pos, step in c.order.items():
            target.order.setdefault(pos, step)
    for root, c in merged.items():
        for pos, spans in also[root].items() if c.update else ():
            norm, shown, given = c.values[pos]
            c.values[pos] = (norm, shown, sorted(set(given) | set(spans)))
    out = []
    for c in merged.values():
        by_voice: dict[str, set[str]] = defaultdict(set)
        for pos, (norm, _, _) in c.values.items():
            by_voice[story.voice[pos]].add(norm)
        if any(len(v) > 1 for v in by_voice.values()):
            continue  # one voice gives both values: a change over time, not a dispute
        distinct = {next(iter(v)) for v in by_voice.values()}
        if len(by_voice) >= 2 and len(distinct) >= 2:
            out.append(c)
    return out


def _figures(c: Conflict) -> list[tuple[int, str | None]]:
    """The figures (or dates) a finding disputes: each sentence it cites, with the value it reads there."""
    return [(u, c.values[pos][0] if pos in c.values else None) for pos, u in c.units.items()]
