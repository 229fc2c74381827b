"""Plumbing of the command line: reading documents, writing outputs, progress and signals.

- ``inputs``: files, folders, JSON Lines and stdin as a stream of ``Document``.
- ``outputs``: the writers (JSON Lines, JSON, CSV, Parquet, table) and atomic output files.
- ``rows``: one flat row per quote (the columns of CSV, Parquet and data frames).
- ``batch``: the streaming loop from documents through the extractor to a writer.
- ``progress`` and ``interrupts``: the progress bar and clean stops on Ctrl-C/SIGTERM.
"""
