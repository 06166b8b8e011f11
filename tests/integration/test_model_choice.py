"""Choosing the model a case runs on, and the site's signed model manifests, through the real CLI:
an imported model becomes the default (audited) or is picked with --model; once the site sets its
key, only folders whose SHA256SUMS that key signed are imported."""

import json

import pytest

from app.errors import ModelNotReady
from app.models.choice import chosen_model, default_model_id, set_default_model
from app.models.importing import ModelRefused, check_folder, import_model
from app.models.signing import sign_model_folder
from app.settings import set_site_key
from app.signing import generate_key
from storage.audit import iter_events
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def store(tmp_path, monkeypatch):
    store = tmp_path / "store"
    monkeypatch.setenv("CASEFILE_MODELS", str(store))
    return store


@pytest.fixture
def site_keys(tmp_path):
    keys = tmp_path / "keys"
    generate_key(keys / "site-key.pem", keys / "site-key.pub.pem")
    generate_key(keys / "other.pem", keys / "other.pub.pem")
    return keys


def test_an_imported_model_is_chosen_by_default_or_per_command(vault, model_folder, store, tmp_path):
    result = run_cli("models", "import", str(model_folder))
    assert result.returncode == 0, result.stderr
    with pytest.raises(ModelNotReady, match="no model “nope”.*tiny-qwen"):
        set_default_model(vault, "nope")
    assert default_model_id(vault) == "SmolLM2-135M-Instruct"

    result = run_cli("models", "default", "tiny-qwen")
    assert result.returncode == 0 and "now use tiny-qwen" in result.stdout, result.stderr
    assert default_model_id(vault) == "tiny-qwen" and chosen_model(vault).window == 65536
    with vault.read() as session:
        events = [e for e in iter_events(session) if e["action"] == "settings.default_model"]
    assert events[-1]["objects"]["model"] == "tiny-qwen"

    note = tmp_path / "note.txt"
    note.write_text("The delivery was due on 3 March 2025 at the Leeds depot.\n")
    assert run_cli("ingest", "--case", "Choice", str(note)).returncode == 0
    plan = json.loads(run_cli("plan", "--case", "Choice", "--json").stdout)
    assert plan["model"] == "tiny-qwen" and plan["window"] == 65536
    answer = run_cli("ask", "--case", "Choice", "--model", "tiny-qwen", "--max-tokens", "4", "--json",
                     "When was the delivery due?")
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["model"] == "tiny-qwen"
    missing = run_cli("plan", "--case", "Choice", "--model", "gone")
    assert missing.returncode != 0 and "There is no model “gone”" in missing.stderr


def test_the_site_key_admits_only_folders_it_signed(vault, model_folder, store, site_keys):
    set_site_key(vault, (site_keys / "site-key.pub.pem").read_bytes())
    with pytest.raises(ModelRefused, match="no signed SHA256SUMS"):
        import_model(vault, model_folder)

    sign_model_folder(model_folder, site_keys / "other.pem", check_folder(model_folder))
    with pytest.raises(ModelRefused, match="not a valid signature.*another key"):
        import_model(vault, model_folder)

    sign_model_folder(model_folder, site_keys / "site-key.pem", check_folder(model_folder))
    (model_folder / "added_tokens.json").write_text("{}")  # added after signing: not vouched for
    with pytest.raises(ModelRefused, match="does not list added_tokens.json"):
        import_model(vault, model_folder)
    assert not store.exists() or not any(store.iterdir())

    (model_folder / "added_tokens.json").unlink()
    signed = run_cli("models", "sign", str(model_folder), "--key", str(site_keys / "site-key.pem"))
    assert signed.returncode == 0, signed.stderr
    model = import_model(vault, model_folder)
    with vault.read() as session:
        (event,) = [e for e in iter_events(session) if e["action"] == "model.import"]
    assert event["objects"]["manifest"].startswith("signed by site key")
    assert model.model_id == "tiny-qwen"


def test_site_key_commands_set_show_and_clear_the_key(vault, site_keys, tmp_path):
    shown = run_cli("models", "site-key", str(site_keys / "site-key.pub.pem"))
    assert shown.returncode == 0 and "need a manifest signed by" in shown.stdout, shown.stderr
    assert "Site key (vault): " in run_cli("models", "site-key").stdout
    bad = tmp_path / "not-a-key.pem"
    bad.write_text("hello")
    refused = run_cli("models", "site-key", str(bad))
    assert refused.returncode != 0 and "not a PEM public key" in refused.stderr
    assert "no longer asks" in run_cli("models", "site-key", "--off").stdout
    again = run_cli("models", "keygen", str(site_keys))
    assert again.returncode != 0 and "exists already" in again.stderr
    missing = run_cli("models", "site-key", str(tmp_path / "nowhere.pem"))
    assert missing.returncode != 0 and "cannot be read" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_an_installation_key_in_the_store_binds_every_user(vault, model_folder, store, site_keys):
    from app.models.signing import ModelRefused as Refused

    import_model(vault, model_folder)  # unsigned: no key yet
    (store / "site-key.pub.pem").write_bytes((site_keys / "site-key.pub.pem").read_bytes())
    with pytest.raises(Refused, match="not imported with the site's signature.*set by the installation"):
        chosen_model(vault, "tiny-qwen")
    assert chosen_model(vault).model_id == "SmolLM2-135M-Instruct"  # the embedded model came with the install
    off = run_cli("models", "site-key", "--off")
    assert "installation's key still applies" in off.stdout, off.stderr
