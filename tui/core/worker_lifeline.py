"""Worker processes end when the process that started them is gone.

`kill -9` of `newsreader analyze` (or of the reader) gives its workers no word: they would keep their
model (~150 MB each) and go on analysing for nobody. So each worker starts a daemon thread that waits on
multiprocessing's parent sentinel, the read end of a pipe whose write end the parent holds: the kernel
closes that end when the parent dies, however it dies, the wait returns and the thread ends the worker.
If the parent died before the thread started, the wait returns at once: no window where a death is
missed (unlike reading os.getppid() or prctl(PR_SET_PDEATHSIG) after the fact). Works for forked and
spawned workers, on every platform multiprocessing supports; no polling. (PR_SET_PDEATHSIG would also
fire when the parent *thread* that started the worker ends: the reader starts its pool from a thread
that does not last.)
"""

from __future__ import annotations

import multiprocessing
import os
import threading

EXIT_PARENT_GONE = 75
"""The exit status of a worker ended because its parent was gone (EX_TEMPFAIL: nobody reads it)."""


def end_with_parent() -> None:
    """Call first in a worker process: it exits as soon as its parent process is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return  # not a multiprocessing child: nothing to watch
    threading.Thread(
        target=_exit_when_gone, args=(parent,), name="newsreader-parent-watch", daemon=True
    ).start()


def _exit_when_gone(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()
    os._exit(EXIT_PARENT_GONE)
