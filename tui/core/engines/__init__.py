"""Where the analysis runs: in this process and its worker pool (`--engine local`, the Library's
own path), or on a Dask cluster (`--engine dask`), local or remote.

Both run the same Analyzer (tui.core.nlp) on the same articles and give the same analyses; the
engine decides only where the work happens. Nothing here imports Dask until a Dask run starts, so
the optional `cluster` extra is needed only by those who use it.
"""

ENGINES = ("local", "dask")
