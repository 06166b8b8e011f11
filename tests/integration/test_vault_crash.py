"""kill -9 during writes: the vault reopens intact, the chain verifies, audit rows match actions."""

import random
import signal
import subprocess
import sys

import pytest
from sqlalchemy import text

from storage.vault import Vault
from tests.conftest import ROOT, TEST_PASSPHRASE

pytestmark = pytest.mark.slow

ROUNDS = 6

WRITER = """
import itertools, sys
from pathlib import Path
from storage import repositories as repo
from storage.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), sys.argv[2])
print("ready", flush=True)
for i in itertools.count():
    with vault.write() as session:
        case = repo.create_case(session, f"case-{sys.argv[3]}-{i}")
        vault.audit(session, "case.create", case_id=case.id, objects={"n": i})
"""


def _check(home):
    vault = Vault.unlock(home, TEST_PASSPHRASE)
    with vault.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("PRAGMA cipher_integrity_check")).all() == []
        cases = session.execute(text("SELECT count(*) FROM cases")).scalar()
        created = session.execute(
            text("SELECT count(*) FROM audit_events WHERE action = 'case.create'")).scalar()
    check = vault.verify_audit()
    vault.lock()
    assert check.ok, check
    assert cases == created
    return cases


def test_kill_9_while_writing_never_corrupts_the_vault(casefile_home):
    vault, _ = Vault.create(casefile_home, TEST_PASSPHRASE)
    vault.lock()
    rng = random.Random(7)
    total = 0
    for round_no in range(ROUNDS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(casefile_home), TEST_PASSPHRASE,
                                   str(round_no)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        try:
            writer.wait(timeout=rng.uniform(0.3, 1.2))
        except subprocess.TimeoutExpired:
            writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert writer.returncode == -signal.SIGKILL
        cases = _check(casefile_home)
        assert cases > total  # the writer committed work each round
        total = cases
