"""Where an answer stands while the window waits: the model starting, the case being read (the
prefill: tokens read of total, with rate and time left), pass k of n of a staged answer, and the
partial answers being combined. The worker's own ``Progress`` messages are the source; this is
what the window is told, in its terms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from inference import protocol as p

LOADING, READING, PASS, COMBINING = "loading", "reading", "pass", "combining"


@dataclass(frozen=True)
class AskProgress:
    phase: str  # LOADING | READING | PASS | COMBINING
    done: int = 0  # tokens read so far (READING, PASS)
    total: int = 0
    seconds: float = 0.0  # since this read began
    part: int = 0  # PASS and COMBINING: which pass (1-based), of ``parts``
    parts: int = 0

    @property
    def rate(self) -> float:
        return self._read.rate

    @property
    def eta_s(self) -> float | None:
        return self._read.eta_s

    @property
    def _read(self) -> p.Progress:  # the worker's own arithmetic for tokens/s and time left
        return p.Progress(done=self.done, total=self.total, seconds=self.seconds)


Report = Callable[[AskProgress], None]


def reading(report: Report | None, phase: str = READING, part: int = 0,
            parts: int = 0) -> Callable[[p.Progress], None] | None:
    """The worker's prefill progress, told as ``phase`` (a pass of a staged answer: ``part``)."""
    if report is None:
        return None
    return lambda step: report(AskProgress(phase, step.done, step.total, step.seconds, part, parts))
