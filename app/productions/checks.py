"""Checks across a volume's documents: Bates numbers in two documents, gaps and overlaps between
ranges, and where OPT pages without a DAT row go among the documents."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import pairwise

from app.productions.bates import bates_key, format_bates, parse_bates
from app.productions.records import ProductionDocument
from app.productions.text_rules import count, names

Note = Callable[..., None]  # _Builder.note(kind, message, bates)
Pair = frozenset[tuple[str, str]]  # two documents' (BEGBATES, ENDBATES)


def described(document: ProductionDocument) -> str:
    """A document as a finding names it: two rows can give the same Bates range."""
    where = f"DAT line {document.dat_line}" if document.dat_line is not None else "no DAT row"
    return f"{document.name} ({where})"


def check_duplicates(note: Note, documents: list[ProductionDocument]) -> set[Pair]:
    """A ``bates_duplicate`` for each two documents that number a page alike (both are kept: which
    one the number belongs to is for a reviewer to say). Returns those pairs' ranges, which are
    not reported again as overlaps."""
    owner: dict[str, int] = {}
    shared: dict[tuple[int, int], list[str]] = {}
    for index, document in enumerate(documents):
        for page in document.pages:
            first = owner.setdefault(page.bates.upper(), index)
            if first != index:
                shared.setdefault((first, index), []).append(page.bates)
    pairs: set[Pair] = set()
    for (a, b), numbers in shared.items():
        one, other = documents[a], documents[b]
        verb = "is" if len(numbers) == 1 else "are"
        note("bates_duplicate", f"{names(numbers)} {verb} in two documents, {described(one)} and "
             f"{described(other)}; both kept", numbers[0])
        pairs.add(frozenset({(one.begbates, one.endbates), (other.begbates, other.endbates)}))
    return pairs


def check_ranges(note: Note, ranges: list[tuple[str, str]], duplicates: set[Pair]) -> None:
    """Gaps and overlaps between the documents' Bates ranges, within each prefix."""
    spans = []
    for begin, end in ranges:
        first, last = parse_bates(begin), parse_bates(end)
        if first is None:
            continue
        if last is None or not last.same_series(first) or last.number < first.number:
            last = first
        spans.append((first.prefix.upper(), first.number, last.number, first, begin, end))
    spans.sort(key=lambda s: s[:3])
    reach = None  # the span reaching furthest so far in this prefix: overlaps need not be adjacent
    for current in spans:
        if reach is None or reach[0] != current[0]:
            reach = current
            continue
        prefix, width = current[3].prefix, current[3].width
        if current[1] > reach[2] + 1:
            low, high = reach[2] + 1, current[1] - 1
            note("bates_gap", f"{format_bates(prefix, low, width)}–{format_bates(prefix, high, width)}"
                 f" missing ({count(high - low + 1)})", format_bates(prefix, low, width))
        elif current[1] <= reach[2] and frozenset({reach[4:6], current[4:6]}) not in duplicates:
            note("bates_overlap", f"{current[4]}–{current[5]} overlaps {reach[4]}–{reach[5]}", current[4])
        if current[2] > reach[2]:
            reach = current


def merge_orphans(documents: list[ProductionDocument],
                  orphans: list[ProductionDocument]) -> list[ProductionDocument]:
    """Each orphan right after the last DAT document with a lower (or equal) Bates number."""
    if not orphans:
        return documents
    keys = [bates_key(d.begbates) for d in documents]
    if all(a <= b for a, b in pairwise(keys)):  # the usual DAT, in Bates order: one stable sort
        return sorted(documents + orphans, key=lambda d: bates_key(d.begbates))
    # The lowest key from each document on: the last document at or below a key is then found by
    # bisection, not by a scan per orphan (thousands of each in a shuffled DAT).
    lowest = keys[:]
    for i in range(len(lowest) - 2, -1, -1):
        lowest[i] = min(lowest[i], lowest[i + 1])
    before: dict[int, list[ProductionDocument]] = {}
    for orphan in orphans:
        at = bisect.bisect_right(lowest, bates_key(orphan.begbates))
        before.setdefault(at, []).append(orphan)
    merged: list[ProductionDocument] = []
    for index, document in enumerate([*documents, None]):
        merged.extend(before.get(index, ()))
        if document is not None:
            merged.append(document)
    return merged
