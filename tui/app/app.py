"""NewsReaderApp: the layout, the keys, and the workers that load and analyse without blocking the screen.

Workers only read files, run the analysis or search, and post messages (tui.app.messages); the app
reacts to those messages and tells the widgets what to show. Widgets never reach into each other.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Footer, Input, Label, OptionList
from textual.worker import Worker, get_current_worker

from tui.app import messages
from tui.app.article_text import ENTITY_GROUPS, Legend
from tui.app.widgets.actors_panel import ActorsPanel
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.legend import LegendBar
from tui.app.widgets.search_bar import SearchBar, SearchInput
from tui.core.model import Analysis, Article, LoadProblem, Quote
from tui.core.terminal_safe import visible, visible_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from tui.app.commands import Command, ReaderCommands
    from tui.core.library import Library
    from tui.core.marks import MarkStore

NARROW = 100
SEARCH_LIMIT = 500  # matches listed, best first: many screens of scrolling; the count says how many in all
LOAD_BATCH = 64
LOAD_BATCH_SECONDS = 0.05
PROBLEMS_SHOWN = 6
WidgetType = TypeVar("WidgetType", bound=Widget)


def _reader_commands() -> type[ReaderCommands]:
    """Imported when the palette first opens, not at start-up."""
    from tui.app.commands import ReaderCommands

    return ReaderCommands


class NewsReaderApp(App[None]):
    """The reader: article list | article | actors, the search bar above and the keys below."""

    CSS_PATH = "newsreader.tcss"
    TITLE = "newsreader"
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _reader_commands()}
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key", id="help"),
        Binding("f1", "help_focused", "Help for this pane", show=False, id="help-focused"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        # Quotes and entities of the open article, whichever pane has the focus.
        Binding("right_square_bracket", "quote(1)", "Next quote", key_display="]", id="next-quote"),
        Binding(
            "left_square_bracket", "quote(-1)", "Prev quote", key_display="[", show=False, id="prev-quote"
        ),
        # not in the footer, where room is short at 80 columns; the help lists it
        Binding(
            "right_curly_bracket", "entity(1)", "Next entity", key_display="}", show=False, id="next-entity"
        ),
        Binding(
            "left_curly_bracket", "entity(-1)", "Prev entity", key_display="{", show=False, id="prev-entity"
        ),
        Binding("n", "match(1)", "Next match", show=False, id="next-match"),
        Binding("N", "match(-1)", "Prev match", show=False, id="prev-match"),
        # not in the footer: the actors panel's own subtitle says "a: scope"
        Binding("a", "actors_scope", "Actors scope", show=False, id="actors-scope"),
        # Short words for the footer; the help screen shows the tooltip when there is one.
        Binding("m", "toggle_mark", "Mark", tooltip="Mark/unmark the selected quote", id="mark-quote"),
        Binding(
            "y",
            "copy_quote",
            "Copy",
            tooltip="Copy the selected quote with its source",
            show=False,
            id="copy-quote",
        ),
        Binding("e", "export", "Export", tooltip="Export quotes to a file", id="export"),
        Binding("A", "toggle_actors", "Show/hide actors panel", show=False, id="toggle-actors"),
        Binding("L", "toggle_list", "Show/hide article list", show=False, id="toggle-list"),
        Binding("escape", "back", "Back / clear", show=False, id="back"),
        Binding("tab", "focus_next", "Next pane", show=False, id="next-pane"),
        Binding("shift+tab", "focus_previous", "Previous pane", show=False, id="previous-pane"),
    ]

    def __init__(
        self,
        paths: Sequence[str] | None = None,
        model: str | None = None,
        *,
        library: Library | None = None,
        db: str | None = None,
        no_cache: bool = False,
        analyze: bool = True,
        analysis_in_processes: bool = True,
        remember: bool = True,
        session_path: Path | None = None,
        keymap_path: Path | None = None,
        theme: str | None = None,
        marks_path: Path | None = None,
        watch: bool = False,
    ) -> None:
        super().__init__()
        self.paths = list(paths or [])
        self._library = library
        self._library_options = {"model": model, "db": db, "no_cache": no_cache}
        self._library_lock = threading.Lock()
        self._cancel_analysis = threading.Event()
        self._analysis_thread: threading.Thread | None = None
        self._analyse_again = False
        self.analyze = analyze
        self.analysis_in_processes = analysis_in_processes
        self.remember = remember
        self.session_path = session_path
        self.keymap_path = keymap_path
        if theme:
            self.theme = theme
        self.query_text = ""
        self._search_worker: Worker[None] | None = None
        self._search_wanted = ""
        self._search_due = False
        self._follow_due = False
        self._article_total: int | None = None
        self.match_total: int | None = None  # articles matching the query, listed or not
        self.current_id: str | None = None
        self.actors_scope: str = "article"
        self.list_visible = True
        self.actors_visible = True
        self.narrow: bool | None = None
        self.loading = False
        self._pending_problems: list[LoadProblem] = []
        self._problem_timer = None
        self._actors_timer = None
        self._widgets: dict[type, object] = {}
        self._closing = False
        self._marks_path = marks_path
        self._mark_store: MarkStore | None = None
        self.watch_folders = watch  # not `self.watch`: that is Textual's reactive watcher
        self._watched_paths: list[str] | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification, the widgets' too: file names, titles and errors quoted in a message are
        shown with their control characters as placeholders, and never read as markup ("[/b]" in a
        file name is text, not a style)."""
        super().notify(
            visible(message), title=visible_line(title), severity=severity, timeout=timeout, markup=markup
        )

    @property
    def library(self) -> Library:
        """Opened on first use, normally in the loading worker: cache and index stay off the first paint."""
        with self._library_lock:
            if self._library is None:
                from tui.core.library import Library

                self._library = Library(**self._library_options)  # type: ignore[arg-type]
            return self._library

    @property
    def mark_store(self) -> MarkStore:
        """The marked quotes (a small JSON file), read on first use: after the first paint."""
        if self._mark_store is None:
            from tui.core.marks import MarkStore

            self._mark_store = MarkStore(self._marks_path)
        return self._mark_store

    def _prepare_processes(self) -> None:
        """Start multiprocessing's resource tracker with the real stderr, after the first paint.

        The analysis pool is started from a thread while Textual has replaced sys.stderr, and a spawn
        pool then fails ("bad value(s) in fds_to_keep") unless the tracker already runs. Doing this
        here on the event loop's thread, rather than before App.run(), keeps it off the first paint.
        """
        from tui.core.analysis_pool import prepare_for_app

        replaced, sys.stderr = sys.stderr, sys.__stderr__
        try:
            prepare_for_app()
        except Exception as error:  # analysis will then run in this process's thread instead
            self.analysis_in_processes = False
            self.log.warning(f"no analysis processes: {error}")
        finally:
            sys.stderr = replaced

    def on_unmount(self) -> None:
        self._closing = True
        self._cancel_analysis.set()
        self.workers.cancel_group(self, "watch")
        if self._library is not None:
            self._library.close()

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
        with Horizontal(id="panes"):
            yield ArticleList(id="article-list")
            with Vertical(id="article-pane"):
                yield ArticleView(id="article-view")
                yield LegendBar(id="legend")
            yield ActorsPanel(id="actors-panel")
        with Horizontal(id="analysis-status"):
            yield Label("", id="analysis-label")  # the progress bar joins it when analysis starts
        with Horizontal(id="footer-bar"):
            yield Footer()
            yield Label("", id="marked-count")

    @property
    def article_list(self) -> ArticleList:
        return self._widget(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self._widget(ArticleView)

    @property
    def actors_panel(self) -> ActorsPanel:
        return self._widget(ActorsPanel)

    @property
    def search_input(self) -> SearchInput:
        return self._widget(SearchInput)

    def _widget(self, kind: type[WidgetType]) -> WidgetType:
        """The reader's own widgets, found on the main screen even while a dialog is on top."""
        found = self._widgets.get(kind)
        if found is None:
            found = self._widgets[kind] = self.screen_stack[0].query_one(kind)
        return found  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_paint)
        self.article_list.border_title = "Articles"
        self._title_actors()
        self._apply_layout()
        self.article_list.focus()
        if self._library is not None and self.library.articles:
            self.article_list.append_articles(self.library.articles)
            self._count()
            self.call_after_refresh(self._spare_the_collector)
            if not self.paths:
                self._start_analysis()
        if self.paths:
            # after the first paint: reading files (and importing the readers) must not delay it
            self.call_after_refresh(self.open_paths, self.paths)
        elif self._library is None or not self.library.articles:
            from tui.app.session import load_paths

            remembered = load_paths(self.session_path) if self.remember else []
            if remembered:
                self.paths = remembered
                self.call_after_refresh(self.open_paths, remembered, remember=False)
            else:
                self._welcome()
        if self._library is not None:
            self._count()

    def _after_first_paint(self) -> None:
        """What can wait until the screen shows: the key map and the marks (files to read), and the
        garbage collector, which `newsreader` turns off until the first paint (tui.cli.reader):
        what start-up made is kept out of every later collection (gc.freeze)."""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        self._apply_keymap()
        self._show_marks()
        if self.mark_store.problem:
            self.notify(self.mark_store.problem, title="Marks", severity="error", timeout=12)

    def _apply_keymap(self) -> None:
        from tui.app.keymap import keymap_file, load_keymap

        keymap, problems = load_keymap(self.keymap_path or keymap_file(), known_ids=self.binding_ids())
        if keymap:
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Key map", severity="warning", timeout=8)

    def binding_ids(self) -> set[str]:
        ids: set[str] = set()
        for cls in (type(self), ArticleList, ArticleView, ActorsPanel, SearchInput):
            for binding in cls.BINDINGS:
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
        return ids

    def on_resize(self, event: events.Resize) -> None:
        self._apply_layout(event.size.width)

    def _apply_layout(self, width: int | None = None) -> None:
        narrow = (width or self.size.width) < NARROW
        if narrow != self.narrow:
            self.narrow = narrow
            self.list_visible = True
            self.actors_visible = not narrow
        main = self.screen_stack[0]
        main.set_class(not self.list_visible, "-no-list")
        main.set_class(not self.actors_visible, "-no-actors")
        main.set_class(narrow, "-narrow")
        main.query_one(Footer).compact = narrow
        focused = self.focused
        if focused is not None and not focused.display:
            self.article_view.focus()

    def action_toggle_actors(self) -> None:
        self.actors_visible = not self.actors_visible
        if self.narrow and self.actors_visible:
            self.list_visible = False
        self._show_side_panel(self.actors_panel, self.actors_visible)

    def action_toggle_list(self) -> None:
        self.list_visible = not self.list_visible
        if self.narrow and self.list_visible:
            self.actors_visible = False
        self._show_side_panel(self.article_list, self.list_visible)

    def _show_side_panel(self, panel: Widget, visible: bool) -> None:
        """Lay out again; a panel just shown takes the focus, a hidden one hands it to the article."""
        self._apply_layout()
        if visible:
            panel.focus()
        elif self.focused is panel:
            self.article_view.focus()

    # -- opening files ---------------------------------------------------------------------------

    def _welcome(self) -> None:
        from tui.app.screens.welcome import WelcomeScreen
        from tui.app.session import sample_data_dir

        samples = sample_data_dir()
        self.article_view.placeholder = "Open articles with: newsreader PATH...  (files or folders)"
        self.article_view.show(None, None)

        def chosen(open_samples: bool | None) -> None:
            if open_samples and samples.is_dir():
                self.open_paths([str(samples)])

        self.push_screen(WelcomeScreen(samples if samples.is_dir() else None), chosen)

    def open_paths(self, paths: Sequence[str], *, remember: bool = True) -> None:
        """Read the paths in a worker; articles appear in the list as they are read."""
        self.paths = list(paths)
        if remember and self.remember:
            from tui.app.session import save_paths

            try:
                save_paths(self.paths, self.session_path)
            except OSError as error:
                self.notify(f"Could not remember the open files: {error}", severity="warning")
        self.loading = True
        self.article_view.placeholder = "Reading articles…"
        if self.current_id is None:
            self.article_view.show(None, None)
        self._show_status("Reading articles…", None, None)
        self._load(self.paths)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, paths: list[str]) -> None:
        batch: list[Article] = []
        last = time.monotonic()

        def flush() -> None:
            nonlocal batch, last
            if batch:
                self.post_message(messages.ArticlesRead(batch))
                batch = []
            last = time.monotonic()

        def on_article(article: Article) -> None:
            batch.append(article)
            if len(batch) >= LOAD_BATCH or time.monotonic() - last > LOAD_BATCH_SECONDS:
                flush()

        def on_problem(problem: LoadProblem) -> None:
            self.post_message(messages.ProblemFound(problem))

        error = None
        try:
            self.library.open(paths, on_article=on_article, on_problem=on_problem)
        except Exception as exc:  # a bug in a reader must not take the screen down
            error = f"{type(exc).__name__}: {exc}"
        flush()
        self.post_message(messages.LoadingFinished(error))

    def on_articles_read(self, message: messages.ArticlesRead) -> None:
        if self._closing:
            return
        if self.query_text:
            self._run_search(self.query_text)
        else:
            self.article_list.append_articles(message.articles)
        self._count()

    def on_problem_found(self, message: messages.ProblemFound) -> None:
        if self._closing:
            return
        self._pending_problems.append(message.problem)
        if self._problem_timer is None:
            self._problem_timer = self.set_timer(0.3, self._report_problems)

    def _report_problems(self) -> None:
        self._problem_timer = None
        problems, self._pending_problems = self._pending_problems, []
        if not problems:
            return
        # one line per file: a newline in a file name must not forge a second one
        lines = [visible_line(str(p)) for p in problems[:PROBLEMS_SHOWN]]
        if len(problems) > PROBLEMS_SHOWN:
            lines.append(f"… and {len(problems) - PROBLEMS_SHOWN} more")
        title = f"Skipped {len(problems)} file{'s' if len(problems) != 1 else ''}"
        self.notify("\n".join(lines), title=title, severity="warning", timeout=10)

    def on_loading_finished(self, message: messages.LoadingFinished) -> None:
        if self._closing:
            return
        self.loading = False
        self.call_after_refresh(self._spare_the_collector)
        self._report_problems()
        if message.error:
            self.notify(f"Reading stopped: {message.error}", severity="error", timeout=10)
        if self.watch_folders and self._watched_paths != self.paths:
            # also an empty folder: watching is how its first articles will arrive
            self._watched_paths = list(self.paths)
            self._watch(self._watched_paths)
        if not self.library.articles:
            waiting = " (watching for new files)" if self.watch_folders else ""
            self.article_view.placeholder = "Nothing could be read from: " + ", ".join(self.paths) + waiting
            self.article_view.show(None, None)
            self._hide_status()
            return
        self._hide_status()
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

    # -- watching the opened folders -------------------------------------------------------------

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def _watch(self, paths: list[str]) -> None:
        """Read the files that appear or change under `paths` until the app closes.

        The worker's own cancel event stops the watcher: Textual cancels every worker on exit, and
        a new `open_paths` replaces this worker (exclusive), so a watcher never outlives its paths.
        """
        from tui.core.sources import watch_paths

        stop = get_current_worker().cancelled_event
        try:
            for changed in watch_paths(paths, stop):
                added: list[Article] = []
                replaced: list[tuple[str, Article | None]] = []
                self.library.open(
                    changed,
                    on_article=added.append,
                    on_problem=lambda problem: self.post_message(messages.ProblemFound(problem)),
                    on_replaced=lambda old_id, new, found=replaced: found.append((old_id, new)),
                )
                if stop.is_set():
                    break
                if replaced:
                    self.post_message(messages.ArticlesReplaced(replaced))
                if added:
                    self.post_message(messages.WatchedArticlesRead(added))
        except Exception as exc:  # the reader goes on with what it has; it only stops following changes
            self.post_message(messages.WatchStopped(f"{type(exc).__name__}: {exc}"))

    def on_watched_articles_read(self, message: messages.WatchedArticlesRead) -> None:
        if self._closing:
            return
        self.on_articles_read(messages.ArticlesRead(message.articles))
        count = len(message.articles)
        names = visible_line(", ".join(a.title or Path(a.path).name for a in message.articles[:3]))
        more = f" and {count - 3} more" if count > 3 else ""
        self.notify(f"{names}{more}", title=f"{count} new article{'s' if count != 1 else ''}", timeout=4)
        self._start_analysis()

    def on_articles_replaced(self, message: messages.ArticlesReplaced) -> None:
        """Edited files: each old article's row shows its new version, in place; the open one is
        shown again in its new version, near where it was read. The new versions are analysed like
        any new article, and a search runs again (the new text may match differently)."""
        if self._closing:
            return
        reopen: Article | None = None
        open_gone = False
        for old_id, new in message.replaced:
            self.article_list.replace_article(old_id, new)
            if old_id == self.current_id:
                reopen, open_gone = new, new is None
        if reopen is not None:
            self._reopen_edited(reopen)
        elif open_gone:
            self.current_id = None
            chosen = self.article_list.highlighted_id
            if chosen is not None:
                self.open_article(chosen)
            else:
                self.article_view.show(None, None)
        if self.query_text:
            self._run_search(self.query_text)
        self._count()
        titles = [new.title or Path(new.path).name for _, new in message.replaced if new is not None]
        if titles:
            more = f" and {len(titles) - 3} more" if len(titles) > 3 else ""
            self.notify(", ".join(titles[:3]) + more, title="Changed on disk", timeout=4)
        self._start_analysis()

    def _reopen_edited(self, article: Article) -> None:
        """Show the new version of the open article, scrolled to about where the reader was (an edit
        usually changes a few lines, so the same position finds the same passage)."""
        view = self.article_view
        scrolled = view.scroll_y
        self.open_article(article.id)
        view.scroll_to(y=min(scrolled, view.max_scroll_y), animate=False, immediate=True)

    def on_watch_stopped(self, message: messages.WatchStopped) -> None:
        if not self._closing:
            self.notify(f"Stopped watching for new files: {message.error}", severity="error", timeout=10)

    # -- analysis --------------------------------------------------------------------------------

    def _start_analysis(self) -> None:
        if not self.analyze or not self.library.pending():
            return
        if self.analysis_in_processes:
            self._prepare_processes()
        if self._analysis_thread is not None and self._analysis_thread.is_alive():
            # articles that arrived while a run is going (--watch): one more run when it ends
            self._analyse_again = True
            return
        self._show_status("Analysing…", 0, len(self.library.pending()))
        # A daemon thread, not a Textual worker: a worker thread still waiting on the analysis pool
        # would hold up the exit, and quitting must be instant.
        self._analysis_thread = threading.Thread(
            target=self._analyse, name="newsreader-analysis", daemon=True
        )
        self._analysis_thread.start()

    def _analyse(self) -> None:
        error = self.library.model_problem
        if error is None:
            try:
                self.library.analyze_pending(
                    on_analysis=lambda a: self.post_message(messages.AnalysesReady([a])),
                    on_progress=lambda done, total: self.post_message(messages.AnalysisProgress(done, total)),
                    on_error=lambda article, reason: self.post_message(
                        messages.ProblemFound(LoadProblem(article.path, f"not analysed: {reason}"))
                    ),
                    background=self.analysis_in_processes,
                    cancel=self._cancel_analysis,
                )
            except Exception as exc:  # the reader keeps showing the articles without highlights
                error = str(exc) or type(exc).__name__
        self.post_message(messages.AnalysisFinished(error))

    def on_analyses_ready(self, message: messages.AnalysesReady) -> None:
        if self._closing:
            return
        for analysis in message.analyses:
            if analysis.article_id == self.current_id:
                self._show_analysis(analysis)
        if self.actors_scope == "all" and self._actors_timer is None:
            self._actors_timer = self.set_timer(0.5, self._refresh_actors_later)

    def _refresh_actors_later(self) -> None:
        self._actors_timer = None
        self._refresh_actors()

    def on_analysis_progress(self, message: messages.AnalysisProgress) -> None:
        if self._closing:
            return
        self._show_status(f"Analysing {message.done}/{message.total}", message.done, message.total)

    def on_analysis_finished(self, message: messages.AnalysisFinished) -> None:
        if self._closing:
            return
        self._hide_status()
        if message.error:
            self.notify(f"Analysis unavailable: {message.error}", severity="error", timeout=12)
        self._refresh_actors()
        self._update_legend()
        if self._analyse_again and not message.error:
            self._analyse_again = False
            if self._analysis_thread is not None:
                self._analysis_thread.join(timeout=1)  # its last act was to post this message
            self._start_analysis()

    def _show_status(self, text: str, done: int | None, total: int | None) -> None:
        status = self.screen_stack[0].query_one("#analysis-status")
        status.display = True
        self.screen_stack[0].query_one("#analysis-label", Label).update(text)
        bars = status.query("#analysis-bar")
        if total is None:
            bars.set(display=False)
            return
        if bars:
            bar = bars.first()
        else:
            # mounted when first needed, not for the first paint (a bar is four widgets to style)
            from textual.widgets import ProgressBar

            bar = ProgressBar(id="analysis-bar", show_eta=False)
            status.mount(bar)
        bar.display = True
        bar.update(total=total, progress=done or 0)  # type: ignore[attr-defined]

    def _hide_status(self) -> None:
        self.screen_stack[0].query_one("#analysis-status").display = False

    # -- the open article ------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#article-list")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._closing:
            return
        if event.option.id and event.option.id != self.current_id:
            self.open_article(event.option.id)

    @on(OptionList.OptionSelected, "#article-list")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != self.current_id:
            self.open_article(event.option.id)
        self.article_view.focus()

    def open_article(self, article_id: str) -> Article | None:
        article = self.library.article(article_id)
        if article is None:
            return None
        self.current_id = article_id
        view = self.article_view
        view.show(article, self.library.analysis(article_id))
        view.set_marked(self._marked_spans(article_id))
        view.set_matches(self.library.match_spans(self.query_text, article_id) if self.query_text else [])
        self.sub_title = visible_line(article.title)
        listed = self.article_list
        if article_id in listed.shown_ids and listed.highlighted_id != article_id:
            listed.highlighted = listed.shown_ids.index(article_id)
        self._update_legend()
        if self.actors_scope == "article":
            self._refresh_actors(keep_place=False)
        return article

    def _show_analysis(self, analysis: Analysis) -> None:
        self.article_view.update_analysis(analysis)
        self._update_legend()
        if self.actors_scope == "article":
            self._refresh_actors()

    def _update_legend(self) -> None:
        view = self.article_view
        note = None
        if view.article is not None and view.analysis is None:
            note = "analysing…" if self.analyze else "not analysed"
        try:
            legend = self.screen_stack[0].query_one(LegendBar)
        except (IndexError, NoMatches):
            return  # an analysis finished while the reader was closing: nothing left to update
        legend.show_legend(
            Legend.of(view.analysis),
            view.marks.hidden_labels,
            view.marks.show_quotes,
            note,
            colours=lambda name: view.get_component_rich_style(name, partial=True),
        )

    def on_article_view_marks_changed(self) -> None:
        self._update_legend()

    def _refresh_actors(self, *, keep_place: bool = True) -> None:
        panel = self.actors_panel
        if self.actors_scope == "all":
            panel.empty_note = "No actors found yet." if not self.loading else "Reading…"
            panel.marked = self.mark_store.keys()
            panel.show_actors(self.library.actors(None), keep_place=keep_place)
        else:
            ids = [self.current_id] if self.current_id else []
            analysed = bool(ids) and self.library.analysis(ids[0]) is not None
            panel.empty_note = "No actors in this article." if analysed else "Actors appear once analysed."
            panel.marked = self.mark_store.keys()
            panel.show_actors(self.library.actors(ids), keep_place=keep_place)
        self._title_actors()

    def _title_actors(self) -> None:
        panel = self.actors_panel
        scope = "this article" if self.actors_scope == "article" else "all articles"
        panel.border_title = f"Actors · {scope}"
        panel.border_subtitle = f"a: scope · s: by {'name' if panel.order == 'statements' else 'statements'}"

    def action_actors_scope(self) -> None:
        self.actors_scope = "all" if self.actors_scope == "article" else "article"
        self.actors_panel.scope = self.actors_scope  # type: ignore[assignment]
        if not self.actors_visible:
            self.action_toggle_actors()
        self._refresh_actors(keep_place=False)

    @on(ActorsPanel.StatementChosen)
    def _statement_chosen(self, event: ActorsPanel.StatementChosen) -> None:
        if event.article_id != self.current_id:
            if not event.selected:
                return
            self.open_article(event.article_id)
        self.article_view.select_quote(event.quote, flash=event.selected)

    @on(ActorsPanel.CardRequested)
    def _actor_card(self, event: ActorsPanel.CardRequested) -> None:
        from tui.app.profiles import profile_of_actor

        self._show_card(profile_of_actor(self.library, event.actor))

    @on(ArticleView.EntityCardRequested)
    def _entity_card(self, event: ArticleView.EntityCardRequested) -> None:
        from tui.app.profiles import profile_of_entity

        self._show_card(profile_of_entity(self.library, self.current_id, event.entity))

    def _show_card(self, profile) -> None:  # type: ignore[no-untyped-def]
        from tui.app.screens.entity_card import EntityCard

        self.push_screen(EntityCard(profile), self._card_closed)

    def _card_closed(self, choice: str | None) -> None:
        if not choice:
            return
        article_id, _, start = choice.partition("#")
        if self.open_article(article_id) is None:
            return
        if start:
            analysis = self.library.analysis(article_id)
            quote = next((q for q in analysis.quotes if q.start == int(start)), None) if analysis else None
            if quote is not None:
                self.article_view.select_quote(quote, flash=True)
        self.article_view.focus()

    # -- marking, copying and exporting quotes ---------------------------------------------------

    def selected_quote(self) -> tuple[Article, Quote] | None:
        """The quote the reader means: the statement under the cursor in the actors panel when it has
        the focus, else the quote selected in the article with ] and [."""
        if self.focused is self.actors_panel:
            statement = self.actors_panel.selected_statement
            if statement is not None:
                article = self.library.article(statement.article_id)
                return (article, statement.quote) if article is not None else None
        view = self.article_view
        if view.article is not None and view.selected_quote is not None:
            return view.article, view.selected_quote
        return None

    def action_toggle_mark(self) -> None:
        picked = self.selected_quote()
        if picked is None:
            self.notify(
                "Select a quote first: ] and [ step through the article's quotes, "
                "or move to a statement in the actors panel.",
                severity="warning",
                timeout=4,
            )
            return
        self.toggle_mark(*picked)

    @on(ActorsPanel.MarkRequested)
    def _mark_requested(self, event: ActorsPanel.MarkRequested) -> None:
        article = self.library.article(event.article_id)
        if article is not None:
            self.toggle_mark(article, event.quote)

    def toggle_mark(self, article: Article, quote: Quote) -> None:
        """Mark or unmark one quote, saved at once; a failed save is undone and said."""
        from tui.core.marks import MarkKey, MarkSaveError

        try:
            marked = self.mark_store.toggle(MarkKey.of(article, quote))
        except MarkSaveError as error:
            self.notify(str(error), title="Marks", severity="error", timeout=10)
            return
        self._show_marks()
        who = quote.actor or (quote.speaker.text if quote.speaker else "an unknown speaker")
        verb = "Marked" if marked else "Unmarked"
        self.notify(f"{verb} the quote by {who} (e exports the marked quotes).", timeout=2)

    def _marked_spans(self, article_id: str | None) -> list[tuple[int, int]]:
        marked = self.mark_store.keys()
        return [(k.start, k.end) for k in marked if k.article_id == article_id]

    def _show_marks(self) -> None:
        """Star the marked quotes in the article and the actors panel, and count them in the footer."""
        keys = self.mark_store.keys()
        article = self.article_view.article
        self.article_view.set_marked(self._marked_spans(article.id if article else None))
        self.actors_panel.set_marked(keys)
        label = self.screen_stack[0].query_one("#marked-count", Label)
        label.update(f"★ {len(keys)} marked")
        label.display = bool(keys)

    def action_copy_quote(self) -> None:
        from tui.app.clipboard import copy_quote
        from tui.core.export import ExportItem

        picked = self.selected_quote()
        if picked is None:
            self.notify(
                "Select a quote first: ] and [ step through the article's quotes, "
                "or move to a statement in the actors panel.",
                severity="warning",
                timeout=4,
            )
            return
        self.notify(copy_quote(self, ExportItem.from_quote(*picked)), timeout=4)

    def _selected_actor_name(self) -> str | None:
        """The actor under the cursor in the actors panel, else the speaker of the selected quote."""
        actor = self.actors_panel.selected_actor if self.actors_visible else None
        if actor is not None:
            return actor.name
        picked = self.selected_quote()
        return picked[1].actor if picked is not None else None

    def action_export(self) -> None:
        from tui.app.screens.export import ExportScreen, reader_scopes

        query = self.query_text or None
        scopes, default = reader_scopes(
            list(self.library.analyzed(self.library.articles)),
            marked=self.mark_store.keys(),
            article_id=self.current_id,
            actor=self._selected_actor_name(),
            query=query,
            matching_ids=set(self.article_list.shown_ids) if query else None,
        )
        if not any(scopes.values()):
            note = "the analysis is still running" if self.library.pending() else "no quotes were found"
            self.notify(f"Nothing to export yet: {note}.", severity="warning", timeout=4)
            return

        def exported(result) -> None:  # type: ignore[no-untyped-def]
            if result is not None:
                self.notify(result.message, title="Exported", timeout=8)

        self.push_screen(ExportScreen(scopes, default), callback=exported)

    # -- search ----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.search_input.focus()

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._run_search(self.query_text)

    def _run_search(self, query: str) -> None:
        """Search at once when no search is running, else as soon as the running one ends.

        A throttle, not a debounce: the first key after a pause is answered without waiting (a
        search at 100,000 articles takes ~2-12 ms), and keys typed while a search runs coalesce into
        one search for the latest text. `query` is searched even when it is the text searched last:
        new articles (loading, --watch) must be found too.
        """
        self._search_wanted = query
        self._search_due = True
        self._search_next()

    def _search_next(self) -> None:
        running = self._search_worker is not None and not self._search_worker.is_finished
        if self._search_due and not running:
            self._search_due = False
            self._search_worker = self._search(self._search_wanted)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is self._search_worker and event.worker.is_finished:
            self._search_next()

    @property
    def search_settled(self) -> bool:
        """No search running or waiting, and the list and article show the last one's results."""
        running = self._search_worker is not None and not self._search_worker.is_finished
        return not (running or self._search_due or self._follow_due)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        if not query:
            self.post_message(messages.SearchResults(query, None))
            return
        from tui.core.query import QueryError  # here, not at start-up: the first paint waits for none of it

        try:
            # the best SEARCH_LIMIT, not every match: at 100,000 articles listing all takes ~0.15 s
            results = self.library.find(query, limit=SEARCH_LIMIT, snippets=False)
        except QueryError as exc:  # a query the engine rejects: say why, keep the list
            self.post_message(messages.SearchResults(query, None, error=str(exc)))
            return
        if not worker.is_cancelled:
            ids = [hit.article_id for hit in results.hits]
            self.post_message(messages.SearchResults(query, ids, total=results.total))

    def on_search_results(self, message: messages.SearchResults) -> None:
        if self._closing:
            return
        if message.query != self.query_text:
            return  # typed on meanwhile: the search for the newer text is due or running
        if message.error:
            self.notify(message.error, title="Search", severity="warning", timeout=5)
            return
        if message.article_ids is None:
            self.article_list.set_articles(self.library.articles)
            self.match_total = None
        else:
            listed = [self.library.article(i) for i in message.article_ids]
            self.article_list.set_articles([a for a in listed if a is not None])
            self.match_total = message.total
        self._count(recount=False)
        # The list first: the article under the cursor and its highlighted matches cost more than
        # the list (text, highlights, actors, legend), so they follow once the list is on screen.
        if not self._follow_due:
            self._follow_due = True
            self.call_after_refresh(self._follow_list)

    def _follow_list(self) -> None:
        """Open the article under the list's cursor (the best match, or the one already open) and
        highlight the query's matches in it."""
        self._follow_due = False
        if self._closing:
            return
        chosen = self.article_list.highlighted_id
        if chosen is not None and chosen != self.current_id:
            self.open_article(chosen)
            return
        article = self.article_view.article
        if article is not None:
            self.article_view.set_matches(
                self.library.match_spans(self.query_text, article.id) if self.query_text else []
            )

    def _count(self, *, recount: bool = True) -> None:
        """The search bar's count. `recount=False` after a search: the library did not change, and
        counting 100,000 articles (a copy of the list) costs a few ms per keystroke."""
        if recount or self._article_total is None:
            self._article_total = len(self.library.articles)
        total = self._article_total
        shown = len(self.article_list.shown_ids)
        matched = (self.match_total if self.match_total is not None else shown) if self.query_text else None
        self.screen_stack[0].query_one(SearchBar).show_count(matched, total, shown=shown)

    @on(SearchInput.Done)
    def _search_done(self, event: SearchInput.Done) -> None:
        if event.cleared:
            self.query_text = ""
        self.article_list.focus()

    def action_quote(self, step: int) -> None:
        self.article_view.action_quote(step)

    def action_entity(self, step: int) -> None:
        self.article_view.action_entity(step)

    def action_match(self, step: int) -> None:
        if not self.query_text:
            self.notify("Search first with / to step through matches.", timeout=2)
        elif not self.article_view.next_match(step):
            self.notify("No match in this article.", timeout=2)

    def action_back(self) -> None:
        view = self.article_view
        if self.focused is view and view.clear_selection():
            return
        if self.focused is not self.article_list and self.list_visible:
            self.article_list.focus()
        elif self.query_text:
            self.search_input.value = ""
            self.query_text = ""
            self._run_search("")

    # -- help and palette ------------------------------------------------------------------------

    def _help_sections(self) -> list[tuple[str, DOMNode]]:
        return [
            ("Everywhere", self),
            ("Article list", self.article_list),
            ("Article", self.article_view),
            ("Actors panel", self.actors_panel),
            ("Search bar", self.search_input),
        ]

    def action_help(self) -> None:
        """Every key of every pane."""
        from tui.app.screens.help import HelpScreen

        self.push_screen(HelpScreen(self._help_sections()))

    def action_help_focused(self) -> None:
        """F1: the keys of the pane that has the focus first, then the ones that work everywhere."""
        from tui.app.screens.help import HelpScreen

        sections = self._help_sections()
        focused = self.focused
        pane = next((s for s in sections[1:] if focused is not None and s[1] is focused), None)
        if pane is None:
            self.action_help()
            return
        self.push_screen(HelpScreen([pane, sections[0]], title=f"Keys · {pane[0]}"))

    def palette_commands(self) -> list[Command]:
        """Commands for the palette, the ones about what is on screen first."""
        commands: list[Command] = []
        view = self.article_view
        legend = Legend.of(view.analysis)
        for label, count in legend.ordered_labels():
            state = "hide" if label not in view.marks.hidden_labels else "show"
            commands.append(
                (f"Toggle {label} highlights", f"{state} {count} in this article", self._toggler([label]))
            )
        for group, labels in ENTITY_GROUPS.items():
            commands.append((f"Toggle all {group}", ", ".join(labels), self._toggler(labels)))
        commands.append(
            ("Toggle quote marks", "show or hide quotation highlights", view.action_toggle_quotes)
        )
        for actor in self.actors_panel.actors:
            commands.append(
                (
                    f"Jump to actor: {visible_line(actor.name)}",
                    f"{visible_line(actor.label)}, {len(actor.statements)} statements",
                    self._jumper(actor.name),
                )
            )
        commands.append(("Actors: switch scope", "this article / all articles", self.action_actors_scope))
        commands.append(
            ("Actors: change sort order", "by statements / by name", self.actors_panel.action_sort)
        )
        commands.append(
            ("Export quotes…", "e: marked, this article, an actor, the search, all", self.action_export)
        )
        commands.append(("Mark/unmark the selected quote", "m", self.action_toggle_mark))
        commands.append(("Copy the selected quote with its source", "y", self.action_copy_quote))
        commands.append(("Show/hide the article list", "L", self.action_toggle_list))
        commands.append(("Show/hide the actors panel", "A", self.action_toggle_actors))
        commands.append(("Keys (help)", "?", self.action_help))
        for article in self.library.articles:
            title, path = visible_line(article.title or article.path), visible_line(article.path)
            commands.append((f"Open article: {title}", path, self._opener(article.id)))
        return commands

    def _toggler(self, labels: Sequence[str]) -> Callable[[], None]:
        return lambda: self.article_view.toggle_labels(labels)

    def _jumper(self, name: str) -> Callable[[], None]:
        def jump() -> None:
            if not self.actors_visible:
                self.action_toggle_actors()
            self.actors_panel.jump_to(name)

        return jump

    def _opener(self, article_id: str) -> Callable[[], None]:
        def open_it() -> None:
            self.open_article(article_id)
            self.article_view.focus()

        return open_it
