"""The plugin's translations: ``.ts`` sources from every string the plugin passes to ``tr()``, and
their ``.qm`` files compiled with Qt's ``lrelease`` (Debian's qttools5-dev-tools).

    python tools/translations.py update     # resources/i18n/*.ts: new strings added, gone ones dropped
    python tools/translations.py compile DIR  # DIR/moemae_<lang>.qm for each .ts (make package does this)

pylupdate5 cannot be used for the extraction: it files a bare ``tr("…")`` under the enclosing
class, while the plugin translates every string in one context (``moemae_qgis/i18n.py``), and it
cannot see the algorithms' names, groups and parameter help, which ``MoeMaeAlgorithm`` passes
to ``tr()`` from class attributes and ``self.add(parameter, help)``. This extractor reads the
code's syntax tree for all three and writes the XML Qt Linguist reads and writes.
"""
from __future__ import annotations

import argparse
import ast
import shutil
import subprocess  # nosec B404 # runs lrelease: an argument list, never a shell
import sys
import xml.etree.ElementTree as ElementTree  # nosec B405 # our own .ts files only, never user input
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "moemae_qgis"
TS_DIR = REPO / "resources" / "i18n"
CONTEXT = "MoeMae"  # moemae_qgis/i18n.py's CONTEXT, read by a test
#: The languages the plugin is translated into: Landsat's largest user communities beyond English.
LANGUAGES = ("pt_BR", "es", "fr", "de")
#: Class attributes MoeMaeAlgorithm passes to tr() (name, group, descriptions).
TRANSLATED_ATTRIBUTES = {"DISPLAY_NAME", "GROUP", "SHORT_DESCRIPTION", "HELP"}


def _text(node, constants: dict) -> str | None:
    """The string a node stands for: a literal, or a name bound to one in the module or class."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _constants(tree: ast.Module) -> dict:
    """Module- and class-level ``NAME = "text"`` (and ``A, B = "x", "y"``) bindings."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = (zip(target.elts, node.value.elts) if isinstance(target, ast.Tuple)
                         and isinstance(node.value, ast.Tuple) else [(target, node.value)])
                for name, value in pairs:
                    if isinstance(name, ast.Name) and isinstance(value, ast.Constant) \
                            and isinstance(value.value, str):
                        found[name.id] = value.value
    return found


def _is_tr(func) -> bool:
    return (isinstance(func, ast.Name) and func.id == "tr") or \
        (isinstance(func, ast.Attribute) and func.attr == "tr")


def _is_add(func) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "add" and isinstance(func.value, ast.Name) \
        and func.value.id == "self"


def strings_of(source: str, filename: str = "<source>") -> list[tuple[str, int]]:
    """(text, line) of each translatable string of one module, in order."""
    tree = ast.parse(source, filename=filename)
    constants = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and (_is_tr(node.func) or _is_add(node.func)):
            argument = node.args[0] if _is_tr(node.func) else (node.args[1] if len(node.args) > 1 else None)
            text = _text(argument, constants) if argument is not None else None
            if text:
                found.append((text, node.lineno))
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.Assign):
                    for target, value in _assigned(item):
                        if target in TRANSLATED_ATTRIBUTES and value:
                            found.append((value, item.lineno))
    return sorted(found, key=lambda pair: pair[1])


def _assigned(node: ast.Assign):
    for target in node.targets:
        if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
            yield from ((t.id, _text(v, {})) for t, v in zip(target.elts, node.value.elts)
                        if isinstance(t, ast.Name))
        elif isinstance(target, ast.Name):
            yield target.id, _text(node.value, {})


def extract(folder: Path = SOURCES) -> dict[str, list[str]]:
    """Each translatable text → where it is used (``path:line``), in the order first met."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for text, line in strings_of(path.read_text(encoding="utf-8"), str(path)):
            found.setdefault(text, []).append(f"{path.relative_to(REPO).as_posix()}:{line}")
    return found


def read_ts(path: Path) -> dict[str, str]:
    """source → translation of a .ts file (unfinished ones included, as Linguist keeps them)."""
    if not path.is_file():
        return {}
    root = ElementTree.parse(path).getroot()  # nosec B314 # our own .ts file, see the import
    return {message.findtext("source"): message.findtext("translation") or ""
            for message in root.iter("message")}


def write_ts(path: Path, language: str, texts: dict[str, list[str]], translations: dict[str, str]) -> None:
    """The .ts file Qt Linguist reads: every text, with its translation where there is one."""
    root = ElementTree.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = CONTEXT
    for text, places in texts.items():
        message = ElementTree.SubElement(context, "message")
        for place in places:
            filename, line = place.rsplit(":", 1)
            ElementTree.SubElement(message, "location", filename=f"../../{filename}", line=line)
        ElementTree.SubElement(message, "source").text = text
        translated = ElementTree.SubElement(message, "translation")
        translated.text = translations.get(text, "")
        if not translated.text:
            translated.set("type", "unfinished")
    ElementTree.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def update(folder: Path = TS_DIR) -> dict[str, int]:
    """Rewrite each language's .ts with the code's strings; returns its count of untranslated ones."""
    texts = extract()
    missing = {}
    for language in LANGUAGES:
        path = folder / f"moemae_{language}.ts"
        translations = read_ts(path)
        write_ts(path, language, texts, translations)
        missing[language] = sum(1 for text in texts if not translations.get(text))
    return missing


def compile_all(output: Path, folder: Path = TS_DIR) -> list[Path]:
    """``output/moemae_<lang>.qm`` for each .ts, with lrelease; raises when lrelease is missing."""
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if lrelease is None:
        raise RuntimeError("lrelease is missing: install Debian's qttools5-dev-tools (make setup does)")
    output.mkdir(parents=True, exist_ok=True)
    compiled = []
    for ts in sorted(folder.glob("moemae_*.ts")):
        qm = output / ts.with_suffix(".qm").name
        done = subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)],  # nosec B603 # see the import
                              capture_output=True, text=True)
        if done.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease failed on {ts.name}: {done.stderr or done.stdout}")
        compiled.append(qm)
    return compiled


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "compile"])
    parser.add_argument("output", nargs="?", type=Path, default=TS_DIR)
    args = parser.parse_args(argv)
    if args.command == "update":
        for language, count in update().items():
            print(f"moemae_{language}.ts: {count} of {len(extract())} strings untranslated")
    else:
        for qm in compile_all(args.output):
            print(f"compiled {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
