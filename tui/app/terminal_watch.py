"""Quit when the terminal goes away: a closed window, a dropped SSH connection, a killed tmux.

Textual's input thread reads standard input in a loop, and once the terminal is gone each read
returns end-of-file at once: the reader stayed alive at 70-100% of a core until killed (seen after
`tmux kill-server`; Textual's fix, pull request #6690, is not released). A SIGHUP is not always
delivered either (`nohup`, some shells, a session leader that died first). So the reader asks the
terminal itself, once a second, whether it is still there (a hung-up terminal answers `tcgetattr`
with EIO), and quits as `q` does, closing the cache; a SIGHUP does the same at once.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
from collections.abc import Callable

CHECK_EVERY_S = 1.0


def terminal_gone(fd: int) -> bool:
    """True when `fd` was a terminal that has hung up (not for a file or pipe: those are not watched)."""
    import termios

    try:
        termios.tcgetattr(fd)
    except termios.error as error:
        return error.args[0] in (errno.EIO, errno.ENXIO, errno.EBADF)
    return False


def watched_input() -> int | None:
    """The standard input's descriptor when it is a terminal worth watching; None otherwise."""
    stream = sys.__stdin__
    if stream is None:
        return None
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return None
    return fd if os.isatty(fd) else None


def on_hang_up(quit_now: Callable[[], None]) -> bool:
    """Call `quit_now` on SIGHUP (from the event loop); False where signals cannot be set (not the
    main thread, or Windows)."""
    import asyncio

    hang_up = getattr(signal, "SIGHUP", None)
    if hang_up is None:
        return False
    try:
        asyncio.get_running_loop().add_signal_handler(hang_up, quit_now)
    except (RuntimeError, ValueError, NotImplementedError):
        return False
    return True
