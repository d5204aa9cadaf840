"""The entity card: what an entity is, what else it is called, where it appears and what it said."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app.profiles import EntityProfile
from tui.app.quote_words import first_words
from tui.core.terminal_safe import visible_line

SHOWN_STATEMENTS = 12


@dataclass(frozen=True)
class ActorPageChoice:
    """The card was left for the actor's page (`p`): the actor's library-wide key."""

    key: str


class EntityCard(ModalScreen["str | ActorPageChoice | None"]):
    """Dismissed with the id of an article to open (enter on one), "article_id#start" for a statement,
    an ActorPageChoice (p, on an actor), or None (escape)."""

    CSS_PATH = "dialogs.tcss"  # the dialogs' styles, read when the first one opens

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close card", id="card-close"),
        Binding("p", "actor_page", "Actor's page", tooltip="Open the actor's page", id="card-actor-page"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self, profile: EntityProfile) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        profile = self.profile
        with Vertical(id="card") as card:
            card.border_title = visible_line(profile.name)
            hint = (
                "enter opens · p: actor's page · escape closes"
                if profile.actor_key
                else "enter opens · escape closes"
            )
            card.border_subtitle = hint
            yield Static(self._summary(), id="card-summary")
            heading = Text("Appears in", style="bold underline")
            options = [Option(heading, disabled=True)]
            options += [
                Option(
                    Text.assemble((f"{count:>3}× ", "bold"), visible_line(article.title or article.path)),
                    id=article.id,
                )
                for article, count in profile.appearances
            ]
            if profile.statements:
                options.append(Option(Text("Statements", style="bold underline"), disabled=True))
            for article, quote in profile.statements[:SHOWN_STATEMENTS]:
                cue = quote.cue.text if quote.cue else quote.kind
                prompt = Text.assemble(
                    (f"{visible_line(cue)}: ", "bold"), first_words(quote.spoken_words(), 14), "\n"
                )
                prompt.append(f"  in {visible_line(article.title or article.path)}", style="dim")
                options.append(Option(prompt, id=f"{article.id}#{quote.start}"))
            yield OptionList(*options, id="card-list")

    def _summary(self) -> Text:
        profile = self.profile
        text = Text()
        text.append("Type: ", style="bold")
        text.append(visible_line(profile.label) + ("  (actor)" if profile.is_actor else "") + "\n")
        if profile.other_names:
            text.append("Also called: ", style="bold")
            text.append(visible_line(", ".join(profile.other_names)) + "\n")
        articles = len(profile.appearances)
        text.append("Appears: ", style="bold")
        text.append(
            f"{profile.mentions} time{'s' if profile.mentions != 1 else ''} in "
            f"{articles} loaded article{'s' if articles != 1 else ''}"
        )
        if profile.is_actor:
            said = len(profile.statements)
            text.append("\nStatements: ", style="bold")
            more = f" (first {SHOWN_STATEMENTS} listed)" if said > SHOWN_STATEMENTS else ""
            text.append(f"{said}{more}")
        return text

    def on_mount(self) -> None:
        self.query_one("#card-list", OptionList).focus()

    def action_actor_page(self) -> None:
        if self.profile.actor_key is None:
            self.notify("Not an actor: no statement or name links it to one.", timeout=3)
            return
        self.dismiss(ActorPageChoice(self.profile.actor_key))

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#card-list", OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
