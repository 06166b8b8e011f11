"""Review sets through the real command line: saved from a search or by hand, read by `plan`,
`ask` (the embedded model, short) with --review-set, named in the answer's reading mode, and
audited by id and counts, never by their name or search."""

from __future__ import annotations

import json

from storage.audit import iter_events
from tests.conftest import run_cli


def test_a_set_from_a_search_is_what_plan_and_ask_read(vault, tmp_path, embedded_model):
    folder = tmp_path / "chart"
    folder.mkdir()
    (folder / "a-visit.txt").write_text("The patient takes lisinopril 10 mg daily.")
    (folder / "b-invoice.txt").write_text("The invoice for the shipment was disputed.")
    (folder / "c-letter.txt").write_text("Lisinopril was stopped in March.")
    assert run_cli("ingest", "--case", "Chart", str(folder)).returncode == 0

    saved = run_cli("sets", "save", "--case", "Chart", "Zq7 Meds", "--query", "lisinopril", "--json")
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["documents"] == ["D1", "D3"]
    by_hand = run_cli("sets", "save", "--case", "Chart", "Invoices", "--documents", "D2")
    assert by_hand.returncode == 0 and "1 document (chosen by hand)" in by_hand.stdout
    listed = json.loads(run_cli("sets", "list", "--case", "Chart", "--json").stdout)
    assert [s["name"] for s in listed] == ["Invoices", "Zq7 Meds"]

    plan = json.loads(run_cli("plan", "--case", "Chart", "--review-set", "zq7 meds", "--json").stdout)
    assert plan["review_set"] == "Zq7 Meds" and plan["left_out"] == ["D2"]
    assert [d["short_id"] for d in plan["documents"]] == ["D1", "D3"]

    asked = run_cli("ask", "--case", "Chart", "What dose of lisinopril?", "--review-set", "Zq7 Meds",
                    "--max-tokens", "8", "--json")
    assert asked.returncode == 0, asked.stderr
    mode = json.loads(asked.stdout)["mode"]
    assert mode["review_set"] == "Zq7 Meds" and mode["left_out"] == ["D2"]
    assert mode["label"] == "answered over the review set “Zq7 Meds”: 2 of 3 documents"

    missing = run_cli("ask", "--case", "Chart", "Anything?", "--review-set", "Nope")
    assert missing.returncode == 2
    assert missing.stderr.strip() == ("casefile: No review set “Nope” in this case (it has: Invoices, "
                                      "Zq7 Meds).")
    assert run_cli("sets", "delete", "--case", "Chart", "Invoices").returncode == 0
    assert [s["name"] for s in json.loads(run_cli("sets", "list", "--case", "Chart", "--json").stdout)] \
        == ["Zq7 Meds"]

    with vault.read() as session:
        events = list(iter_events(session))
    actions = [e["action"] for e in events]
    assert actions.count("review_set.save") == 2 and actions.count("review_set.delete") == 1
    logged = json.dumps(events, ensure_ascii=False)
    assert "Zq7" not in logged and "lisinopril" not in logged  # names and searches are the user's words
