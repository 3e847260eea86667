#!/usr/bin/env python3
"""Files of another system's shape for timing imports at scale, from a
database's candidate ids (C1..CN of a demo): a notes file of N notes and a
stage history of N/4 candidates x 4 stages in 200 new jobs.

    python3 benches/foreign_files.py N OUT_DIR
    hireterm --db DB import OUT_DIR/notes.csv
    hireterm --db DB import OUT_DIR/history.csv --create-engagements

Deterministic (seed 1). The closing notes' notes and history timings
come from these files on `target/scale/100000/db` (benches/scale.sh).
"""

import os
import random
import sys

STAGES = ["Application Review", "Phone Screen", "Technical Interview",
          "Onsite Interview", "Offer"]


def notes(path, n):
    random.seed(1)
    with open(path, "w") as out:
        out.write("candidate,note,author,date\n")
        for i in range(n):
            c = random.randint(1, n)
            out.write(f'C{c},"Call {i}: asked about rate, remote, start date; 接受远程",'
                      f"Rui,2026-0{1 + i % 5}-{1 + i % 28:02d}\n")


def history(path, n):
    with open(path, "w") as out:
        out.write("job,client,candidate,stage,date,actor\n")
        for c in range(1, n // 4 + 1):
            job = f"Imported Job {c % 200}"
            for k in range(4):
                out.write(f"{job},Client {c % 200 % 17},C{c},{STAGES[k]},2026-0{1 + k}-10,Ana\n")


def main():
    n, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    notes(os.path.join(folder, "notes.csv"), n)
    history(os.path.join(folder, "history.csv"), n)


if __name__ == "__main__":
    main()
