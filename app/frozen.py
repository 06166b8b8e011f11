"""Starting Casefile's helper processes the same way whether it runs from source or frozen.

From source, a helper is ``python -m inference.worker``. In the frozen app (PyInstaller, see
``packaging/FROZEN.md``) ``sys.executable`` is the Casefile program itself, which has no ``-m``:
the helper is then ``Casefile --run-module inference.worker``, and ``main.py`` hands that to
``run_helper_module`` before it does anything else. Only the helpers named here can be run so.
``inference.client.worker_command`` follows the same rule for the worker (inference may not
import this module).

No Qt, no torch: imported by ``main.py`` and ``inference.client`` before anything heavy.
"""

from __future__ import annotations

import sys

from inference.helper_program import frozen_program

RUN_MODULE_FLAG = "--run-module"
HELPER_MODULES = ("inference.worker", "inference.convert")


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def python_command(module: str, python: str | None = None) -> list[str]:
    """The command line that runs ``module`` as a fresh process (arguments go after it).

    ``python`` names another interpreter to use (always started with ``-m``)."""
    if module not in HELPER_MODULES:
        raise ValueError(f"not a Casefile helper module: {module}")
    if python is None and is_frozen():
        return [frozen_program(), RUN_MODULE_FLAG, module]
    return [python or sys.executable, "-m", module]


def run_helper_module(argv: list[str]) -> int | None:
    """Run ``--run-module NAME ARGS...`` as ``python -m NAME ARGS...`` would; None for any other
    command line. A helper that calls ``sys.exit`` exits the process from here."""
    if argv[:1] != [RUN_MODULE_FLAG]:
        return None
    if len(argv) < 2 or argv[1] not in HELPER_MODULES:
        print(f"casefile: {RUN_MODULE_FLAG} takes one of: {', '.join(HELPER_MODULES)}", file=sys.stderr)
        return 2
    import runpy

    module, rest = argv[1], argv[2:]
    sys.argv = [sys.argv[0], *rest]  # runpy replaces argv[0] with the module's path, as -m does
    runpy.run_module(module, run_name="__main__", alter_sys=True)
    return 0
