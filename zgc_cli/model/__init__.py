"""The data: its vocabulary, the one reader of bytes, the loader and the Dataset.

Imports nothing of zgc but :mod:`zgc_cli.errors`, and never Typer or Rich.
"""
