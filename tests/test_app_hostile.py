"""Hostile articles in the reader: no byte of a text, a title or a file name acts on the terminal.

An article holding `ESC [2J` (clear the screen), `ESC ]0;...BEL` (retitle the window) or a C1 CSI
(U+009B) is shown with placeholders in every pane, dialog and notification; the placeholders keep
offsets (one character for one), so highlights still sit on the right words.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from app_library import open_reader
from rich.console import Console
from textual.widgets._toast import Toast

from tui.app.app import NewsReaderApp
from tui.app.screens.entity_card import EntityCard
from tui.app.screens.export import ExportScreen
from tui.app.widgets.actors_panel import ActorNode
from tui.core.library import Library

CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # every control character but the newline
TITLE = "Minister \x1b]0;owned\x07 resigns \x9b2J"
BODY = (
    "The minister \x1b[2J left on Monday.\n\n"
    "“We will win \x1b[31m the vote in the assembly,” said John Smith, the party leader.\n"
)


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "evil\x1b[31mred.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    (folder / "bad\x1b]0;x\x07name.json").write_text("{not json", encoding="utf-8")
    return folder


def analysed(folder: Path) -> Library:
    """The folder read and really analysed, so the actors panel and the card have something to show."""
    from tui.core.nlp import Analyzer

    library = Library(no_cache=True)
    library.open([str(folder)])
    analyzer = Analyzer()
    for article in library.articles:
        library.set_analysis(analyzer.analyze(article))
    return library


def painted(app: NewsReaderApp) -> str:
    """Every character the terminal would be sent to draw the screen (escape sequences of Textual's
    own cursor moves left out): a control character here would reach the terminal. Hyperlink targets
    count too: they travel inside an escape sequence."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=True, legacy_windows=False)
    shown = []
    for segment in console.render(update):
        if segment.control:
            continue
        shown.append(segment.text.replace("\n", ""))
        if segment.style is not None and segment.style.link:
            shown.append(segment.style.link)
    return "".join(shown)


def notices(app: NewsReaderApp) -> list[str]:
    return [f"{n.title}: {n.message}" for n in app._notifications]


async def settle(app: NewsReaderApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_control_characters_in_an_article_reach_no_pane_title_or_notice(hostile_folder: Path) -> None:
    library = analysed(hostile_folder)
    app = open_reader(paths=[str(hostile_folder)], library=library, analyze=False, remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        screen = painted(app)
        assert not CONTROL.search(screen), CONTROL.findall(screen)
        assert "Minister ␛]0;owned␇ resigns" in screen  # the title, in the list and above the text
        assert "minister ␛[2J left" in screen
        assert "win ␛[31m the" in screen
        assert not CONTROL.search(app.title + app.sub_title)
        assert "␛]0;owned␇" in app.sub_title
        skipped = [n for n in notices(app) if "name.json" in n]
        assert skipped and "bad␛]0;x␇name.json" in skipped[0]
        assert not any(CONTROL.search(n.replace("\n", "")) for n in notices(app)), notices(app)

        # the actors panel: the statement's first words carry the placeholder
        panel = app.reader.actors_panel
        panel.focus()
        await pilot.pause()
        assert "Smith" in painted(app)
        assert not CONTROL.search(painted(app))

        # the entity card of the speaker, and the export dialog naming him
        speaker = next(n for n in panel.root.children if isinstance(n.data, ActorNode))
        panel.move_cursor(speaker)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, EntityCard)
        assert not CONTROL.search(painted(app))
        assert "resigns" in painted(app)
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert not CONTROL.search(painted(app))
        await pilot.press("escape")

        # the palette lists every article by its title
        await pilot.press("ctrl+p")
        await pilot.press(*"open")
        await pilot.pause(0.3)
        assert "owned" in painted(app)
        assert not CONTROL.search(painted(app))


async def test_placeholders_keep_every_offset_so_highlights_stay_on_their_words(hostile_folder: Path) -> None:
    library = analysed(hostile_folder)
    app = open_reader(library=library, analyze=False, remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        view = app.reader.article_view
        article = view.article
        assert article is not None and "\x1b" in article.text
        shown = "\n".join(line.plain for line in view._line_texts if line.plain)
        assert not CONTROL.search(shown)
        # the lines the view draws are the text, one placeholder for each control character
        assert shown.replace("\n", "") == article.text.replace("\n", "").translate(
            {0x1B: "␛", 0x9B: "\ufffd", 0x07: "␇"}
        )
        await pilot.press("right_square_bracket")
        quote = view.selected_quote
        assert quote is not None
        line = view._line_texts[view.line_of(quote.start) - len(view._header)]
        assert line.plain.startswith("“We will win ␛[31m the")  # the quote's own words, highlighted
        assert article.text[quote.start : quote.end].startswith("“We will win \x1b[31m")


async def test_markup_in_a_file_name_is_shown_as_written(tmp_path: Path) -> None:
    """A file called "[bold red]..." is a name, not markup: the skipped notice shows it as written."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "[bold red]loud[blink].json").write_text("{not json", encoding="utf-8")
    app = open_reader(paths=[str(folder)], analyze=False, remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.4)
        toasts = " ".join(str(toast.render()) for toast in app.screen.query(Toast))
        assert "[bold red]loud[blink].json" in " ".join(toasts.split()), toasts


def test_the_session_never_stores_a_password(tmp_path) -> None:
    from tui.app.session import load_paths, save_paths

    session = tmp_path / "session.json"
    save_paths(["https://reader:s3cret@news.example/story.html"], session)
    assert "s3cret" not in session.read_text(encoding="utf-8")
    assert load_paths(session) == ["https://news.example/story.html"]


async def test_a_file_read_with_something_left_out_is_a_note_not_a_skip(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    damaged = "Council votes\n\nThe council voted on Monday to close the bridge. " * 20
    (folder / "damaged.txt").write_bytes(damaged.encode("utf-8").replace(b"bridge", b"bri\xffge", 1))
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    app = open_reader(paths=[str(folder)], library=Library(no_cache=True), analyze=False, remember=False)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        shown = notices(app)
        assert any(n.startswith("Read with notes: 1 file") and "damaged.txt" in n for n in shown), shown
        assert any(n.startswith("Skipped 1 file") and "broken.json" in n for n in shown), shown
        assert not any("Skipped" in n and "damaged.txt" in n for n in shown), shown
        assert len(app.library.articles) == 1
