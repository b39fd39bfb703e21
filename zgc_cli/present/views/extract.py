"""The review view of ``zgc extract``: each paragraph with its figures marked, then its rows.

A person checks a draft against the text: so the view is the text, paragraph by
paragraph, each figure marked where it stands (「3.6万亿元」, bold on a terminal that
can show it), and under it one line per row (figure, value with its marks, status,
year, place, draft metric), then the counts by status and qualifier. Every word is in
the chosen language; the data's text reaches Rich as plain Text.
"""

from __future__ import annotations

from collections import defaultdict

from rich.console import RenderableType
from rich.text import Text

from zgc_cli.extract.draft import ExtractResult
from zgc_cli.model.schema import STATUS_MARKS
from zgc_cli.present.numbers import marked_number, with_unit
from zgc_cli.present.safe import visible
from zgc_cli.present.tables import Column, build_table, labelled, plain
from zgc_cli.present.views.common import legend, year_text
from zgc_cli.words import DRAFT_UNIT_NAMES, UNIT_NAMES, Language, message, profile_of, unit_name

# Around a figure in its passage, visible without colour too: brackets a line never
# breaks inside (the tables' wrapping keeps 「 with what follows and 」 with what precedes).
MARK_OPEN, MARK_CLOSE = "「", "」"
ENGLISH_MARKS = ("[", "]")


def _with_unit(number: str, unit: str, lang: Language) -> str:
    names = DRAFT_UNIT_NAMES.get(unit)
    if unit in UNIT_NAMES or names is None:
        # 50%§ (a target): the number already ends with its unit, before the status mark
        bare = number.rstrip("".join(STATUS_MARKS.values()))
        if unit_name(unit, lang) and bare.endswith(unit_name(unit, lang)):
            return number
        return with_unit(number, unit, lang)
    name = names[lang]
    return f"{number}{name}" if name == "×" else f"{number}{profile_of(lang).unit_joiner}{name}"


def _marked_passage(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Text:
    latin = sum(char.isascii() and char.isalpha() for char in text[start:end])
    opening, closing = ENGLISH_MARKS if latin > (end - start) / 3 else (MARK_OPEN, MARK_CLOSE)
    passage = Text()
    position = start
    for figure_start, figure_end in sorted(set(spans)):
        if figure_start < position:
            continue
        passage.append(visible(text[position:figure_start]))
        passage.append(opening + visible(text[figure_start:figure_end]) + closing, "bold")
        position = figure_end
    passage.append(visible(text[position:end]))
    return passage


def _counts(counts: dict[str, int], lang: Language) -> str:
    joiner = profile_of(lang).list_joiner
    return joiner.join(
        message("extract.count_item", lang, name=message(f"label.{name}", lang), count=count)
        for name, count in counts.items()
    )


def extract_view(
    result: ExtractResult, lang: Language, width: int | None, limit: int | None = None
) -> list[RenderableType]:
    """The paragraphs with figures, each followed by its rows; the counts last."""
    frame = result.frame
    if frame.empty:
        return [plain(message("extract.nothing", lang, label=result.label))]
    by_paragraph: dict[int, list[int]] = defaultdict(list)
    for position, (paragraph, _, _) in enumerate(result.spans):
        by_paragraph[paragraph].append(position)
    columns = [
        Column(message("extract.header.figure", lang), whole=True),
        Column(message("header.value", lang), numeric=True),
        Column(message("extract.header.status", lang), drop=2),
        Column(message("header.year", lang), numeric=True),
        Column(message("header.entity", lang), drop=1),
        Column(message("extract.header.metric", lang), drop=3),
    ]
    title = message(
        "extract.title", lang, count=len(frame), paragraphs=len(by_paragraph), label=result.label
    )
    renderables: list[RenderableType] = [plain(visible(title), style="bold")]
    shown = 0
    for paragraph, positions in sorted(by_paragraph.items()):
        if limit and shown >= limit:
            break
        start, end = result.paragraphs[paragraph - 1]
        spans = [(result.spans[p][1], result.spans[p][2]) for p in positions]
        renderables.append(plain(message("extract.paragraph", lang, number=paragraph), "bold"))
        renderables.append(plain(_marked_passage(result.text, start, end, spans)))
        rows: list[list[str | Text]] = []
        for position in positions[: (limit - shown) if limit else None]:
            row = frame.iloc[position]
            value = marked_number(row["value"], row["unit"], row["status"], row["qualifier"], lang)
            names = result.entity_names.get(str(row["entity"]), {})
            name = row[profile_of(lang).name_columns[0]]
            rows.append(
                [
                    plain(str(row["figure"])),
                    _with_unit(value, str(row["unit"]), lang),
                    message(f"label.{row['status']}", lang),
                    year_text(row["year"], row["year_basis"]),
                    plain(names.get(lang.value) or str(row["entity"] or "—")),
                    labelled(str(name or row["name_zh"] or ""), str(row["metric"])),
                ]
            )
        shown += len(rows)
        renderables.append(build_table(columns, rows, width=width))
    if limit and shown < len(frame):
        more = message("table.more_rows", lang, count=len(frame) - shown)
        renderables.append(plain(more, "dim"))
    flags = [
        ";".join(
            part
            for part in (
                row["status"] if row["status"] != "reported" else "",
                row["qualifier"] if row["qualifier"] != "exact" else "",
                "inferred_year" if row["year_basis"] == "inferred" else "",
            )
            if part
        )
        for row in frame.to_dict("records")
    ]
    marks = legend(flags, lang, width)
    if marks is not None:
        renderables.append(marks)
    renderables.append(
        plain(message("extract.counts_status", lang, counts=_counts(result.status_counts, lang)))
    )
    renderables.append(
        plain(
            message("extract.counts_qualifier", lang, counts=_counts(result.qualifier_counts, lang))
        )
    )
    renderables.append(plain(message("extract.hint", lang), "dim"))
    return renderables
