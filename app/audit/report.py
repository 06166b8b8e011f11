"""The readable audit report (PDF), rendered with PyMuPDF's Story (HTML + CSS, paginated)."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from app.pdf_story import write_pdf
from storage.audit import ChainCheck

CSS = """
body { font-family: sans-serif; font-size: 8pt; }
h1 { font-size: 15pt; margin-bottom: 4pt; }
h2 { font-size: 11pt; margin-top: 10pt; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; border-bottom: 1px solid #444; }
td { border-bottom: 1px solid #ccc; vertical-align: top; padding: 1pt 4pt 1pt 0; }
th { padding-right: 4pt; }
.bad { color: #a00000; font-weight: bold; }
.ok { color: #006000; font-weight: bold; }
"""


def _objects(objects: dict) -> str:
    text = ", ".join(f"{k}={v}" for k, v in sorted(objects.items()))
    return text if len(text) <= 90 else text[:87] + "..."


def _case_label(case_id: int | None, case_names: dict[int, str]) -> str:
    if case_id is None:
        return ""
    return case_names.get(case_id, f"#{case_id} (deleted)")


def _html(events: list[dict], *, check: ChainCheck, case_names: dict[int, str], fingerprint: str,
          vault_id: str, exported_at: str, exported_by: str) -> str:
    esc = html.escape
    period = f"{events[0]['ts']} to {events[-1]['ts']}" if events else "no events"
    if check.ok:
        verdict = f'<span class="ok">Chain verified</span>: {check.events} events, every hash, link and HMAC.'
    else:
        verdict = (f'<span class="bad">Chain BROKEN at event {check.first_broken_seq}</span>: '
                   f'{esc(check.reason)}.')
    users = Counter(e["os_user"] for e in events)
    cases = Counter(e["case_id"] for e in events if e["case_id"] is not None)
    case_summary = ", ".join(f"{_case_label(c, case_names)} ({n})" for c, n in cases.most_common())
    rows = "".join(
        f"<tr><td>{e['seq']}</td><td>{esc(e['ts'][:19].replace('T', ' '))}</td><td>{esc(e['os_user'])}</td>"
        f"<td>{esc(e['action'])}</td><td>{esc(e['outcome'])}</td>"
        f"<td>{esc(_case_label(e['case_id'], case_names))}</td>"
        f"<td>{esc(_objects(e['objects']))}</td></tr>"
        for e in events
    )
    return f"""
<h1>Casefile audit report</h1>
<p>Vault {esc(vault_id)} &middot; exported {esc(exported_at)} by {esc(exported_by)}<br/>
Period: {esc(period)} &middot; {len(events)} events</p>
<p>{verdict}</p>
<p>Signed with Ed25519 key fingerprint (sha256):<br/><b>{esc(fingerprint)}</b><br/>
Check this export with <i>python export_verifier.py FOLDER --fingerprint {esc(fingerprint[:16])}...</i></p>
<h2>Users</h2><p>{esc(', '.join(f'{u} ({n})' for u, n in users.most_common()))}</p>
<h2>Cases</h2><p>{esc(case_summary) or 'none'}</p>
<h2>Events</h2>
<table><tr><th>Seq</th><th>Time (UTC)</th><th>User</th><th>Action</th><th>Outcome</th><th>Case</th>
<th>Objects (ids and hashes)</th></tr>{rows}</table>
"""


def render_report(path: Path, events: list[dict], **facts) -> None:
    write_pdf(path, _html(events, **facts), CSS)
