"""What zgc says to a newcomer: each command's examples, the welcome, the next step.

As ``gh`` does: every command's help ends with a few examples to copy, bare ``zgc``
says what the data is and three commands to start with, and the catalog on a
terminal ends with what to run next. Standard library only (``--help`` imports it).
The examples are commands that run as shown on the default install (a slow test
runs each one); their comments are English, as the rest of ``--help`` is.
"""

from __future__ import annotations

from zgc_cli.words import MESSAGES, Language, message

# command -> (what it shows, the command line), 2 to 4 each.
EXAMPLES: dict[str, tuple[tuple[str, str], ...]] = {
    "metrics": (
        ("every indicator: latest value, years, unit", "zgc metrics"),
        ("a series with its growth, by id or by name", "zgc metrics revenue"),
        ("the same, named in Chinese", "zgc metrics 企业总收入 --lang zh"),
        ("Beijing's indicators, as CSV", "zgc metrics --entity Beijing --format csv"),
    ),
    "compare": (
        ("the decade, each series at its nearest years", "zgc compare 2013 2023 --tolerance 1"),
        ("largest growth first", "zgc compare 2014 2023 --sort change_pct"),
        ("one indicator, as JSON", "zgc compare 2014 2023 --metric revenue --format json"),
    ),
    "export": (
        ("every observation, as CSV", "zgc export --format csv"),
        ("one place's figures from 2020 on", "zgc export --entity 中关村 --from 2020"),
        ("a CSV that Excel opens as it is", "zgc export --bom --format csv"),
    ),
    "search": (
        ("the patent indicators", "zgc search 专利"),
        ("revenue-like indicators", "zgc search income"),
    ),
    "source": (
        ("the sentences behind revenue's figures", "zgc source revenue"),
        ("one year's, by the Chinese name", "zgc source 企业总收入 2023"),
    ),
    "cite": (
        ("a citation of one figure", "zgc cite revenue 2023"),
        (
            "two figures by name: one reference, GB/T 7714",
            "zgc cite 企业总收入 2014 2023 --lang zh",
        ),
        ("BibTeX for a reference manager", "zgc cite revenue 2023 --style bibtex"),
    ),
    "share": (
        ("Zhongguancun's share of China's large models", "zgc share registered_large_models"),
        ("of a whole named in Chinese", "zgc share registered_large_models --of 全国"),
    ),
    "timeline": (
        ("Zhongguancun's milestones since 2000", "zgc timeline --entity zgc --from 2000"),
        ("the forum's, by its Chinese name", "zgc timeline --entity 中关村论坛"),
    ),
    "diff": (
        ("what later publications changed", "zgc diff --as-of 2024-05 --as-of 2024-12"),
        ("a file against another", "zgc diff data/metrics.csv mine.csv --partial"),
    ),
    "verify": (
        ("every figure against its sentence", "zgc verify"),
        ("in Chinese, the article's text checked too", "zgc verify --lang zh --article news.txt"),
    ),
    "extract": (
        ("an article's figures, paragraph by paragraph", "zgc extract article.txt"),
        ("draft data to review, dated", "zgc extract article.txt --published 2024-04 -o d.csv"),
    ),
    "plot": (
        ("a series in the terminal", "zgc plot revenue"),
        ("two series indexed to 2014", "zgc plot revenue employees --base 2014 --tolerance 1"),
        ("an image (pip install 'zgc[plot]')", "zgc plot revenue -o revenue.png"),
    ),
    "mcp": (
        ("serve the figures on stdio (pip install 'zgc[mcp]')", "zgc mcp"),
        ("serve the article's figures alone", "zgc mcp --as-of 2024-05"),
    ),
    "schema": (
        ("the outputs that have a schema", "zgc schema"),
        ("what `zgc compare --format json` writes", "zgc schema compare"),
    ),
    "report": (
        ("a fact sheet to share (pip install 'zgc[report]')", "zgc report -o report.html"),
        ("one category, as Markdown", "zgc report --category economy -o economy.md"),
    ),
}

# `zgc --help`: where to start, as the welcome says.
ROOT_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("every indicator: latest value, years, unit", "zgc metrics"),
    ("the decade, indicator by indicator", "zgc compare 2013 2023 --tolerance 1"),
    ("find an indicator", "zgc search 专利"),
)

# The welcome's three commands (a message id where the language names the example).
START_WITH: tuple[tuple[str, str], ...] = (
    ("zgc metrics", "welcome.metrics"),
    ("welcome.series_command", "welcome.series"),
    ("zgc compare 2013 2023 --tolerance 1", "welcome.compare"),
)


def start_with(lang: Language) -> tuple[tuple[str, str], ...]:
    """The welcome's commands as the language writes them, each with its message id."""
    return tuple(
        (message(command, lang) if command in MESSAGES else command, key)
        for command, key in START_WITH
    )


def epilog(command: str = "") -> str:
    """A command's examples (bare ``zgc``'s without one) as its help's last section.

    Markdown: Typer renders it.
    """
    lines = []
    for said, line in EXAMPLES[command] if command else ROOT_EXAMPLES:
        lines += [f"# {said}", f"$ {line}"]
    body = "\n".join(lines)
    return f"**Examples**\n\n```\n{body}\n```\n"


def welcome(lang: Language) -> str:
    """What bare ``zgc`` prints: what the data is, three commands to start with, where next."""
    lines = [message("welcome.what", lang), "", message("welcome.start", lang)]
    for command, key in start_with(lang):
        lines += [f"  {command}", f"      {message(key, lang)}"]
    lines += ["", message("welcome.more", lang)]
    return "\n".join(lines) + "\n"
