"""Time and peak memory of the analysis on hostile sizes: does it stay in proportion to the text?

    .venv/bin/python bench/hostile_sizes.py [--cases NAME,...] [--timeout SECONDS] [--only spacy|full]

Texts are made from the sample articles' paragraphs (real news prose, with its quotes), repeated up
to 50 KB, 200 KB and 2 MB, once as paragraphs and once joined into one line; plus 10,000 opening
quotation marks that never close. For each text, two runs, each in a fresh subprocess so that its
peak resident memory (ru_maxrss of that process) is the case's own, C allocations included:
- "spacy": bare spaCy, the Analyzer's own pipeline, over the pieces the Analyzer cuts the text into
  (tui/core/nlp/chunking.py; a text of up to 30,000 characters is one piece): what spaCy alone needs;
- "full": `Analyzer.analyze`, the text as one article: the same parse, then quotes, speakers, actors.
With --whole-doc, also "spacy-whole": bare spaCy on the text as one document (`nlp(text)`), as the
Analyzer did before it cut long texts (2 MB takes several GB: mind the machine).
It prints CPU seconds (user + system of the child: a fairer clock than the wall on a shared machine),
wall seconds, words per CPU second and peak memory; the loaded model (~150 MB) is part of the peak.
A case that runs past --timeout is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KB = 1000
SIZES = {"50k": 50 * KB, "200k": 200 * KB, "2m": 2000 * KB}


def sample_paragraphs() -> list[str]:
    """The paragraphs of the sample articles, in a fixed order."""
    from tui.core.sources import load_paths

    articles, _problems = load_paths([str(ROOT / "sample_data")])
    paragraphs = []
    for article in sorted(articles, key=lambda a: a.path):
        paragraphs.extend(p.strip() for p in article.text.split("\n") if p.strip())
    return paragraphs


def make_text(case: str) -> str:
    """The text of one case: `<size>-lines`, `<size>-one-line`, `open-quotes` or `many-quotes`."""
    if case == "open-quotes":
        return "“Unclosed quote runs on " * 10_000
    if case == "many-quotes":
        return ('"Yes" ' * 40_000)[: SIZES["200k"]]  # one sentence of 33,000 short quotes, no cue
    size_name, _, layout = case.partition("-")
    size = SIZES[size_name]
    paragraphs = sample_paragraphs()
    chosen: list[str] = []
    total = 0
    while total < size:
        for paragraph in paragraphs:
            chosen.append(paragraph)
            total += len(paragraph) + 1
            if total >= size:
                break
    separator = " " if layout == "one-line" else "\n"
    return separator.join(chosen)[:size]


CASES = [f"{size}-{layout}" for size in SIZES for layout in ("lines", "one-line")]
CASES += ["open-quotes", "many-quotes"]


def run_case(case: str, mode: str) -> dict[str, float | int | str]:
    """In the child process: analyse one case, return its figures."""
    from tui.core.model import Article
    from tui.core.nlp import Analyzer

    text = make_text(case)
    analyzer = Analyzer().load()
    nlp = analyzer.nlp
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    if mode == "spacy":
        from tui.core.nlp.chunking import chunk_bounds

        docs = nlp.pipe((text[start:end] for start, end in chunk_bounds(text)), batch_size=1)
        found = sum(len(doc.ents) for doc in docs)
    elif mode == "spacy-whole":
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        found = len(nlp(text).ents)
    else:
        analysis = analyzer.analyze(Article(path=f"{case}.txt", title=case, text=text))
        found = len(analysis.quotes)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "case": case,
        "mode": mode,
        "chars": len(text),
        "words": len(text.split()),
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": peak_kb / 1024,
        "found": found,
    }


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(case: str, mode: str, timeout: float) -> dict[str, float | int | str] | None:
    command = [sys.executable, __file__, "--child", case, mode]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is stopped")
    parser.add_argument("--only", choices=["spacy", "full", "spacy-whole"], help="run one mode")
    parser.add_argument("--whole-doc", action="store_true", help="also spaCy on the text as one doc")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(*args.child)))
        return

    modes = [args.only] if args.only else ["spacy", "full"] + (["spacy-whole"] if args.whole_doc else [])
    header = f"{'case':<14} {'chars':>9} {'words':>8} | {'mode':<11} {'cpu s':>7} {'wall s':>7}"
    print(f"{header} {'words/s':>8} {'peak MB':>8}", flush=True)
    for case in args.cases.split(","):
        for mode in modes:
            figures = measure(case, mode, args.timeout)
            if figures is None:
                stopped = f"over {args.timeout:.0f} s or failed"
                print(f"{case:<14} {'':>9} {'':>8} | {mode:<11} {stopped}", flush=True)
                continue
            rate = figures["words"] / max(figures["cpu"], 1e-9)
            print(
                f"{case:<14} {figures['chars']:>9,} {figures['words']:>8,} | {mode:<11} "
                f"{figures['cpu']:>7.1f} {figures['seconds']:>7.1f} {rate:>8,.0f} "
                f"{figures['peak_mb']:>8,.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
