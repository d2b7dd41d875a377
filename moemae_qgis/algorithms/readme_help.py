"""The README's sections as the algorithms' offline help.

The Processing help panel is all a user has without a network, so each algorithm shows the
README section that documents it, read at run time from the README the plugin zip carries
(``tools/package.py``): the README stays the one place where the algorithms are described.
The markdown becomes the simple HTML the panel (Qt rich text) draws: headings, paragraphs,
lists, tables and code.
"""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

from ..backend_loader import load_backend

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*]|\d+\.)\s+(.*)$")
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")


def readme_path() -> Path:
    """README.md beside ``resources/``: the repository's root, or the installed plugin's folder."""
    return load_backend("paths").RESOURCES_DIR.parent / "README.md"


@functools.lru_cache(maxsize=4)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: its text lower-cased, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", r"\1", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def section_markdown(markdown: str, anchor: str) -> str:
    """The section whose heading has ``anchor``, its heading included, up to the next heading of
    the same or a higher level; empty when there is none. Code blocks hold no headings."""
    lines, level, in_code = [], 0, False
    for line in markdown.splitlines():
        in_code = in_code != line.startswith("```")
        heading = None if in_code or line.startswith("```") else HEADING.match(line)
        if heading and level and len(heading.group(1)) <= level:
            break
        if heading and not level and github_anchor(heading.group(2)) == anchor:
            level = len(heading.group(1))
        if level:
            lines.append(line)
    return "\n".join(lines)


def readme_section(anchor: str) -> str:
    """The README's section ``anchor`` as markdown (empty when the README or the section is missing)."""
    return section_markdown(_read(readme_path()), anchor)


def inline(text: str) -> str:
    """Escaped text with markdown's code, bold, italics and links as HTML."""
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) > 1:
            out.append(f"<code>{html.escape(part[1:-1], quote=False)}</code>")
            continue
        part = html.escape(part, quote=False)
        part = re.sub(r"\[([^\]]*)\]\((https?://[^)]*)\)", r'<a href="\2">\1</a>', part)
        part = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", part)  # a link within the README or the repository
        part = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", part)
        out.append(re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"<i>\1</i>", part))
    return "".join(out)


def markdown_to_html(markdown: str, top: int = 3) -> str:
    """Simple HTML on one line (QGIS's help panel makes a paragraph of each line it is given); the
    highest heading becomes ``<h{top}>`` (under the panel's own title, an ``<h2>``)."""
    blocks, lines = [], markdown.splitlines()
    levels = [len(m.group(1)) for m in map(HEADING.match, lines) if m]
    shift = top - min(levels, default=top)
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("```"):
            end = next((n for n in range(index + 1, len(lines)) if lines[n].startswith("```")), len(lines))
            code = "<br>".join(html.escape(c, quote=False).replace(" ", "&nbsp;")
                               for c in lines[index + 1:end])
            blocks.append(f"<pre>{code}</pre>")
            index = end + 1
            continue
        kind = _kind(line)
        group = [line]
        index += 1
        while index < len(lines) and kind in ("p", "ul", "table") and _continues(kind, lines[index]):
            group.append(lines[index])
            index += 1
        blocks.append(_block(kind, group, shift))
    return "".join(blocks)


def _kind(line: str) -> str:
    if not line.strip() or IMAGE.match(line.strip()):
        return "skip"
    if HEADING.match(line):
        return "h"
    if line.startswith("|"):
        return "table"
    return "ul" if LIST_ITEM.match(line) else "p"


def _continues(kind: str, line: str) -> bool:
    """Whether ``line`` still belongs to the block of ``kind`` above it."""
    if not line.strip() or line.startswith("```") or HEADING.match(line):
        return False
    if kind == "table":
        return line.startswith("|")
    if kind == "ul":
        return True  # an item, or an item's continuation line
    return not (line.startswith("|") or LIST_ITEM.match(line))


def _block(kind: str, group: list, shift: int) -> str:
    if kind == "skip":
        return ""
    if kind == "h":
        match = HEADING.match(group[0])
        level = min(6, len(match.group(1)) + shift)
        return f"<h{level}>{inline(match.group(2))}</h{level}>"
    if kind == "table":
        return _table(group)
    if kind == "ul":
        return _list(group)
    text = " ".join(line.strip() for line in group)
    if re.fullmatch(r"\*[^*].*[^*]\*", text):  # a caption: italics around code spans too
        return f"<p><i>{inline(text[1:-1])}</i></p>"
    return f"<p>{inline(text)}</p>"


def _table(rows: list) -> str:
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    body = [row for row in cells if not all(re.fullmatch(r":?-+:?", c) for c in row)]
    tags = ["th"] + ["td"] * (len(body) - 1)
    return "<table>" + "".join("<tr>" + "".join(f"<{t}>{inline(c)}</{t}>" for c in row) + "</tr>"
                               for t, row in zip(tags, body)) + "</table>"


def _list(lines: list) -> str:
    """Items nested by their indentation; a line that starts no item continues the last one."""
    items = []  # (depth, ordered, text)
    indents = []
    for line in lines:
        match = LIST_ITEM.match(line)
        if not match:
            depth, ordered, text = items[-1]
            items[-1] = (depth, ordered, f"{text} {line.strip()}")
            continue
        indent = len(match.group(1))
        while indents and indent < indents[-1]:
            indents.pop()
        if not indents or indent > indents[-1]:
            indents.append(indent)
        items.append((len(indents) - 1, line.strip()[0].isdigit(), match.group(2)))
    return _nest(items)


def _nest(items: list) -> str:
    out, open_tags = [], []
    for depth, ordered, text in items:
        while len(open_tags) > depth + 1:
            out.append(f"</li></{open_tags.pop()}>")
        if len(open_tags) == depth + 1:
            out.append("</li>")
        while len(open_tags) < depth + 1:
            open_tags.append("ol" if ordered else "ul")
            out.append(f"<{open_tags[-1]}>")
        out.append(f"<li>{inline(text)}")
    while open_tags:
        out.append(f"</li></{open_tags.pop()}>")
    return "".join(out)
