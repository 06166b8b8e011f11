"""An answer as Markdown with its citations as links, each followed by its check mark.

``[D1 p2]`` (or a Bates citation, ``[ABC0001234]``) becomes a link ``cite:N`` (N: the citation's
place in the stored list, which follows the order of the citations in the text), so a click
opens that page in the viewer.
"""

from __future__ import annotations

from app.citations import check_phrase, citation_matches

MARKS = {True: " ✓", False: " ✗"}


def check_mark(citation: dict) -> str:
    if not citation.get("known"):
        return " ✗"
    return MARKS.get(citation.get("verified"), "")


def answer_markdown(text: str, citations: list[dict]) -> str:
    parts, at = [], 0
    for index, match in enumerate(citation_matches(text)):
        parts.append(text[at:match.start()])
        citation = citations[index] if index < len(citations) else {"known": False}
        label = match.group(0).strip("[]")
        parts.append(f"[\\[{label}\\]](cite:{index}){check_mark(citation)}")
        at = match.end()
    parts.append(text[at:])
    return "".join(parts)


def verdict(c: dict) -> str:
    return check_phrase(c) if c.get("known") else "not in this case"
