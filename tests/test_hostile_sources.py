"""Hostile sources: URLs that trickle, carry passwords or serve JSON and PDFs; folders with pipes,
loops and odd names (issue 10). Every server is a loopback one (127.0.0.1) made here, bounded, and
stops by itself; every folder is made in a temporary directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.library import Library
from tui.core.sources import UrlFetcher, load_paths

ROOT = Path(__file__).resolve().parents[1]
ARTICLE_JSON = {
    "title": "Mayor opens the bridge",
    "text": "The mayor opened the new bridge on Tuesday. “It connects the town,” she said.",
}
PAGE_HTML = (
    "<html><head><title>Bridge</title></head><body><article><h1>Mayor opens the bridge</h1>"
    "<p>The mayor opened the new bridge on Tuesday, ending two years of works in the town centre.</p>"
    "<p>“It connects both halves of the town at last,” she said to the crowd on the river bank.</p>"
    "</article></body></html>"
)
TRICKLE_BYTES = 400  # the slow server gives up after this many bytes (~8 s): it always ends


class HostileHandler(http.server.BaseHTTPRequestHandler):
    """A JSON article, a page behind a password, a PDF and a body that trickles a byte at a time."""

    authorizations: list[str] = []  # noqa: RUF012  (read by the test: what the server was sent)

    def do_GET(self) -> None:
        HostileHandler.authorizations.append(self.headers.get("Authorization", ""))
        if self.path == "/article.json":
            self._send("application/json", json.dumps(ARTICLE_JSON).encode("utf-8"))
        elif self.path == "/story":
            self._send("text/html; charset=utf-8", PAGE_HTML.encode("utf-8"))
        elif self.path == "/report.pdf":
            self._send("application/pdf", b"%PDF-1.4\n" + b"\0" * 100)
        elif self.path == "/mislabelled":
            self._send("text/html", b"%PDF-1.4\n" + b"\0" * 100)
        elif self.path == "/trickle-headers":
            with contextlib.suppress(OSError):
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(TRICKLE_BYTES):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.02)
            self.close_connection = True
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(TRICKLE_BYTES):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.02)
        else:
            self.send_error(404, "Not Found")

    def _send(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostileHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    yield f"http://{host}:{port}"
    httpd.shutdown()
    httpd.server_close()


def everything_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


# -- item 3 (URL part): a download that never ends is cut off -----------------------------------------


@pytest.mark.parametrize("route", ["/trickle", "/trickle-headers"])
def test_a_trickling_download_is_cut_off_at_its_deadline_and_named(
    server: str, tmp_path: Path, route: str
) -> None:
    """Each byte comes well within the read timeout (5 s); the whole download has 0.5 s."""
    url = server.replace("http://", "http://reader:s3cret@") + route
    fetcher = UrlFetcher(tmp_path / "fetched", timeout=5, deadline=0.5)
    articles, [problem] = load_paths([url], fetcher=fetcher)
    assert articles == []
    assert problem.path == server + route  # the URL, its password left out
    assert problem.reason == "cut off: the download was not complete after 0.5 s; the server sends too slowly"
    assert not (tmp_path / "fetched").exists()  # nothing of a download given up is kept


# -- item 8: JSON URLs, credentials, refused bodies ---------------------------------------------------


def test_a_json_url_is_read_and_read_again_offline(server: str, tmp_path: Path) -> None:
    url = f"{server}/article.json"
    fetcher = UrlFetcher(tmp_path)
    [article], problems = load_paths([url], fetcher=fetcher)
    assert problems == []
    assert article.title == ARTICLE_JSON["title"] and article.text == ARTICLE_JSON["text"]
    key = hashlib.sha256(url.encode()).hexdigest()[:20]
    assert json.loads((tmp_path / f"{key}.json").read_text(encoding="utf-8")) == ARTICLE_JSON
    assert json.loads((tmp_path / f"{key}.meta.json").read_text(encoding="utf-8"))["file"] == f"{key}.json"

    offline = UrlFetcher(tmp_path, timeout=0.5)
    copy = offline.saved_copy(url)
    assert copy is not None and copy.path == tmp_path / f"{key}.json"


def test_a_note_in_the_old_layout_is_still_read(tmp_path: Path) -> None:
    url = "https://example.org/story"
    key = hashlib.sha256(url.encode()).hexdigest()[:20]
    (tmp_path / f"{key}.html").write_text(PAGE_HTML, encoding="utf-8")
    note = {"url": url, "final_url": url, "file": f"{key}.html", "fetched": "2026-01-01 10:00 UTC"}
    (tmp_path / f"{key}.json").write_text(json.dumps(note), encoding="utf-8")
    copy = UrlFetcher(tmp_path).saved_copy(url)
    assert copy is not None and copy.path == tmp_path / f"{key}.html"
    assert copy.fetched == "2026-01-01 10:00 UTC"


def test_credentials_in_a_url_are_sent_but_never_stored_or_shown(server: str, tmp_path: Path) -> None:
    url = server.replace("http://", "http://reader:s3cret@") + "/story"
    fetched = tmp_path / "fetched"
    [article], problems = load_paths([url], fetcher=UrlFetcher(fetched))
    assert problems == []
    assert article.path == f"{server}/story" and article.url == f"{server}/story"
    assert HostileHandler.authorizations[-1].startswith("Basic ")  # the request still used them
    assert b"s3cret" not in everything_under(fetched)


def test_credentials_stay_out_of_the_cache(server: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    db = tmp_path / "cache.db"
    library = Library(db=str(db))
    library.open([server.replace("http://", "http://reader:s3cret@") + "/story"])
    assert [a.path for a in library.articles] == [f"{server}/story"]
    library.close()
    library.store.close()
    assert b"s3cret" not in everything_under(tmp_path)


@pytest.mark.parametrize("route", ["/report.pdf", "/mislabelled"])
def test_a_binary_body_is_refused_and_not_kept(server: str, tmp_path: Path, route: str) -> None:
    articles, [problem] = load_paths([server + route], fetcher=UrlFetcher(tmp_path / "fetched"))
    assert articles == []
    assert problem.reason in {
        "not an article: the server sends application/pdf; not kept",
        "a PDF document, not text; not kept",
    }
    assert not (tmp_path / "fetched").exists() or list((tmp_path / "fetched").iterdir()) == []


# -- folders of our own hostile making -----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_in_a_folder_is_named_and_never_opened(tmp_path: Path) -> None:
    """Opening a pipe waits for a writer forever; run in a process that must end (else: a hang)."""
    (tmp_path / "story.txt").write_text("Bridge opens\nThe mayor spoke.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    code = (
        "import sys; from tui.core.sources import load_paths; "
        "a, p = load_paths([sys.argv[1]]); print([x.title for x in a], [(x.path, x.reason) for x in p])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    pipe = str(tmp_path / "pipe.txt")
    assert done.stdout.strip() == (
        f"['Bridge opens'] [({pipe!r}, 'not a regular file (a pipe, socket or device)')]"
    )


def test_links_that_loop_are_followed_once_or_named(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "story.txt").write_text("Bridge opens\nThe mayor spoke.\n", encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")  # news/sub/up -> news: a loop through a folder
    (folder / "self.txt").symlink_to("self.txt")  # a link to itself
    articles, problems = load_paths([str(folder)])
    assert [a.title for a in articles] == ["Bridge opens"]
    assert [(p.path, p.reason) for p in problems] == [
        (str(folder / "self.txt"), "cannot read: Too many levels of symbolic links")
    ]


def test_an_empty_file_and_a_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\n\t\n")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text("Inner story\nText.\n", encoding="utf-8")
    articles, problems = load_paths([str(tmp_path)])
    assert [a.title for a in articles] == ["Inner story"]
    assert sorted((Path(p.path).name, p.reason) for p in problems) == [
        ("blank.md", "empty file"),
        ("empty.txt", "empty file"),
    ]


# -- XML bombs and external entities (handled on main; kept so by these tests) --------------------------

LAUGHS = "".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)  # lol9 would be 10**9 "lol"s: 3 GB if expanded
BILLION_LAUGHS_DTD = f'<!ENTITY lol0 "lol">{LAUGHS}'


def feed_with(dtd: str, body: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{dtd}]><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Story</title><description>Before {body} after.</description></item></channel></rss>"
    )


def page_with(dtd: str, body: str) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [{dtd}]><html><body><article><h1>Story</h1>'
        f"<p>Before {body} after. The mayor spoke at length about the bridge and the works in the "
        "town centre today.</p></article></body></html>"
    )


@pytest.mark.parametrize(("suffix", "make"), [(".rss", feed_with), (".html", page_with)])
def test_a_billion_laughs_is_never_expanded(tmp_path: Path, suffix: str, make) -> None:
    path = tmp_path / f"laughs{suffix}"
    path.write_text(make(BILLION_LAUGHS_DTD, "&lol9;"), encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert all(len(a.text) < 1000 and "lollol" not in a.text for a in articles)
    if suffix == ".rss":  # expat refuses the entities; the feed is named with the reason
        assert articles == [] and "input amplification" in problems[0].reason
    else:  # the HTML parser leaves them unexpanded
        assert [a.title for a in articles] == ["Story"] and "&lol9;" in articles[0].text


@pytest.mark.parametrize(("suffix", "make"), [(".rss", feed_with), (".html", page_with)])
def test_an_external_entity_never_reads_a_local_file(tmp_path: Path, suffix: str, make) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    path = tmp_path / f"leak{suffix}"
    path.write_text(make(f'<!ENTITY xxe SYSTEM "file://{secret}">', "&xxe;"), encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert [a.title for a in articles] == ["Story"]
    assert not any("TOPSECRET" in a.text + a.title for a in articles)
    assert not any("TOPSECRET" in p.reason for p in problems)


def test_a_yaml_billion_laughs_in_front_matter_is_refused_and_the_article_read(tmp_path: Path) -> None:
    """Nine lines of ten aliases each: 10**9 strings once turned into a title (8 GB, measured)."""
    lines = ["---", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    lines += ["title: *a8", "authors: *a8", "---", "The mayor said the bridge opens in May."]
    path = tmp_path / "laughs.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [article], [note] = load_paths([str(path)])
    assert article.text == "The mayor said the bridge opens in May." and article.authors == ()
    assert note.kept and note.reason == (
        "read without its front matter, which uses a YAML alias (*name) at line 3: "
        "not allowed, since aliases can repeat a value a billion times"
    )


def test_json_nested_too_deeply_is_named_in_a_file_a_line_and_on_standard_input(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(deep, encoding="utf-8")
    good_line = json.dumps({"title": "Fine", "text": "The mayor spoke."})
    (tmp_path / "lines.jsonl").write_text(f"{good_line}\n{deep}\n", encoding="utf-8")
    articles, problems = load_paths([str(tmp_path)])
    assert [a.title for a in articles] == ["Fine"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("deep.json", "not an article: JSON nested too deeply to read"),
        ("lines.jsonl#2", "line 2: not an article: JSON nested too deeply to read"),
    ]
    deep_object = '{"a": ' * 100_000 + "1" + "}" * 100_000
    articles, problems = load_paths(["-"], stdin=io.StringIO(deep_object))
    assert articles == []
    assert [p.reason for p in problems] == ["not an article: JSON nested too deeply to read"]


def test_an_email_of_thousands_of_nested_parts_is_named_plainly(tmp_path: Path) -> None:
    depth = 3000
    message = "From: a@example.org\nSubject: Deep\nMIME-Version: 1.0\n"
    message += "".join(f'Content-Type: multipart/mixed; boundary="b{n}"\n\n--b{n}\n' for n in range(depth))
    message += "Content-Type: text/plain\n\nThe mayor said the bridge opens in May.\n"
    message += "".join(f"\n--b{n}--\n" for n in reversed(range(depth)))
    path = tmp_path / "deep.eml"
    path.write_text(message, encoding="utf-8")
    articles, problems = load_paths([str(path)])
    assert articles == []
    assert [(p.path, p.reason) for p in problems] == [
        (str(path), "not an article: nested too deeply to read")
    ]


def test_standard_input_larger_than_an_article_is_refused_without_reading_it_all() -> None:
    """`yes | newsreader analyze -` must end: at most the file limit (10 MB) and a byte is read."""
    from tui.core.sources.files import MAX_DOCUMENT_BYTES

    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
            buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
            Endless.served += len(buffer)
            return len(buffer)

    stdin = io.TextIOWrapper(io.BufferedReader(Endless()), encoding="utf-8")
    articles, [problem] = load_paths(["-"], stdin=stdin)
    assert articles == []
    assert problem.reason == "too large to be an article (more than 10.0 MB on standard input)"
    assert Endless.served <= MAX_DOCUMENT_BYTES + 1 + io.DEFAULT_BUFFER_SIZE
