"""Casefile's translations, with Qt's own translation system (the widgets call ``self.tr``).

    python packaging/translations.py update   (re)extract ui/*.py into ui/i18n/casefile_XX.ts
    python packaging/translations.py build    compile every .ts into the .qm the app loads
    python packaging/translations.py check    placeholders kept, untranslated messages listed

The .ts files (XML, edited in Qt Linguist or by hand) are the sources and are kept in git; the
.qm files are built from them. ``update`` keeps existing translations and drops vanished ones,
and regenerates casefile_en_XA.ts, a pseudo-locale (accented, ~40% longer, in brackets) that
shows untranslated, concatenated or clipped text at a glance. Standard library only; the Qt
tools are found next to the running Python (the venv's bin/ or Scripts/), else on PATH.
"""

from __future__ import annotations

import ast
import math
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "ui" / "i18n"
LANGUAGES = ("de", "fr", "es")
PSEUDO = "en_XA"
PLACEHOLDER = re.compile(r"%L?\d+")
# Kept as they are in the pseudo-locale: %1 %n, {name}, markup, entities, accelerators, newlines.
PROTECTED = re.compile(r"%L?(?:\d+|n)|\{[^{}]*\}|<[^<>]+>|&(?:#?\w+;|&)?|\\n|\s")
ACCENTED = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ")


def ts_path(language: str) -> Path:
    return I18N / f"casefile_{language}.ts"


def tool(name: str) -> str:
    scripts = Path(sys.executable).parent  # not resolved: a venv's python may be a symlink
    for candidate in (scripts / name, scripts / f"{name}.exe", scripts / "Scripts" / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    if found := shutil.which(name):
        return found
    sys.exit(f"{name} was found neither next to {sys.executable} nor on PATH (pip install PySide6)")


def run(*command: str) -> None:
    print("+", " ".join(Path(command[0]).name if i == 0 else c for i, c in enumerate(command)))
    subprocess.run(command, cwd=ROOT, check=True)


def pseudo(text: str) -> str:
    """'Open case…' -> '[Öþéñ çåšé… ~]': accented, ~140% long; placeholders etc. kept."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    out, at = [], 0
    for match in PROTECTED.finditer(core):
        out += [core[at:match.start()].translate(ACCENTED), match.group()]
        at = match.end()
    out.append(core[at:].translate(ACCENTED))
    padding = "~" * max(1, math.ceil(len(core) * 1.4) - len(core) - 3)
    return f"{lead}[{''.join(out)} {padding}]{trail}"


def write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def messages(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def looped_markers(path: Path) -> list[tuple[str, str]]:
    """(context, text) of markers whose text is a loop variable over literal strings, which
    lupdate reads past (it takes literal arguments only), e.g.
    ``tuple(QT_TRANSLATE_NOOP("AuditView", c) for c in ("Seq", "User"))``; also
    ``QCoreApplication.translate("Ctx", c)`` and ``self.tr(c)`` (context: the enclosing class)."""
    found: list[tuple[str, str]] = []

    def bind(loops: dict[str, list[str]], target: ast.AST, values: ast.AST) -> dict[str, list[str]]:
        if isinstance(target, ast.Name) and isinstance(values, (ast.Tuple, ast.List, ast.Set)) and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in values.elts):
            return {**loops, target.id: [e.value for e in values.elts]}
        return loops

    def visit(node: ast.AST, classes: tuple[str, ...], loops: dict[str, list[str]]) -> None:
        if isinstance(node, ast.ClassDef):
            classes = (*classes, node.name)
        elif isinstance(node, ast.For):
            loops = bind(loops, node.target, node.iter)
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            for generator in node.generators:
                loops = bind(loops, generator.target, generator.iter)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            context, text = None, None
            if name in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "translate") and len(node.args) >= 2:
                if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    context, text = node.args[0].value, node.args[1]
            elif name == "tr" and node.args and classes:
                context, text = classes[-1], node.args[0]
            if context is not None and isinstance(text, ast.Name) and text.id in loops:
                found.extend((context, value) for value in loops[text.id])
        for child in ast.iter_child_nodes(node):
            visit(child, classes, loops)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)), (), {})
    return found


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    paths = sorted((ROOT / "ui").glob("*.py"))
    sources = [path.relative_to(ROOT).as_posix() for path in paths]
    targets = [ts_path(language).relative_to(ROOT).as_posix() for language in (*LANGUAGES, PSEUDO)]
    with tempfile.TemporaryDirectory() as scratch:
        markers = sorted({marker for path in paths for marker in looped_markers(path)})
        if markers:  # handed to lupdate as literal markers in a scratch file (no locations kept)
            extra = Path(scratch) / "looped_markers.py"
            extra.write_text("".join(f"QT_TRANSLATE_NOOP({context!r}, {text!r})\n"
                                     for context, text in markers), encoding="utf-8")
            sources.append(str(extra))
        run(tool("pyside6-lupdate"), *sources, "-source-language", "en", "-no-obsolete",
            "-locations", "none", "-ts", *targets)
    tree = ET.parse(ts_path(PSEUDO))
    for _context, message in messages(tree):
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        for form in forms:
            form.text = pseudo(message.findtext("source", ""))
    write(tree, ts_path(PSEUDO))
    print(f"pseudo-locale written: {ts_path(PSEUDO).relative_to(ROOT)}")


def build() -> None:
    for ts in sorted(I18N.glob("casefile_*.ts")):
        run(tool("pyside6-lrelease"), ts.relative_to(ROOT).as_posix(), "-qm",
            ts.with_suffix(".qm").relative_to(ROOT).as_posix())


def check() -> int:
    problems = 0
    for language in (*LANGUAGES, PSEUDO):
        path = ts_path(language)
        if not path.is_file():
            print(f"{path.relative_to(ROOT)}: missing (run update)")
            problems += 1
            continue
        total, untranslated = 0, []
        for context, message in messages(ET.parse(path)):
            total += 1
            source = message.findtext("source", "")
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                untranslated.append(f"{context}: {source!r}")
                continue
            for form in forms:
                want, got = sorted(PLACEHOLDER.findall(source)), sorted(PLACEHOLDER.findall(form))
                if want != got:
                    print(f"{language} {context}: {source!r} -> {form!r}: placeholders {want} != {got}")
                    problems += 1
                if "&" in source.replace("&&", "") and "&" not in form:
                    print(f"{language} {context}: {source!r} -> {form!r}: keyboard accelerator lost")
                    problems += 1
        print(f"{language}: {total} messages, {total - len(untranslated)} translated, "
              f"{len(untranslated)} untranslated")
        for line in untranslated:
            print(f"    untranslated {line}")
    print("check: " + (f"{problems} problem(s)" if problems else "ok"))
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    commands = {"update": update, "build": build, "check": check}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python packaging/translations.py update|build|check", file=sys.stderr)
        return 2
    return commands[argv[0]]() or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
