"""Chat templates rendered within bounds of time, size and memory.

A model's chat template is code from its vendor: Jinja, run (as transformers runs it) in jinja2's
immutable sandbox. The sandbox keeps it from reaching Python; it does not keep it from running for
ever (``{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}``) or
from filling memory (``{{ 'x' * 10**10 }}``). Here it renders in ``ChatTemplateEnvironment``:
transformers' environment (the same globals and filters) with bounds:

- time: every loop step, call, operator and piece of output checks a deadline (``Limits.seconds``);
- size: an operation that would build a string or list over ``Limits.max_chars`` is refused before
  it runs (``*``, ``+``, ``~``, ``%`` and ``format`` widths, ``join``, ``replace``, ``indent``,
  ``center``, ...), and so is an output over it or an integer over ``MAX_INT_BITS`` bits;
- memory: the process's resident memory is sampled while it renders (every ``MEMORY_CHECK_S``)
  and the render stops past ``Limits.max_memory`` of growth.

Two callers. The import check (``app.models``) runs ``template_trial.trial_render`` before a model
is trusted: a short conversation rendered in a child process that also has a hard address-space
cap (Linux) and is killed past the time limit. The worker (``inference.engine``) renders every
prompt with ``render_chat`` in-process, with limits scaled to the conversation. Both raise or
report ``TemplateLimitExceeded`` with a one-line reason. Imports jinja2 (psutil and
``inference.offline`` lazily), never torch or transformers: the app process may import this
module.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import TemplateError
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

MAX_INT_BITS = 1 << 16  # 19,729 decimal digits: far past any count a template needs
MEMORY_CHECK_S = 0.02


class TemplateLimitExceeded(Exception):
    """The chat template ran past one of its bounds; the message says which, in one line."""


@dataclass(frozen=True)
class Limits:
    seconds: float = 5.0
    max_chars: int = 1 << 20  # any one string or list the template builds, and the rendered prompt
    max_memory: int = 256 << 20  # growth of the process's resident memory while rendering


TRIAL_LIMITS = Limits()  # a short conversation's: the trial at import, and the default


def ask_limits(messages: Sequence[Mapping[str, Any]]) -> Limits:
    """The worker's bounds for one prompt: room for the whole case several times over."""
    size = sum(len(str(m.get("content") or "")) for m in messages)
    return Limits(seconds=10.0, max_chars=(8 << 20) + 4 * size, max_memory=(512 << 20) + 16 * size)


# ----- the budget of the render in progress --------------------------------------------------

class _Budget:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.base_memory = _resident_memory()
        self.next_memory_check = 0.0

    def tick(self) -> None:
        now = time.monotonic()
        if now > self.deadline:
            raise TemplateLimitExceeded(f"it ran longer than {self.limits.seconds:g} s")
        if now >= self.next_memory_check and self.base_memory is not None:
            self.next_memory_check = now + MEMORY_CHECK_S
            grown = (_resident_memory() or 0) - self.base_memory
            if grown > self.limits.max_memory:
                raise TemplateLimitExceeded(f"it took more than {self.limits.max_memory >> 20:,} MiB of "
                                            "memory")


_state = threading.local()


def _budget() -> _Budget | None:
    return getattr(_state, "budget", None)


@contextmanager
def bounded(limits: Limits) -> Iterator[None]:
    """Renders in this thread, inside the block, run under ``limits``."""
    outer = _budget()
    _state.budget = _Budget(limits)
    try:
        yield
    finally:
        _state.budget = outer


@functools.cache
def _process():
    try:
        import psutil
    except ImportError:  # pragma: no cover - a dependency; without it only memory sampling is lost
        return None
    return psutil.Process()


def _resident_memory() -> int | None:
    process = _process()
    return int(process.memory_info().rss) if process is not None else None


# ----- the size rules ------------------------------------------------------------------------

_SIZED = (str, bytes, list, tuple, dict, set, frozenset)
_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _limits(environment: Any) -> Limits:
    budget = _budget()
    return budget.limits if budget is not None else getattr(environment, "limits", TRIAL_LIMITS)


def _tick() -> None:
    if (budget := _budget()) is not None:
        budget.tick()


def _too_big(size: int, limits: Limits, what: str) -> None:
    if size > limits.max_chars:
        raise TemplateLimitExceeded(f"it would build {what} of {size:,} characters or items, over the "
                                    f"{limits.max_chars:,} allowed")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_counts(limits: Limits, args: Iterable[Any]) -> None:
    """A width or count argument over the size limit would build something over it."""
    for value in args:
        if _is_int(value) and value > limits.max_chars:
            raise TemplateLimitExceeded(f"it asks for a width or count of {value:,}, over the "
                                        f"{limits.max_chars:,} allowed")


def _check_digits(limits: Limits, digits: Iterable[str | None]) -> None:
    ceiling = len(str(limits.max_chars))
    for run in digits:
        if run and run.isdigit() and (len(run) > ceiling or int(run) > limits.max_chars):
            raise TemplateLimitExceeded(f"a format asks for a width of {run[:20]}, over the "
                                        f"{limits.max_chars:,} allowed")


def _check_percent(limits: Limits, fmt: str, values: Any) -> None:
    specs = _PERCENT_SPEC.findall(fmt)
    _check_digits(limits, (d for spec in specs for d in spec))
    if any("*" in spec for spec in specs):  # "%*s" % (width, text): the width comes from the values
        _check_counts(limits, values if isinstance(values, tuple) else (values,))


def _check_result(limits: Limits, result: Any) -> Any:
    if isinstance(result, _SIZED):
        _too_big(len(result), limits, "a value")
    elif _is_int(result) and result.bit_length() > MAX_INT_BITS:
        raise TemplateLimitExceeded(f"it built a number over {MAX_INT_BITS:,} bits")
    return result


def _count(text: str, old: str, count: Any) -> int:
    found = text.count(old) if old else len(text) + 1
    return min(found, count) if _is_int(count) and count >= 0 else found


def _replace_size(text: Any, old: Any, new: Any, count: Any = None) -> int:
    if not all(isinstance(v, str) for v in (text, old, new)):
        return 0
    return len(text) + _count(text, old, count) * max(0, len(new) - len(old))


def _join_size(separator: Any, items: list[Any]) -> int:
    parts = sum(len(v) if isinstance(v, _SIZED) else 24 for v in items)
    return parts + len(separator if isinstance(separator, str) else "") * max(0, len(items) - 1)


def _check_method(limits: Limits, owner: str, name: str, args: tuple, kwargs: dict) -> tuple:
    """str methods whose output can outgrow their input and arguments; returns the args to use."""
    if name == "replace" and len(args) >= 2:
        _too_big(_replace_size(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count")),
                 limits, "a string")
    elif name == "join" and args:
        items = list(args[0])
        _too_big(_join_size(owner, items), limits, "a string")
        return (items, *args[1:])
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if _is_int(size):
            _too_big(len(owner) + owner.count("\t") * size, limits, "a string")
    return args


# ----- the environment ----------------------------------------------------------------------

def _raise_exception(message: Any) -> None:
    raise TemplateError(message)


def _tojson(x: Any, ensure_ascii: bool = False, indent: Any = None, separators: Any = None,
            sort_keys: bool = False) -> str:
    if (_is_int(indent) and indent > 64) or (isinstance(indent, str) and len(indent) > 64):
        raise TemplateLimitExceeded("it asks tojson for an indent over 64")
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def _strftime_now(format: str) -> str:
    return datetime.now().strftime(format)


class _TemplateDict:  # transformers': dict() without attribute access to the type
    def __call__(self, *args: Any, **kwargs: Any) -> dict:
        return dict(*args, **kwargs)

    def fromkeys(self, *args: Any, **kwargs: Any) -> dict:
        return dict.fromkeys(*args, **kwargs)


class _TemplateNamespace(jinja2.utils.Namespace):  # transformers': no underscore attributes
    def __init__(*args: Any, **kwargs: Any) -> None:  # jinja2's own signature trick
        self, args = args[0], args[1:]
        attrs = dict(*args, **kwargs)
        for name in attrs:
            _TemplateNamespace._check_name(name)
        jinja2.utils.Namespace.__init__(self, attrs)

    def __setitem__(self, name: str, value: Any) -> None:
        _TemplateNamespace._check_name(name)
        jinja2.utils.Namespace.__setitem__(self, name, value)

    @staticmethod
    def _check_name(name: Any) -> None:
        if isinstance(name, str) and name.startswith("_"):
            raise jinja2.exceptions.SecurityError(f"a chat template cannot set {name!r} on a namespace")


class _GenerationTag(Extension):
    """``{% generation %}...{% endgeneration %}`` (transformers marks assistant text with it):
    its body, as transformers renders it when no mask is asked for."""

    tags = {"generation"}

    def parse(self, parser: Any) -> list[nodes.Node]:
        next(parser.stream)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


class _Guard(Extension):
    """What the rewritten template calls: every loop's items, every ``~``."""

    def iterate(self, iterable: Any) -> Iterator[Any]:
        budget = _budget()
        for item in iterable:
            if budget is not None:
                budget.tick()
            yield item

    def concat(self, values: list[Any]) -> str:
        parts = [str(v) for v in values]
        _too_big(sum(map(len, parts)), _limits(self.environment), "a string")
        return "".join(parts)


def _guarded(name: str) -> nodes.ExtensionAttribute:
    return nodes.ExtensionAttribute(_Guard.identifier, name)


class _Rewrite(NodeTransformer):
    """Loops iterate through ``_Guard.iterate``; ``a ~ b`` goes through ``_Guard.concat``."""

    def visit_For(self, node: nodes.For) -> nodes.For:  # noqa: N802 - jinja2's visitor naming
        node = self.generic_visit(node)
        node.iter = nodes.Call(_guarded("iterate"), [node.iter], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:  # noqa: N802
        node = self.generic_visit(node)
        return nodes.Call(_guarded("concat"), [nodes.List(node.nodes, lineno=node.lineno)], [], None, None,
                          lineno=node.lineno)


_COUNT_FILTERS = frozenset({"center", "indent", "batch", "wordwrap"})


def _pass_arg(func: Any) -> str | None:
    return getattr(getattr(func, "jinja_pass_arg", None), "name", None)


def _filter_checks(name: str, limits: Limits, args: list[Any], kwargs: dict) -> None:
    if not args:
        return
    value = args[0]
    if name in ("join", "sum") and not isinstance(value, (str, Mapping)):
        args[0] = value = list(value)  # materialised once: a generator would be spent by the count
        if name == "join":
            _too_big(_join_size(args[1] if len(args) > 1 else kwargs.get("d", ""), value), limits, "a string")
        else:
            start = args[2] if len(args) > 2 else kwargs.get("start", 0)
            if isinstance(start, _SIZED):
                _too_big(len(start) + sum(len(v) if isinstance(v, _SIZED) else 1 for v in value), limits,
                         "a list")
    elif name == "replace" and len(args) >= 3:
        _too_big(_replace_size(*args[:4]), limits, "a string")
    elif name == "indent" and isinstance(value, str):
        width = args[1] if len(args) > 1 else kwargs.get("width", 4)
        width = len(width) if isinstance(width, str) else width if _is_int(width) else 0
        _too_big(len(value) + (value.count("\n") + 1) * width, limits, "a string")
    elif name == "wordwrap" and isinstance(value, str):
        width = args[1] if len(args) > 1 else kwargs.get("width", 79)
        wrap = args[3] if len(args) > 3 else kwargs.get("wrapstring") or "\n"
        if _is_int(width) and isinstance(wrap, str):
            _too_big(len(value) + (len(value) // max(width, 1) + 1) * len(wrap), limits, "a string")
    elif name == "format" and isinstance(value, str):
        _check_percent(limits, value, tuple(args[1:]) or tuple(kwargs.values()))


def _guard_filter(name: str, func: Any) -> Any:
    """The filter, checked (counts, sizes, the deadline) and never folded at compile time (a
    ``pass_context`` filter is always called at render time, under the render's budget)."""
    passes = _pass_arg(func)

    @jinja2.pass_context
    def guarded(context: Any, *args: Any, **kwargs: Any) -> Any:
        limits = _limits(context.environment)
        _tick()
        if name in _COUNT_FILTERS:  # their numbers are widths and counts of what they build
            _check_counts(limits, (*args[1:], *kwargs.values()))
        values = list(args)
        _filter_checks(name, limits, values, kwargs)
        if passes == "context":
            result = func(context, *values, **kwargs)
        elif passes == "eval_context":
            result = func(context.eval_ctx, *values, **kwargs)
        elif passes == "environment":
            result = func(context.environment, *values, **kwargs)
        else:
            result = func(*values, **kwargs)
        return _check_result(limits, result)

    guarded.__name__ = guarded.__qualname__ = f"guarded_{name}"
    return guarded


class ChatTemplateEnvironment(ImmutableSandboxedEnvironment):
    """transformers' chat-template environment (``chat_template_utils._compile_jinja_template``:
    trim_blocks, lstrip_blocks, loop controls, ``{% generation %}``, ``tojson``, ``raise_exception``,
    ``strftime_now``, ``dict``, ``namespace``), bounded as this module describes."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: Limits = TRIAL_LIMITS) -> None:
        super().__init__(trim_blocks=True, lstrip_blocks=True,
                         extensions=[_GenerationTag, loopcontrols, _Guard])
        self.limits = limits  # used when a render starts without ``bounded``
        self.globals.pop("lipsum", None)  # lorem ipsum of any length: no chat template needs it
        self.globals.update(raise_exception=_raise_exception, strftime_now=_strftime_now,
                            dict=_TemplateDict(), namespace=_TemplateNamespace)
        self.filters["tojson"] = _tojson
        self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Rewrite().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    def concat(self, pieces: Iterable[str]) -> str:  # type: ignore[override]
        """Every render's output is joined here (jinja2's ``Template.render``, macros, blocks):
        the top-level join runs the whole render, so it holds the render's budget."""
        if _budget() is None:
            with bounded(self.limits):
                return self._join(pieces)
        return self._join(pieces)

    def _join(self, pieces: Iterable[str]) -> str:
        budget, parts, total = _budget(), [], 0
        assert budget is not None
        for piece in pieces:
            budget.tick()
            total += len(piece)
            _too_big(total, budget.limits, "an output")
            parts.append(piece)
        return "".join(parts)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        limits = _limits(self)
        _tick()
        target = getattr(obj, "__wrapped__", obj)
        owner = getattr(target, "__self__", None)
        if isinstance(owner, str):  # "x".ljust(10**9), "x".zfill(...): their numbers are widths
            _check_counts(limits, (*args, *kwargs.values()))
            args = _check_method(limits, owner, getattr(target, "__name__", ""), args, kwargs)
        return _check_result(limits, super().call(context, obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        limits = _limits(self)
        _tick()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, _SIZED) and _is_int(times):
                    _too_big(len(seq) * max(times, 0), limits, "a repeated value")
            if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise TemplateLimitExceeded(f"it would build a number over {MAX_INT_BITS:,} bits")
        elif operator == "+" and isinstance(left, _SIZED) and isinstance(right, _SIZED):
            _too_big(len(left) + len(right), limits, "a value")
        elif operator == "**" and _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
            if (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
                raise TemplateLimitExceeded(f"it would build a number over {MAX_INT_BITS:,} bits")
        elif operator == "%" and isinstance(left, str):
            _check_percent(limits, left, right)
        return _check_result(limits, super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:  # "{:>999999999}".format(...): the width is in the string itself
            _check_digits(_limits(self), re.findall(r"\d+", " ".join(_FORMAT_FIELD.findall(value.__self__))))
        return wrapped


@functools.cache
def _environment() -> ChatTemplateEnvironment:
    return ChatTemplateEnvironment()


@functools.lru_cache(maxsize=8)
def _compiled(template: str) -> jinja2.Template:
    return _environment().from_string(template)


def render_chat(template: str, messages: Sequence[Mapping[str, Any]], *,
                special_tokens: Mapping[str, str] | None = None, add_generation_prompt: bool = True,
                limits: Limits = TRIAL_LIMITS) -> str:
    """The prompt ``template`` makes of ``messages``, as transformers' ``apply_chat_template(...,
    tokenize=False)`` renders it (special tokens as variables, no tools, no documents), within
    ``limits``: raises ``TemplateLimitExceeded`` past them, jinja2's ``TemplateError`` for a
    template that fails."""
    compiled = _compiled(template)
    with bounded(limits):
        return compiled.render(messages=[dict(m) for m in messages], tools=None, documents=None,
                               add_generation_prompt=add_generation_prompt, **dict(special_tokens or {}))
