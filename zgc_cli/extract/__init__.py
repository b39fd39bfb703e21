"""``zgc extract``: a text's figures as draft observations in the shipped data's columns.

Above ``check`` in the layers (it reads places as verify does) and below ``present``:
``reading`` turns a file, a page or stdin into text; ``passages`` cuts it into
paragraphs, sentences and clauses and finds its years and places; ``rules`` says
what a figure, its year, place and name are; ``core`` applies them, one row per
figure; ``growth`` adds growth figures' names and derived rows; ``naming`` drafts
ids, names and units; ``draft`` lays the rows out as a result with its data package.
"""
