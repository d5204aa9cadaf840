"""No byte of an article or a file name may act on the user's terminal, and offsets must not move."""

from hypothesis import given
from hypothesis import strategies as st

from tui.core.terminal_safe import visible, visible_line


def test_escape_sequences_are_shown_not_obeyed() -> None:
    text = "Title\x1b[2J\x1b]0;owned\x07 body\x9b31m"
    shown = visible(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert shown == "Title␛[2J␛]0;owned␇ body\ufffd31m"


def test_newlines_and_tabs_lay_out_text_but_a_name_stays_one_line() -> None:
    assert visible("a\tb\nc\rd") == "a\tb\nc␍d"
    assert visible_line("\x1b[31mred\n.txt") == "␛[31mred␊.txt"


def test_bidirectional_overrides_cannot_reorder_a_name() -> None:
    assert visible_line("invoice\u202egpj.exe") == "invoice\ufffdgpj.exe"


@given(st.text())
def test_one_character_for_one_and_nothing_left_to_obey(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(ord(ch) < 0x20 and ch not in "\t\n" for ch in shown)
    assert not any(0x7F <= ord(ch) < 0xA0 for ch in shown)
    for before, after in zip(text, shown, strict=True):
        if before.isprintable() and not (0x202A <= ord(before) <= 0x202E or 0x2066 <= ord(before) <= 0x2069):
            assert before == after
