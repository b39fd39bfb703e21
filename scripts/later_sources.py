"""Build data/sources/beijing-2024/: figures of the article's indicators published after it.

Called by scripts/build_dataset.py (``outputs.update(later_sources.build())``): the
files it returns are written, or compared under ``--check``, beside the article's.

Two later official publications carry figures of the article's indicators:

- a report of the Beijing Municipal People's Government on the sub-parks of
  Zhongguancun, heard by the standing committee of the 16th Beijing Municipal
  People's Congress at its 11th session on 2024-07-24 (revenue of 2023);
- the Beijing press conference of 2024-09-30 on ten years of the Beijing
  international science and technology innovation centre (the ten-year review:
  revenue 2014 and 2023, patents per 10,000 people, the biomedicine scale of 2023,
  technology contract turnover).

Their facts and figures carry over; their sentences do not: no row has a quote.
Each row names its publication (``publication``, an id of the package's
``sources``) and the date it was published (``published``): ``zgc --as-of`` and
``zgc diff`` order vintages by it. ``scope``/``scope_zh`` say what each figure
counts (its 口径), and ``scope_differs`` whether that differs from the indicator's
definition, which the article's figure follows. What could not be confirmed is
said in the package (``unconfirmed``), never filled in.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import astuple, dataclass, fields

FOLDER = "sources/beijing-2024"

NPC_REPORT = "bjrd-2024-07-24"
TEN_YEAR_REVIEW = "press-2024-09-30"

PUBLICATIONS: list[dict[str, object]] = [
    {
        "name": NPC_REPORT,
        "title": "中关村各分园去年规模以上企业总收入8.7万亿元",
        "description": (
            "News report on 北京人大网 (bjrd.gov.cn, credited to 北京时间) of the 11th session of "
            "the standing committee of the 16th Beijing Municipal People's Congress "
            "(市十六届人大常委会第十一次会议), 2024-07-24, which heard the municipal government's "
            "report 市政府关于统筹推进中关村分园改革提升发展情况的报告. The figures are the "
            "report's as the news report states them."
        ),
        "publisher": "北京人大网（北京市人大常委会）",
        "authors": "",
        "date": "2024-07-24",
        "path": "https://www.bjrd.gov.cn/xwzx/spxw/hysp/202407/t20240725_3759036.html",
        # A news report on a web page (CSL webpage; GB/T 7714 [EB/OL]), in Chinese.
        "type": "webpage",
        "language": "zh-CN",
        "unconfirmed": (
            "the report's own full text, its formal title beyond the words quoted above and its "
            "address were not seen; the figures are taken from the news report"
        ),
    },
    {
        "name": TEN_YEAR_REVIEW,
        "title": "北京推进国际科技创新中心建设 多个维度步入“全球前列”",
        "description": (
            "News report (中国新闻网, 2024-10-03) of the press conference of 2024-09-30 in the "
            "series 迎接新中国成立75周年系列主题新闻发布会, session on building the Beijing "
            "international science and technology innovation centre, where 张继红, director of "
            "the Beijing Municipal Science and Technology Commission and the Zhongguancun "
            "Administrative Committee, reviewed ten years (2014-2023) of it."
        ),
        "publisher": "中国新闻网 (China News Service)",
        "authors": "",
        "date": "2024-09-30",
        "path": "http://www.slrbs.com/cj/jjgc/2024-10-03/1496773.html",
        # A news report on a web page (CSL webpage; GB/T 7714 [EB/OL]), in Chinese.
        "type": "webpage",
        "language": "zh-CN",
        "unconfirmed": (
            "the address is a reprint that credits 中国新闻网; the original chinanews.com.cn "
            "address and the press conference's organiser (presumably the Information Office "
            "of the Beijing Municipal Government) were not confirmed; the date is the press "
            "conference's (the news report is dated 2024-10-03)"
        ),
    },
]

DATES = {str(p["name"]): str(p["date"]) for p in PUBLICATIONS}


@dataclass(frozen=True)
class Figure:
    """One figure of a later publication: what it says, never its sentence."""

    metric: str
    entity: str
    year: int
    value: str
    unit: str
    status: str
    qualifier: str
    quote: str
    note: str
    year_basis: str
    figure: str
    note_zh: str
    scope: str
    scope_zh: str
    scope_differs: str
    publication: str
    published: str


ZONE_SCOPE = "firms of the Zhongguancun demonstration zone, as the indicator and the article"
ZONE_SCOPE_ZH = "中关村示范区企业，与指标定义及原文一致"
BEIJING_SCOPE = "Beijing, as the indicator and the article"
BEIJING_SCOPE_ZH = "北京市，与指标定义及原文一致"


def _figure(publication: str, **cells: str | int) -> Figure:
    defaults: dict[str, str | int] = {
        "status": "reported",
        "qualifier": "exact",
        "quote": "",
        "year_basis": "stated",
        "scope_differs": "false",
    }
    return Figure(**{**defaults, **cells, "publication": publication}, published=DATES[publication])  # type: ignore[arg-type]


FIGURES: list[Figure] = [
    _figure(
        TEN_YEAR_REVIEW,
        metric="revenue",
        entity="zgc",
        year=2014,
        value="3600000000000",
        unit="CNY",
        figure="3.6万亿元",
        note="the ten-year review's starting figure, as the article's",
        note_zh="十年回顾的起点数据，与原文相同",
        scope=ZONE_SCOPE,
        scope_zh=ZONE_SCOPE_ZH,
    ),
    _figure(
        NPC_REPORT,
        metric="revenue",
        entity="zgc",
        year=2023,
        value="8700000000000",
        unit="CNY",
        figure="8.7万亿元",
        note=(
            "the final figure for 2023 after the article's estimate (预计8.6万亿元); "
            "the ten-year review (2024-09-30) repeats 8.7万亿元 as the demonstration zone's "
            "firms' revenue"
        ),
        note_zh=(
            "原文预计值（预计8.6万亿元）之后的2023年最终数据；十年回顾（2024年9月30日）"
            "以中关村示范区企业总收入重复了8.7万亿元"
        ),
        scope="enterprises above designated size of the sub-parks (分园规模以上企业)",
        scope_zh="各分园规模以上企业",
        scope_differs="true",
    ),
    _figure(
        TEN_YEAR_REVIEW,
        metric="patents_per_10k_people",
        entity="beijing",
        year=2014,
        value="48",
        unit="patents_per_10k_people",
        figure="48件",
        note="written to the unit: the article's 48.2件 rounded",
        note_zh="写到个位：原文48.2件的取整",
        scope=BEIJING_SCOPE,
        scope_zh=BEIJING_SCOPE_ZH,
    ),
    _figure(
        TEN_YEAR_REVIEW,
        metric="patents_per_10k_people",
        entity="beijing",
        year=2023,
        value="262",
        unit="patents_per_10k_people",
        figure="262件",
        note="written to the unit; the article's 262.9件 rounds to 263, not 262 (truncated?)",
        note_zh="写到个位；原文262.9件四舍五入应为263件而非262件（或为截尾）",
        scope=BEIJING_SCOPE,
        scope_zh=BEIJING_SCOPE_ZH,
    ),
    _figure(
        TEN_YEAR_REVIEW,
        metric="biomedicine_industry_scale",
        entity="beijing",
        year=2023,
        value="980000000000",
        unit="CNY",
        qualifier="nearly",
        figure="接近9800亿元",
        note=(
            "dated 2023 by the review, a year the article leaves open; named 医药健康产业 "
            "there, taken as the article's 生物医药产业 (the same figure, 近9800亿; "
            "that the two names count the same industry is not confirmed)"
        ),
        note_zh=(
            "十年回顾写明为2023年，原文未写年份；该处称“医药健康产业”，视同原文的“生物医药产业”"
            "（数字相同，均近9800亿元；两种名称口径是否完全一致未经证实）"
        ),
        scope="Beijing's pharmaceutical and health industry (医药健康产业)",
        scope_zh="北京市医药健康产业",
    ),
    _figure(
        TEN_YEAR_REVIEW,
        metric="tech_contract_value",
        entity="beijing",
        year=2014,
        value="313600000000",
        unit="CNY",
        figure="3136亿元",
        note="not in the article",
        note_zh="原文无此数据",
        scope=BEIJING_SCOPE,
        scope_zh=BEIJING_SCOPE_ZH,
    ),
    _figure(
        TEN_YEAR_REVIEW,
        metric="tech_contract_value",
        entity="beijing",
        year=2023,
        value="853600000000",
        unit="CNY",
        figure="8536亿元",
        note="not in the article; the review adds that it is about 13.9% of China's",
        note_zh="原文无此数据；十年回顾称约占全国13.9%",
        scope=BEIJING_SCOPE,
        scope_zh=BEIJING_SCOPE_ZH,
    ),
]

INDICATORS_HEADER = ["metric", "name_en", "name_zh", "unit", "kind", "category", "description"]
INDICATORS = [
    (
        "tech_contract_value",
        "Turnover of technology contracts",
        "技术合同成交额",
        "CNY",
        "flow",
        "innovation",
        "Annual turnover of technology contracts registered in Beijing.",
    ),
]


def _csv(header: list[str], rows: list[tuple[object, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


FIELDS: dict[str, dict[str, str]] = {
    "metric": {"type": "string", "description": "Indicator id, as the article's data has it."},
    "entity": {"type": "string", "description": "What is measured (zgc, beijing...)."},
    "year": {"type": "integer", "description": "Year the figure refers to."},
    "value": {"type": "number", "description": "The figure in base units."},
    "unit": {"type": "string", "description": "Base unit of value."},
    "status": {"type": "string", "description": "reported or estimate, as the publication says."},
    "qualifier": {"type": "string", "description": "exact, more_than, nearly, about, ..."},
    "quote": {"type": "string", "description": "Always empty: no sentence is shipped."},
    "note": {"type": "string", "description": "What the figure is beside the article's."},
    "year_basis": {"type": "string", "description": "stated, inferred or publication."},
    "figure": {"type": "string", "description": "The figure as the publication writes it."},
    "note_zh": {"type": "string", "description": "The note in Chinese."},
    "scope": {"type": "string", "description": "What the figure counts (its 口径)."},
    "scope_zh": {"type": "string", "description": "The scope in Chinese."},
    "scope_differs": {
        "type": "boolean",
        "description": "Whether the scope differs from the indicator's (and the article's).",
    },
    "publication": {"type": "string", "description": "The name of its publication in sources."},
    "published": {"type": "date", "description": "When that publication appeared."},
}


def package() -> dict[str, object]:
    """The data package: the publications (each with its date) and the files."""
    return {
        "profile": "tabular-data-package",
        "name": "zhongguancun-later-official-figures-2024",
        "title": "Figures of the article's indicators in later official publications (2024)",
        "description": (
            "Figures for Zhongguancun and Beijing published after the April 2024 Outlook Weekly "
            "article, for the article's indicators (and one it lacks): each as written "
            "(figure), with year, status, qualifier, scope (口径) in English and Chinese, and "
            "the publication it comes from (publication, published). No sentence of these "
            "publications is shipped (quote is empty): source and cite lead to the publication "
            "by its citation and address. What could not be confirmed of a citation is in "
            "its 'unconfirmed' field."
        ),
        "version": "1.0.0",
        "passages": False,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "sources": PUBLICATIONS,
        "resources": [
            {
                "name": "metrics",
                "path": "metrics.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": [{"name": name, **field} for name, field in FIELDS.items()]},
            },
            {"name": "indicators", "path": "indicators.csv", "format": "csv", "encoding": "utf-8"},
        ],
    }


def check() -> list[str]:
    """What is wrong with the figures (empty when nothing is)."""
    problems: list[str] = []
    keys = [(f.metric, f.entity, f.year) for f in FIGURES]
    problems += [f"duplicate key {key}" for key in {k for k in keys if keys.count(k) > 1}]
    for item in FIGURES:
        if item.quote:
            problems.append(f"{item.metric}/{item.year}: a later source ships no sentence")
        if item.publication not in DATES:
            problems.append(f"{item.metric}/{item.year}: unknown publication {item.publication}")
        if not (item.scope and item.scope_zh and item.note_zh):
            problems.append(f"{item.metric}/{item.year}: scope and notes in both languages")
    return problems


def build() -> dict[str, str]:
    """The text of each file of the later source, by its path under data/."""
    problems = check()
    if problems:
        raise SystemExit("later sources: " + "; ".join(problems))
    header = [f.name for f in fields(Figure)]
    return {
        f"{FOLDER}/metrics.csv": _csv(header, [astuple(f) for f in FIGURES]),
        f"{FOLDER}/indicators.csv": _csv(INDICATORS_HEADER, list(INDICATORS)),
        f"{FOLDER}/datapackage.json": json.dumps(package(), ensure_ascii=False, indent=2) + "\n",
    }
