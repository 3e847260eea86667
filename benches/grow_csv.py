#!/usr/bin/env python3
"""Grows a candidates CSV (an export's candidates.csv) to a given size.

Usage: python3 benches/grow_csv.py TEMPLATE.csv MEGABYTES > big.csv

Each copy of the template's rows gets its own id, email and phone, so that
no row of the result duplicates another (by email, or by name and phone)
and the whole file imports. Deterministic: the same template and size give
the same bytes. benches/import-memory.sh uses it for its large file.
"""
import csv
import sys


def main():
    template, megabytes = sys.argv[1], float(sys.argv[2])
    with open(template, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    limit = int(megabytes * 1024 * 1024)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    written, number, copy = 0, 0, 0
    while written < limit:
        for row in body:
            number += 1
            row = list(row)
            row[col["id"]] = str(number)
            local, _, domain = row[col["email"]].partition("@")
            row[col["email"]] = f"{local}.x{copy}@{domain}"
            if row[col["phone"]]:
                row[col["phone"]] = f"+1 {number:010d}"
            out.writerow(row)
            written += sum(len(c) for c in row) + len(row)
            if written >= limit:
                break
        copy += 1


if __name__ == "__main__":
    main()
