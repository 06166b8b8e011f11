"""Counts and page numbers in the sentences users read: "1 page", "pages 1-3, 7", never "(pages 1)"."""

from __future__ import annotations


def page_ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


def numbered_pages(numbers: list[int]) -> str:
    """``[4]`` -> ``"page 4"``; ``[1, 2, 7]`` -> ``"pages 1-2, 7"``."""
    return ("page " if len(numbers) == 1 else "pages ") + page_ranges(numbers)


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """``count_of(1, "page")`` -> ``"1 page"``; ``count_of(3, "page")`` -> ``"3 pages"``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
