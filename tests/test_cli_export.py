"""`newsreader export` on a real article: what a user gets on standard output, in files and in messages.

The command runs in-process through `tui.cli.main`, with its analysis cache in a temporary file
shared by the whole module: spaCy analyses the Kazakhstan article once, every later run reads
the cache, as a second run of the real command would.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui.cli import main
from tui.cli.export import resolve_actor
from tui.core.library import Library
from tui.core.marks import MarkKey, MarkStore
from tui.core.model import Actor, Analysis, Article, Quote

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "kazakhstan-csto-forces-to-remain.txt"
PUTIN = "Vladimir Putin"
BRIDGE_TEXT = (
    'Town opens bridge\nThe mayor said the new bridge will open in May.\n"We are proud," she added.\n'
)


@pytest.fixture(scope="module")
def cache_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("cache") / "cache.db")


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    cache_db: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The module's cache, and marks in a folder of this test's own (never the user's real ones)."""
    monkeypatch.setenv("NEWSREADER_DB", cache_db)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("user-data")))


@pytest.fixture(scope="module")
def kazakhstan(cache_db: str) -> tuple[Article, Analysis]:
    """The article and its analysis as the reader's Library has them (analysed once, then cached)."""
    library = Library(db=cache_db)
    library.open([str(SAMPLE)])
    library.analyze_pending()
    [(article, analysis)] = list(library.analyzed(library.articles))
    library.close()
    return article, analysis


@pytest.fixture(scope="module")
def putin_quotes(kazakhstan: tuple[Article, Analysis]) -> list[Quote]:
    quotes = [q for q in kazakhstan[1].quotes if q.actor == PUTIN]
    assert quotes, "the analysis finds no quote by Vladimir Putin: these tests would prove nothing"
    return quotes


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["export", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def blockquote_texts(markdown: str) -> list[str]:
    """The words of each top-level block quote, as a Markdown reader shows them."""
    texts: list[str] = []
    depth = 0
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "blockquote_open":
            depth += 1
            if depth == 1:
                texts.append("")
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth:
            words = "".join(c.content if c.type == "text" else " " for c in token.children or [])
            texts[-1] = f"{texts[-1]} {words}".strip()
    return texts


def as_records(quotes: list[Quote], article: Article) -> list[dict[str, object]]:
    return [
        {
            "actor": q.actor,
            "quote": q.text,
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "path": article.path,
        }
        for q in quotes
    ]


def test_markdown_of_one_actor_holds_exactly_his_quotes(capsys, kazakhstan, putin_quotes):
    status, out, err = export(capsys, str(SAMPLE), "--actor", PUTIN)

    assert status == 0, err
    assert out.startswith(f"# Quotes by {PUTIN}\n")
    assert blockquote_texts(out) == [" ".join(q.text.split()) for q in putin_quotes]
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [f"## {PUTIN}"]


def test_csv_parses_back_to_the_analysis(capsys, kazakhstan, putin_quotes):
    article, _ = kazakhstan
    status, out, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "--format", "csv")

    assert status == 0, err
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    got = [
        {
            **{k: row[k] for k in ("actor", "quote", "kind", "path")},
            "start": int(row["start"]),
            "end": int(row["end"]),
        }
        for row in rows
    ]
    assert got == as_records(putin_quotes, article)
    assert all(article.text[r["start"] : r["end"]] == r["quote"] for r in got)


def test_jsonl_parses_back_to_the_analysis(capsys, kazakhstan, putin_quotes):
    article, _ = kazakhstan
    status, out, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "--format", "jsonl")

    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [
        {k: r[k] for k in ("actor", "quote", "kind", "start", "end", "path")} for r in records
    ] == as_records(putin_quotes, article)
    assert {r["article_title"] for r in records} == {article.title}


def test_every_quote_is_exported_when_nothing_is_chosen(capsys, kazakhstan):
    _, analysis = kazakhstan
    status, out, _ = export(capsys, str(SAMPLE), "--format", "jsonl")

    assert status == 0
    assert [(r["start"], r["end"]) for r in map(json.loads, out.splitlines())] == [
        (q.start, q.end) for q in analysis.quotes
    ]


def test_a_last_name_finds_the_actor(capsys, putin_quotes):
    status, out, err = export(capsys, str(SAMPLE), "--actor", "putin", "--format", "jsonl")

    assert status == 0, err
    assert len(out.splitlines()) == len(putin_quotes)
    assert {json.loads(line)["actor"] for line in out.splitlines()} == {PUTIN}


def test_output_file_is_written_whole_and_named(capsys, tmp_path, putin_quotes):
    target = tmp_path / "putin.csv"
    status, out, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "-o", str(target))

    assert status == 0, err
    assert out == ""
    assert f"exported {len(putin_quotes)} quotes to {target}" in err
    rows = list(csv.DictReader(target.open(newline="", encoding="utf-8")))  # format from the suffix
    assert [row["quote"] for row in rows] == [q.text for q in putin_quotes]
    assert os.listdir(tmp_path) == ["putin.csv"]  # no temporary file left behind


def test_existing_file_is_kept_unless_forced(capsys, tmp_path, putin_quotes):
    target = tmp_path / "quotes.md"
    target.write_text("my notes\n", encoding="utf-8")

    status, _, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "-o", str(target))
    assert status != 0
    assert f"{target} already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my notes\n"

    status, _, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "-o", str(target), "--force")
    assert status == 0, err
    assert len(blockquote_texts(target.read_text(encoding="utf-8"))) == len(putin_quotes)


def test_empty_selection_says_so_and_writes_nothing(capsys, tmp_path, kazakhstan):
    target = tmp_path / "nobody.md"
    status, out, err = export(capsys, str(SAMPLE), "--actor", "Nobody At All", "-o", str(target))

    assert status != 0
    assert err.startswith("newsreader: nothing to export: ")
    assert "Nobody At All" in err
    assert not target.exists()

    status, out, err = export(capsys, str(SAMPLE), "--actor", "Nobody At All")
    assert status != 0 and out == "" and "nothing to export" in err


def test_a_misspelt_actor_gets_a_suggestion(capsys, putin_quotes):
    status, out, err = export(capsys, str(SAMPLE), "--actor", "Vladimir Puttin")

    assert status != 0 and out == ""
    assert f"did you mean '{PUTIN}'" in err


@pytest.mark.parametrize(
    ("make_target", "reason"),
    [
        (lambda tmp: tmp / "missing" / "quotes.md", "does not exist"),
        (lambda tmp: tmp / "a-file" / "quotes.md", "is a file, not a folder"),
        (lambda tmp: tmp, "it is a folder"),
    ],
)
def test_unwritable_path_is_explained(capsys, tmp_path, putin_quotes, make_target, reason):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = make_target(tmp_path)

    status, out, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "-o", str(target))

    assert status != 0 and out == ""
    assert err.count("\n") == 1 and reason in err and f"cannot write {target}" in err


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_folder_without_permission_is_explained(capsys, tmp_path, putin_quotes):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        status, _, err = export(capsys, str(SAMPLE), "--actor", PUTIN, "-o", str(locked / "q.md"))
    finally:
        locked.chmod(0o700)
    assert status != 0
    assert "no permission to write" in err
    assert list(locked.iterdir()) == []


def test_query_keeps_only_matching_articles(capsys, tmp_path, kazakhstan):
    bridge = tmp_path / "bridge.txt"
    bridge.write_text(BRIDGE_TEXT, encoding="utf-8")
    article, _ = kazakhstan

    status, out, err = export(capsys, str(SAMPLE), str(bridge), "--query", "bridge", "--format", "jsonl")
    assert status == 0, err
    paths = {json.loads(line)["path"] for line in out.splitlines()}
    assert paths == {str(bridge)}

    status, out, err = export(capsys, str(SAMPLE), str(bridge), "--query", "csto", "--format", "jsonl")
    assert status == 0, err
    assert {json.loads(line)["path"] for line in out.splitlines()} == {article.path}


def test_query_matching_nothing_is_an_empty_selection(capsys, tmp_path):
    target = tmp_path / "none.md"
    status, _, err = export(capsys, str(SAMPLE), "--query", "zanzibar", "-o", str(target))

    assert status != 0
    assert "nothing to export" in err and "no article matches" in err
    assert not target.exists()


def test_unreadable_query_is_one_line_and_no_work(capsys):
    status, out, err = export(capsys, str(SAMPLE), "--query", '"hybrid attack')

    assert status == 2 and out == ""
    assert err.startswith("newsreader: cannot search for ") and err.count("\n") == 1


def test_marked_exports_only_the_marked_quotes(capsys, kazakhstan, putin_quotes):
    article, _ = kazakhstan
    chosen = putin_quotes[-1]
    MarkStore().set_marked(MarkKey.of(article, chosen), True)  # the store the reader's `m` key writes

    status, out, err = export(capsys, str(SAMPLE), "--marked", "--format", "jsonl")

    assert status == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    assert (record["start"], record["end"], record["quote"]) == (chosen.start, chosen.end, chosen.text)


def test_marked_with_no_marks_is_an_empty_selection(capsys, kazakhstan):
    status, out, err = export(capsys, str(SAMPLE), "--marked")

    assert status != 0 and out == ""
    assert "nothing to export: the selection (marked quotes) holds no quotes" in err


def test_no_readable_article(capsys, tmp_path):
    status, out, err = export(capsys, str(tmp_path / "nothing-here"))

    assert status != 0 and out == ""
    assert "skipped" in err and "nothing to export: no article could be read" in err


def test_unknown_model_is_explained(capsys, tmp_path):
    fresh = tmp_path / "fresh.txt"
    fresh.write_text('A new text\n"Hello," she said.\n', encoding="utf-8")

    status, _, err = export(capsys, str(fresh), "--model", "no_such_model_here")

    assert status == 2
    assert "no_such_model_here" in err and err.count("\n") == 1


# -- which actor a name means (unit tests of the name resolution, on hand-made analyses) ------------


def _library(*speakers: tuple[str, tuple[str, ...]]) -> Library:
    """A library of one article where each speaker says one thing (no spaCy: the analysis is made)."""
    text = "Someone said something."
    article = Article(path="a.txt", title="A", text=text)
    quotes = tuple(Quote(start=0, end=4, kind="indirect", text=text[:4], actor=name) for name, _ in speakers)
    actors = tuple(Actor(name=name, label="PERSON", aliases=aliases) for name, aliases in speakers)
    library = Library(no_cache=True)
    library.add(article)
    library.set_analysis(Analysis(article_id=article.id, pipeline="t", quotes=quotes, actors=actors))
    return library


def _named(name: str, library: Library) -> str | None:
    found = resolve_actor(name, library)
    return found.name if found is not None else None


def test_resolve_actor_prefers_the_exact_name_then_an_alias_then_the_words():
    library = _library(("Kassym-Jomart Tokayev", ("President Tokayev",)), ("Vladimir Putin", ()))

    assert _named("vladimir putin", library) == "Vladimir Putin"
    assert _named("President Tokayev", library) == "Kassym-Jomart Tokayev"
    assert _named("Tokayev", library) == "Kassym-Jomart Tokayev"
    assert _named("Putin", library) == "Vladimir Putin"
    assert _named("Angela Merkel", library) is None


def test_resolve_actor_refuses_to_guess_between_two(capsys):
    library = _library(("Joe Biden", ()), ("Hunter Biden", ()))

    with pytest.raises(Exception, match="'Hunter Biden' or 'Joe Biden'"):
        resolve_actor("Biden", library)


def test_export_keeps_its_analyses_in_the_cache_it_is_given(capsys, tmp_path, kazakhstan, putin_quotes):
    article, _ = kazakhstan
    db = tmp_path / "own.db"

    status, out, err = export(capsys, str(SAMPLE), "--db", str(db), "--actor", PUTIN, "--format", "jsonl")

    assert status == 0, err
    assert len(out.splitlines()) == len(putin_quotes)
    reopened = Library(db=str(db))  # what the reader opened with --db would find
    reopened.add(article)
    assert reopened.pending() == []
    reopened.close()


def test_an_actor_is_exported_across_articles_under_any_spelling(capsys):
    pytest.importorskip("spacy")
    folder = SAMPLE.parent
    syria = (
        folder
        / "wikinews-2019-10-15-kurds-announce-deal-with-assad-s-government-as-turkey-invades-syria-s.md"
    )
    cairo = folder / "wikinews-2020-01-11-cairo-summit-denounces-turkish-libyan-maritime-border-agreement.md"

    status, out, err = export(capsys, str(syria), str(cairo), "--actor", "Erdogan", "--format", "jsonl")

    assert status == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["actor"] for r in records} == {"Recep Tayyip Erdoğan"}
    assert {Path(r["path"]).name for r in records} == {syria.name, cairo.name}
