"""Commands on the vault and its records: audit, vault keys, models.

The modules only some commands need (audit export and its PDF report, model import and signing,
the remote client) are imported inside those commands: every command line starts faster, and
``ingest`` does not pay for the audit report's imports.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from app.cli.output import emit_json
from app.config import script_new_passphrase, script_passphrase, script_recovery_key
from app.errors import UserFacingError
from app.models import default_model_id, list_models, prepare_embedded, set_default_model
from app.safe_text import shown
from app.settings import (
    DEFAULT_REMOTE_WINDOW,
    RemoteBackend,
    check_remote_backend,
    remote_backend,
    set_remote_backend,
    set_site_key,
)
from app.unlock import RECOVERY_NOTICE, check_new_passphrase, open_vault, prompt_new_passphrase, unlock_vault
from storage import vault_keys
from storage.keyslots import KEYRING
from storage.os_keyring import name as keyring_name
from storage.os_keyring import usable_backend


def register(commands) -> None:
    audit = commands.add_parser("audit", help="the audit log: verify, export, signing key")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the vault's audit chain, or an export")
    verify.add_argument("--export", type=Path, metavar="DIR", help="check an exported folder instead")
    verify.add_argument("--fingerprint", help="with --export: the signing key fingerprint you expect")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_audit_verify)
    export = actions.add_parser("export", help="write a signed export and PDF report")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.set_defaults(handler=cmd_audit_export)
    _action(actions, "key", "the fingerprint of the export signing key", cmd_audit_key)

    vault = commands.add_parser("vault", help="how the vault is unlocked")
    actions = vault.add_subparsers(dest="vault_command", metavar="ACTION", required=True)
    _action(actions, "status", "the vault's key slots", cmd_vault_status)
    _action(actions, "passphrase", "change the passphrase", cmd_vault_passphrase)
    _action(actions, "recover", "open with the recovery key and set a new passphrase", cmd_vault_recover)
    _action(actions, "rekey", "rotate the data key and every slot", cmd_vault_rekey)
    keyring = actions.add_parser("keyring", help="unlock with the OS keyring (on) or not (off)")
    keyring.add_argument("state", choices=("on", "off"))
    keyring.set_defaults(handler=cmd_vault_keyring)

    models = commands.add_parser("models", help="the model store")
    actions = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="models ready to use")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_models_list)
    _action(actions, "prepare", "convert the embedded model into the store (once)", cmd_models_prepare)
    remote = _action(actions, "remote", "answer with the site's OpenAI-compatible server (vLLM, SGLang)",
                     cmd_models_remote)
    remote.add_argument("url", nargs="?", help="e.g. http://gpu-server.internal:8000")
    remote.add_argument("model", nargs="?", help="the model name the server serves")
    remote.add_argument("--window", type=int, default=DEFAULT_REMOTE_WINDOW, help="its context window")
    remote.add_argument("--off", action="store_true", help="go back to the local model")
    default = _action(actions, "default", "the model questions and tasks use unless --model says otherwise",
                      cmd_models_default)
    default.add_argument("model", nargs="?", help="a model from `models list`; without it, show the default")
    keygen = _action(actions, "keygen", "make the site's model-signing key pair (on the admin's machine)",
                     cmd_models_keygen)
    keygen.add_argument("out", type=Path, help="folder for site-key.pem (private) and site-key.pub.pem")
    sign = _action(actions, "sign", "write and sign a model folder's SHA256SUMS with the site's key",
                   cmd_models_sign)
    sign.add_argument("folder", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="the site's private key (site-key.pem)")
    site = _action(actions, "site-key", "accept only models signed by this public key (or --off)",
                   cmd_models_site_key)
    site.add_argument("public_key", nargs="?", type=Path, help="site-key.pub.pem; without it, show the key")
    site.add_argument("--off", action="store_true", help="accept unsigned model folders again")
    imported = _action(actions, "import", "copy a model folder (from a USB drive) into the store, checked",
                       cmd_models_import)
    imported.add_argument("folder", type=Path)
    imported.add_argument("--id", help="the model's name in the store (default: the folder's name)")
    imported.add_argument("--json", action="store_true")

    selftest = commands.add_parser("selftest", help="check this installation: vault, OCR, model, network")
    selftest.add_argument("--json", action="store_true")
    selftest.set_defaults(handler=cmd_selftest)


def _action(actions, name: str, help_text: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=help_text)
    parser.set_defaults(handler=handler)
    return parser


# ----- audit ------------------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace) -> int:
    if args.export is not None:
        from storage.export_verifier import verify_export

        check = verify_export(args.export, args.fingerprint)
        what = f"Audit export {args.export}"
        if check.ok and not args.fingerprint and not args.json:
            print(f"Signed by key {check.fingerprint}: compare it with the fingerprint you recorded "
                  "(or pass --fingerprint).")
    else:
        check = open_vault().verify_audit()
        what = "Audit chain"
    if args.json:
        emit_json(check.__dict__)
    elif check.ok:
        print(f"{what} verified: {check.events} events intact.")
    else:
        where, before = "", ""
        if check.first_broken_seq is not None:  # otherwise the reason itself says what did check out
            where = f" at event {check.first_broken_seq}"
            before = (" (1 event before it checks out)" if check.events == 1
                      else f" ({check.events} events before it check out)")
        print(f"{what} BROKEN{where}: {shown(check.reason)}{before}.")
    return 0 if check.ok else 1


def cmd_audit_export(args: argparse.Namespace) -> int:
    from app.audit import export_audit

    result = export_audit(open_vault(), args.out)
    print(f"Exported {result.events} audit events to {result.folder}.")
    print(f"Signing key fingerprint: {result.fingerprint}")
    print(f"Check it anywhere with: python storage/export_verifier.py {result.folder} "
          f"--fingerprint {result.fingerprint}")
    return 0


def cmd_audit_key(args: argparse.Namespace) -> int:
    from app.audit import signer_fingerprint

    print(signer_fingerprint(open_vault()))
    return 0


# ----- vault keys -------------------------------------------------------------------------


def _new_passphrase() -> str:
    passphrase = script_new_passphrase() or prompt_new_passphrase()
    check_new_passphrase(passphrase)
    return passphrase


def _show_recovery_key(key: str) -> None:
    print(RECOVERY_NOTICE.format(key=key), file=sys.stderr)


def cmd_vault_status(args: argparse.Namespace) -> int:
    vault = open_vault()
    backend = usable_backend()
    print(f"Vault {vault.vault_id} in {vault.home}")
    print(f"Unlock slots: {', '.join(sorted(vault.keyfile.slots))}")
    print(f"OS keyring: {keyring_name(backend) if backend else 'none on this machine'}"
          f"{' (in use)' if KEYRING in vault.keyfile.slots else ''}")
    return 0


def cmd_vault_passphrase(args: argparse.Namespace) -> int:
    vault = open_vault()
    vault_keys.change_passphrase(vault, _new_passphrase())
    print("Passphrase changed. The recovery key still works.")
    return 0


def cmd_vault_recover(args: argparse.Namespace) -> int:
    recovery_key = script_recovery_key()
    if not recovery_key:
        if not sys.stdin.isatty():
            raise UserFacingError("Set CASEFILE_RECOVERY_KEY or run in a terminal to enter the recovery key.")
        recovery_key = getpass.getpass("Recovery key: ")
    vault = unlock_vault(recovery_key=recovery_key)
    vault_keys.change_passphrase(vault, _new_passphrase())
    print("Vault opened with the recovery key; the new passphrase is set.")
    return 0


def cmd_vault_rekey(args: argparse.Namespace) -> int:
    vault = open_vault()
    passphrase = script_passphrase()
    if not passphrase:
        passphrase = getpass.getpass("Current passphrase (to confirm): ")
    _show_recovery_key(vault_keys.rekey(vault, passphrase))
    print("The data key was rotated and every slot re-made. The old recovery key no longer works.")
    return 0


def cmd_vault_keyring(args: argparse.Namespace) -> int:
    vault_keys.set_keyring(open_vault(), args.state == "on")
    print(f"OS keyring unlock is {args.state}.")
    return 0


# ----- models -----------------------------------------------------------------------------


def cmd_models_prepare(args: argparse.Namespace) -> int:
    model = prepare_embedded()
    print(f"Ready: {shown(model.model_id)} in {shown(model.path)}")
    return 0


def cmd_models_default(args: argparse.Namespace) -> int:
    vault = open_vault()
    if not args.model:
        print(f"Default model: {shown(default_model_id(vault))}")
        return 0
    model = set_default_model(vault, args.model)
    print(f"Questions and tasks now use {shown(model.model_id)} "
          f"(weights sha256 {model.weights_sha256[:12]}…).")
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserFacingError(f"{path} cannot be read ({exc.strerror}).") from None


def cmd_models_keygen(args: argparse.Namespace) -> int:
    private, public = args.out / "site-key.pem", args.out / "site-key.pub.pem"
    if private.exists():
        raise UserFacingError(f"{private} exists already: a new key would make the models signed with it "
                              "unverifiable.")
    try:
        from app.signing import generate_key

        made = generate_key(private, public)
    except OSError as exc:
        raise UserFacingError(f"The key cannot be written to {args.out} ({exc.strerror}).") from None
    print(f"Key pair written: {private} (keep it offline, owner-only) and {public}.\nFingerprint: {made}")
    return 0


def cmd_models_sign(args: argparse.Namespace) -> int:
    from app.models import check_folder, sign_model_folder

    signature = sign_model_folder(args.folder, args.key, check_folder(args.folder))
    print(f"Signed: {signature.with_suffix('')} and {signature}. Copy the folder with both to the media.")
    return 0


def cmd_models_site_key(args: argparse.Namespace) -> int:
    from app.models import effective_site_key

    vault = open_vault()
    if args.off or args.public_key:
        key = set_site_key(vault, None if args.off else _read(args.public_key))
        print(f"Model imports now need a manifest signed by {key.fingerprint}." if key
              else "This vault no longer asks for a site signature on model imports.")
        installed, where = effective_site_key(vault)
        if where == "installation":
            print(f"The installation's key still applies to everyone: {installed.fingerprint}.")
        return 0
    key, where = effective_site_key(vault)
    print(f"Site key ({where}): {key.fingerprint}" if key
          else "Site key: none (model folders are checked, unsigned).")
    return 0


def cmd_models_remote(args: argparse.Namespace) -> int:
    vault = open_vault()
    if args.off:
        set_remote_backend(vault, None)
        print("Questions go to the local model again.")
        return 0
    if not args.url or not args.model:
        current = remote_backend(vault)
        print(f"Remote model: {shown(current.model)} at {shown(current.url)}" if current
              else "Remote model: off.")
        return 0
    backend = RemoteBackend(args.url, args.model, args.window)
    check_remote_backend(backend)  # reachable and serving it, or say why
    set_remote_backend(vault, backend)
    print(f"Questions now go to {shown(backend.model)} at {shown(backend.url)} (recorded with every answer).")
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from app.selftest import report_header, run_selftest

    checks = run_selftest()
    if args.json:
        emit_json({"header": report_header(), "ok": all(c.ok for c in checks),
                   "checks": [c.as_json() for c in checks]})
    else:
        print(report_header())
        for check in checks:
            verdict = "PASS" if check.ok else "FAIL"
            print(f"  {verdict}  {check.name:<26} {check.detail} ({check.seconds:.1f} s)")
        print("All checks passed." if all(c.ok for c in checks) else "Some checks FAILED: see above.")
    return 0 if all(c.ok for c in checks) else 1


def cmd_models_import(args: argparse.Namespace) -> int:
    from app.models import import_model

    def progress(p) -> None:
        if sys.stderr.isatty():
            eta = f", about {p.eta_s:.0f} s left" if p.eta_s else ""
            print(f"\rCopying {p.bytes_done / 2**20:,.0f} of {p.bytes_total / 2**20:,.0f} MiB{eta}\033[K",
                  end="", file=sys.stderr, flush=True)

    model = import_model(open_vault(), args.folder, model_id=args.id, on_progress=progress)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    if args.json:
        emit_json({"model": model.model_id, "path": str(model.path), "weights_sha256": model.weights_sha256,
                   "license": model.license, "size_bytes": model.size_bytes, "window": model.window})
    else:
        print(f"Imported {shown(model.model_id)}: {model.size_bytes / 2**20:,.0f} MiB, "
              f"window {model.window:,}, "
              f"licence {model.license}, weights sha256 {model.weights_sha256}")
    return 0


def cmd_models_list(args: argparse.Namespace) -> int:
    models = list_models()
    if args.json:
        emit_json([{"model": m.model_id, "path": str(m.path), "window": m.window,
                    "weights_sha256": m.weights_sha256, "license": m.license,
                    "size_bytes": m.size_bytes} for m in models])
        return 0
    if not models:
        print("No models ready. Run `python main.py models prepare` for the embedded model.")
    for m in models:
        print(f"{shown(m.model_id):<32} window {m.window:>9,}  {m.size_bytes / 2**20:>8,.0f} MiB  "
              f"{m.license:<12} {m.weights_sha256[:12]}")
    return 0
