"""Analysed articles as files: the JSON Lines and Parquet that `newsreader analyze` writes, and
reading them back for `newsreader import`.

One record per article, the same in both formats (README, "the analysis JSON contract"): the
article's fields, its quotes, entities and actors, and the identity of the pipeline that made them.
pyarrow is imported only by the Parquet modules, when a Parquet file is written or read.
"""
