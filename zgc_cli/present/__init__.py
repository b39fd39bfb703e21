"""Presentation: results to text. Knows no statistics.

``i18n`` holds every word a person reads; ``numbers`` writes every number
(Babel for people, one machine formatter for pipes); ``formats`` writes the
machine formats and holds the one ``emit``; ``tables`` and ``views`` lay out
Rich tables; ``charts`` draws. Rich is imported only by ``tables``, ``views``
and the terminal console, so a pipe never pays for it.
"""
