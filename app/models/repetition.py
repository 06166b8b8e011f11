"""A generation that falls into a loop ("The court held that. The court held that. ...") is stopped
and said to be so, rather than left to run to the length limit.

The guard reads the streamed text and trips when its end is one passage of 20-400 characters
repeated at least ``REPEATS`` times in a row; the answer keeps the text up to the first repeat.
It works the same for every backend (worker, in-process, remote server), because it reads what
they stream, and cancels through the session as the Stop button does.
"""

from __future__ import annotations

import re

FINISH_REPETITION = "repetition"
REPEATS = 3  # the passage and two copies of it
_LOOP = re.compile(rf"(.{{20,400}}?)\1{{{REPEATS - 1},}}$", re.DOTALL)
CHECK_EVERY = 40  # characters of new text between checks (the regex is not free)
TAIL = 1600  # the longest loop it looks for, times the repeats, with room


class RepetitionGuard:
    def __init__(self) -> None:
        self.text = ""
        self.tripped_at: int | None = None  # where the loop's first repeat begins
        self._checked = 0

    def feed(self, piece: str) -> bool:
        """Take a streamed piece; True the first time the text ends in a loop."""
        self.text += piece
        if self.tripped_at is not None or len(self.text) - self._checked < CHECK_EVERY:
            return False
        self._checked = len(self.text)
        tail_start = max(0, len(self.text) - TAIL)
        loop = _LOOP.search(self.text, tail_start)
        if loop is None:
            return False
        self.tripped_at = loop.start() + len(loop.group(1))  # keep one copy of the passage
        return True

    def trimmed(self, text: str) -> str:
        """The answer without its repeats (``text`` is the final text the backend returned)."""
        if self.tripped_at is None:
            return text
        kept = text[:self.tripped_at]
        sentence_end = max(kept.rfind(". "), kept.rfind(".\n"), kept.rfind("\n"))
        return (kept[:sentence_end + 1] if sentence_end > 0 else kept).rstrip()
