"""Growth figures (比2022年增长14.9%, 是2013年的1.5倍) and the rows derived from them.

A growth figure measures its level's growth: it takes the level's name and id (with
``_growth_pct``, ``_ratio`` or ``_change_pp``) and place. Where a year is named as the
base (比2022年, 是2013年的), the base year's level is also read back from the level and
its growth, as the shipped data does (``6758 / (1 + 14.9 / 100)``, ``about``), with the
interval the written digits allow in ``low``/``high``. 分别 pairs growths with levels
in order. A relative base (比上年, 同比) gives no derived row: its year is the figure's
own minus one, which the text does not state.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from zgc_cli.extract.rules import (
    _DECLINE,
    _ENGLISH_DECLINE,
    _ENGLISH_GROWTH,
    _GROWTH_BEFORE,
    Row,
    _step,
)
from zgc_cli.model.figures import Figure
from zgc_cli.model.numbers import machine_number
from zgc_cli.words import phrase

if TYPE_CHECKING:
    from zgc_cli.extract.naming import Namer
    from zgc_cli.extract.passages import YearMention


class Growths:
    """The growth rules of :class:`zgc_cli.extract.core.Extraction` (its mixin)."""

    text: str
    reading: str
    english: bool
    rows: list[Row]
    claims: list[dict[str, object]]
    years: list[YearMention]
    namer: Namer

    def _clause(self, sentence: tuple[int, int], figure: Figure) -> tuple[int, int]:
        raise NotImplementedError

    def _growths(
        self, growths: list[tuple[Row, Figure]], levels: list[Row], sentence: tuple[int, int]
    ) -> None:
        """Pair each growth figure with its level (分别: in order), then derive the base year's."""
        respectively = (
            "分别" in self.reading[sentence[0] : sentence[1]]
            or "respectively" in (self.reading[sentence[0] : sentence[1]])
        )
        preceding = (
            [level for level in levels if level.start < growths[0][0].start] if growths else []
        )
        for index, (row, figure) in enumerate(growths):
            before = [level for level in preceding if level.start < row.start]
            level: Row | None
            if respectively and len(growths) <= len(before):
                level = before[len(before) - len(growths) + index]
            else:
                level = before[-1] if before else None
            clause = self._clause(sentence, figure)
            self._growth(row, figure, clause, level)
            if level is not None and row.growth_base is not None:
                self._derive(row, figure, level, sentence)

    def _is_growth(self, figure: Figure, stretch: str, growth_run: bool) -> bool:
        if figure.unit_suffix not in ("%", "倍", "个百分点"):
            return False
        if growth_run and stretch.strip() in ("、", ",", "和", "与", "and", ", and"):
            return True
        if self.english:
            return bool(_ENGLISH_GROWTH.search(stretch) or _ENGLISH_DECLINE.search(stretch))
        if figure.unit_suffix == "倍" and re.search(r"是\s*(?:19|20)\d{2}\s*年?的\s*$", stretch):
            return True
        return bool(_GROWTH_BEFORE.search(stretch))

    def _growth(self, row: Row, figure: Figure, clause: tuple[int, int], level: Row | None) -> None:
        """A growth figure measures its level's growth: name, id and base year from it."""
        base = next(
            (
                m
                for m in self.years
                if clause[0] <= m.start < figure.start and m.is_base and not m.relative
            ),
            None,
        )
        kind = {"%": "增速", "倍": "倍数", "个百分点": "增减"}.get(figure.unit_suffix, "")
        if level is not None:
            row.name_zh = f"{level.name_zh}{kind}" if level.name_zh else row.name_zh
            row.name_en = f"{level.name_en} growth".strip() if level.name_en else row.name_en
            suffix = {"%": "growth_pct", "倍": "ratio", "个百分点": "change_pp"}[figure.unit_suffix]
            row.metric = f"{level.metric}_{suffix}"
            self.namer.taken.add(row.metric)
            row.name_en = f"{level.name_en} growth".strip() if level.name_en else row.name_en
            row.entity = level.entity or row.entity
        if base is not None:
            row.growth_base = base.year
            said = phrase("extract.note.growth", base=base.year)
            if row.year_basis == "stated":
                # 比2022年增长14.9%: the words bind the figure to its base year; the year it
                # reaches is the level's, so it is inferred (the base is in the quote).
                said = phrase("extract.note.growth_year", year=row.year, base=base.year)
                row.year_basis, row.year_min, row.year_max = "inferred", row.year, row.year
                row.note = "; ".join(n for n in (str(said), row.note) if n)
            else:
                row.note = "; ".join(n for n in (row.note, str(said)) if n)
            row.note_zh = "；".join(n for n in (row.note_zh, said.text("zh")) if n)

    def _claim(self, row: Row, figure: Figure, level: Row, expression: str) -> None:
        """The growth's claim, as the shipped claims.csv records one: the growth or multiple
        the words state, within what its written digits allow, of the level over the base
        year's (比2022年增长14.9%: 14.85 to 14.95). Definitional: the base year's row is
        derived from these very words."""
        if row.growth_base is None:
            return
        step = _step(figure)
        # in decimal on the written digits: 14.9 ± 0.05 is 14.85…14.95, not 14.950000000000001
        half = Decimal(repr(step)) / 2
        low = float(Decimal(repr(figure.value)) - half)
        high = float(Decimal(repr(figure.value)) + half)
        kind = "growth_pct" if figure.unit_suffix == "%" else "ratio"
        if kind == "growth_pct" and "-" in expression.split("(")[-1][:4]:
            low, high = -high, -low  # 比2022年下降3.2%: a fall
        start = min(self.text.rfind(level.quote, 0, level.end + 1), row.start)
        quote = self.text[start if start >= 0 else row.start : row.end].strip()
        said = phrase(
            "extract.note.claim",
            growth=figure.text,
            step=machine_number(step),
            base=row.growth_base,
        )
        self.claims.append(
            {
                "claim_id": row,  # ids are final only after the text's last row: see below
                "kind": kind,
                "metric": level,
                "entity": level.entity,
                "year": level.year,
                "base_metric": level,
                "base_entity": level.entity,
                "base_year": row.growth_base,
                "low": low,
                "high": high,
                "low_inclusive": "true",
                "high_inclusive": "false",
                "quote": quote,
                "note": str(said),
                "note_zh": said.text("zh"),
                "definitional": "true",
            }
        )

    def _name_claims(self) -> None:
        """The claims' ids and metrics from their rows, once the rows' ids are final."""
        for claim in self.claims:
            row, level = claim["claim_id"], claim["metric"]
            if isinstance(row, Row) and isinstance(level, Row):
                claim["claim_id"] = f"{row.metric}_{row.year}_over_{row.growth_base}"
                claim["metric"] = claim["base_metric"] = level.metric

    def _derive(self, row: Row, figure: Figure, level: Row, sentence: tuple[int, int]) -> None:
        """The level of the base year, read back from the level and its growth (derived)."""
        if (
            level.unit in ("percent", "ratio", "rank", "percentage_points")
            or row.growth_base is None
        ):
            return
        level_text = machine_number(level.value)
        growth_text = machine_number(figure.value)
        if figure.unit_suffix == "%":
            sign = "-" if _DECLINE.search(self.reading[sentence[0] : figure.start]) else "+"
            expression = f"{level_text} / (1 {sign} {growth_text} / 100)"
            value = level.value / (
                1 + figure.value / 100 if sign == "+" else 1 - figure.value / 100
            )
        elif figure.unit_suffix == "倍" and re.search(
            r"是\s*(?:19|20)\d{2}\s*年?的\s*$", self.reading[sentence[0] : figure.start]
        ):
            expression = f"{level_text} / {growth_text}"
            value = level.value / figure.value
        else:
            return
        level_figure = Figure(level.value, level.qualifier, level.figure, "", level.start)
        level_step, growth_step = _step(level_figure), _step(figure)
        low_level, high_level = level.value - level_step / 2, level.value + level_step / 2
        low_growth, high_growth = figure.value - growth_step / 2, figure.value + growth_step / 2
        if figure.unit_suffix == "%":
            factor_low = 1 + low_growth / 100 if "+" in expression else 1 - high_growth / 100
            factor_high = 1 + high_growth / 100 if "+" in expression else 1 - low_growth / 100
        else:
            factor_low, factor_high = low_growth, high_growth
        self._claim(row, figure, level, expression)
        quote_start = min(self.text.rfind(level.quote, 0, level.end + 1), row.start)
        if quote_start < 0:
            quote_start = level.start
        said = phrase(
            "extract.note.derived", level=level.figure, growth=figure.text, base=row.growth_base
        )
        self.rows.append(
            Row(
                metric=level.metric,
                entity=level.entity,
                year=row.growth_base,
                value=value,
                unit=level.unit,
                status="derived",
                qualifier="about",
                quote=self.text[quote_start : figure.end].strip(),
                note=expression,
                year_basis="stated",
                figure=figure.text,
                name_zh=level.name_zh,
                name_en=level.name_en,
                note_zh=said.text("zh"),
                entity_quote=level.entity_quote,  # where the level's place is named
                low=low_level / factor_high if factor_high else None,
                high=high_level / factor_low if factor_low > 0 else None,
                paragraph=row.paragraph,
                start=row.start,
                end=row.end,
            )
        )
