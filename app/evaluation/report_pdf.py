"""The qualification report as a PDF a committee reads: the model and how it was run, the headline
scores, each family, accuracy by length and depth (the grid long-context studies plot as a
heatmap), and every question with the answer given and how it was scored."""

from __future__ import annotations

from pathlib import Path

from app.evaluation.run import EvalReport
from app.exports.render import write_pdf_report
from app.exports.report import Report, Section, Table

LEGEND = ("Scores are mechanical, against gold written with the suite: accuracy is the share of the "
          "gold values an answer names (numbers compared as numbers); a question the documents do not "
          "answer scores only if the answer says so and offers no value. Citation precision is the "
          "share of cited pages that hold the support, recall the share of gold pages cited. Quotes are "
          "checked as in every answer: verified only when the words are on the page.")


def _shown(value) -> str:
    return "—" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def grid(report: EvalReport) -> Table:
    """Accuracy by padding (rows) and depth (columns), each cell the mean over its questions."""
    paddings = sorted({r.padding_words for r in report.results})
    depths = sorted({r.depth for r in report.results})
    rows, shades = [], []
    for padding in paddings:
        cells, colours = [], [""]
        for depth in depths:
            scores = [r.score.accuracy for r in report.results
                      if r.padding_words == padding and r.depth == depth]
            mean = sum(scores) / len(scores) if scores else None
            cells.append(_shown(mean))
            colours.append("" if mean is None else f"heat{min(4, int(mean * 5))}")  # red 0 .. green 1
        rows.append([f"{padding:,} words of padding", *cells])
        shades.append(colours)
    return Table(["Length", *(f"depth {d:.0%}" for d in depths)], rows, [""] * len(rows), shades)


def report_pdf(report: EvalReport, path: Path, *, backend: str, fingerprint: str) -> None:
    headline = report.headline()
    figures = Table(["Measure", "Value"], [[name.replace("_", " "), _shown(value)]
                                            for name, value in headline.items()], [""] * len(headline))
    families = report.families()
    by_family = Table(["Family", "Questions", "Accuracy", "Citation precision", "Citation recall"],
                      [[name, str(f["items"]), _shown(f["accuracy"]), _shown(f["citation_precision"]),
                        _shown(f["citation_recall"])] for name, f in families.items()], [""] * len(families))
    items = Table(["Family", "Set", "Question", "Answer", "Accuracy"],
                  [[r.family, r.set_label, r.question, (r.answer[:300] or "(none)") +
                    (f" — {'; '.join(r.score.notes)}" if r.score.notes else ""), _shown(r.score.accuracy)]
                   for r in report.results], [""] * len(report.results))
    pdf = Report(
        title=f"Model qualification: {report.model_id}",
        facts=[("Model", report.model_id), ("Weights", report.weights_sha256 or "—"),
               ("Backend", backend or "—"),
               ("Suite", f"{report.size}, {len(report.results)} questions"), ("Run", report.started),
               ("Wall time", f"{report.seconds:.0f} s" + (" (cancelled)" if report.cancelled else "")),
               ("Signed by", fingerprint)],
        sections=[Section("Headline", [], figures), Section("By family", [], by_family),
                  Section("Accuracy by length and depth", [], grid(report)),
                  Section("Every question", [], items)],
        legend=LEGEND)
    write_pdf_report(pdf, path)
