"""The audit wing: reading the log for the window (``log``), the signed export (``export``) and
its PDF report (``report``). The chain itself lives in ``storage/audit.py``.

The window and the command line import the names below from ``app.audit`` only (its front door, kept by an
import-linter contract in pyproject.toml).
"""

from app.audit.export import export_audit, signer_fingerprint
from app.audit.log import AuditFilter, audit_page

__all__ = ["AuditFilter", "audit_page", "export_audit", "signer_fingerprint"]
