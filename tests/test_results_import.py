"""Results written by `analyze` (JSON Lines, Parquet) and read back by `import` into the reader's cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_import_hygiene import imported_after
from tui.cli import main
from tui.core.atomic import atomic_path
from tui.core.library import Library
from tui.core.results.records import from_record

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
ARTICLES = [
    str(SAMPLE / "kazakhstan-csto-forces-to-remain.txt"),
    *(str(p) for p in sorted(SAMPLE.glob("globalvoices-2009-06-0*-peru-*.md"))),
]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample articles analysed once, as JSON Lines and as one Parquet file."""
    pytest.importorskip("spacy")
    pytest.importorskip("pyarrow")
    folder = tmp_path_factory.mktemp("results")
    jsonl, parquet = folder / "run.jsonl", folder / "run.parquet"
    db = str(folder / "analyze.db")
    assert main(["analyze", "--format", "jsonl", "-o", str(jsonl), "--db", db, *ARTICLES]) == 0
    assert main(["analyze", "--format", "parquet", "-o", str(parquet), "--db", db, *ARTICLES]) == 0
    return jsonl, parquet


def jsonl_records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_parquet_rows_hold_what_the_json_lines_hold(analysed: tuple[Path, Path]) -> None:
    from tui.core.results.parquet_format import PIPELINE_KEY, read_parquet_records

    jsonl, parquet = analysed
    lines = jsonl_records(jsonl)
    rows = [record for _, record in read_parquet_records(parquet)]
    assert len(lines) == len(ARTICLES) == len(rows)
    assert [from_record(r) for r in rows] == [from_record(r) for r in lines]
    assert any(line["quotes"] for line in lines)
    import pyarrow.parquet as pq

    pipeline = pq.ParquetFile(parquet).schema_arrow.metadata[PIPELINE_KEY].decode()
    assert pipeline == lines[0]["pipeline"] and "/analysis-" in pipeline


def test_imported_analyses_open_in_the_reader_without_spacy(
    analysed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl, parquet = analysed
    db = tmp_path / "reader.db"
    assert main(["import", str(parquet), "--db", str(db)]) == 0
    assert f"imported {len(ARTICLES)} analysis(es)" in capsys.readouterr().err
    # The reader, in a process where spaCy cannot be imported at all: every analysis comes from the cache.
    probe = (
        "import sys, json\n"
        "sys.modules['spacy'] = None\n"
        "from tui.core.library import Library\n"
        f"library = Library(db={str(db)!r})\n"
        f"library.open({ARTICLES!r})\n"
        "print(json.dumps({'pending': len(library.pending()),"
        " 'quotes': [len(library.analysis(a.id).quotes) for a in library.articles],"
        " 'actor': library.find('actor:Tokayev').total}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    seen = json.loads(done.stdout)
    assert seen["pending"] == 0
    assert seen["quotes"] == [len(r["quotes"]) for r in jsonl_records(jsonl)]
    assert seen["actor"] == 1


def test_opening_the_analysed_files_after_an_import_rewrites_nothing(
    analysed: tuple[Path, Path], tmp_path: Path
) -> None:
    """The records carry the whole article as the cache keeps it: no row (and no index entry) is redone."""
    jsonl, _ = analysed
    db = tmp_path / "reader.db"
    assert main(["import", str(jsonl), "--db", str(db)]) == 0
    library = Library(db=str(db))
    imported = library.store.generation
    library.open(ARTICLES, index=False)
    assert not library.pending()
    assert library.store.generation == imported


def test_results_of_another_pipeline_or_broken_are_named_and_not_imported(
    analysed: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl, _ = analysed
    first, second, third = jsonl_records(jsonl)
    second["pipeline"] = "en_core_web_lg-3.7.1/analysis-9+0123456789ab"
    third["quotes"][0]["end"] = len(third["text"]) + 10
    mixed = tmp_path / "mixed.jsonl"
    lines = [json.dumps(r) for r in (first, second, third)]
    mixed.write_text("\n".join([lines[0], "{not json", lines[1], lines[2]]) + "\n", "utf-8")
    db = tmp_path / "reader.db"

    assert main(["import", str(mixed), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert f"{mixed}#2: skipped: not a JSON record" in err
    assert f"{mixed}#4: skipped: a span" in err
    assert "1 result(s) by pipeline en_core_web_lg-3.7.1/analysis-9+0123456789ab" in err
    assert "imported 1 analysis(es)" in err

    library = Library(db=str(db))
    library.open(ARTICLES, index=False)
    assert [a.path for a in library.pending()] == ARTICLES[1:]  # the other pipeline's: not analysed


def test_a_run_that_fails_leaves_no_output_and_an_old_one_untouched(tmp_path: Path) -> None:
    from tui.core.results.parquet_format import ParquetResults, parquet_files, read_parquet_records

    records = [{"path": f"a{n}.txt", "text": f"Text {n}.", "pipeline": "p"} for n in range(5)]
    folder = tmp_path / "run"
    with atomic_path(folder) as temp:
        sink = ParquetResults(temp, "p", single_file=False, part_rows=2)
        for record in records:
            sink.write(record)
        sink.close()
    assert [p.name for p in parquet_files(folder)] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    read = [r["path"] for f in parquet_files(folder) for _, r in read_parquet_records(f)]
    assert read == [r["path"] for r in records]

    with pytest.raises(RuntimeError), atomic_path(folder, overwrite=True) as temp:
        sink = ParquetResults(temp, "p", single_file=False, part_rows=2)
        for record in records[:3]:
            sink.write(record)
        sink.close()
        raise RuntimeError("the run was interrupted")
    assert len(parquet_files(folder)) == 3  # the old output, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]  # no temporary left behind


def test_an_existing_output_is_refused_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", "utf-8")
    assert main(["analyze", "--format", "jsonl", "-o", str(out), "--no-cache", ARTICLES[0]]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text("utf-8") == "keep me\n"


def test_parquet_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--format", "parquet", "--no-cache", ARTICLES[0]]) == 2
    assert "--format parquet writes files: name them with -o OUT" in capsys.readouterr().err


@pytest.mark.parametrize("module", ["tui.cli", "tui.app.app"])
def test_start_up_imports_nothing_of_the_cluster_extra(module: str) -> None:
    loaded = imported_after(f"import {module}")
    assert not loaded & {"dask", "distributed", "pyarrow", "fsspec"}
