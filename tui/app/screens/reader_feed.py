"""What the background jobs report, put on the reader's panes: articles read, files that changed,
analyses done, problems met (the middle layer of tui.app.screens.reader)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from tui.app.coalesce import Coalescer
from tui.app.screens.reader_panes import ReaderPanes
from tui.core.model import Article, LoadProblem
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.app import messages
    from tui.app.jobs import Analyser
    from tui.app.options import ReaderOptions

PROBLEMS_SHOWN = 6
# articles listed from the cache before the first paint (~0.1 ms each): a few screens of the list;
# the loading job lists the rest from the cache at once, then reads the files
FIRST_LISTING = 100
RELIST_DELAY = 0.25  # seconds between relists while reading, at least
RELIST_COST_FACTOR = 5  # and at least this many times what the last one took: 1/6 of the screen's time


class ReaderFeed(ReaderPanes):
    """Opening paths, following them (--watch), analysing: the jobs' messages and what they change."""

    def __init__(self, options: ReaderOptions) -> None:
        super().__init__(options)
        # one "skipped" notice for the files a folder could not give, not one each
        self.problems = Coalescer[LoadProblem](self, 0.3, self._report_problems)
        self._analyser: Analyser | None = None
        # articles read while loading: the list is sorted again at most every 0.25 s, not per batch
        self.relist_later = Coalescer[None](self, RELIST_DELAY, lambda _: self._relist_while_reading())
        self._adding: list[str] = []  # paths opened with `o` while others were being read
        self._added: tuple[list[str], int] | None = None  # paths being read after `o`, articles so far

    @property
    def analyser(self) -> Analyser:
        """Made when first needed: the jobs are imported after the first paint."""
        if self._analyser is None:
            from tui.app.jobs import Analyser

            use_processes = self.host.prepare_processes if self.options.analysis_in_processes else None
            self._analyser = Analyser(lambda: self.host.library, self.post_message, use_processes)
        return self._analyser

    def on_unmount(self) -> None:
        """Quitting is instant: the analysis is told to stop, the watcher stops with its worker."""
        if self._analyser is not None:
            self._analyser.cancel()
        self.workers.cancel_group(self, "watch")

    # -- opening, watching and analysing ---------------------------------------------------------

    def start_reading(self) -> None:
        """The articles of a library given to the app at once; the paths asked for, else the ones
        remembered from last time: what they gave last time listed from the cache at once, the files
        read after the first paint; else the welcome screen."""
        given = self.host.opened_library()
        if given is not None and given.articles:
            self.relist()
            self.call_after_refresh(self._spare_the_collector)
            if not self.paths:
                self._start_analysis()
        if self.paths:
            self._list_cached(self.paths)
            # after the first paint: reading files (and importing the readers) must not delay it
            self.call_after_refresh(self.open_paths, self.paths)
        elif given is None or not given.articles:
            self._open_remembered_or_welcome()
        if given is not None:
            self._count()

    def _open_remembered_or_welcome(self) -> None:
        from tui.app.session import load_paths

        remembered = load_paths(self.options.session_path) if self.options.remember else []
        if remembered:
            self.paths = remembered
            self._list_cached(remembered)
            self.call_after_refresh(self.open_paths, remembered, remember=False)
            return
        from tui.app.screens.welcome import WelcomeScreen
        from tui.app.session import sample_data_dir

        samples = sample_data_dir()
        self.article_view.placeholder = "Open articles with: newsreader PATH...  (files or folders)"
        self.article_view.show(None, None)

        def chosen(open_samples: bool | None) -> None:
            if open_samples and samples.is_dir():
                self.open_paths([str(samples)])

        self.app.push_screen(WelcomeScreen(samples if samples.is_dir() else None), chosen)

    def _list_cached(self, paths: Sequence[str]) -> None:
        """The titles in the first frame: the articles these paths gave last time, from the cache
        (no file is read, no reader imported), the first FIRST_LISTING of them. The loading job
        lists the others, then checks them all against their files: a file changed since is
        replaced, one gone is forgotten (Library.list_cached)."""
        if self.host.opened_library() is not None:
            return  # a library given to the app (tests, benches) lists what it holds
        try:
            listed = self.library.list_cached(paths, limit=FIRST_LISTING)
        except Exception as error:  # the cache is a convenience: the files are read anyway
            self.log.warning(f"no cached listing: {error}")
            return
        if listed:
            self.reading = True  # the list keeps its cursor on top while the files are checked
            self.relist()
            self._count()

    def open_paths(self, paths: Sequence[str], *, remember: bool = True) -> None:
        """Read the paths in a worker; articles appear in the list as they are read."""
        self.paths = list(paths)
        if remember:
            self._remember_paths()
        self._read(self.paths)

    @property
    def adding(self) -> bool:
        return self._added is not None

    def add_paths(self, paths: Sequence[str]) -> None:
        """Open more paths beside the ones open (`o`): read like the command line's, problems
        reported the same way, and remembered with them for the next start. While files are being
        read, they are read next."""
        self.paths = [*self.paths, *(p for p in paths if p not in self.paths)]
        self._remember_paths()
        self._adding.extend(paths)
        if not self.reading:
            self._read_added()

    def _read_added(self) -> None:
        paths, self._adding = self._adding, []
        self._added = (paths, 0)
        self._read(paths)

    def _remember_paths(self) -> None:
        if not self.options.remember:
            return
        from tui.app.session import save_paths

        try:
            save_paths(self.paths, self.options.session_path)
        except OSError as error:
            self.notify(f"Could not remember the open files: {error}", severity="warning")

    def _read(self, paths: list[str]) -> None:
        self.reading = True
        self.article_view.placeholder = "Reading articles…"
        if self.current_id is None:
            self.article_view.show(None, None)
        self.status.show("Reading articles…")
        from tui.app.jobs import Loader

        loader = Loader(lambda: self.host.library, self.post_message)
        self.run_worker(partial(loader.run, paths), thread=True, exclusive=True, group="load")

    def on_articles_read(self, message: messages.ArticlesRead) -> None:
        if self.query_text:
            self.search.request(self.query_text)
        elif not self.article_list.shown_ids:
            self.relist()  # the first titles at once
        else:
            self.relist_later.add()
        if self._added is not None:
            self._added = (self._added[0], self._added[1] + len(message.articles))
        self._count()
        if message.watched:
            count, shown = len(message.articles), message.articles[:3]
            names = visible_line(", ".join(a.title or Path(a.path).name for a in shown))
            more = f" and {count - 3} more" if count > 3 else ""
            self.notify(f"{names}{more}", title=f"{count} new article{'s' if count != 1 else ''}", timeout=4)
            self._start_analysis()

    def _relist_while_reading(self) -> None:
        """Relist, and wait longer before the next one when it took long: at 100,000 articles one costs
        ~0.3 s, and relisting every 0.25 s would leave the screen no time for keys and slow the
        reading, which shares the interpreter with it (68 s to list 100,000 articles, against 14 s)."""
        started = time.perf_counter()
        self.relist()
        self.relist_later.delay = max(RELIST_DELAY, RELIST_COST_FACTOR * (time.perf_counter() - started))

    def on_problem_found(self, message: messages.ProblemFound) -> None:
        self.problems.add(message.problem)

    def _report_problems(self, problems: list[LoadProblem]) -> None:
        # one line per file: a newline in a file name must not forge a second one
        # a file read with something left out is a note, not a skip (issue 10, item 9)
        for kept, verb in ((False, "Skipped"), (True, "Read with notes:")):
            group = [p for p in problems if p.kept == kept]
            if not group:
                continue
            lines = [visible_line(str(p)) for p in group[:PROBLEMS_SHOWN]]
            if len(group) > PROBLEMS_SHOWN:
                lines.append(f"… and {len(group) - PROBLEMS_SHOWN} more")
            title = f"{verb} {len(group)} file{'s' if len(group) != 1 else ''}"
            severity = "information" if kept else "warning"
            self.notify("\n".join(lines), title=title, severity=severity, timeout=10)

    def on_loading_finished(self, message: messages.LoadingFinished) -> None:
        self.relist_later.flush()
        self.reading = False
        self.call_after_refresh(self._spare_the_collector)
        self.problems.flush()
        if message.error:
            self.notify(f"Reading stopped: {message.error}", severity="error", timeout=10)
        if self._added is not None:
            (paths, count), self._added = self._added, None
            names = visible_line(", ".join(paths))
            self.notify(
                f"{count} new article{'s' if count != 1 else ''} from {names}", title="Opened", timeout=4
            )
        if self._adding:
            self._read_added()
            return
        if self.options.watch and self._watched_paths != self.paths:
            # also an empty folder: watching is how its first articles will arrive
            self._watched_paths = list(self.paths)
            from tui.app.jobs import Watcher

            watcher = Watcher(lambda: self.host.library, self.post_message)
            follow = partial(watcher.run, self._watched_paths)
            self.run_worker(
                lambda: follow(get_current_worker().cancelled_event),
                thread=True,
                exclusive=True,
                group="watch",
                exit_on_error=False,
            )
        self.status.hide()
        if not self.library.article_count:
            waiting = " (watching for new files)" if self.options.watch else ""
            names = visible_line(", ".join(self.paths))
            self.article_view.placeholder = f"Nothing could be read from: {names}{waiting}"
            self.article_view.show(None, None)
            return
        self._catch_up_with_the_cache()
        self._start_analysis()

    def _catch_up_with_the_cache(self) -> None:
        """The open article was shown while loading went on; if its analysis was not known then and
        is now (it was in the cache), show it: with nothing left to analyse, no later message would."""
        if self.current_id is not None and self.article_view.analysis is None:
            analysis = self.library.analysis(self.current_id)
            if analysis is not None:
                self._show_analysis(analysis)

    @staticmethod
    def _spare_the_collector() -> None:
        """What loading made (articles, their list rows) lives as long as the reader: out of every
        later garbage collection with it. Called after a paint, when the list has laid out its rows
        (their wrapped prompts are made then). At 100,000 articles a full collection took 0.4-1.4 s,
        a frozen screen whenever Python decided to run one (bench/search_keystroke.py --verbose)."""
        from tui.core.library import spare_the_collector

        spare_the_collector()

    def on_articles_replaced(self, message: messages.ArticlesReplaced) -> None:
        """Edited files: each old article's row shows its new version, in place; the open one is
        shown again in its new version, near where it was read. The new versions are analysed like
        any new article, and a search runs again (the new text may match differently)."""
        reopen: Article | None = None
        open_gone = False
        for old_id, new in message.replaced:
            self.article_list.replace_article(old_id, new)
            if old_id == self.current_id:
                reopen, open_gone = new, new is None
        if reopen is not None:
            scrolled = self.article_view.scroll_y  # an edit changes a few lines: the same passage
            self.open_article(reopen.id)
            view = self.article_view
            view.scroll_to(y=min(scrolled, view.max_scroll_y), animate=False, immediate=True)
        elif open_gone:
            self.current_id = None
            chosen = self.article_list.highlighted_id
            if chosen is not None:
                self.open_article(chosen)
            else:
                self.article_view.show(None, None)
        if self.query_text:
            self.search.request(self.query_text)
        self._count()
        # the same text with new details (listed from the cache, then read) is no news to the reader
        titles = [
            new.title or Path(new.path).name
            for old_id, new in message.replaced
            if new is not None and new.id != old_id
        ]
        gone = sum(new is None for _, new in message.replaced)
        if titles:
            more = f" and {len(titles) - 3} more" if len(titles) > 3 else ""
            self.notify(", ".join(titles[:3]) + more, title="Changed on disk", timeout=4)
        if gone:
            self.notify(
                f"{gone} article{'s' if gone != 1 else ''} no longer in the opened files",
                title="Gone from disk",
                timeout=4,
            )
        if not self.reading:  # while reading, the analysis starts once everything is read
            self._start_analysis()

    def on_watch_stopped(self, message: messages.WatchStopped) -> None:
        self.notify(f"Stopped watching for new files: {message.error}", severity="error", timeout=10)

    def _start_analysis(self) -> None:
        if self.options.analyze:
            total = self.analyser.start()
            if total:
                self.status.show("Analysing…", 0, total)

    def on_analyses_ready(self, message: messages.AnalysesReady) -> None:
        for analysis in message.analyses:
            if analysis.article_id == self.current_id:
                self._show_analysis(analysis)
        if self.actors_panel.scope == "all":
            self.actors_later.add()

    def on_analysis_progress(self, message: messages.AnalysisProgress) -> None:
        self.status.show(f"Analysing {message.done}/{message.total}", message.done, message.total)

    def on_analysis_finished(self, message: messages.AnalysisFinished) -> None:
        self.status.hide()
        if message.error:
            self.notify(f"Analysis unavailable: {message.error}", severity="error", timeout=12)
        self._refresh_actors()
        self._update_legend()
        if self.article_list.order == "statements":
            self.relist()  # the counts are known now; not while they arrive, under the reader's cursor
        total = self.analyser.finished(message.error)
        if total:
            self.status.show("Analysing…", 0, total)
