"""The audit wing: reading the log for the window (``log``), the signed export (``export``) and
its PDF report (``report``). The chain itself lives in ``storage/audit.py``."""
