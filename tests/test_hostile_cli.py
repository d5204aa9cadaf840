"""Hostile input on the command line: what a user's terminal, disk and eyes get (issue 10).

Every hostile file is made here, in a temporary folder: names and texts holding escape sequences,
bytes in legacy encodings on standard input, a full disk (`/dev/full`), a closed pipe, a missing
folder. The commands run in-process through `tui.cli.main` (with one analysis cache for the whole
module, so spaCy analyses each article once), or as a real process where only a real process
shows the failure (standard output on /dev/full, a message a logger would print twice).
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
ESC, BEL, CSI_C1 = "\x1b", "\x07", "\x9b"
HOSTILE_NAME = "\x1b[31mred\n.txt"
HOSTILE_TEXT = (
    "Red \x1b[31mtitle\x1b]0;pwned\x07\n"
    'The minister said: "We will \x1b[2J win the vote \x9b31m today." He then left the hall.\n'
)
BRIDGE_TEXT = (
    'Town opens bridge\nThe mayor said the new bridge will open in May.\n"We are proud," she added.\n'
)


@pytest.fixture(scope="module")
def cache_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("cache") / "cache.db")


@pytest.fixture(autouse=True)
def isolated(
    cache_db: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_DB", cache_db)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("user-data")))


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder with an article whose name and text hold escape sequences, and a binary file
    whose name does (so it is skipped, and its name printed in the message)."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "\x1b]0;owned\x07.txt").write_bytes(b"%PDF-1.4 binary")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def assert_inert(*printed: str) -> None:
    """Nothing printed could act on a terminal: no ESC, BEL or one-byte CSI."""
    for text in printed:
        assert ESC not in text and BEL not in text and CSI_C1 not in text


def run_process(*args: str, stdin: bytes = b"", stdout: object = subprocess.PIPE, **env: str):
    """The real `newsreader`, as a user starts it (this worktree first on the path)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=environment,
        timeout=300,
        check=False,
    )


# -- item 2: escape sequences never reach the terminal -----------------------------------------------


def test_analyze_text_shows_escape_sequences_as_placeholders(capsys, hostile_folder: Path) -> None:
    status, out, err = run(capsys, "analyze", str(hostile_folder))
    assert status == 0
    assert_inert(out, err)
    assert "# Red ␛[31mtitle␛]0;pwned␇" in out
    assert "red␊.txt" in out  # the newline in the name shown, not obeyed: the path stays one line
    assert "We will ␛[2J win the vote \ufffd31m today." in out
    [skipped] = [line for line in err.splitlines() if "skipped" in line]
    assert "␛]0;owned␇.txt: a PDF document, not text" in skipped


def test_analyze_jsonl_keeps_the_text_exact_and_escaped_by_json(capsys, hostile_folder: Path) -> None:
    status, out, _ = run(capsys, "analyze", "--format", "jsonl", str(hostile_folder))
    assert status == 0
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["text"] == HOSTILE_TEXT and record["path"].endswith(HOSTILE_NAME)
    assert ESC not in out and BEL not in out  # JSON writes them as \u001b, \u0007


def test_search_text_shows_escape_sequences_as_placeholders(capsys, hostile_folder: Path) -> None:
    status, out, err = run(capsys, "search", "minister", str(hostile_folder))
    assert status == 0
    assert_inert(out, err)
    assert "Red ␛[31mtitle␛]0;pwned␇" in out and "red␊.txt" in out and "[minister]" in out


def test_markdown_export_shows_escape_sequences_as_placeholders(
    capsys, hostile_folder: Path, tmp_path: Path
) -> None:
    status, out, err = run(capsys, "export", str(hostile_folder), "--format", "md")
    assert status == 0
    assert_inert(out, err)
    assert "We will ␛\\[2J win the vote \ufffd31m today." in out  # [ escaped for Markdown
    target = tmp_path / "quotes.md"
    status, _, err = run(capsys, "export", str(hostile_folder), "-o", str(target))
    assert status == 0
    assert_inert(target.read_text(encoding="utf-8"), err)


def test_csv_export_to_a_file_or_pipe_keeps_the_quote_exact(capsys, hostile_folder: Path) -> None:
    """The decision: CSV is data for a program or a spreadsheet, so it stays byte for byte what the
    article holds when it goes to a file or a pipe (placeholders only on a terminal)."""
    status, out, _ = run(capsys, "export", str(hostile_folder), "--format", "csv")
    assert status == 0
    assert '"We will \x1b[2J win the vote \x9b31m today."' in out


def test_csv_on_a_terminal_shows_placeholders_and_keeps_its_line_ends(monkeypatch) -> None:
    from tui.cli import output

    written = io.BytesIO()

    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal(written, encoding="utf-8"))
    output.write_out('a,"b\x1bc"\r\nd,e\r\n', exact=True)
    assert written.getvalue().decode("utf-8") == 'a,"b␛c"\r\nd,e\r\n'


def test_error_messages_show_the_names_they_repeat_as_placeholders(capsys, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone\x1b]0;x\x07\n.txt")
    status, out, err = run(capsys, "analyze", missing)
    assert status == 1 and out == ""
    assert_inert(err)
    assert err.splitlines() == [
        f"newsreader: skipped {tmp_path}/gone␛]0;x␇␊.txt: no such file or folder",
        "newsreader: nothing to analyse",
    ]
    with pytest.raises(SystemExit) as stop:
        main(["analyze", str(tmp_path), "--\x1b[2J"])
    assert stop.value.code == 2
    _, err = capsys.readouterr()
    assert_inert(err)
    assert "unrecognized arguments: --␛[2J" in err


# -- item 4: standard input in a legacy encoding ------------------------------------------------------

CP1252_STORY = "Café talks\nThe minister said: “We will win.” He left à noon.\n"


def stdin_of(data: bytes) -> io.TextIOWrapper:
    """What Python gives a program for piped bytes: a text stream over them, errors left to us."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
@pytest.mark.parametrize("command", ["analyze", "search", "export"])
def test_legacy_bytes_on_standard_input_are_decoded_like_a_file(
    capsys, monkeypatch, command: str, encoding: str
) -> None:
    story = CP1252_STORY if encoding == "cp1252" else CP1252_STORY.replace("“", '"').replace("”", '"')
    monkeypatch.setattr(sys, "stdin", stdin_of(story.encode(encoding)))
    args = {
        "analyze": ["analyze", "--format", "jsonl", "-"],
        "search": ["search", "--format", "jsonl", "minister", "-"],
        "export": ["export", "--format", "jsonl", "-"],
    }[command]
    status, out, err = run(capsys, *args, "--no-cache")
    assert status == 0, err
    record = json.loads(out.splitlines()[0])
    if command == "analyze":
        assert record["text"] == story
    elif command == "search":
        assert record["title"] == "Café talks"
    else:
        assert record["article_title"] == "Café talks" and "We will win." in record["quote"]


def test_a_real_pipe_of_cp1252_bytes_is_analysed() -> None:
    done = run_process("analyze", "--no-cache", "-", stdin=CP1252_STORY.encode("cp1252"), LC_ALL="C")
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr
    assert "# Café talks" in done.stdout.decode("utf-8")


# -- item 5: output is never lost without a word -----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "--format", "jsonl"],
        ["search", "bridge"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["actors"],
        ["actors", "--format", "csv"],
        ["analyze", "--help"],  # argparse dropped the error: nothing said, status 0
        ["--help"],
    ],
)
def test_a_full_disk_on_standard_output_is_a_message_and_a_failure(
    tmp_path: Path, cache_db: str, args: list[str]
) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        done = run_process(*args, str(story), "--db", cache_db, stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        "newsreader: cannot write the output: the disk is full; what was written is incomplete"
    )


class _Failing(io.RawIOBase):
    def __init__(self, error: OSError) -> None:
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def,override]
        raise self.error


def test_a_reader_that_stops_early_ends_the_command_quietly(capsys, monkeypatch, tmp_path: Path) -> None:
    """`newsreader analyze ... | head`: the pipe closes; no traceback, no error, as any Unix tool."""
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    closed = io.TextIOWrapper(io.BufferedWriter(_Failing(BrokenPipeError(errno.EPIPE, "Broken pipe"))))
    monkeypatch.setattr(sys, "stdout", closed)
    status = main(["analyze", str(story)])
    _, err = capsys.readouterr()
    assert status == 0 and err == ""


def test_an_export_into_a_missing_folder_fails_before_reading_or_analysing(capsys, tmp_path: Path) -> None:
    """The observable: an article never seen, a model that does not exist and a fresh cache file.
    Had anything been read or analysed, the cache file would exist and the model be named."""
    story = tmp_path / "fresh.txt"
    story.write_text("Never analysed\nThe mayor said the works will end in June.\n", encoding="utf-8")
    db = tmp_path / "fresh-cache.db"
    target = tmp_path / "missing" / "quotes.md"
    status, out, err = run(
        capsys, "export", str(story), "-o", str(target), "--db", str(db), "--model", "no_such_model"
    )
    assert status == 1 and out == ""
    assert err == f"newsreader: cannot write {target}: the folder {target.parent} does not exist\n"
    assert not db.exists() and not target.parent.exists()


# -- item 9: messages that mislead --------------------------------------------------------------------


def test_a_file_read_without_its_front_matter_is_not_called_skipped(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        "---\ntitle: [unclosed\n---\nThe mayor said the bridge opens in May.\n", encoding="utf-8"
    )
    status, out, err = run(capsys, "search", "--no-analysis", "bridge", str(story))
    assert status == 0 and "story.md" in out
    assert "skipped" not in err
    assert f"newsreader: {story}: read without its front matter, which is not valid YAML" in err


def test_a_file_with_a_damaged_byte_is_read_and_the_damage_named(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    body = b"The mayor said the bridge opens in May, ending two years of works in the town centre.\n"
    story.write_bytes(b"Bridge opens\n" + body * 3 + b"\xff\xfe\xc3(\n")
    status, out, err = run(capsys, "search", "--no-analysis", "bridge", str(story))
    assert status == 0 and "Bridge opens" in out
    assert "skipped" not in err
    assert f"newsreader: {story}: read as UTF-8 with 3 damaged bytes shown as \ufffd" in err


def test_a_long_bad_query_is_named_not_repeated(capsys, tmp_path: Path) -> None:
    query = "x" * 10_000
    status, _, err = run(capsys, "search", query, str(tmp_path))
    assert status == 2
    assert len(err) < 300 and "(10,000 characters)" in err and "too long" in err


def test_a_negated_word_as_the_query_gets_told_how_to_write_it(capsys, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["search", "-obama", str(tmp_path)])
    _, err = capsys.readouterr()
    assert stop.value.code == 2
    assert "newsreader search -- -obama PATH..." in err
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path), "--query", "-obama"])
    _, err = capsys.readouterr()
    assert "--query=-obama" in err


def test_the_written_form_of_a_negated_query_works(capsys, tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(BRIDGE_TEXT, encoding="utf-8")
    (tmp_path / "obama.txt").write_text("Obama visits\nObama spoke in Berlin.\n", encoding="utf-8")
    status, out, _ = run(capsys, "search", "--no-analysis", "--", "-obama", str(tmp_path))
    assert status == 0 and "Town opens bridge" in out and "Obama visits" not in out


@pytest.mark.parametrize("command", ["analyze", "search", "export", "reader"])
def test_an_explicit_cache_in_a_missing_folder_is_refused_not_created(
    capsys, tmp_path: Path, command: str
) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    db = tmp_path / "no" / "such" / "folder" / "cache.db"
    words = {"search": ["search", "bridge"], "reader": []}.get(command, [command])
    args = [*words, str(story), "--db", str(db)]
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert err == (
        f"newsreader: --db {db}: {db.parent} does not exist; create it first, "
        "or leave --db out to use the default cache\n"
    )
    assert not (tmp_path / "no").exists()


def test_a_damaged_marks_file_is_named_once(tmp_path: Path, cache_db: str) -> None:
    data_home = tmp_path / "data"
    (data_home / "newsreader").mkdir(parents=True)
    (data_home / "newsreader" / "marks.json").write_text('{"version": 1, "marks": [', encoding="utf-8")
    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    done = run_process("export", str(story), "--marked", "--db", cache_db, XDG_DATA_HOME=str(data_home))
    err = done.stderr.decode()
    assert err.count("marks file") == 1, err
    assert "it is damaged" in err


# -- cases of our own ---------------------------------------------------------------------------------


def test_a_newline_in_a_file_name_cannot_forge_a_second_message(capsys, tmp_path: Path) -> None:
    (tmp_path / "a\nnewsreader: all good.txt").write_bytes(b"\x00\x01binary")
    status, _, err = run(capsys, "analyze", str(tmp_path))
    assert status == 1
    assert err.splitlines() == [
        f"newsreader: skipped {tmp_path}/a␊newsreader: all good.txt: "
        "binary file (contains NUL bytes), not text",
        "newsreader: nothing to analyse",
    ]


def test_a_huge_one_line_title_is_shortened_in_text_output(capsys, tmp_path: Path) -> None:
    story = tmp_path / "huge.txt"
    story.write_text("Bridge " * 100_000 + "\nThe mayor spoke about the bridge.\n", encoding="utf-8")
    status, out, _ = run(capsys, "search", "--no-analysis", "mayor", str(story))
    assert status == 0
    title = out.splitlines()[0]
    assert len(title) < 400 and title.endswith("… (699,999 characters)")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
@pytest.mark.parametrize("command", ["analyze", "search", "export"])
def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement(
    capsys, tmp_path: Path, command: str
) -> None:
    """Python hands such a name over as lone surrogates, which crashed the cache in every command."""
    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(BRIDGE_TEXT.encode("utf-8"))
    words = ["search", "bridge"] if command == "search" else [command]
    status, out, err = run(capsys, *words, str(folder), "--format", "jsonl")
    assert status == 0, err
    record = json.loads(out.splitlines()[0])
    assert record["path"] == str(folder / "caf\ufffd.txt")


def test_lone_surrogates_escaped_in_json_are_replaced_not_a_crash(capsys, tmp_path: Path) -> None:
    story = tmp_path / "story.json"
    story.write_text(
        '{"title": "Lone \\udce9 title", "text": "The mayor said \\ud800 yes to the plan today."}',
        encoding="utf-8",
    )
    status, out, err = run(capsys, "analyze", "--format", "jsonl", str(story))
    assert status == 0, err
    record = json.loads(out)
    assert record["title"] == "Lone \ufffd title"
    assert record["text"] == "The mayor said \ufffd yes to the plan today."


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_an_export_onto_a_device_is_refused_and_the_device_left_alone(capsys) -> None:
    """An atomic write renames a new file over its target: as root, with --force, /dev/null would
    have become a plain file."""
    before = os.stat("/dev/null")
    status, out, err = run(capsys, "export", str(ROOT / "sample_data"), "-o", "/dev/null", "--force")
    assert status == 1 and out == ""
    assert err == (
        "newsreader: cannot write /dev/null: it is a device, pipe or socket, not a file; "
        "to send the export there, leave out -o and redirect standard output\n"
    )
    after = os.stat("/dev/null")
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_a_huge_number_of_worker_processes_is_kept_to_the_cores_and_the_articles() -> None:
    """Each worker holds its own language model (~150 MB): 10,000 would exhaust the machine."""
    from tui.cli.common import choose_processes

    cores = os.cpu_count() or 1
    assert choose_processes(10_000, articles=500) == cores
    assert choose_processes(10_000, articles=1) == 1
    assert choose_processes(1, articles=500) == 1


class _NearlyFullDisk:
    """`sys.stdout.buffer` on a disk with `room` bytes left, as CPython behaves there (measured on a
    64 KB tmpfs): a write larger than the room returns a short count and raises nothing; only the
    next write fails with ENOSPC."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.kept = bytearray()

    def write(self, data) -> int:  # type: ignore[no-untyped-def]
        if self.room == 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        taken = bytes(data[: self.room])
        self.kept += taken
        self.room -= len(taken)
        return len(taken)

    def flush(self) -> None:
        pass


class _RedirectedStdout:
    """Standard output redirected to a file on that disk (`> file`)."""

    def __init__(self, disk: _NearlyFullDisk) -> None:
        self.buffer = disk

    def write(self, text: str) -> int:
        return self.buffer.write(text.encode("utf-8"))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file descriptor in a test")


@pytest.mark.parametrize("command", ["analyze", "export"])
def test_a_disk_that_fills_during_a_large_write_is_a_failure_not_a_short_file(
    capsys, monkeypatch, command: str
) -> None:
    """The audit's `export ... > file`: 200,704 of 280,788 bytes written, status 0: the short count
    was taken for the whole, and the rest dropped without a word."""
    disk = _NearlyFullDisk(room=2000)
    monkeypatch.setattr(sys, "stdout", _RedirectedStdout(disk))
    args = ["--format", "jsonl"] if command == "analyze" else ["--format", "md"]
    status = main([command, str(ROOT / "sample_data" / "kazakhstan-csto-forces-to-remain.txt"), *args])
    _, err = capsys.readouterr()
    assert len(disk.kept) == 2000
    assert status == 1
    assert err.splitlines()[-1] == (
        "newsreader: cannot write the output: the disk is full; what was written is incomplete"
    )


def test_a_full_disk_found_only_when_the_output_file_is_synced_is_a_failure(
    capsys, monkeypatch, tmp_path: Path
) -> None:
    """`export ... > file` on a file system that allocates late (ext4, XFS, NFS, quotas): every
    write succeeds and the disk is found full when the file is synced; here the sync says so."""
    from tui.cli import output

    story = tmp_path / "bridge.txt"
    story.write_text(BRIDGE_TEXT, encoding="utf-8")
    redirected = (tmp_path / "out.md").open("w", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(sys, "stdout", redirected)
    monkeypatch.setattr(output.os, "fsync", disk_full)
    try:
        status = main(["export", str(story), "--format", "md"])
    finally:
        redirected.close()
    _, err = capsys.readouterr()
    assert status == 1
    assert err.splitlines()[-1] == (
        "newsreader: cannot write the output: the disk is full; what was written is incomplete"
    )
