"""NewsReaderApp: the library and the marks, the key map, and the reader screen it opens on.

The main view is tui.app.screens.reader.ReaderScreen; this class only keeps what outlives a screen
(the library, the marked quotes), prepares analysis processes, applies the user's key map, opens
the help, and shows every notification safely.
"""

from __future__ import annotations

import gc
import sys
import threading
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType

from tui.app.keys import GLOBAL_KEYS
from tui.app.options import ReaderOptions
from tui.app.screens.reader import ReaderScreen
from tui.core.terminal_safe import visible, visible_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from tui.core.library import Library
    from tui.core.marks import MarkStore


class NewsReaderApp(App[None]):
    """The reader. `options` say how it was asked to run; `library` is an open one (tests, benches)."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = GLOBAL_KEYS  # also on dialogs; the reader screen lists them

    def __init__(self, options: ReaderOptions | None = None, *, library: Library | None = None) -> None:
        super().__init__()
        self.options = options or ReaderOptions()
        self._library = library
        self._library_lock = threading.Lock()
        self._mark_store: MarkStore | None = None
        self._processes: bool | None = None
        if self.options.theme:
            self.theme = self.options.theme

    def get_default_screen(self) -> ReaderScreen:
        return ReaderScreen(self.options)

    @property
    def reader(self) -> ReaderScreen:
        """The main view (the bottom of the screen stack, whatever dialog is on top)."""
        return self.screen_stack[0]  # type: ignore[return-value]

    # -- what outlives a screen ------------------------------------------------------------------

    @property
    def library(self) -> Library:
        """Opened on first use, normally in the loading worker: cache and index stay off the first paint."""
        with self._library_lock:
            if self._library is None:
                from tui.core.library import Library

                options = self.options
                self._library = Library(model=options.model, db=options.db, no_cache=options.no_cache)
            return self._library

    def opened_library(self) -> Library | None:
        """The library if it is open already (given to the app), without opening it."""
        return self._library

    @property
    def mark_store(self) -> MarkStore:
        """The marked quotes (a small JSON file), read on first use: after the first paint."""
        if self._mark_store is None:
            from tui.core.marks import MarkStore

            self._mark_store = MarkStore(self.options.marks_path)
        return self._mark_store

    def prepare_processes(self) -> bool:
        """Start multiprocessing's resource tracker with the real stderr; False when processes
        cannot be used (the analysis then runs in a thread). Once, after the first paint.

        The analysis pool is started from a thread while Textual has replaced sys.stderr, and a spawn
        pool then fails ("bad value(s) in fds_to_keep") unless the tracker already runs. Doing this
        here on the event loop's thread, rather than before App.run(), keeps it off the first paint.
        """
        if self._processes is None:
            from tui.core.analysis_pool import prepare_for_app

            replaced, sys.stderr = sys.stderr, sys.__stderr__
            try:
                prepare_for_app()
                self._processes = True
            except Exception as error:
                self._processes = False
                self.log.warning(f"no analysis processes: {error}")
            finally:
                sys.stderr = replaced
        return self._processes

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_paint)
        if not self.is_headless:
            self._watch_the_terminal()

    def _watch_the_terminal(self) -> None:
        """Quit, as `q` does, when the terminal has gone (tui.app.terminal_watch says why)."""
        from tui.app.terminal_watch import CHECK_EVERY_S, on_hang_up, terminal_gone, watched_input

        on_hang_up(self.exit)
        fd = watched_input()
        if fd is not None:
            self.set_interval(CHECK_EVERY_S, lambda: terminal_gone(fd) and self.exit())

    def on_unmount(self) -> None:
        if self._library is not None:
            self._library.close()

    def _after_first_paint(self) -> None:
        """What can wait until the screen shows: the key map and the marks (files to read), and the
        garbage collector, which `newsreader` turns off until the first paint (tui.cli.reader):
        what start-up made is kept out of every later collection (gc.freeze)."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        self._apply_keymap()
        self.reader.quotes.show_marks()
        if self.mark_store.problem:
            self.notify(self.mark_store.problem, title="Marks", severity="error", timeout=12)

    def _apply_keymap(self) -> None:
        from tui.app.keymap import keymap_file, load_keymap

        known = self.reader.binding_ids()
        keymap, problems = load_keymap(self.options.keymap_path or keymap_file(), known_ids=known)
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Key map", severity="warning", timeout=8)

    # -- help and notifications ------------------------------------------------------------------

    def action_help(self) -> None:
        """Every key of every pane; on a page of its own (an actor's page), that page's keys first."""
        from tui.app.screens.help import HelpScreen

        own = getattr(self.screen, "help_sections", None)
        if self.screen is not self.reader and callable(own):
            self.push_screen(HelpScreen(own([self])))
            return
        self.push_screen(HelpScreen(self.reader.help_sections([self])))

    def action_help_focused(self) -> None:
        """F1: the keys of the pane that has the focus first, then the ones that work everywhere."""
        from tui.app.screens.help import HelpScreen

        if self.screen is not self.reader and callable(getattr(self.screen, "help_sections", None)):
            self.action_help()
            return
        everywhere, *panes = self.reader.help_sections([self])
        focused = self.focused
        pane = next((p for p in panes if focused is not None and focused in p[1]), None)
        if pane is None:
            self.action_help()
            return
        self.push_screen(HelpScreen([pane, everywhere], title=f"Keys · {pane[0]}"))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification, the widgets' and screens' too (theirs come here with markup=True): file
        names, titles and errors quoted in a message are shown with their control characters as
        placeholders, and never read as markup ("[/b]" in a file name is text, not a style)."""
        del markup  # never: no message of the reader is written in markup
        super().notify(
            visible(message), title=visible_line(title), severity=severity, timeout=timeout, markup=False
        )
