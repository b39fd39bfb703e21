"""The results table: a goal's row, its ratio judged against its limit, rendered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from zgcbench.common import CLOCK, ERROR, FAIL, INFO, PASS
from zgcbench.processes import Measured

# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    goal: str
    measured: str
    baseline: str
    ratio: float | None
    limit: str
    status: str

    def cells(self) -> list[str]:
        ratio = "—" if self.ratio is None else f"{self.ratio:.2f}×"
        return [self.goal, self.measured, self.baseline, ratio, self.limit, self.status]


HEADERS = ["goal", "measured", "baseline", "ratio", "limit", "status"]


def judge(ratio: float, limit: float, judged: bool = True) -> str:
    if not judged:
        return INFO
    return PASS if ratio <= limit else FAIL


def seconds_text(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mib_text(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def size_text(rows: int) -> str:
    if rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    if rows % 1_000 == 0:
        return f"{rows // 1_000}k"
    return str(rows)


def ratio_row(
    goal: str,
    measured: Measured,
    baseline: Measured,
    limit: float,
    *,
    memory: bool = False,
    judged: bool = True,
) -> Row:
    limit_text = f"≤ {limit:g}×"
    if not measured.ok or not baseline.ok:
        failed = measured if not measured.ok else baseline
        reason = "command failed" if failed.error else "no samples"
        return Row(goal, f"{reason} (see notes)", "", None, limit_text, ERROR)
    if memory:
        value, base = measured.max_rss_kib, baseline.max_rss_kib
        shown, base_shown = mib_text(value), mib_text(base)
    else:
        value, base = measured.seconds, baseline.seconds
        shown, base_shown = both_clocks_text(measured), both_clocks_text(baseline)
    ratio = value / base
    return Row(goal, shown, base_shown, ratio, limit_text, judge(ratio, limit, judged))


def both_clocks_text(measured: Measured) -> str:
    """The judged clock's median, then the other one's: ``840 ms (wall 1020 ms)``."""
    if CLOCK["judged"] == "cpu":
        return f"{seconds_text(measured.cpu_seconds)} (wall {seconds_text(measured.wall_seconds)})"
    return f"{seconds_text(measured.wall_seconds)} (cpu {seconds_text(measured.cpu_seconds)})"


def render_plain(rows: Sequence[Row]) -> str:
    table = [HEADERS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in table) for column in range(len(HEADERS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in table
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def render_markdown(rows: Sequence[Row]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    return "\n".join(
        [line(HEADERS), "|" + "|".join(" --- " for _ in HEADERS) + "|"]
        + [line(row.cells()) for row in rows]
    )


def render_raw(groups: dict[str, dict[str, Measured]], markdown: bool) -> str:
    """Every measured command: CPU and wall medians, min and max of the judged clock, peak RSS."""
    rows: list[list[str]] = []
    for group, results in groups.items():
        for name, measured in results.items():
            if not measured.ok:
                rows.append([group, name, "failed", "", "", "", "", "0"])
                continue
            times = [sample.seconds for sample in measured.samples]
            rows.append(
                [
                    group,
                    name,
                    seconds_text(measured.cpu_seconds),
                    seconds_text(measured.wall_seconds),
                    seconds_text(min(times)),
                    seconds_text(max(times)),
                    mib_text(measured.max_rss_kib),
                    str(len(times)),
                ]
            )
    headers = ["group", "command", "cpu", "wall", "min", "max", "peak RSS", "runs"]
    if markdown:
        head = "| " + " | ".join(headers) + " |\n|" + "|".join(" --- " for _ in headers) + "|\n"
        return head + "\n".join("| " + " | ".join(row) + " |" for row in rows)
    table = [headers, *rows]
    widths = [max(len(line[column]) for line in table) for column in range(len(headers))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    )


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    groups: dict[str, dict[str, Measured]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    diagnoses: list[tuple[str, Callable[[], str]]] = field(default_factory=list)
