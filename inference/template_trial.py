"""The trial render at import: a model's chat templates rendered on a short conversation in a
child process with a hard address-space cap (Linux), killed past the time limit, before the model
is trusted (``app.models.folder_checks``). The bounds inside the render are ``template_guard``'s;
this module adds the process around it. Never imports torch or transformers."""

from __future__ import annotations

import contextlib
import multiprocessing
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inference.template_guard import TRIAL_LIMITS, Limits, TemplateLimitExceeded, _process, render_chat

TRIAL_GRACE_S = 1.0  # the parent kills the trial this long after the child's own deadline
TRIAL_STARTUP_S = 120.0  # a fresh interpreter on a busy machine; not part of the render's time
TRIAL_MEMORY_CAP = 1 << 30  # the trial child's address space on top of what it holds at start (Linux)

TRIAL_CONVERSATIONS: tuple[tuple[bool, tuple[dict[str, str], ...]], ...] = (
    (True, ({"role": "system", "content": "You answer questions about the documents of a case."},
            {"role": "user", "content": "Documents:\n[D1] Contract, page 1: dated 3 March 2021.\n\n"
                                        "Question: When was the contract signed?"})),
    (False, ({"role": "system", "content": "You answer questions about the documents of a case."},
             {"role": "user", "content": "When was the contract signed?"},
             {"role": "assistant", "content": "On 3 March 2021 [D1 p.1]."},
             {"role": "user", "content": "Who signed it?"})),
)  # (must render: what Casefile sends, system + user; a longer chat must at least stay in bounds)


@dataclass(frozen=True)
class TrialResult:
    refusal: str | None  # why the templates fail (one line), None when every trial rendered in bounds
    peak_memory: int | None = None  # the child's peak resident memory in bytes, where it could say
    rendered_chars: int = 0


def trial_render(templates: Mapping[str, str], special_tokens: Mapping[str, str], *,
                 limits: Limits = TRIAL_LIMITS, memory_cap: int = TRIAL_MEMORY_CAP) -> TrialResult:
    """Render each of ``templates`` (name: text) on ``TRIAL_CONVERSATIONS`` in a fresh child
    process (spawned, never forked) whose address space is capped at ``memory_cap`` over its start
    (Linux; elsewhere the memory sampling of ``limits`` still applies) and which is killed when it
    runs past ``limits.seconds``. Never raises for what the templates do."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_trial_child, args=(send, dict(templates), dict(special_tokens), limits,
                                                       memory_cap), daemon=True, name="chat-template-trial")
    child.start()
    send.close()
    try:
        if not receive.poll(TRIAL_STARTUP_S):
            return TrialResult("the trial render did not start")
        receive.recv()  # "ready": the interpreter is up; the render's time starts now
        if not receive.poll(limits.seconds + TRIAL_GRACE_S):
            return TrialResult(f"it ran longer than {limits.seconds:g} s (the trial render was stopped)")
        return TrialResult(*receive.recv())
    except (EOFError, OSError):
        child.join(5)
        return TrialResult(f"the trial render stopped abruptly (exit code {child.exitcode})")
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()


def _linux_cap_address_space(extra: int) -> None:
    if not sys.platform.startswith("linux"):  # macOS does not enforce RLIMIT_AS; Windows has none
        return
    import os
    import resource

    with open("/proc/self/statm", encoding="ascii") as statm:
        now = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit already in force: keep it
        resource.setrlimit(resource.RLIMIT_AS, (now + extra, now + extra))


def _peak_memory() -> int | None:
    """This process's peak resident memory since it started its program (Linux's ru_maxrss would
    also count the parent's pages the forked child held before exec)."""
    if sys.platform.startswith("linux"):
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), None)
        return int(peak) * 1024 if peak else None
    if sys.platform == "darwin":
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # bytes on macOS
    process = _process()
    info = process.memory_info() if process is not None else None
    return int(getattr(info, "peak_wset", 0) or getattr(info, "rss", 0)) or None


def _trial_child(send: Any, templates: dict[str, str], special_tokens: dict[str, str], limits: Limits,
                 memory_cap: int) -> None:
    from inference.offline import harden_process

    harden_process()  # no core dump of whatever the template made
    _process()
    _linux_cap_address_space(memory_cap)
    send.send("ready")
    try:
        result = _trial(templates, special_tokens, limits, memory_cap)
    except BaseException as exc:  # noqa: BLE001 - whatever happened is the answer, never a traceback
        result = (f"the trial render failed ({type(exc).__name__})", None, 0)
    send.send(result)
    send.close()


def _trial(templates: dict[str, str], special_tokens: dict[str, str], limits: Limits,
           memory_cap: int) -> tuple[str | None, int | None, int]:
    rendered = 0
    for name, template in templates.items():
        for must_render, conversation in TRIAL_CONVERSATIONS:
            try:
                rendered += len(render_chat(template, conversation, special_tokens=special_tokens,
                                            limits=limits))
            except TemplateLimitExceeded as exc:
                return f"{name}: {exc}", _peak_memory(), rendered
            except MemoryError:
                return (f"{name}: it needed more than {memory_cap >> 20:,} MiB of memory", _peak_memory(),
                        rendered)
            except RecursionError:
                return f"{name}: it nests or recurses too deeply", _peak_memory(), rendered
            except Exception as exc:  # noqa: BLE001 - what the template raised is the reason to report
                if must_render:
                    reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                    return f"{name}: it fails on a plain question ({reason})", _peak_memory(), rendered
    return None, _peak_memory(), rendered
