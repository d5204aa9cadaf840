"""Everything the command line prints: results on standard output, messages on standard error.

Two promises live here, so that no subcommand has to remember them:

- No byte of an article, a file name or a URL acts on the user's terminal. Messages are one line
  each with every control character shown as a placeholder (`visible_line`); results meant for a
  person go through `visible`. Machine formats (JSON Lines, CSV) stay exact when they go to a
  pipe or a file, and are shown with placeholders only when standard output is a terminal.
- Output is never lost without a word. Every write to standard output, and the final flush, is
  checked: a full disk or `/dev/full` ends the command with a message and a non-zero status
  (`OutputError`), while a reader that stops early (`| head`) ends it quietly (`BrokenPipeError`
  is left to `tui.cli.main`).
"""

from __future__ import annotations

import errno
import os
import stat
import sys

from tui.core.terminal_safe import visible, visible_line

PROGRAM = "newsreader"
TITLE_LIMIT = 300  # a title on one line of 2 MB is named in the text formats, not printed whole


class OutputError(Exception):
    """Standard output could not take what was written (disk full, device error)."""


def tell(message: str) -> None:
    """One line on standard error, `newsreader: ...`, which nothing in `message` can act on."""
    print(f"{PROGRAM}: {visible_line(message)}", file=sys.stderr, flush=True)


def write_out(text: str, *, exact: bool = False) -> None:
    """Write `text` to standard output now, or raise OutputError saying why it could not be written.

    `exact=True` is for data formats (JSON Lines, CSV): kept byte for byte in a pipe or a file, and
    shown with placeholders only when standard output is a terminal, where a byte could act.
    """
    if not exact or sys.stdout.isatty():
        text = terminal_lines(text)
    write_bytes(text.encode("utf-8", "replace"))  # a lone surrogate (never from our readers) shows as ?


def terminal_lines(text: str) -> str:
    """`visible(text)` with CRLF line ends kept (CSV's), so only a stray carriage return shows."""
    if "\r\n" not in text:
        return visible(text)
    return "\r\n".join(visible(line) for line in text.split("\r\n"))


def write_bytes(payload: bytes) -> None:
    """Write bytes to standard output and flush them, so a failing disk is noticed here, not at exit.

    A large write can be taken in part: on a disk with 64 KB left, `sys.stdout.buffer.write` of
    280 KB returns 65,536 and raises nothing, and the rest was silently lost (status 0, a file cut
    short). So the rest is written again until it is all taken or the system says why not.
    """
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
            return
        rest = memoryview(payload)
        while rest:
            taken = buffer.write(rest)
            if not taken:  # None (would block) or 0: standard output takes nothing more
                raise OutputError(
                    "cannot write the output: it takes nothing more; what was written is incomplete"
                )
            rest = rest[taken:]
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(describe_output_failure(error)) from None


def finish_output() -> None:
    """The last flush of standard output, checked like every write (called once, at the end).

    When standard output is a file (`> file`), it is also synced: a file system that allocates
    late (ext4, XFS, NFS, quotas) may accept every write and find the disk full only then, and the
    file would be cut short after an exit status of 0.
    """
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(describe_output_failure(error)) from None
    descriptor = _file_descriptor()
    if descriptor is None:
        return
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.fsync(descriptor)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.EROFS, errno.EBADF):  # cannot be synced: nothing to check
            raise OutputError(describe_output_failure(error)) from None


def _file_descriptor() -> int | None:
    """Standard output's file descriptor, or None when it is no real file (a test's capture)."""
    try:
        return sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):
        return None


def describe_output_failure(error: OSError) -> str:
    """Why standard output failed, in words, with what the user can do."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "cannot write the output: the disk is full; what was written is incomplete"
    return f"cannot write the output: {error.strerror or error}; what was written is incomplete"


def shortened(text: str, limit: int = 80) -> str:
    """`text` cut to about `limit` characters with an ellipsis and the full length, for messages:
    a 10,000-character query or title is named, not repeated."""
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(text):,} characters)"
