"""The report's title names the publications its figures come from, not the article alone.

With the later publications (``data/sources/``), the current revenue of 2023 is the
Beijing People's Congress site's 8.7万亿 and the biomedicine industry's figure the
China News Service's: a page titled "from Outlook Weekly" would credit the article
with them. The names expected here are read from the data packages, not from zgc.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import REPO_ROOT
from zgc_cli.cli import app

runner = CliRunner()
LATER = json.loads(
    (REPO_ROOT / "data" / "sources" / "beijing-2024" / "datapackage.json").read_text("utf-8")
)
PUBLISHERS = {one["name"]: one["publisher"] for one in LATER["sources"]}
SELECTION = (
    "--metric",
    "employees",
    "--metric",
    "revenue",
    "--metric",
    "biomedicine_industry_scale",
)


def _names(publisher: str) -> tuple[str, str]:
    """A publisher as the data gives it: its own name, and the English one in brackets."""
    found = re.match(r"^(.+?)\s*\((.+)\)$", publisher)
    return (found.group(1), found.group(2)) if found else (publisher, publisher)


def _head(tmp_path: Path, lang: str, *args: str) -> str:
    """The Markdown report's lines before its citation line: the title and what follows it."""
    path = tmp_path / f"report-{lang}.md"
    result = runner.invoke(app, ["report", "-o", str(path), "--lang", lang, *args])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    return text.split("\n\nSource:" if lang == "en" else "\n\n来源：")[0]


@pytest.mark.usefixtures("later_sources")
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_title_names_every_publication_the_figures_come_from(tmp_path: Path, lang: str) -> None:
    # A figure of each publication: employees (the article), revenue 2023 (the People's
    # Congress site), the biomedicine industry (China News Service).
    head = _head(tmp_path, lang, *SELECTION)
    news_zh, news_en = _names(PUBLISHERS["press-2024-09-30"])
    congress = _names(PUBLISHERS["bjrd-2024-07-24"])[0]
    assert congress in head
    assert (news_en if lang == "en" else news_zh) in head
    assert ("Outlook Weekly" if lang == "en" else "《瞭望》新闻周刊") in head
    # The article first (its figures are most), then the later ones by date.
    outlook = head.index("Outlook Weekly" if lang == "en" else "《瞭望》")
    assert outlook < head.index(congress) < head.index(news_en if lang == "en" else news_zh)


@pytest.mark.usefixtures("later_sources")
def test_a_report_of_one_later_publications_figure_names_it_alone(tmp_path: Path) -> None:
    # revenue 2023 alone: 8.7万亿, from the Beijing People's Congress site only.
    head = _head(tmp_path, "en", "--metric", "revenue", "--from", "2023")
    congress = _names(PUBLISHERS["bjrd-2024-07-24"])[0]
    assert head.startswith("# Zhongguancun in figures, from " + congress)
    assert "Outlook Weekly" not in head


@pytest.mark.usefixtures("later_sources")
def test_as_of_the_article_the_title_names_the_article_alone(tmp_path: Path) -> None:
    head = _head(tmp_path, "en", *SELECTION, "--as-of", "2024-05")
    assert head == "# Zhongguancun in figures, from Outlook Weekly, April 2024"


@pytest.mark.usefixtures("later_sources")
def test_the_html_page_titles_and_heads_with_its_publications(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "-o", str(path), *SELECTION])
    assert result.exit_code == 0, result.output
    html = path.read_text(encoding="utf-8")
    congress = _names(PUBLISHERS["bjrd-2024-07-24"])[0]
    news_zh, news_en = _names(PUBLISHERS["press-2024-09-30"])
    title = re.search(r"<title>(.*?)</title>", html)
    assert title is not None and congress in title.group(1) and news_en in title.group(1)
    subtitles = re.findall(r'<p class="subtitle">(.*?)</p>', html)
    plain = [re.sub(r"<[^>]+>", "", line) for line in subtitles]
    assert len(plain) == 2  # one per language's page
    assert news_en in plain[0] and news_zh in plain[1]
    assert all(congress in line for line in plain)
