"""Baseline of the report benchmark (bench_report_test.go): openpyxl's
write-only workbook writing the cells of a dump, values only, no styles.

Usage: bench_openpyxl.py CELLS.jsonl OUT.xlsx, where each line of CELLS is
{"sheet": name} before a sheet's rows, then one JSON array a row.
"""
import json
import sys

from openpyxl import Workbook


def main(cells, out):
    wb = Workbook(write_only=True)
    ws = None
    with open(cells, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if isinstance(row, dict):
                ws = wb.create_sheet(row["sheet"])
            else:
                ws.append(row)
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
