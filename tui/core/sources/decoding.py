"""Bytes to text: UTF-8 first, then the legacy encoding charset-normalizer finds; binary refused.

News files arrive from old archives in Windows-1252 or KOI8-R as often as in UTF-8. Reading them
with the wrong codec silently corrupts names and quotes, so a file is decoded in an encoding that
fits it, or refused with a reason. One exception, said out loud: a text that is almost all valid
UTF-8 with a few damaged bytes (a copy cut mid-character, a stray byte) is UTF-8 damaged, not
Windows-1251; it is read as UTF-8 with U+FFFD for each damaged byte, and `DecodedText.note` says so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import SourceError

SNIFF_BYTES = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Well-known binary formats, so the reason can say what the file is rather than only "binary".
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (.zip, .docx, .epub or .odt)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)

_WESTERN = "cp1252"
_CHAOS_TOLERANCE = 0.01
# "Almost all valid UTF-8": a few damaged bytes, or at most one in this many, else it is refused.
_FEW_DAMAGED = 8
_DAMAGE_RATIO = 100
# A text this much ASCII (non-ASCII bytes at most 1 in this many) with a few stray bytes is English
# (or code, or a wire story) damaged, not a legacy text: Windows-1252 would show letters a
# Western writer does not use there, Windows-1251 Cyrillic letters in the middle of English words.
_MOSTLY_ASCII_RATIO = 50
# Characters Windows-1252 gives for bytes that, in an almost-ASCII text, are damage, not writing:
# Icelandic thorn/eth, y-diaeresis, and symbols no article uses between words (µ, º, ª, ³, ´ and
# the soft hyphen are left out: science, Spanish ordinals, m³ and ´ as an apostrophe use them).
_UNLIKELY_WESTERN = frozenset("ÿþÞðÐ¤¦¨¯¸¬\x81\x8d\x8f\x90\x9d")
# A UTF-8 lead byte cut from its character reads as Ã or Â before something that is not a letter.
_CUT_UTF8_LEAD = re.compile(r"[ÃÂ](?![^\W\d_])")

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\b\x1b")
# The control bytes that do not occur in text, for counting with bytes.translate (C speed):
# reopening 10,000 files spent more time in a Python loop over bytes than in reading them.
_BINARY_CONTROLS = bytes(b for b in range(32) if b not in _TEXT_CONTROLS)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_reason(head: bytes) -> str | None:
    """Why these leading bytes are not text, or None when they may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"{what}, not text"
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return None
    if b"\x00" in head:
        return "binary file (contains NUL bytes), not text"
    controls = len(head) - len(head.translate(None, _BINARY_CONTROLS))
    if head and controls / len(head) > 0.05:
        return "binary file (mostly control bytes), not text"
    return None


@dataclass(frozen=True)
class DecodedText:
    """A document's text, and a note when reading it changed something (damaged bytes replaced)."""

    text: str
    note: str | None = None


def decode_text(data: bytes) -> str:
    """Decode a whole file's bytes, or raise SourceError saying why it cannot be read as text."""
    return decode_document(data).text


def decode_document(data: bytes) -> DecodedText:
    """Decode a whole file's bytes with a note on any damage, or raise SourceError saying why not."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise SourceError(reason)
    announced = bom_encoding(data)
    if announced:
        try:
            return DecodedText(data.decode(announced))
        except UnicodeDecodeError as error:
            raise SourceError(f"not valid {announced.upper()} at byte {error.start}") from None
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        utf8_error = error
    if _has_utf8_sequences(data):
        # Real UTF-8 with damaged bytes: any legacy codec would turn its accents into mojibake.
        return _damaged_utf8(data, utf8_error.start)
    text, encoding = _decode_legacy(data)
    if _mostly_ascii(data) and (encoding != _WESTERN or _looks_damaged(text)):
        return _damaged_utf8(data, utf8_error.start)
    return DecodedText(text)


def _damaged_utf8(data: bytes, first: int) -> DecodedText:
    """UTF-8 with U+FFFD for its damaged bytes and a note saying where, or SourceError when most
    of it is damage (then it is not UTF-8 at all, and a replacement-strewn text helps nobody)."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode())
    if damaged > _FEW_DAMAGED and damaged * _DAMAGE_RATIO > len(text):
        raise SourceError(
            f"invalid UTF-8 at byte {first} (the file is UTF-8 with {damaged} damaged bytes; "
            "re-save it as UTF-8)"
        )
    places = "1 damaged byte" if damaged == 1 else f"{damaged} damaged bytes"
    return DecodedText(text, f"read as UTF-8 with {places} shown as \ufffd (the first at byte {first})")


def _looks_damaged(western: str) -> bool:
    """True when the Windows-1252 reading of an almost-ASCII text holds what damage leaves."""
    return any(char in _UNLIKELY_WESTERN for char in western) or bool(_CUT_UTF8_LEAD.search(western))


def _mostly_ascii(data: bytes) -> bool:
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    return high * _MOSTLY_ASCII_RATIO <= len(data)


def _has_utf8_sequences(data: bytes) -> bool:
    """True when the bytes contain well-formed multi-byte UTF-8 characters, i.e. they were meant as UTF-8."""
    decoded = data.decode("utf-8", errors="replace")
    return any(ord(char) > 127 and char != "\ufffd" for char in decoded)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """The best legacy decoding and its codec, leaning to Windows-1252 when it reads as cleanly.

    On a short text charset-normalizer cannot tell Windows-1252 from Mac Latin-2 or Windows-1250
    (they share the letters of a French sentence, not its quotes); Windows-1252 is by far the
    likelier for news, so it wins any tie in cleanliness ("chaos").
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError("not text: no character encoding fits its bytes")
    western = from_bytes(data, cp_isolation=[_WESTERN]).best()
    if western is not None and western.chaos <= best.chaos + _CHAOS_TOLERANCE:
        return str(western), _WESTERN
    return str(best), best.encoding
