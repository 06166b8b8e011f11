"""Casefile: the desktop app by default, headless subcommands otherwise.

    python main.py                                  # the desktop app
    python main.py ingest --case NAME PATH...       # add files or folders to a case
    python main.py ask --case NAME "question"       # a cited answer from the whole case
    python main.py plan --case NAME                 # tokens, pages, memory
    python main.py audit verify                     # check the audit chain
    python main.py models list | models prepare     # the model store
"""

from __future__ import annotations

import logging
import sys


def main(argv: list[str] | None = None) -> int:
    # The frozen app is its own helper: a reading-pool child, or `--run-module inference.worker`.
    import multiprocessing

    multiprocessing.freeze_support()
    from app.frozen import run_helper_module

    helper = run_helper_module(sys.argv[1:] if argv is None else argv)
    if helper is not None:
        return helper

    # Offline switches first: the libraries read them at import time.
    from app.config import data_home
    from inference.offline import apply_offline_env, guard_network, harden_process

    apply_offline_env(data_home())
    harden_process()
    guard_network()

    from app.cli import build_parser, run

    args = build_parser().parse_args(argv)
    from app.safe_text import SafeLogFormatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeLogFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, handlers=[handler])
    if args.command is None:
        from ui.launch import run_gui

        return run_gui()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
