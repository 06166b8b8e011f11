"""A model's last qualification, kept in the vault: how long a case it read well enough.

After a run that was not cancelled, the longest set (in the tokens its questions were asked over)
whose questions scored at least ``QUALIFYING_ACCURACY`` on average is the length the model is
qualified for. The window reads it: a case longer than that is flagged before the question is
asked; Settings and `models list` show it. Kept per model id and weights hash (a different file
under the same name is not qualified).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from storage.schema import SettingRow
from storage.vault import Vault

if TYPE_CHECKING:
    from app.evaluation.run import EvalReport

QUALIFYING_ACCURACY = 0.8
KEY_PREFIX = "qualification:"


@dataclass(frozen=True)
class Qualification:
    model_id: str
    weights_sha256: str
    size: str
    run_at: str
    accuracy: float | None
    qualified_tokens: int | None  # None: no length reached QUALIFYING_ACCURACY
    threshold: float = QUALIFYING_ACCURACY

    def phrase(self) -> str:
        """One line for people."""
        when = self.run_at[:10]
        if self.qualified_tokens is None:
            return (f"qualified {when} ({self.size} suite): accuracy {self.accuracy:.0%} overall, below "
                    f"{self.threshold:.0%} at every length")
        return (f"qualified {when} ({self.size} suite): {self.threshold:.0%}+ accuracy up to "
                f"{self.qualified_tokens:,} tokens")

    def covers(self, tokens: int) -> bool:
        return self.qualified_tokens is not None and tokens <= self.qualified_tokens


def qualification_of(report: EvalReport, threshold: float = QUALIFYING_ACCURACY) -> Qualification:
    by_length: dict[int, list] = {}
    for result in report.results:
        by_length.setdefault(result.padding_words, []).append(result)
    passing = [max(r.tokens for r in results) for results in by_length.values()
               if sum(r.score.accuracy for r in results) / len(results) >= threshold]
    return Qualification(report.model_id, report.weights_sha256, report.size, report.started,
                         report.headline()["accuracy"], max(passing) if passing else None, threshold)


def record(session, qualification: Qualification) -> None:
    """Keep it in the vault (in the caller's transaction, beside its audit event)."""
    key = KEY_PREFIX + qualification.model_id
    row = session.get(SettingRow, key) or SettingRow(key=key)
    row.value = asdict(qualification)
    session.add(row)


def last_qualification(vault: Vault, model_id: str, weights_sha256: str = "") -> Qualification | None:
    with vault.read() as session:
        row = session.get(SettingRow, KEY_PREFIX + model_id)
        stored = dict(row.value) if row is not None else None
    if stored is None or (weights_sha256 and stored.get("weights_sha256") not in ("", weights_sha256)):
        return None
    return Qualification(**stored)
