"""An answer as Markdown with its citations as links, each followed by its check mark.

``[D1 p2]`` (or a Bates citation, ``[ABC0001234]``) becomes a link ``cite:N`` (N: the citation's
place in the stored list, which follows the order of the citations in the text), so a click
opens that page in the viewer.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.answer import CITATION_RE, Citation

MARKS = {True: " ✓", False: " ✗"}
DIFFERS_MARK = " ≠"  # the passage is on the page, with another number, name or word


def check_mark(citation: Citation | None) -> str:
    if citation is None or not citation.known:
        return " ✗"
    if citation.check == "differs":
        return DIFFERS_MARK
    return MARKS.get(citation.verified, "")


def answer_markdown(text: str, citations: Sequence[Citation], offset: int = 0) -> str:
    """Each citation becomes a link where it stands (its ``span``). Answers stored before spans
    were kept link their ``[D1 p2]`` citations in order, as they always did. ``offset``: links of
    earlier answers in the same view come first (a conversation numbers them all)."""
    if any(c.span for c in citations):
        placed = sorted((c.span, index) for index, c in enumerate(citations) if c.span)
    else:
        placed = [((m.start(), m.end()), index) for index, m in enumerate(CITATION_RE.finditer(text))]
    parts, at = [], 0
    for (start, end), index in placed:
        parts.append(text[at:start])
        citation = citations[index] if index < len(citations) else None
        label = text[start:end].strip("[]")
        parts.append(f"[\\[{label}\\]](cite:{offset + index}){check_mark(citation)}")
        at = end
    parts.append(text[at:])
    return "".join(parts)


def verdict(c: Citation) -> str:
    return c.verdict if c.known else "not in this case"
