"""The same comparison as ``zgc compare``, as an analyst would write it in pandas.

    python benchmarks/analyst_compare.py DATA.csv 2014 2023 > comparison.csv

The benchmark's yardstick for zgc: read the file, take the two years, pair them
by metric and entity, compute change, percent change, ratio and compound annual
growth, sort, write CSV. Plain, readable pandas, no tricks.
"""

import sys

import pandas as pd

path, year_from, year_to = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

df = pd.read_csv(path)
start = df[df["year"] == year_from]
end = df[df["year"] == year_to]

both = start.merge(end, on=["metric", "entity"], suffixes=("_from", "_to"))
both["change"] = both["value_to"] - both["value_from"]
both["change_pct"] = both["change"] / both["value_from"] * 100
both["ratio"] = both["value_to"] / both["value_from"]
both["cagr_pct"] = (both["ratio"] ** (1 / (both["year_to"] - both["year_from"])) - 1) * 100

columns = [
    "metric",
    "entity",
    "unit_from",
    "year_from",
    "value_from",
    "year_to",
    "value_to",
    "change",
    "change_pct",
    "ratio",
    "cagr_pct",
    "status_from",
    "qualifier_from",
    "status_to",
    "qualifier_to",
]
both = both[columns].sort_values(["metric", "entity"])
both.to_csv(sys.stdout, index=False)
