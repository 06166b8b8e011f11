"""The keyring slot against a real Secret Service (GNOME Keyring in a private D-Bus session)."""

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (packaging/apt-packages-test.txt)",
)

SCRIPT = """
import json, sys
from pathlib import Path
from app.errors import WrongPassphrase
from storage import vault_keys
from storage.keyslots import KEYRING
from storage.os_keyring import name, usable_backend
from storage.vault import Vault
home = Path(sys.argv[1])
vault, _ = Vault.create(home, "keyring-test-passphrase")
slots = sorted(vault.keyfile.slots)
vault.lock()
opened = Vault.unlock(home)  # no passphrase: the keyring slot
unlocked_by_keyring = not opened.locked
vault_keys.set_keyring(opened, False)
opened.lock()
try:
    Vault.unlock(home)
    still_opens = True
except Exception as exc:
    still_opens = type(exc).__name__
print(json.dumps({"backend": name(usable_backend()), "slots": slots,
                  "unlocked_by_keyring": unlocked_by_keyring, "after_off": still_opens}))
"""


def test_a_real_keyring_unlocks_without_the_passphrase(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # a private keyring, never the user's own
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    shell = ('printf keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1;'
             f' exec "{sys.executable}" -c "$0" "$1"')
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell, SCRIPT, str(tmp_path / "home")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["backend"] == "keyring.backends.SecretService.Keyring"
    assert report["slots"] == ["keyring", "passphrase", "recovery"]
    assert report["unlocked_by_keyring"] is True
    assert report["after_off"] == "PassphraseRequired"
