"""Analysed articles as Parquet: one row per article, its quotes, entities and actors nested.

A row holds exactly the JSON record (tui.core.results.records), so a Parquet file and the JSON
Lines of the same run hold the same data; the pipeline's identity is also in the file's metadata,
where a reader of the file finds it without reading a row. Big runs are written as a folder of
part files, each closed (and readable) as soon as it is full; pyarrow is imported here only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

PIPELINE_KEY = b"newsreader.pipeline"
CONTRACT_KEY = b"newsreader.contract"
CONTRACT = b"analysis-record/1"
ROW_GROUP_ROWS = 2_000  # rows buffered before a row group is written: ~10 MB of 650-word articles
PART_ROWS = 100_000  # rows in one part file of a folder output
PART_NAME = "part-{:05d}.parquet"


def schema(pipeline: str | None) -> Any:
    """The Parquet schema of a record, with the pipeline in the schema's metadata."""
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    quote = pa.struct(
        [
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("parts", pa.list_(pa.list_(pa.int64()))),
            ("cue", span),
            ("speaker", span),
            ("actor", pa.string()),
            ("speaker_inherited", pa.bool_()),
        ]
    )
    entity = pa.struct(
        [("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("text", pa.string())]
    )
    actor = pa.struct(
        [
            ("name", pa.string()),
            ("label", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("mentions", pa.list_(span)),
        ]
    )
    block = pa.struct(
        [("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("level", pa.int64())]
    )
    fields = [
        ("path", pa.string()),
        ("title", pa.string()),
        ("date", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
        ("quotes", pa.list_(quote)),
        ("entities", pa.list_(entity)),
        ("actors", pa.list_(actor)),
        ("blocks", pa.list_(block)),
        ("authors", pa.list_(pa.string())),
        ("licence", pa.string()),
        ("format", pa.string()),
        ("pipeline", pa.string()),
    ]
    metadata = {CONTRACT_KEY: CONTRACT, PIPELINE_KEY: (pipeline or "").encode("utf-8")}
    return pa.schema(fields, metadata=metadata)


class ParquetResults:
    """Writes records to one `.parquet` file, or to a folder of part files of `part_rows` rows.

    `target` is where to write (a temporary name from `atomic_path`: the folder or file takes its
    final name only when everything is written). Call `close()` once at the end.
    """

    def __init__(
        self,
        target: Path,
        pipeline: str | None,
        *,
        single_file: bool,
        part_rows: int = PART_ROWS,
        row_group_rows: int = ROW_GROUP_ROWS,
    ) -> None:
        self._target = target
        self._schema = schema(pipeline)
        self._single = single_file
        self._part_rows = max(1, part_rows)
        self._group_rows = max(1, min(row_group_rows, self._part_rows))
        self._buffer: list[dict[str, Any]] = []
        self._writer: Any = None
        self._parts = 0
        self._rows_in_part = 0
        if not single_file:
            target.mkdir()

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        if len(self._buffer) >= self._group_rows:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        while self._buffer:
            if self._writer is None:
                self._open_part()
            room = len(self._buffer) if self._single else self._part_rows - self._rows_in_part
            rows, self._buffer = self._buffer[:room], self._buffer[room:]
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))
            self._rows_in_part += len(rows)
            if not self._single and self._rows_in_part >= self._part_rows:
                self._writer.close()
                self._writer = None

    def _open_part(self) -> None:
        import pyarrow.parquet as pq

        path = self._target if self._single else self._target / PART_NAME.format(self._parts)
        self._writer = pq.ParquetWriter(path, self._schema, compression="zstd")
        self._parts += 1
        self._rows_in_part = 0

    def close(self) -> None:
        """Write what is buffered and close the last file (an empty run still gets one, schema only)."""
        self._flush()
        if self._writer is None and self._parts == 0:
            self._open_part()
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def parquet_files(path: Path) -> list[Path]:
    """The Parquet files of a result: the file itself, or a folder's `*.parquet` in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".parquet" and not p.name.startswith("."))
    return [path]


def read_parquet_records(path: Path, batch_rows: int = 1_000) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, record) for every row, a batch at a time: a big file is never read whole.

    A row's pipeline is its own column, else the file's metadata (written by every newsreader).
    Raises OSError or ValueError (pyarrow's ArrowInvalid is one) for a file that is not Parquet.
    """
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(path)
    metadata = handle.schema_arrow.metadata or {}
    file_pipeline = metadata.get(PIPELINE_KEY, b"").decode("utf-8", "replace") or None
    row = 0
    for batch in handle.iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            row += 1
            if not record.get("pipeline"):
                record["pipeline"] = file_pipeline
            yield row, record
