"""Derive compass/data/onet_interests.tsv from the licensed O*NET 29.3 files.

Run from the repository root with the shared data beside it:
    .venv/bin/python tools/derive_reference_data.py ../shared/data/external/onet-29.3

Keeps only what the new-role scaffold needs: each occupation's code, title, its six
interest scores rescaled from 1-7 to 0-1, and its sample of reported job titles.
O*NET 29.3 by USDOL/ETA, CC BY 4.0; modified (rescaled, columns selected).
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ORDER = ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"]
OUT = Path(__file__).resolve().parents[1] / "compass" / "data" / "onet_interests.tsv"


def main(source: Path) -> None:
    titles: dict[str, str] = {}
    scores: dict[str, dict[str, float]] = defaultdict(dict)
    reported: dict[str, list[str]] = defaultdict(list)
    with open(source / "Interests.txt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["Scale ID"] == "OI":
                titles[row["O*NET-SOC Code"]] = row["Title"]
                scores[row["O*NET-SOC Code"]][row["Element Name"]] = float(row["Data Value"])
    with open(source / "Sample of Reported Titles.txt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            reported[row["O*NET-SOC Code"]].append(row["Reported Job Title"].replace("|", "/"))
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "title", *[o.lower() for o in ORDER], "reported_titles"])
        for code in sorted(titles):
            row = [round((scores[code][o] - 1) / 6, 2) for o in ORDER]
            writer.writerow([code, titles[code], *row, "|".join(reported[code])])
    print(f"wrote {OUT} ({len(titles)} occupations)")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
