"""Text that can be shown on a terminal without acting on it.

An article, a file name or a URL may hold control characters: ESC starts a CSI or OSC sequence that
can clear the screen, recolour it or retitle the window; BEL, backspace and carriage return move or
hide what was printed. Everything newsreader shows to a person goes through `visible`, which
replaces each control character with one visible placeholder, so offsets into the text stay valid
(one character for one) and highlights still line up.

C0 controls become their Unicode "control pictures" (U+2400 + code: ESC shows as ␛), DEL shows as ␡,
and C1 controls (U+0080-U+009F, which some terminals also obey: U+009B is a one-byte CSI) and the
bidirectional overrides and isolates (which reorder what the reader sees) show as the replacement
character. Tab and, where asked, newline stay: they lay text out and cannot start a sequence.
"""

from __future__ import annotations

import re

_C0 = "".join(chr(code) for code in range(0x20))
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_C1 = "".join(chr(code) for code in range(0x80, 0xA0))

_PICTURES = {ord(ch): chr(0x2400 + ord(ch)) for ch in _C0}
_PICTURES[0x7F] = "\u2421"
_PICTURES.update({ord(ch): "\ufffd" for ch in _C1 + _BIDI})

_KEEP_LAYOUT = {ord("\t"): "\t", ord("\n"): "\n"}
_TABLE_KEEPING_NEWLINES = {**_PICTURES, **_KEEP_LAYOUT}
_TABLE_ONE_LINE = {**_PICTURES, ord("\t"): "\t"}

_UNSAFE = re.compile(f"[{re.escape(_C0 + _C1 + _BIDI)}\x7f]")


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control character shown as one visible placeholder.

    Same length as `text`, so every character offset still points at the same character. With
    `keep_newlines=False` a newline shows as ␊ too: for one-line messages such as a file name in a
    "skipped" notice, where a newline in the name would otherwise forge a second message.
    """
    if not _UNSAFE.search(text):
        return text
    table = _TABLE_KEEPING_NEWLINES if keep_newlines else _TABLE_ONE_LINE
    return text.translate(table)


def visible_line(text: str) -> str:
    """One line for a message: `visible` with newlines shown as ␊ (a file name, a path, a URL)."""
    return visible(text, keep_newlines=False)
