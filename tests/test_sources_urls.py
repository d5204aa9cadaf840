"""Reading URLs: pages and feeds served from 127.0.0.1 (never the internet), and the offline copy."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core.sources import UrlFetcher, load_paths

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
PAGE_HTML = (
    "<html><head><title>Local News » Mayor opens the bridge</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Mayor opens the bridge</h1>"
    "<p>The mayor opened the new bridge on Tuesday, ending two years of works in the town centre.</p>"
    "<p>“It connects both halves of the town at last,” she said to the crowd gathered on the river bank.</p>"
    "<p>Traffic is expected to fall by a third in the old streets, according to the council's own study.</p>"
    "</article></body></html>"
)
FEED_XML = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Local Wire</title>"
    "<item><title>One</title><link>https://example.org/one</link>"
    "<description>First story.</description></item>"
    "<item><title>Two</title><description>Second story.</description></item></channel></rss>"
)


class NewsHandler(http.server.BaseHTTPRequestHandler):
    """A few routes standing in for a news site; records the User-Agent it saw."""

    user_agents: list[str] = []  # noqa: RUF012  (shared on purpose: the test reads what the server saw)

    def do_GET(self) -> None:
        NewsHandler.user_agents.append(self.headers.get("User-Agent", ""))
        routes = {
            "/story": ("text/html; charset=utf-8", PAGE_HTML.encode("utf-8")),
            "/feed": ("application/rss+xml", FEED_XML.encode("utf-8")),
            "/big": ("text/plain", b"x" * 200_000),
        }
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send("text/plain", b"late")
        elif self.path == "/gv-feed" and (FIXTURES / "globalvoices-feature-feed-2009-06-11.rss").is_file():
            self._send(
                "application/rss+xml", (FIXTURES / "globalvoices-feature-feed-2009-06-11.rss").read_bytes()
            )
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self.send_error(404, "Not Found")

    def _send(self, content_type: str, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output is for the test."""


@pytest.fixture
def server() -> Iterator[http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NewsHandler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base_url(httpd: http.server.ThreadingHTTPServer) -> str:
    host, port = httpd.server_address[:2]
    return f"http://{host}:{port}"


def test_a_page_url_gives_its_article_and_a_local_copy(server, tmp_path: Path) -> None:
    url = f"{base_url(server)}/story"
    fetcher = UrlFetcher(tmp_path / "fetched")
    [article], problems = load_paths([url], fetcher=fetcher)
    assert problems == []
    assert article.title == "Mayor opens the bridge"
    assert article.path == url and article.url == url and article.format == "url"
    assert "“It connects both halves of the town at last,” she said" in article.text
    assert "Home" not in article.text
    assert NewsHandler.user_agents[-1] == "newsreader/0.1"
    saved = [p for p in (tmp_path / "fetched").iterdir() if p.suffix == ".html"]
    assert len(saved) == 1 and "Mayor opens the bridge" in saved[0].read_text(encoding="utf-8")


def test_a_feed_url_gives_one_article_per_entry(server, tmp_path: Path) -> None:
    url = f"{base_url(server)}/feed"
    articles, problems = load_paths([url], fetcher=UrlFetcher(tmp_path))
    assert problems == []
    assert [(a.title, a.text, a.path, a.url) for a in articles] == [
        ("One", "First story.", f"{url}#1", "https://example.org/one"),
        ("Two", "Second story.", f"{url}#2", None),
    ]


def test_the_global_voices_feed_served_over_http_gives_fifteen_articles(server, tmp_path: Path) -> None:
    if not FIXTURES.is_dir():
        pytest.skip(f"shared fixtures not found at {FIXTURES}")
    articles, problems = load_paths([f"{base_url(server)}/gv-feed"], fetcher=UrlFetcher(tmp_path))
    assert problems == []
    assert len(articles) == 15 and all(a.title and a.date for a in articles)


def test_redirects_are_followed_and_the_final_url_kept(server, tmp_path: Path) -> None:
    [article], problems = load_paths([f"{base_url(server)}/moved"], fetcher=UrlFetcher(tmp_path))
    assert problems == []
    assert article.path == f"{base_url(server)}/moved"
    assert article.url == f"{base_url(server)}/story"


def test_http_errors_size_limit_and_timeout_are_clear_problems(server, tmp_path: Path) -> None:
    root = base_url(server)
    articles, problems = load_paths(
        [f"{root}/missing", f"{root}/big"], fetcher=UrlFetcher(tmp_path, max_bytes=100_000)
    )
    assert articles == []
    assert [(p.path, p.reason) for p in problems] == [
        (f"{root}/missing", "the server answered 404 Not Found"),
        (f"{root}/big", "too large (195 KB; the limit is 98 KB)"),
    ]
    articles, problems = load_paths([f"{root}/slow"], fetcher=UrlFetcher(tmp_path, timeout=0.5))
    assert articles == []
    assert [(p.path, p.reason) for p in problems] == [
        (f"{root}/slow", "no answer from 127.0.0.1 within 0.5 s")
    ]


def test_refused_connection_is_a_clear_problem_and_the_rest_still_loads(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    good = tmp_path / "local.txt"
    good.write_text("Local story\nBody.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{port}/news"
    articles, problems = load_paths([url, str(good)], fetcher=UrlFetcher(tmp_path / "fetched"))
    assert [a.title for a in articles] == ["Local story"]
    assert [(p.path, p.reason) for p in problems] == [
        (url, "cannot connect to 127.0.0.1 (connection refused)")
    ]


def test_offline_the_copy_saved_earlier_is_read_and_the_failure_named(tmp_path: Path) -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NewsHandler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    url = f"{base_url(httpd)}/story"
    fetcher = UrlFetcher(tmp_path)
    try:
        first, _ = load_paths([url], fetcher=fetcher)
    finally:
        httpd.shutdown()
        httpd.server_close()
    again, problems = load_paths([url], fetcher=fetcher)
    assert [a.text for a in again] == [a.text for a in first] and again[0].path == url
    assert len(problems) == 1 and problems[0].path == url
    assert problems[0].reason.startswith(
        "cannot connect to 127.0.0.1 (connection refused); read the copy saved "
    )


def test_the_default_copy_folder_is_in_the_user_data_directory(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert UrlFetcher().fetched_dir == tmp_path / "newsreader" / "fetched"
