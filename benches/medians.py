#!/usr/bin/env python3
"""Prints the median of every criterion benchmark from the last run.

Usage: cargo bench --bench store && python3 benches/medians.py
"""
import json
import pathlib

def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
for estimates in sorted(root.glob("**/new/estimates.json")):
    name = estimates.parent.parent.relative_to(root)
    median = json.loads(estimates.read_text())["median"]["point_estimate"]
    print(f"{str(name):55} median {human(median)}")
