"""Where `newsreader analyze` writes: standard output, or `-o OUT` written atomically.

Text and JSON Lines go to standard output as before (checked writes, see output.py). With `-o`,
the output is written under a temporary name beside OUT and takes OUT's name only when complete:
an interrupted run, a killed client or a full disk never leaves a half-written OUT. Parquet is
written only to `-o`: one `.parquet` file when OUT ends so, else a folder of part files.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from tui.cli.common import EXIT_BAD_INPUT, CommandError
from tui.cli.output import write_out
from tui.core.model import Analysis, Article

Write = Callable[[Article, Analysis], None]
Render = Callable[[Article, Analysis], str]


def check_target(output: str | None, fmt: str, force: bool) -> Path | None:
    """Refuse, before any work, an output that cannot be written: checked again when it is."""
    if output is None:
        if fmt == "parquet":
            raise CommandError("--format parquet writes files: name them with -o OUT", EXIT_BAD_INPUT)
        return None
    target = Path(output).expanduser()
    if target.exists() and not force:
        raise CommandError(f"{output} already exists; use --force to replace it, or choose another -o")
    if not target.absolute().parent.is_dir():
        raise CommandError(f"cannot write {output}: its folder does not exist")
    return target


@contextlib.contextmanager
def results_output(
    target: Path | None, fmt: str, pipeline: str | None, render: Render, *, force: bool
) -> Iterator[Write]:
    """A `write(article, analysis)` for the run; leaving the block without an error finishes the output."""
    if target is None:
        exact = fmt == "jsonl"
        yield lambda article, analysis: write_out(render(article, analysis) + "\n", exact=exact)
        return
    from tui.core.atomic import atomic_path

    try:
        with atomic_path(target, overwrite=force) as temp:
            if fmt == "parquet":
                from tui.core.results.parquet_format import ParquetResults

                sink = ParquetResults(temp, pipeline, single_file=target.suffix.lower() == ".parquet")
                yield lambda article, analysis: sink.write(_record(article, analysis, pipeline))
                sink.close()
            else:
                with temp.open("wb") as handle:
                    yield _line_writer(handle, render)
    except FileExistsError:
        raise CommandError(f"{target} already exists; use --force to replace it") from None
    except ImportError:
        raise CommandError("--format parquet needs pyarrow: pip install 'newsreader[cluster]'") from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise CommandError(f"cannot write {target}: the disk is full; nothing was written") from None
        reason = error.strerror or str(error)
        raise CommandError(f"cannot write {target}: {reason}; nothing was written") from None


def _line_writer(handle: IO[bytes], render: Render) -> Write:
    def write(article: Article, analysis: Analysis) -> None:
        handle.write((render(article, analysis) + "\n").encode("utf-8", "replace"))

    return write


def _record(article: Article, analysis: Analysis, pipeline: str | None) -> dict:  # type: ignore[type-arg]
    from tui.core.results.records import as_record

    return as_record(article, analysis, pipeline)
