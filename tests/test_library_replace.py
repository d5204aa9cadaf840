"""A file read again with new text (what --watch sees) replaces its old article instead of adding one."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_library_cache import CountingAnalyzer
from tui.core.library import Library
from tui.core.model import Article


def reader(tmp_path: Path) -> Library:
    return Library(db=str(tmp_path / "cache.db"), analyzer_factory=CountingAnalyzer)


def test_a_changed_file_replaces_its_article_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    story, other = folder / "story.txt", folder / "other.txt"
    story.write_text("Budget vote\nThe parliament met in Lagos.\n", "utf-8")
    other.write_text("Weather\nRain over Lagos all week.\n", "utf-8")
    library = reader(tmp_path)
    library.open([str(folder)])
    library.analyze_pending()
    old = next(a for a in library.articles if a.path.endswith("story.txt"))

    story.write_text("Budget vote, updated\nThe parliament met in Abuja.\n", "utf-8")
    seen: list[tuple[str, Article | None]] = []
    added: list[Article] = []
    replaced = library.open(
        [str(story.resolve())], on_replaced=lambda o, n: seen.append((o, n)), on_article=added.append
    )

    assert replaced == [old.id]
    assert len(seen) == 1 and seen[0][0] == old.id
    new = seen[0][1]
    assert new is not None and new.title == "Budget vote, updated"
    assert added == []  # the new version is announced once, as the replacement
    assert sorted(a.title for a in library.articles) == ["Budget vote, updated", "Weather"]
    assert library.article(old.id) is None
    assert [a.title for a in library.search("parliament")] == ["Budget vote, updated"]
    assert library.search("abuja")[0].id == new.id
    assert library.find("lagos").total == 1  # the old text is still indexed but no longer loaded
    assert [a.id for a in library.pending()] == [new.id]


def test_without_on_replaced_the_new_version_is_reported_as_an_article(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("First\nOne version.\n", "utf-8")
    library = reader(tmp_path)
    library.open([str(story)])
    story.write_text("Second\nAnother version.\n", "utf-8")
    added: list[str] = []
    assert len(library.open([str(story)], on_article=lambda a: added.append(a.title))) == 1
    assert added == ["Second"] and [a.title for a in library.articles] == ["Second"]


def test_reading_an_unchanged_file_again_changes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Budget vote\nThe parliament met.\n", "utf-8")
    library = reader(tmp_path)
    library.open([str(story)])
    seen: list[str] = []
    assert library.open([str(story)], on_replaced=lambda o, n: seen.append(o)) == []
    assert seen == [] and len(library.articles) == 1


def test_a_new_file_in_a_second_open_is_only_added(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One\nFirst story.\n", "utf-8")
    (tmp_path / "b.txt").write_text("Two\nSecond story.\n", "utf-8")
    library = reader(tmp_path)
    library.open([str(tmp_path / "a.txt")])
    added: list[str] = []
    assert library.open([str(tmp_path / "b.txt")], on_article=lambda a: added.append(a.title)) == []
    assert added == ["Two"] and len(library.articles) == 2


def test_a_json_lines_file_that_loses_and_changes_lines(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"

    def write(*texts: str) -> None:
        lines = [json.dumps({"title": t.split()[0], "text": t}) for t in texts]
        feed.write_text("\n".join(lines) + "\n", "utf-8")

    write("Alpha story about ports.", "Beta story about rail.", "Gamma story about roads.")
    library = reader(tmp_path)
    library.open([str(feed)])
    ids = {a.title: a.id for a in library.articles}

    write("Alpha story about ports.", "Beta story about rail, corrected.")
    seen: list[tuple[str, str | None]] = []
    library.open([str(feed)], on_replaced=lambda o, n: seen.append((o, n.title if n else None)))

    # Beta's old text is replaced by its new one; Gamma is gone with nothing in its place
    assert seen == [(ids["Beta"], "Beta"), (ids["Gamma"], None)]
    assert sorted(a.text for a in library.articles) == [
        "Alpha story about ports.",
        "Beta story about rail, corrected.",
    ]
    assert library.search("roads") == []


def test_a_replaced_article_stays_out_after_its_batch_is_written(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("First\nOne version.\n", "utf-8")
    library = reader(tmp_path)
    library.open([str(story)], index=False)  # cached, not indexed yet: the index must not bring it back
    story.write_text("Second\nAnother version.\n", "utf-8")
    library.open([str(story)])
    assert [a.title for a in library.articles] == ["Second"]
    assert [a.title for a in library.search("version")] == ["Second"]
