"""The reader screen's panes and what they show: the open article, its legend, its actors, the count.

The bottom layer of the reader's main view (tui.app.screens.reader): it composes the panes and keeps
the state they show. ReaderFeed (reader_feed.py) puts what the background jobs report on them;
ReaderScreen (reader.py) adds the layout, the search and the keys. The app behind it (`ReaderHost`)
keeps the library and the marks, and prepares the analysis processes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Label
from textual.worker import Worker, get_current_worker

from tui.app.article_text import Legend
from tui.app.coalesce import Coalescer
from tui.app.panes import SIDE_PANES
from tui.app.quote_actions import QuoteActions
from tui.app.search_throttle import SearchThrottle
from tui.app.widgets.actors_panel import ActorsPanel
from tui.app.widgets.analysis_status import AnalysisStatus
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.legend import LegendBar
from tui.app.widgets.search_bar import SearchBar, SearchInput
from tui.app.widgets.statement_note import StatementNote
from tui.core.model import Analysis, Article
from tui.core.terminal_safe import visible_line

if TYPE_CHECKING:
    from tui.app.options import ReaderOptions
    from tui.core.library import Library
    from tui.core.marks import MarkStore

NARROW = 100  # columns: below this, one side pane at a time


class ReaderHost(Protocol):
    """What the screen needs from its app (tui.app.app.NewsReaderApp)."""

    options: ReaderOptions

    @property
    def library(self) -> Library: ...
    @property
    def mark_store(self) -> MarkStore: ...
    def opened_library(self) -> Library | None: ...
    def prepare_processes(self) -> bool: ...


class ReaderPanes(Screen[None]):
    """The panes, their state, their layout, and the article they show."""

    AUTO_FOCUS = "#article-list"  # where the reader starts, each time the screen shows again

    narrow = var(False, init=False)
    """Under NARROW columns: narrower side panes, a compact footer, and one side pane at a time."""
    hidden = var(frozenset[str](), init=False)
    """The ids of the side panes (tui.app.panes) the reader hid with L or A, or the narrow layout."""

    def __init__(self, options: ReaderOptions) -> None:
        super().__init__()
        self.options = options
        self.paths = list(options.paths)
        self.query_text = ""
        self.match_total: int | None = None  # articles matching the query, listed or not
        self.current_id: str | None = None
        self.reading = False  # files are being read (not `loading`: a Screen shows a spinner for that)
        self._follow_due = False
        self._watched_paths: list[str] | None = None
        self.search = SearchThrottle(self._start_search)
        self.actors_later = Coalescer[None](self, 0.5, lambda _: self._refresh_actors())

    @property
    def host(self) -> ReaderHost:
        return cast("ReaderHost", self.app)

    @property
    def library(self) -> Library:
        return self.host.library

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
        with Horizontal(id="panes"):
            yield ArticleList(id="article-list")
            with Vertical(id="article-pane"):
                yield ArticleView(id="article-view")
                yield StatementNote(id="statement-note")
                yield LegendBar(id="legend")
            yield ActorsPanel(id="actors-panel")
        yield AnalysisStatus(id="analysis-status")
        with Horizontal(id="footer-bar"):
            yield Footer()
            yield Label("", id="marked-count")

    def on_mount(self) -> None:
        self.article_list = self.query_one(ArticleList)
        self.article_view = self.query_one(ArticleView)
        self.actors_panel = self.query_one(ActorsPanel)
        self.search_input = self.query_one(SearchInput)
        self.legend = self.query_one(LegendBar)
        self.search_bar = self.query_one(SearchBar)
        self.status = self.query_one(AnalysisStatus)
        self.quotes = QuoteActions(self, lambda: self.host.library, lambda: self.host.mark_store)
        if self.options.remember:
            from tui.app.list_order import as_order
            from tui.app.session import load_list_order

            self.article_list.order = as_order(load_list_order(self.options.view_path))
        self.narrow = self.app.size.width < NARROW
        self.article_list.focus()
        self.start_reading()

    def start_reading(self) -> None:
        """Open what the reader was asked to: ReaderFeed does (reading is its job)."""

    @property
    def adding(self) -> bool:
        """Paths opened with `o` are being read: ReaderFeed knows (reading is its job)."""
        return False

    # -- the list's order ------------------------------------------------------------------------

    def listed_articles(self) -> list[Article]:
        """Every loaded article, in the order the list shows when no search is active."""
        from tui.app.list_order import ordered

        return ordered(self.library.articles, self.article_list.order, self._statement_count)

    def _statement_count(self, article_id: str) -> int | None:
        analysis = self.library.analysis(article_id)
        return len(analysis.quotes) if analysis is not None else None

    def relist(self) -> None:
        """List every article in the chosen order (not while a search shows its matches). The first
        one is opened when none is open yet; while the files are read, a cursor left on the first
        row stays there (the newest article read so far), elsewhere it stays on its article."""
        if self.query_text:
            return
        listed = self.article_list
        on_top = self.reading and listed.highlighted in (None, 0) and not self.adding
        listed.ranked = False
        listed.set_articles(self.listed_articles())
        if on_top and listed.shown_ids:
            listed.highlighted = 0
        chosen = listed.highlighted_id
        if chosen is not None and (self.current_id is None or (on_top and chosen != self.current_id)):
            if self.reading:  # the first titles on screen first: the article costs more to show
                self.call_after_refresh(self._open_listed, chosen)
            else:
                self.open_article(chosen)

    def _open_listed(self, article_id: str) -> None:
        if self.article_list.highlighted_id == article_id and article_id != self.current_id:
            self.open_article(article_id)

    @on(ArticleList.OrderChanged)
    def _order_changed(self, event: ArticleList.OrderChanged) -> None:
        self.relist()
        if self.options.remember:
            from tui.app.session import save_list_order

            try:
                save_list_order(event.order, self.options.view_path)
            except OSError as error:
                self.notify(f"Could not remember the list's order: {error}", severity="warning")

    # -- the open article and its actors ---------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _article_highlighted(self, event: ArticleList.Highlighted) -> None:
        if event.article_id != self.current_id:
            self.open_article(event.article_id)

    @on(ArticleList.Selected)
    def _article_selected(self, event: ArticleList.Selected) -> None:
        if event.article_id != self.current_id:
            self.open_article(event.article_id)
        self.article_view.focus()

    def open_article(self, article_id: str) -> Article | None:
        article = self.library.article(article_id)
        if article is None:
            return None
        self.current_id = article_id
        view = self.article_view
        view.show(article, self.library.analysis(article_id))
        view.set_marked(self.quotes.marked_spans(article_id))
        view.set_matches(self.library.match_spans(self.query_text, article_id) if self.query_text else [])
        self.app.sub_title = visible_line(article.title)
        listed = self.article_list
        if article_id in listed.shown_ids and listed.highlighted_id != article_id:
            listed.highlighted = listed.shown_ids.index(article_id)
        self._update_legend()
        if self.actors_panel.scope == "article":
            self._refresh_actors(keep_place=False)
        return article

    # -- layout ----------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.narrow = event.size.width < NARROW

    def watch_narrow(self, narrow: bool) -> None:
        self.set_class(narrow, "-narrow")
        self.query_one(Footer).compact = narrow
        self.hidden = frozenset(SIDE_PANES[1:]) if narrow else frozenset()

    def watch_hidden(self, hidden: frozenset[str]) -> None:
        for pane_id in SIDE_PANES:
            self.query_one(f"#{pane_id}").display = pane_id not in hidden
        focused = self.focused
        if focused is not None and not focused.display:
            self.article_view.focus()

    def action_toggle_pane(self, pane_id: str) -> None:
        """Show or hide a side pane; on a narrow terminal showing one hides the others. A pane just
        shown takes the focus, a hidden one hands it to the article."""
        showing = pane_id in self.hidden
        others = set(SIDE_PANES) - {pane_id} if self.narrow and showing else set()
        self.hidden = frozenset((self.hidden | others) - {pane_id} if showing else self.hidden | {pane_id})
        if showing:
            self.query_one(f"#{pane_id}").focus()

    def _show_analysis(self, analysis: Analysis) -> None:
        self.article_view.update_analysis(analysis)
        self._update_legend()
        if self.actors_panel.scope == "article":
            self._refresh_actors()

    def _update_legend(self) -> None:
        view = self.article_view
        note = None
        if view.article is not None and view.analysis is None:
            note = "analysing…" if self.options.analyze else "not analysed"
        self.legend.show_legend(
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
        panel.marked = self.host.mark_store.keys()
        if panel.scope == "all":
            panel.empty_note = "No actors found yet." if not self.reading else "Reading…"
            panel.show_actors(self.library.actors(None), keep_place=keep_place)
        else:
            ids = [self.current_id] if self.current_id else []
            analysed = bool(ids) and self.library.analysis(ids[0]) is not None
            panel.empty_note = "No actors in this article." if analysed else "Actors appear once analysed."
            panel.show_actors(self.library.actors(ids), keep_place=keep_place)

    # -- search and count

    def _start_search(self, query: str) -> Worker[None]:
        from tui.app import jobs  # the jobs and their messages: after the first paint

        library = self.library

        def run() -> None:
            worker = get_current_worker()
            jobs.search(library, query, self.post_message, lambda: worker.is_cancelled)

        return self.run_worker(run, thread=True, exclusive=True, group="search")

    def _count(self) -> None:
        """The search bar's count: matches (while searching), listed and loaded articles."""
        shown = len(self.article_list.shown_ids)
        matched = (self.match_total if self.match_total is not None else shown) if self.query_text else None
        self.search_bar.show_count(matched, self.library.article_count, shown=shown)
