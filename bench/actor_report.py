"""One actor across the library, measured: actors before and after the merge, the actors with the
most statements (each with the names it merged), and how surnames shared by several people were
settled. docs/quality.md keeps the figures for PolNeAR's training set and the sample articles.

    newsreader analyze ../shared/eval/data/polnear-train.jsonl --db /tmp/id.db --format jsonl > /tmp/t.jsonl
    python bench/actor_report.py /tmp/t.jsonl --top 50

"Before" is what the actors panel listed before identities: one actor per canonical name an article
gives (exact spelling). "After" is `Library.actors(None)`'s list: one per library-wide identity.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.identity import DOMINANCE, ActorIdentities  # noqa: E402
from tui.core.identity.claims import FullName, Surname  # noqa: E402
from tui.core.library import ActorSummary  # noqa: E402
from tui.core.model import Actor, Analysis, Quote  # noqa: E402


def load(path: Path) -> list[Analysis]:
    analyses = []
    for n, line in enumerate(path.open(encoding="utf-8")):
        if line.strip():
            record = json.loads(line)
            quotes = tuple(Quote.from_dict(q) for q in record["quotes"])
            actors = tuple(Actor.from_dict(a) for a in record["actors"])
            analyses.append(Analysis(f"{n}:{record['path']}", "report", quotes=quotes, actors=actors))
    return analyses


def names_of(analyses: list[Analysis]) -> set[str]:
    """Every canonical name the articles give their actors."""
    return {actor.name for analysis in analyses for actor in analysis.actors} | {
        quote.actor for analysis in analyses for quote in analysis.quotes if quote.actor
    }


def before(analyses: list[Analysis]) -> tuple[int, int]:
    """(actors, actors with statements) when every exact canonical name was an actor of its own."""
    speaking = {quote.actor for analysis in analyses for quote in analysis.quotes if quote.actor}
    return len(names_of(analyses)), len(speaking)


def shared_surnames(identities: ActorIdentities, analyses: list[Analysis]) -> list[str]:
    """Each surname written alone that several full names of the library share: who they are, in
    how many articles, and what the surname alone was taken for."""
    full: dict[str, Counter[tuple[str, str]]] = {}
    alone: Counter[str] = Counter()
    for analysis in analyses:
        claims = identities.claims(analysis.article_id)
        assert claims is not None
        people = {local.claim for local in claims.actors.values() if isinstance(local.claim, FullName)}
        for claim in people:
            full.setdefault(claim.surname, Counter())[(claim.forename, claim.surname)] += 1
        for local in claims.actors.values():
            if isinstance(local.claim, Surname) and local.claim.open:
                alone[local.claim.surname] += 1
    lines = []
    for surname, uses in alone.most_common():
        people = full.get(surname, Counter())
        if len(people) < 2:
            continue
        (_, n1), (_, n2) = people.most_common(2)
        key = identities.key_of(Surname(surname))
        named = identities.identity(key)
        taken = named.name if named is not None and not key.startswith("surname:") else "stays apart"
        listed = ", ".join(f"{f.title()} {s.title()} {n}" for (f, s), n in people.most_common(4))
        lines.append(
            f"{surname.title()}: alone in {uses} articles; full names {listed}; "
            f"ratio {n1 / n2:.1f} -> {taken}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("analyses", type=Path, help="newsreader analyze --format jsonl output")
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--surnames", type=int, default=25, help="shared surnames to list")
    args = parser.parse_args()
    analyses = load(args.analyses)
    identities = ActorIdentities()
    for analysis in analyses:
        identities.add(analysis.article_id, analysis)
    actors = identities.summaries(lambda name, label, key: ActorSummary(name, label, key=key))
    names, speaking = before(analyses)
    merged_speaking = sum(1 for actor in actors if actor.statements)
    print(f"{len(analyses)} articles")
    print(f"actors before: {names:,} ({speaking:,} with statements)")
    print(f"actors after:  {len(actors):,} ({merged_speaking:,} with statements)")
    moved = sum(1 for actor in actors for _, quote in actor.statements if quote.actor != actor.name)
    said = sum(len(actor.statements) for actor in actors)
    joined = sum(1 for actor in actors if len({*actor.alias_articles} & names_of(analyses)) > 1)
    print(f"statements now under another name than their article's: {moved:,} of {said:,}")
    print(f"actors that joined two or more of the articles' names: {joined:,}")
    print(f"\nthe {args.top} actors with the most statements (names: articles using each):")
    for n, actor in enumerate(actors[: args.top], 1):
        names_used = sorted(actor.alias_articles.items(), key=lambda item: (-len(item[1]), item[0]))
        shown = "; ".join(f"{alias} {len(ids)}" for alias, ids in names_used[:8])
        more = f"; +{len(names_used) - 8} more" if len(names_used) > 8 else ""
        print(
            f"{n:2}. {actor.name} ({actor.label}): {len(actor.statements)} statements, "
            f"{len(actor.article_ids)} articles | {shown}{more}"
        )
    print(f"\nsurnames written alone that several people share (dominance needed: {DOMINANCE:g}x):")
    for line in shared_surnames(identities, analyses)[: args.surnames]:
        print("  " + line)


if __name__ == "__main__":
    main()
