"""``zgc extract``: a text's figures as draft observations in the shipped data's columns.

Above ``check`` in the layers (it reads places as verify does) and below ``present``:
``reading`` turns a file, a page or stdin into text, ``passages`` cuts it into
paragraphs, sentences and clauses and finds its years and places, ``core`` makes one
row per figure, ``naming`` drafts ids, names and units, ``draft`` lays the rows out
as a table with its data package. Standard library only until :mod:`.draft`.
"""
