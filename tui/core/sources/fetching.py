"""Downloading a URL into a local copy, so an article read once stays readable offline.

httpx with timeouts, a deadline for the whole download, a redirect limit, a size limit and the user
agent "newsreader/0.1". Each copy is saved under the user data directory (`newsreader/fetched/`) as
`<key><suffix>` with a small JSON note of where it came from, `<key>.meta.json`; when the network
fails later, the saved copy is read instead. (Notes were once `<key>.json`, which a JSON page's own
copy overwrote; those old notes are still read.)

Credentials in a URL (`https://user:password@host/...`) are used for the request and nowhere else:
every URL stored, shown or put in a message goes through `without_credentials` first. A body that
is not text (a PDF, an image, `application/octet-stream`) is refused without being saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .decoding import SNIFF_BYTES, binary_reason
from .errors import SourceError
from .files import describe_size

USER_AGENT = "newsreader/0.1"
DEFAULT_TIMEOUT_SECONDS = 15.0
# A server may send a byte every few seconds forever: each read is then within the timeout, so the
# whole download has its own deadline too.
DEFAULT_DEADLINE_SECONDS = 60.0
NOTE_SUFFIX = ".meta.json"
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5

# The suffix a copy is saved with decides which reader opens it; ".xml" is sniffed (feed or not).
_CONTENT_TYPE_SUFFIXES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/rdf+xml": ".xml",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "message/rfc822": ".eml",
}
_KNOWN_SUFFIXES = frozenset(
    {".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".txt", ".md", ".eml"}
)


def default_fetched_dir() -> Path:
    """`newsreader/fetched/` in the user data directory (~/.local/share on Linux, XDG_DATA_HOME honoured)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("newsreader", appauthor=False)) / "fetched"


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def without_credentials(url: str) -> str:
    """`url` without its `user:password@`, for everything shown or stored (the request keeps them)."""
    return _USERINFO.sub(r"\1", url)


@dataclass(frozen=True)
class LocalCopy:
    """A downloaded page or feed on disk, and the URL it finally came from (after redirects)."""

    path: Path
    url: str
    fetched: str


class UrlFetcher:
    """Fetches URLs into local copies under `fetched_dir` (the user data directory by default)."""

    def __init__(
        self,
        fetched_dir: Path | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        deadline: float = DEFAULT_DEADLINE_SECONDS,
    ) -> None:
        self.fetched_dir = fetched_dir or default_fetched_dir()
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.deadline = deadline

    def fetch(self, url: str) -> LocalCopy:
        """Download `url` and save it; SourceError with a clear reason when that fails.

        The download runs in a thread of its own and is given up at the deadline, whatever the
        server does: httpx's timeouts bound each read, not their sum, so a server sending its
        headers or its body a byte at a time would otherwise hold the reader forever. A download
        given up is never saved (the thread, blocked in a read, ends at that read's timeout).
        """
        outcome: list[LocalCopy | BaseException] = []
        given_up = threading.Event()

        def download() -> None:
            try:
                outcome.append(self._download(url, given_up))
            except BaseException as error:  # handed to the caller's thread, raised there
                outcome.append(error)

        worker = threading.Thread(target=download, name="newsreader-fetch", daemon=True)
        worker.start()
        worker.join(self.deadline)
        if worker.is_alive() or not outcome:
            given_up.set()
            raise SourceError(self._cut_off())
        result = outcome[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def _cut_off(self) -> str:
        return (
            f"cut off: the download was not complete after {self.deadline:g} s; the server sends too slowly"
        )

    def _download(self, url: str, given_up: threading.Event) -> LocalCopy:
        import httpx  # here, not at module level: httpx imports rich (for its CLI) when it is installed

        shown = without_credentials(url)
        host = urlsplit(shown).hostname or shown
        try:
            with (
                httpx.Client(
                    timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0)),
                    follow_redirects=True,
                    max_redirects=MAX_REDIRECTS,
                    headers={"User-Agent": USER_AGENT},
                ) as client,
                client.stream("GET", url) as response,
            ):
                if response.status_code >= 400:
                    raise SourceError(f"the server answered {response.status_code} {response.reason_phrase}")
                content_type = response.headers.get("content-type", "")
                _refuse_binary_type(content_type)
                body = self._read_limited(response, given_up)
                final_url = without_credentials(str(response.url))
        except httpx.TimeoutException:
            raise SourceError(f"no answer from {host} within {self.timeout:g} s") from None
        except httpx.ConnectError as error:
            raise SourceError(f"cannot connect to {host} ({_first_reason(error)})") from None
        except httpx.TooManyRedirects:
            raise SourceError(f"more than {MAX_REDIRECTS} redirects") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise SourceError("not a valid http(s) URL") from None
        except httpx.HTTPError as error:
            detail = str(error).replace(url, shown)
            raise SourceError(f"download failed ({type(error).__name__}: {detail})") from None
        if not body.strip():
            raise SourceError("the server sent an empty page")
        reason = binary_reason(body[:SNIFF_BYTES])
        if reason:
            raise SourceError(f"{reason}; not kept")
        if given_up.is_set():
            raise SourceError(self._cut_off())
        return self._save(shown, final_url, body, content_type)

    def saved_copy(self, url: str) -> LocalCopy | None:
        """The copy saved by an earlier fetch of `url`, if any: what is read when offline."""
        shown = without_credentials(url)
        key = _key(shown)
        for note in (self.fetched_dir / f"{key}{NOTE_SUFFIX}", self.fetched_dir / f"{key}.json"):
            try:
                saved = json.loads(note.read_text(encoding="utf-8"))
                path = self.fetched_dir / saved["file"]
            except (OSError, ValueError, KeyError, TypeError):
                continue  # no note, or an old-layout `<key>.json` that is a JSON page, not a note
            if path.is_file() and path != note:
                final = without_credentials(str(saved.get("final_url") or shown))
                return LocalCopy(path, final, str(saved.get("fetched") or ""))
        return None

    def _read_limited(self, response: Any, given_up: threading.Event) -> bytes:
        """The body of an httpx response, refused as soon as it passes the size limit or is given up."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise SourceError(self._too_large(int(declared)))
        chunks: list[bytes] = []
        received = 0
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > self.max_bytes:
                raise SourceError(self._too_large(received, at_least=True))
            if given_up.is_set():
                raise SourceError(self._cut_off())
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, size: int, at_least: bool = False) -> str:
        more = "more than " if at_least else ""
        return f"too large ({more}{describe_size(size)}; the limit is {describe_size(self.max_bytes)})"

    def _save(self, url: str, final_url: str, body: bytes, content_type: str) -> LocalCopy:
        key = _key(url)
        file_name = key + _suffix_for(content_type, final_url)
        fetched = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        try:
            self.fetched_dir.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.fetched_dir / file_name, body)
            note = {"url": url, "final_url": final_url, "content_type": content_type, "file": file_name}
            note["fetched"] = fetched
            _write_atomically(
                self.fetched_dir / f"{key}{NOTE_SUFFIX}", json.dumps(note, indent=1).encode("utf-8")
            )
        except OSError as error:
            raise SourceError(
                f"downloaded, but cannot save a copy in {self.fetched_dir} ({error.strerror or error})"
            ) from None
        return LocalCopy(self.fetched_dir / file_name, final_url, fetched)


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]


def _suffix_for(content_type: str, url: str) -> str:
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type in _CONTENT_TYPE_SUFFIXES:
        return _CONTENT_TYPE_SUFFIXES[media_type]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return suffix if suffix in _KNOWN_SUFFIXES else ""


_BINARY_TYPES = (
    "application/pdf",
    "application/octet-stream",
    "image/",
    "audio/",
    "video/",
    "application/zip",
)


def _refuse_binary_type(content_type: str) -> None:
    """Refuse a body the server calls binary before downloading it (it would not be kept anyway)."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type.startswith(_BINARY_TYPES):
        raise SourceError(f"not an article: the server sends {media_type}; not kept")


def _first_reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    if "refused" in text.lower():
        return "connection refused"
    if "name or service not known" in text.lower() or "nodename nor servname" in text.lower():
        return "host name not found; no network?"
    return text


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
