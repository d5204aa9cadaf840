"""Realistic synthetic news for benchmarks: real Wikinews paragraphs recombined, with names and quotes.

Each article is ~650 words: paragraphs drawn from ../shared/fixtures/wikinews-2019-2020-raw.jsonl,
a headline, a date in 2019-2020, a source, and two to four quotations attributed to people from a
fixed cast ("..., said Amira Okafor." / "Okafor said that ..."). Because the generator places the
names and quotes itself, it also knows the analysis (entities, quotes, actors) without spaCy: the
index and search benchmarks use these synthetic analyses, since running spaCy over 100,000 articles
would take hours here.

    python bench/make_corpus.py --count 10000 --out /tmp/corpus.jsonl          # articles, JSON Lines
    python bench/make_corpus.py --count 1000 --out /tmp/corpus --format txt     # one .txt file each
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.model import Actor, Analysis, Article, Entity, Quote, Span  # noqa: E402

FIXTURE_NAME = Path("shared") / "fixtures" / "wikinews-2019-2020-raw.jsonl"
# ../shared beside the repository; from a git worktree (work/wt/NAME), two levels further up
FIXTURE = next(
    (base / FIXTURE_NAME for base in ROOT.parents if (base / FIXTURE_NAME).is_file()),
    ROOT.parent / FIXTURE_NAME,
)

FIRST = [
    "Amira",
    "Jonas",
    "Wei",
    "Lucia",
    "Kwame",
    "Priya",
    "Mateo",
    "Ingrid",
    "Tariq",
    "Hana",
    "Olga",
    "Diego",
    "Fatima",
    "Kenji",
    "Nadia",
    "Samuel",
    "Elif",
    "Rafael",
    "Yara",
    "Pavel",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Zhang",
    "Moreno",
    "Mensah",
    "Raman",
    "Silva",
    "Berg",
    "Haddad",
    "Sato",
    "Petrova",
    "Castillo",
    "Nasser",
    "Tanaka",
    "Karimi",
    "Adeyemi",
    "Yilmaz",
    "Duarte",
    "Haidar",
    "Novak",
]
ROLES = ["minister", "spokesperson", "professor", "mayor", "director", "analyst", "senator", "official"]
ORGS = [
    "the United Nations",
    "the World Health Organization",
    "Reuters",
    "the European Commission",
    "the Red Cross",
    "Amnesty International",
    "the World Bank",
    "NATO",
    "the African Union",
    "UNICEF",
]
PLACES = [
    "Nairobi",
    "Lima",
    "Jakarta",
    "Warsaw",
    "Cairo",
    "Manila",
    "Bogota",
    "Almaty",
    "Lagos",
    "Hanoi",
    "Kazakhstan",
    "Peru",
    "Brazil",
    "Kenya",
    "Poland",
    "Egypt",
    "Chile",
    "Ghana",
    "Turkey",
    "Norway",
]
SOURCES = ["Wikinews", "Global Voices", "Example Daily", "The Synthetic Times", "Press Agency"]
VERBS = ["said", "told reporters", "added", "warned", "stated"]


def load_paragraphs(path: Path = FIXTURE) -> tuple[list[str], list[str]]:
    """Body paragraphs and quotable sentences from the fixture (datelines and stubs left out)."""
    paragraphs: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            for block in re.split(r"\n\s*\n", text):
                block = " ".join(block.split())
                if len(block) > 120 and not block.endswith(":") and '"' not in block:
                    paragraphs.append(block)
    sentences = [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if 40 < len(s) < 200]
    return paragraphs, sentences


def make_article(
    n: int, rng: random.Random, paragraphs: list[str], sentences: list[str]
) -> tuple[Article, Analysis]:
    """One article and the analysis a perfect pipeline would give it: the generator placed every name."""
    cast = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(rng.randint(2, 3))]
    place = rng.choice(PLACES)
    org = rng.choice(ORGS)
    first_name, last_name = cast[0]
    title = rng.choice(
        [
            f"{first_name} {last_name} warns of crisis in {place}",
            f"{org[4:] if org.startswith('the ') else org} reports on {place}",
            f"Protests in {place} as {last_name} speaks",
            f"{place}: {rng.choice(sentences)[:60].rstrip(' ,.')}",
        ]
    )
    parts: list[str] = [title + "\n\n"]
    entities: list[Entity] = []
    quotes: list[Quote] = []
    mentions: dict[str, list[Span]] = {}
    offset = len(title) + 2

    def put(text: str) -> int:
        nonlocal offset
        at = offset
        parts.append(text)
        offset += len(text)
        return at

    def name(full: str, shown: str, label: str = "PERSON") -> None:
        at = put(shown)
        entities.append(Entity(at, at + len(shown), label, shown))
        if label == "PERSON":
            mentions.setdefault(full, []).append(Span(at, at + len(shown), shown))

    words = 0
    quote_slots = set(rng.sample(range(8), k=rng.randint(2, 4)))
    for i in range(14):
        if words > 520:
            break
        body = rng.choice(paragraphs)
        put(body + " ")
        words += body.count(" ") + 1
        if i in quote_slots:
            first, last = rng.choice(cast)
            full = f"{first} {last}"
            said = rng.choice(sentences).rstrip(".")
            put('"')
            start = offset
            put(said)
            end = offset
            put(',"' + " ")
            cue_at = offset
            verb = rng.choice(VERBS)
            put(verb + " ")
            speaker_at = offset
            name(full, full if rng.random() < 0.5 else last)
            speaker_text = entities[-1].text
            put(f", a {rng.choice(ROLES)} in ")
            name(place, place, "GPE")
            put(".")
            quotes.append(
                Quote(
                    start,
                    end,
                    "direct",
                    said,
                    Span(cue_at, cue_at + len(verb), verb),
                    Span(speaker_at, speaker_at + len(speaker_text), speaker_text),
                    full,
                )
            )
        else:
            put("Officials from ")
            name(org, org, "ORG")
            put(" were present.")
        put("\n\n")
    text = "".join(parts).rstrip()
    year = rng.choice((2019, 2020))
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article = Article(
        path=f"synthetic/{n:06d}.txt", title=title, text=text, date=date, source=rng.choice(SOURCES)
    )
    actors = tuple(
        Actor(full, "PERSON", tuple(sorted({s.text for s in spans} - {full})), tuple(spans))
        for full, spans in mentions.items()
        if full not in PLACES
    )
    analysis = Analysis(article.id, "synthetic-1", tuple(entities), tuple(quotes), actors)
    return article, analysis


def generate(count: int, seed: int = 7) -> Iterator[tuple[Article, Analysis]]:
    paragraphs, sentences = load_paragraphs()
    rng = random.Random(seed)
    for n in range(count):
        yield make_article(n, rng, paragraphs, sentences)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", required=True, help="a .jsonl file, or a folder with --format txt")
    parser.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    out = Path(args.out)
    words = 0
    if args.format == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for article, _ in generate(args.count, args.seed):
                words += len(article.text.split())
                record = {
                    "title": article.title,
                    "text": article.text,
                    "date": article.date,
                    "source": article.source,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for n, (article, _) in enumerate(generate(args.count, args.seed)):
            words += len(article.text.split())
            (out / f"{n:06d}.txt").write_text(article.text, encoding="utf-8")
    elapsed = time.perf_counter() - started
    print(
        f"wrote {args.count:,} articles ({words / max(args.count, 1):.0f} words each on average) "
        f"to {out} in {elapsed:.1f} s"
    )


if __name__ == "__main__":
    main()
