"""A model's last qualification, kept in the vault: how long a case it read well enough.

After a run that was not cancelled, each length's accuracy is kept; the longest length (in the
tokens its questions were asked over) whose questions scored at least the site's threshold
(``Preferences.qualifying_accuracy``, 80% unless the site sets another) on average is the length
the model is qualified for, worked out when read, so a changed threshold applies at once. The
window reads it: a case longer than that is flagged before the question is asked; Settings shows
it. Kept per model id and weights hash (a different file under the same name is not qualified).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from app.settings import preferences
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
    qualified_tokens: int | None  # None: no length reached the threshold
    threshold: float = QUALIFYING_ACCURACY
    lengths: tuple[tuple[int, float], ...] = ()  # (tokens, accuracy) of each length the run measured

    def at(self, threshold: float) -> Qualification:
        """The same run judged against ``threshold``."""
        if not self.lengths:  # kept before lengths were: only its own threshold's answer is known
            return self
        passing = [tokens for tokens, accuracy in self.lengths if accuracy >= threshold]
        return replace(self, threshold=threshold, qualified_tokens=max(passing) if passing else None)

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
    lengths = tuple(sorted((max(r.tokens for r in results),
                            sum(r.score.accuracy for r in results) / len(results))
                           for results in by_length.values()))
    return Qualification(report.model_id, report.weights_sha256, report.size, report.started,
                         report.headline()["accuracy"], None, threshold, lengths).at(threshold)


def record(session, qualification: Qualification) -> None:
    """Keep it in the vault (in the caller's transaction, beside its audit event)."""
    key = KEY_PREFIX + qualification.model_id
    row = session.get(SettingRow, key) or SettingRow(key=key)
    row.value = asdict(qualification)
    session.add(row)


def last_qualification(vault: Vault, model_id: str, weights_sha256: str = "") -> Qualification | None:
    """The model's last qualification, judged against the site's threshold as it is now."""
    with vault.read() as session:
        row = session.get(SettingRow, KEY_PREFIX + model_id)
        stored = dict(row.value) if row is not None else None
    if stored is None or (weights_sha256 and stored.get("weights_sha256") not in ("", weights_sha256)):
        return None
    stored["lengths"] = tuple(tuple(pair) for pair in stored.get("lengths", ()))
    return Qualification(**stored).at(preferences(vault).qualifying_accuracy)
