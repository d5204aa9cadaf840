"""The reader's keys as data, and their words: one text per key for the footer, the help and the palette.

Every binding has an id, which is how a user remaps it (keys.toml, tui.app.keymap) and how the
palette and the help find it. The footer shows `description` (short: room is scarce at 80
columns); the help and the palette show `tooltip` when there is one, else the description
(`binding_text`), so a key is described in one place only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from tui.app.article_text import ENTITY_GROUPS

if TYPE_CHECKING:
    from textual.dom import DOMNode

# Keys that work on every screen (the app's) and that the reader's own screen lists first, in this order.
GLOBAL_KEYS: list[BindingType] = [
    Binding("q", "app.quit", "Quit", id="quit"),
    Binding("question_mark", "app.help", "Help", key_display="?", tooltip="Every key", id="help"),
    Binding("f1", "app.help_focused", "Help for this pane", show=False, id="help-focused"),
]

# The reader's keys, whichever pane has the focus (each pane's own keys are in its BINDINGS).
READER_KEYS: list[BindingType] = [
    Binding("slash", "search", "Search", key_display="/", id="search"),
    Binding("o", "open_path", "Open", tooltip="Open a file, folder or web address", id="open"),
    Binding("right_square_bracket", "quote(1)", "Next quote", key_display="]", id="next-quote"),
    Binding("left_square_bracket", "quote(-1)", "Prev quote", key_display="[", show=False, id="prev-quote"),
    # not in the footer, where room is short at 80 columns; the help lists it
    Binding("right_curly_bracket", "entity(1)", "Next entity", key_display="}", show=False, id="next-entity"),
    Binding("left_curly_bracket", "entity(-1)", "Prev entity", key_display="{", show=False, id="prev-entity"),
    Binding("n", "match(1)", "Next match", show=False, id="next-match"),
    Binding("N", "match(-1)", "Prev match", show=False, id="prev-match"),
    # not in the footer: the actors panel's own subtitle says "a: scope"
    Binding("a", "actors_scope", "Actors scope", show=False, id="actors-scope"),
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
    Binding("A", "toggle_pane('actors-panel')", "Show/hide actors panel", show=False, id="toggle-actors"),
    Binding("L", "toggle_pane('article-list')", "Show/hide article list", show=False, id="toggle-list"),
    Binding("escape", "back", "Back / clear", show=False, id="back"),
    Binding("tab", "app.focus_next", "Next pane", show=False, id="next-pane"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="previous-pane"),
]

# Number keys toggle entity groups in legend order.
GROUP_KEYS = dict(zip(ENTITY_GROUPS, "1234567", strict=True))

# The article pane's own keys.
ARTICLE_KEYS: list[BindingType] = [
    Binding("j,down", "scroll_lines(1)", "Down", show=False, id="article-down"),
    Binding("k,up", "scroll_lines(-1)", "Up", show=False, id="article-up"),
    Binding("g,home", "top", "Top", show=False, id="article-top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="article-bottom"),
    Binding("space,pagedown", "page(1)", "Page down", show=False, id="article-page-down"),
    Binding("b,pageup", "page(-1)", "Page up", show=False, id="article-page-up"),
    # ] [ } { step through quotes and entities from any pane: they are the reader's keys above
    Binding("enter", "entity_card", "Entity card", id="entity-card"),
    Binding("quotation_mark", "toggle_quotes", "Show/hide quote marks", show=False, id="toggle-quotes"),
    *(
        Binding(key, f"toggle_group('{group}')", f"Show/hide {group}", show=False, id=f"toggle-{group}")
        for group, key in GROUP_KEYS.items()
    ),
]


# The actor's page (tui.app.screens.actor_page): q, ? and F1 are the app's, as everywhere.
ACTOR_PAGE_KEYS: list[BindingType] = [
    Binding(
        "enter",
        "read",
        "Read",
        tooltip="Read the statement in its article (on an actor it appears with: their page)",
        id="actor-page-read",
    ),
    Binding(
        "p",
        "printings",
        "Printings",
        tooltip="List the articles printing the selected statement, and open one",
        show=False,  # the rows printed several times say "p lists them"
        id="actor-page-printings",
    ),
    Binding("m", "toggle_mark", "Mark", tooltip="Mark/unmark the selected statement", id="actor-page-mark"),
    Binding(
        "e", "export", "Export", tooltip="Export this actor's statements to a file", id="actor-page-export"
    ),
    Binding("escape", "back", "Back", tooltip="Back to where the page was opened", id="actor-page-back"),
    Binding("tab", "app.focus_next", "Next list", show=False, id="actor-page-next"),
    Binding("shift+tab", "app.focus_previous", "Previous list", show=False, id="actor-page-previous"),
]


def next_index(current: int | None, step: int, count: int, first: int) -> int:
    """Where `]`, `}` or `n` lands among `count` spans: the next (or previous) one from `current`,
    wrapping around; with no current one, `first` (the first on screen) or the one before it."""
    if current is None:
        return first if step > 0 else max(0, first - 1) if first else count - 1
    return (current + step) % count


# What the palette offers besides articles, actors and highlights: these keys' actions, in this order.
PALETTE_KEYS = (
    "open",
    "list-order",
    "actors-scope",
    "actors-sort",
    "export",
    "mark-quote",
    "copy-quote",
    "toggle-list",
    "toggle-actors",
    "help",
)


def binding_text(binding: Binding) -> str:
    """How the help and the palette describe a key: the tooltip when there is one (the footer's word
    may be terse), else the description."""
    return binding.tooltip or binding.description


def described_keys(node: DOMNode) -> dict[str, tuple[Binding, list[str]]]:
    """A node's own bindings that have an id (the user's keymap applied): id -> (binding, keys shown)."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    found: dict[str, tuple[Binding, list[str]]] = {}
    for key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            if not binding.description or binding.system:
                continue
            if binding.id is None and binding.action != "command_palette":
                continue  # the widgets' own defaults, repeated by the reader's bindings
            shown = node.app.get_key_display(binding.with_key(key))
            entry = found.setdefault(binding.id or binding.action, (binding, []))
            if shown not in entry[1]:
                entry[1].append(shown)
    return found
