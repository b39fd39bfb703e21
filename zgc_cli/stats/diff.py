"""What changed between two sets of figures, each change sorted into one kind.

``zgc diff OLD NEW`` (two files or sources) and ``zgc diff --as-of A --as-of B``
(one data, known at two dates) come here. Figures are matched by (metric,
entity, year); a figure whose year alone moved is matched by its value. Each
change is one of :data:`KINDS`, decided in this order:

* ``added`` / ``removed``: a figure only NEW / only OLD has;
* ``re_dated``: the same figure (value and qualifier) at another year, or its
  year newly stated where OLD inferred it (``year_basis``);
* ``superseded_estimate``: OLD's figure was an estimate (预计) and NEW's is not;
* ``qualifier_changed``: the qualifier (约, 近, 突破…) changed, the value within OLD's interval;
* ``re_rounded``: NEW is written coarser, and OLD rounded to NEW's last digit is NEW (48.2 → 48);
* ``inconsistent_rounding``: NEW is written coarser and lies within one of its
  steps of OLD, yet is not OLD rounded (262.9 → 262: 263 would be);
* ``revised``: any other new value;
* ``scope_differs``: the value alone is the same, the scope (口径) is not.

Every change also says whether the scopes differ (``scope_differs``: a later
figure for 分园规模以上企业 is not one for 示范区企业), the relative change with
its interval (from both figures' intervals, :mod:`zgc_cli.stats.intervals`), and
whether the two intervals overlap. A change is ``unexplained`` when it is a
revision, an inconsistent rounding or a removal that the data's note does not
explain (NEW's row has no note; OLD's for a removal): ``zgc diff`` exits 1 then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from zgc_cli.model.figures import written_precision
from zgc_cli.model.schema import FIGURE_COLUMN
from zgc_cli.stats.intervals import (
    Bounds,
    bounded_points,
    change_pct_bounds,
    intersection,
    interval_cells,
)
from zgc_cli.stats.observed import observation_bounds, value_steps
from zgc_cli.stats.results import Result

if TYPE_CHECKING:
    from zgc_cli.model.dataset import Dataset

ADDED = "added"
REMOVED = "removed"
RE_DATED = "re_dated"
SUPERSEDED = "superseded_estimate"
QUALIFIER = "qualifier_changed"
RE_ROUNDED = "re_rounded"
INCONSISTENT = "inconsistent_rounding"
REVISED = "revised"
SCOPE = "scope_differs"
KINDS: tuple[str, ...] = (
    REVISED,
    RE_ROUNDED,
    INCONSISTENT,
    SUPERSEDED,
    QUALIFIER,
    RE_DATED,
    SCOPE,
    ADDED,
    REMOVED,
)
UNEXPLAINED_KINDS: frozenset[str] = frozenset({REVISED, INCONSISTENT, REMOVED})
# Kinds whose value moved: the largest revision is sought among them.
VALUE_KINDS: frozenset[str] = frozenset({REVISED, RE_ROUNDED, INCONSISTENT, SUPERSEDED})

KEY = ["metric", "entity", "year"]
SIDE_COLUMNS = (
    "year",
    "figure",
    "value",
    "status",
    "qualifier",
    "year_basis",
    "scope",
    "published",
)
COLUMNS: tuple[str, ...] = (
    "metric",
    "entity",
    "year",
    "unit",
    "kind",
    "scope_differs",
    "unexplained",
    *(f"old_{name}" for name in SIDE_COLUMNS),
    *(f"new_{name}" for name in SIDE_COLUMNS),
    "change_pct",
    "change_pct_low",
    "change_pct_high",
    "change_pct_low_open",
    "change_pct_high_open",
    "change_pct_low_conventional",
    "change_pct_high_conventional",
    "intervals_overlap",
    "note",
)


@dataclass(frozen=True)
class DiffResult(Result):
    """The changes from OLD to NEW (``zgc diff``), one row each, in :data:`COLUMNS`.

    Attributes:
        counts: changes by kind (kinds without one left out).
        unchanged: figures both hold alike.
        largest: the row (position in ``frame``) of the largest relative revision, or -1.
        old_label: how OLD is named (a path, or ``--as-of A``).
        new_label: how NEW is named.
        names: indicator names by metric id and language.
        entity_names: entity names by entity id and language.
        largest_by, bounded_revisions, sides: how ``largest`` was ranked, how many
            revisions rest on a bound, each side's interval (:mod:`zgc_cli.stats.revisions`).
    """

    counts: Mapping[str, int] = field(default_factory=dict)
    unchanged: int = 0
    largest: int = -1
    old_label: str = ""
    new_label: str = ""
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    entity_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    largest_by: str = "point"
    bounded_revisions: int = 0
    sides: pd.DataFrame | None = None

    @property
    def unexplained(self) -> int:
        """How many changes are unexplained (``zgc diff`` exits 1 when any is)."""
        return int(self.frame["unexplained"].sum()) if len(self.frame) else 0


def _text(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].astype(object).where(frame[name].notna(), "").astype(str)


def _scope_key(frame: pd.DataFrame) -> pd.Series:
    """A row's scope where it differs from its indicator's definition, else ''."""
    differs = _text(frame, "scope_differs").str.lower().isin(["true", "1", "yes"])
    return _text(frame, "scope").where(differs, "")


def rounding_step(figure: str, value: float) -> float:
    """The step of the last digit a figure is written to (48.2件 → 0.1; 48件 → 1; 8.7万亿 → 1000亿).

    A count written to the ones place is a point for its interval (step 0), but
    its last digit is still the ones: 1. Without a figure, the value's last non-zero digit.
    """
    precision = written_precision(figure) if figure.strip() else None
    if precision is not None and np.isclose(precision.value, value, rtol=1e-9, atol=0.0):
        if precision.step > 0:
            return float(precision.step)
        return float(max(precision.nonzero_step, 1.0)) if value == int(value) else 1.0
    step, nonzero = value_steps(np.array([value], dtype="float64"))
    return float(step[0] if step[0] > 0 else nonzero[0])


def _rounds_to(old: float, new: float, step: float) -> bool:
    """Whether ``old`` rounded half up to a multiple of ``step`` is ``new``."""
    if step <= 0:
        return old == new
    return bool(np.isclose(np.floor(old / step + 0.5) * step, new, rtol=1e-12, atol=step * 1e-9))


def _side(frame: pd.DataFrame, dates: np.ndarray | None) -> pd.DataFrame:
    """The columns of one side a diff reads, as plain values (a frame's categories as text)."""
    side = pd.DataFrame(
        {
            "metric": _text(frame, "metric").to_numpy(),
            "entity": _text(frame, "entity").to_numpy(),
            "year": frame["year"].astype("int64").to_numpy(),
            "value": frame["value"].to_numpy(dtype="float64", na_value=np.nan),
            "unit": _text(frame, "unit").to_numpy(),
            "figure": _text(frame, FIGURE_COLUMN).to_numpy(),
            "status": _text(frame, "status").replace("", "reported").to_numpy(),
            "qualifier": _text(frame, "qualifier").replace("", "exact").to_numpy(),
            "year_basis": _text(frame, "year_basis").replace("", "stated").to_numpy(),
            "scope": _scope_key(frame).to_numpy(),
            "note": _text(frame, "note").to_numpy(),
            "published": np.asarray(dates, dtype=object)
            if dates is not None
            else np.full(len(frame), "", dtype=object),
        }
    )
    strict, conventional = observation_bounds(frame.reset_index(drop=True))
    side["_row"] = np.arange(len(side))
    from zgc_cli.stats.revisions import given_intervals

    return side.assign(
        _given=given_intervals(frame),
        _low=strict.low,
        _high=strict.high,
        _low_open=strict.low_open,
        _high_open=strict.high_open,
        _clow=conventional.low,
        _chigh=conventional.high,
        _clow_open=conventional.low_open,
        _chigh_open=conventional.high_open,
    )


def _bounds(rows: pd.DataFrame, prefix: str, conventional: bool = False) -> Bounds:
    c = "c" if conventional else ""
    return Bounds(
        rows[f"{prefix}_{c}low"].to_numpy(dtype="float64"),
        rows[f"{prefix}_{c}high"].to_numpy(dtype="float64"),
        rows[f"{prefix}_{c}low_open"].to_numpy(dtype=bool),
        rows[f"{prefix}_{c}high_open"].to_numpy(dtype=bool),
    )


def _pair_re_dated(old_only: pd.DataFrame, new_only: pd.DataFrame) -> list[tuple[int, int]]:
    """Unmatched figures of one series with the same value and qualifier at another year."""
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for old_position, old in zip(range(len(old_only)), old_only.to_dict("records"), strict=True):
        same = new_only[
            (new_only["metric"] == old["metric"])
            & (new_only["entity"] == old["entity"])
            & (new_only["value"] == old["value"])
            & (new_only["qualifier"] == old["qualifier"])
        ]
        for new_position in same.index:
            if int(new_position) not in taken:
                taken.add(int(new_position))
                pairs.append((old_position, int(new_position)))
                break
    return pairs


def classify(old: pd.Series, new: pd.Series, overlap: bool) -> str | None:
    """The kind of change from one figure to another of the same key (None: unchanged)."""
    same_value = old["value"] == new["value"]
    if old["year"] != new["year"]:
        return RE_DATED
    if old["status"] == "estimate" and new["status"] != "estimate":
        return SUPERSEDED
    if same_value:
        if old["qualifier"] != new["qualifier"]:
            return QUALIFIER
        if old["year_basis"] != new["year_basis"]:
            return RE_DATED
        if old["scope"] != new["scope"]:
            return SCOPE
        if old["status"] != new["status"]:
            return REVISED
        return None
    if old["qualifier"] != new["qualifier"]:
        return QUALIFIER if overlap else REVISED
    old_step = rounding_step(old["figure"], old["value"])
    new_step = rounding_step(new["figure"], new["value"])
    if new_step > old_step:
        if _rounds_to(old["value"], new["value"], new_step):
            return RE_ROUNDED
        if abs(old["value"] - new["value"]) < new_step:
            return INCONSISTENT
    return REVISED


def _overlaps(old: Bounds, new: Bounds) -> np.ndarray:
    both = intersection(old, new)
    with np.errstate(invalid="ignore"):
        return (both.low < both.high) | ((both.low == both.high) & ~both.low_open & ~both.high_open)


def diff(
    old_frame: pd.DataFrame,
    new_frame: pd.DataFrame,
    old_dates: np.ndarray | None = None,
    new_dates: np.ndarray | None = None,
    *,
    partial: bool = False,
    old_label: str = "",
    new_label: str = "",
    names: Mapping[str, Mapping[str, str]] | None = None,
    entity_names: Mapping[str, Mapping[str, str]] | None = None,
) -> DiffResult:
    """The changes from ``old_frame`` to ``new_frame`` (observations, as a Dataset's frame).

    Args:
        old_dates, new_dates: each row's publication date ('' unknown), for the output.
        partial: NEW updates some figures only: a figure it lacks is not ``removed``.
    """
    old = _side(old_frame, old_dates)
    new = _side(new_frame, new_dates)
    both = old.merge(new, on=KEY, how="inner", suffixes=("_old", "_new"))
    old_only = old[~old["_row"].isin(both["_row_old"])].reset_index(drop=True)
    new_only = new[~new["_row"].isin(both["_row_new"])].reset_index(drop=True)
    pairs = _pair_re_dated(old_only, new_only)
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}

    old_rows = [*both["_row_old"], *(old_only["_row"].iloc[o] for o, _ in pairs)]
    new_rows = [*both["_row_new"], *(new_only["_row"].iloc[n] for _, n in pairs)]
    old_pick = old.iloc[[int(row) for row in old_rows]].reset_index(drop=True)
    new_pick = new.iloc[[int(row) for row in new_rows]].reset_index(drop=True)
    overlap = _overlaps(_bounds(old_pick, ""), _bounds(new_pick, ""))
    records: list[dict[str, object]] = []
    for position in range(len(old_pick)):
        one_old, one_new = old_pick.iloc[position], new_pick.iloc[position]
        kind = classify(one_old, one_new, bool(overlap[position]))
        if kind is None:
            continue
        # Overlap says whether a new value could be the old one: for revisions and estimates.
        shown = bool(overlap[position]) if kind in (REVISED, SUPERSEDED, QUALIFIER) else None
        records.append(_record(kind, one_old, one_new, shown))
    unchanged = len(old_pick) - len(records)
    for o in range(len(new_only)):
        if o not in paired_new:
            records.append(_record(ADDED, None, new_only.iloc[o], None))
    if not partial:
        for o in range(len(old_only)):
            if o not in paired_old:
                records.append(_record(REMOVED, old_only.iloc[o], None, None))
    return _result(records, unchanged, old_label, new_label, names, entity_names)


# Each side's interval (strict, conventional) and whether the data gave it, per record.
_INTERVAL_FIELDS = "_low _high _low_open _high_open _clow _chigh _clow_open _chigh_open _given"


def _record(
    kind: str, old: pd.Series | None, new: pd.Series | None, overlap: bool | None
) -> dict[str, object]:
    key = new if new is not None else old
    assert key is not None
    record: dict[str, object] = {
        "metric": key["metric"],
        "entity": key["entity"],
        "year": int(key["year"]),
        "unit": key["unit"],
        "kind": kind,
        "scope_differs": bool(old is not None and new is not None and old["scope"] != new["scope"]),
        "intervals_overlap": overlap,
    }
    for prefix, side in (("old", old), ("new", new)):
        for name in SIDE_COLUMNS:
            record[f"{prefix}_{name}"] = None if side is None else side[name]
        for name in _INTERVAL_FIELDS.split():
            record[f"{prefix}{name}"] = np.nan if side is None else side[name]
    explaining = new if new is not None else old
    record["note"] = "" if explaining is None else explaining["note"]
    record["unexplained"] = kind in UNEXPLAINED_KINDS and not str(record["note"]).strip()
    return record


def _result(
    records: list[dict[str, object]],
    unchanged: int,
    old_label: str,
    new_label: str,
    names: Mapping[str, Mapping[str, str]] | None,
    entity_names: Mapping[str, Mapping[str, str]] | None,
) -> DiffResult:
    rows = pd.DataFrame.from_records(records)
    if rows.empty:
        return DiffResult(
            pd.DataFrame({name: pd.Series(dtype=object) for name in COLUMNS}),
            {},
            unchanged,
            -1,
            old_label,
            new_label,
            names or {},
            entity_names or {},
        )
    order = {kind: position for position, kind in enumerate(KINDS)}
    rows = rows.assign(_order=rows["kind"].map(order)).sort_values(
        ["_order", "metric", "entity", "year"], kind="stable"
    )
    rows = rows.reset_index(drop=True)
    paired = rows["old_value"].notna() & rows["new_value"].notna()
    old_strict, new_strict = _bounds(rows, "old"), _bounds(rows, "new")
    old_conv, new_conv = _bounds(rows, "old", True), _bounds(rows, "new", True)
    ones = np.ones(len(rows))
    strict = change_pct_bounds(old_strict, new_strict, ones)
    conventional = change_pct_bounds(old_conv, new_conv, ones)
    old_value = rows["old_value"].to_numpy(dtype="float64", na_value=np.nan)
    new_value = rows["new_value"].to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        point = np.where(paired & (old_value > 0), (new_value / old_value - 1) * 100, np.nan)
    point = bounded_points(point, strict)
    cells = interval_cells(
        "change_pct", strict, conventional, defined=paired.to_numpy() & (old_value > 0)
    )
    rows["change_pct"] = point
    for name, column in cells.items():
        rows[name] = column
    rows["intervals_overlap"] = pd.array(
        [
            None if v is None or (isinstance(v, float) and np.isnan(v)) else bool(v)
            for v in rows["intervals_overlap"]
        ],
        dtype="boolean",
    )
    for name in ("old_year", "new_year"):
        rows[name] = pd.array([None if pd.isna(v) else int(v) for v in rows[name]], dtype="Int64")
    counts = {str(kind): int(count) for kind, count in rows["kind"].value_counts().items()}
    counts = {kind: counts[kind] for kind in KINDS if kind in counts}
    from zgc_cli.stats.revisions import largest_revision, side_intervals, written_as_points

    points = written_as_points(rows)
    with np.errstate(divide="ignore", invalid="ignore"):
        moved = np.abs(old_value - new_value) / np.abs(old_value)
    kinds = rows["kind"].isin(VALUE_KINDS).to_numpy()
    largest = largest_revision(kinds, moved, points, strict.low, strict.high)
    frame = rows[list(COLUMNS)]
    return DiffResult(
        frame,
        counts,
        unchanged,
        largest.position,
        old_label,
        new_label,
        names or {},
        entity_names or {},
        largest_by=largest.by,
        bounded_revisions=largest.bounded,
        sides=side_intervals(rows, points),
    )


def diff_of(
    old: Dataset, new: Dataset, *, partial: bool = False, old_label: str = "", new_label: str = ""
) -> DiffResult:
    """The changes from one Dataset's current figures to another's (see :func:`diff`)."""
    names = {**old.names.of_metrics(), **new.names.of_metrics()}
    entity_names = {**old.names.of_entities(), **new.names.of_entities()}
    return diff(
        old.frame,
        new.frame,
        old.published_dates(),
        new.published_dates(),
        partial=partial,
        old_label=old_label,
        new_label=new_label,
        names=names,
        entity_names=entity_names,
    )
