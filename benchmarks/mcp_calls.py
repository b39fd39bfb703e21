"""How long an assistant waits for ``zgc mcp``: warm tool calls against a cold ``zgc`` run.

    python benchmarks/mcp_calls.py             # 20 calls of each tool, medians
    python benchmarks/mcp_calls.py --runs 5    # fewer (the CI smoke uses --quick)

One server is started with the SDK's stdio client, as an MCP host starts it; each
tool is then called ``--runs`` times in turn (interleaved, so a busy moment of a
shared machine falls on every tool alike) and the wall time from request to answer
is taken. Beside them: the wall time of the same question asked of a new ``zgc``
process (``zgc compare 2014 2023 --format json``), which is what an assistant
without the server pays. Goal (issue 24): a warm call ≤ 0.5 s, median of 20.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CALLS: list[tuple[str, dict[str, Any]]] = [
    ("search", {"text": "patent"}),
    ("series", {"metric": "revenue"}),
    ("compare", {"year_from": 2014, "year_to": 2023}),
    ("share", {"metric": "registered_large_models"}),
    ("source", {"metric": "revenue"}),
    ("verify", {"failures_only": True}),
    ("cite", {"metric": "revenue", "year": 2023}),
    ("extract", {"text": "2023年，中关村企业总收入超过8万亿元，比上年增长约9%。"}),
]


def warm_calls(runs: int) -> dict[str, list[float]]:
    import anyio
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "zgc_cli", "mcp"], env=dict(os.environ)
    )
    times: dict[str, list[float]] = {name: [] for name, _ in CALLS}

    async def main() -> None:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            for name, arguments in CALLS:  # one unmeasured call each: imports, caches
                await session.call_tool(name, arguments)
            for _ in range(runs):
                for name, arguments in CALLS:
                    start = time.perf_counter()
                    result = await session.call_tool(name, arguments)
                    times[name].append(time.perf_counter() - start)
                    if result.isError:
                        raise SystemExit(f"{name}: {result.content[0].text}")

    anyio.run(main)
    return times


def cold_runs(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "zgc_cli", "compare", "2014", "2023", "--format", "json"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="3 runs: the machinery only")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    warm = warm_calls(runs)
    cold = cold_runs(max(3, runs // 4))
    cold_median = statistics.median(cold)
    print(f"zgc mcp: warm tool calls, wall time, median of {runs} (interleaved)")
    print(f"{'tool':<10} {'median s':>9} {'max s':>8} {'× cold zgc':>11}")
    for name, values in warm.items():
        median = statistics.median(values)
        print(f"{name:<10} {median:>9.3f} {max(values):>8.3f} {median / cold_median:>11.2f}")
    slowest = max(statistics.median(values) for values in warm.values())
    print(
        f"cold `zgc compare 2014 2023 --format json`: median {cold_median:.3f} s ({len(cold)} runs)"
    )
    verdict = "met" if slowest <= 0.5 else "NOT met"
    print(f"slowest warm median {slowest:.3f} s; goal ≤ 0.5 s: {verdict}")


if __name__ == "__main__":
    main()
