"""The export dialog: which quotes, which format, which file; then written safely, or a plain reason why not.

The app decides what can be offered (marked quotes, this article, this actor, the search, all)
and passes the quotes of each choice; the dialog only asks and writes, through the same
`export_quotes` as `newsreader export`, so both write the same files with the same words.
It never replaces a file without asking first, and any failure stays in the dialog as a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from tui.core.export import (
    FORMATS,
    ExportError,
    ExportItem,
    ExportResult,
    FileExistsExportError,
    default_filename,
    export_quotes,
    select_quotes,
)
from tui.core.marks import MarkKey
from tui.core.model import Analysis, Article
from tui.core.terminal_safe import visible, visible_line

_COUNT_SUFFIX = re.compile(r"\s*\(\d[\d,]*\)\s*$")
_FORMAT_SUFFIXES = {fmt.suffix for fmt in FORMATS.values()}


def scope_choices(
    *,
    marked: Sequence[ExportItem] | None = None,
    article: Sequence[ExportItem] | None = None,
    actor: tuple[str, Sequence[ExportItem]] | None = None,
    search: tuple[str, Sequence[ExportItem]] | None = None,
    everything: Sequence[ExportItem] | None = None,
) -> dict[str, list[ExportItem]]:
    """The dialog's choices, labelled with their counts, in the order a reader thinks of them.

    A choice given as None is left out (no article open, no actor selected, no search typed).
    `actor` and `search` carry the actor's name and the query text to name the choice.
    """
    choices: dict[str, list[ExportItem]] = {}
    if marked is not None:
        choices[f"Marked quotes ({len(marked)})"] = list(marked)
    if article is not None:
        choices[f"Quotes in this article ({len(article)})"] = list(article)
    if actor is not None:
        name, items = actor
        choices[f"Quotes by {name} ({len(items)})"] = list(items)
    if search is not None:
        query, items = search
        choices[f"Quotes in articles matching {query.strip()} ({len(items)})"] = list(items)
    if everything is not None:
        choices[f"All quotes ({len(everything)})"] = list(everything)
    return choices


def reader_scopes(
    pairs: Iterable[tuple[Article, Analysis]],
    *,
    marked: set[MarkKey],
    article_id: str | None = None,
    actor: str | None = None,
    query: str | None = None,
    matching_ids: set[str] | None = None,
) -> tuple[dict[str, list[ExportItem]], str]:
    """The reader's choices and the one to offer first, from what is loaded and what is on screen.

    `pairs` are the analysed articles (`library.analyzed(library.articles)`); `article_id` is the
    open article, `actor` the actor selected in the panel, `query`/`matching_ids` the search and the
    articles it matches (leave them None when nothing is open, selected or searched). The first
    choice offered is the marked quotes when there are any, else the open article's, else all.
    """
    everything = select_quotes(pairs)
    marked_items = [item for item in everything if item.mark_key in marked]
    article = [item for item in everything if item.article_id == article_id] if article_id else None
    by_actor = (actor, [item for item in everything if item.actor == actor]) if actor else None
    search = None
    if query and matching_ids is not None:
        search = (query, [item for item in everything if item.article_id in matching_ids])
    choices = scope_choices(
        marked=marked_items, article=article, actor=by_actor, search=search, everything=everything
    )
    labels = list(choices)
    if marked_items:
        default = labels[0]
    elif article:
        default = labels[1]
    else:
        default = labels[-1]
    return choices, default


def scope_title(label: str) -> str:
    """What a choice exports, for the file's title and name: its label without the count."""
    return _COUNT_SUFFIX.sub("", label).strip() or "quotes"


class ExportScreen(ModalScreen[ExportResult | None]):
    """Dismissed with the ExportResult of a written file (the app says `result.message`), or None.

    `scopes` maps each choice's label to its quotes; `default_scope` is chosen first (when it holds
    no quotes, the first choice that does). A relative file name is taken in `folder` (default: the
    current directory). Its styles live in the reader's newsreader.tcss with the other screens'.
    """

    CSS_PATH = "dialogs.tcss"  # the dialogs' styles, read when the first one opens

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel export", id="export-cancel"),
        Binding("ctrl+s", "export", "Export", id="export-write"),
    ]

    def __init__(
        self,
        scopes: Mapping[str, Sequence[ExportItem]],
        default_scope: str | None = None,
        *,
        folder: Path | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__()
        if not scopes:
            raise ValueError("the export dialog needs at least one choice of quotes")
        self.scopes = {label: list(items) for label, items in scopes.items()}
        self.labels = list(self.scopes)
        self.folder = folder if folder is not None else Path.cwd()
        self.now = now or datetime.now().astimezone()
        self.scope = self._first_scope(default_scope)
        self.fmt = "md"
        self._suggested_name = self._default_name()
        self._confirming: Path | None = None

    def _first_scope(self, wanted: str | None) -> str:
        if wanted is not None and self.scopes.get(wanted):
            return wanted
        return next((label for label in self.labels if self.scopes[label]), self.labels[0])

    def _default_name(self) -> str:
        return default_filename(self.fmt, scope_title(self.scope), self.now)

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="export-dialog") as dialog:
            dialog.border_title = "Export quotes"
            dialog.border_subtitle = "ctrl+s exports · escape cancels"
            with RadioSet(id="export-scope") as scopes:
                scopes.border_title = "What"
                for number, label in enumerate(self.labels):
                    yield RadioButton(
                        Text(visible_line(label)),  # an actor's name or a query: shown, never obeyed
                        value=label == self.scope,
                        id=f"export-scope-{number}",
                        disabled=not self.scopes[label],
                    )
            with RadioSet(id="export-format") as formats:
                formats.border_title = "Format"
                for fmt in FORMATS.values():
                    yield RadioButton(fmt.label, value=fmt.key == self.fmt, id=f"export-format-{fmt.key}")
            path_input = Input(self._suggested_name, id="export-path", placeholder="file name or path")
            path_input.border_title = "File"
            yield path_input
            yield Static(id="export-target")
            yield Static(id="export-message")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self._show_target()
        self.query_one("#export-scope", RadioSet).focus()

    # -- reacting to choices -----------------------------------------------------------------------

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.scope = self.labels[event.index]
        self._follow_choice()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.fmt = list(FORMATS)[event.index]
        self._follow_choice()

    def _follow_choice(self) -> None:
        """Suggest a new file name, unless the user typed one (then only its suffix follows the format)."""
        path_input = self.query_one("#export-path", Input)
        typed = path_input.value
        suggested = self._default_name()
        if typed == self._suggested_name or not typed.strip():
            path_input.value = suggested
        else:
            typed_path = Path(typed)
            if typed_path.suffix.lower() in _FORMAT_SUFFIXES:
                path_input.value = str(typed_path.with_suffix(FORMATS[self.fmt].suffix))
        self._suggested_name = suggested
        self._clear_message()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._clear_message()
        self._show_target()

    def _target(self) -> Path | None:
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.folder / path

    def _show_target(self) -> None:
        target = self._target()
        shown = f"→ {visible_line(str(target))}" if target else ""
        self.query_one("#export-target", Static).update(Text(shown))

    # -- writing -----------------------------------------------------------------------------------

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-ok")
    def _ok_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_export(self) -> None:
        target = self._target()
        if target is None:
            self._show_message("Give a file name to export to.", "-error")
            return
        overwrite = self._confirming == target
        try:
            result = export_quotes(
                self.scopes[self.scope], target, self.fmt, what=scope_title(self.scope), overwrite=overwrite
            )
        except FileExistsExportError:
            self._ask_to_replace(target)
            return
        except ExportError as error:
            self._show_message(str(error), "-error")
            return
        except OSError as error:  # the core turns every expected failure into ExportError; never crash
            self._show_message(f"cannot write {target}: {error.strerror or error}", "-error")
            return
        self.dismiss(result)

    def _ask_to_replace(self, target: Path) -> None:
        self._confirming = target
        self._show_message(
            f"{target} already exists: Replace overwrites it, or change the name.",
            "-confirm",
        )
        button = self.query_one("#export-ok", Button)
        button.label = "Replace"
        button.variant = "warning"
        button.focus()

    def action_cancel(self) -> None:
        """Escape backs out of the replace question first, then closes the dialog."""
        if self._confirming is not None:
            self._clear_message()
            self.query_one("#export-path", Input).focus()
            return
        self.dismiss(None)

    # -- messages ----------------------------------------------------------------------------------

    def _show_message(self, text: str, kind: str) -> None:
        message = self.query_one("#export-message", Static)
        message.set_classes(kind)
        message.update(Text(visible(text)))  # names a file: placeholders for its control characters
        self.query_one("#export-target", Static).display = False  # the message names the file
        # On a short terminal the message may push the buttons below the fold: bring them back.
        dialog = self.query_one("#export-dialog", VerticalScroll)
        self.call_after_refresh(dialog.scroll_end, animate=False)

    def _clear_message(self) -> None:
        """Any change of choice ends a pending replace question: the new target must be asked about anew."""
        self._confirming = None
        message = self.query_one("#export-message", Static)
        message.set_classes("")
        message.update("")
        self.query_one("#export-target", Static).display = True
        button = self.query_one("#export-ok", Button)
        button.label = "Export"
        button.variant = "primary"
