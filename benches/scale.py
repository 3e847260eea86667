#!/usr/bin/env python3
"""Issue 19's table, measured as a user meets each row: a release build of
hireterm on demo databases of 100,000 (and, with --million, 1,000,000)
candidates, each figure printed beside its goal.

    bash benches/scale.sh [--million] [--keep]

The databases are built once and cached under target/scale/N (a demo of
seed 42); `--keep` leaves the scratch copies. Every process is measured on
its own: wall time from its start to its end, peak memory from the kernel's
rusage of that child. The app runs in a real pty at 120x40: its first
frame is the first time the screen shows its home pane's title, its memory
is VmRSS from /proc after that frame and one search, and a cursor move is
timed from the key written to the first byte back, its bytes counted until
the screen has been quiet for 100 ms. A crash is a kill -9 of the app, the
open after it is `hireterm` off a terminal on that folder (it opens the
database and prints a summary; `stats` reads the figures a clean close
left and does not open it). Bounded: each process is
killed after RUN_LIMIT seconds and the row says so.

Rows the table names that other commands measure: search keystrokes
(`cargo bench --bench search`), import beside bulk insert (`cargo bench
--bench import`), `hireterm serve` sessions (`cargo bench --bench
ssh_load`).
"""

import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import fcntl
import time

RUN_LIMIT = 300
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("HIRETERM_BIN", os.path.join(ROOT, "target/release/hireterm"))
CACHE = os.path.join(ROOT, "target/scale")
ENV = dict(os.environ, HIRETERM_CONFIG_DIR=os.path.join(CACHE, "config"), NO_COLOR="1")

# what, goal at 100k, goal at 1M (text), and how to judge a figure.
GOALS = {
    "first output (ms)": ("(tig: 10)", "(tig: 10)"),
    "first frame (ms)": ("<= 50", "<= 100"),
    "every candidate read, the table up (ms)": ("-", "-"),
    "RSS after first frame and a search (MiB)": ("<= 120", "<= 1024"),
    "open after a crash (s)": ("<= 2x a clean open", "<= 2x a clean open"),
    "check (s)": ("<= 0.5", "<= 5"),
    "check peak RSS (MiB)": ("<= the app's", "<= the app's"),
    "stats (ms)": ("<= 20", "<= 20"),
    "demo (s)": ("<= 2", "<= 15"),
    "demo peak RSS (MiB)": ("-", "<= 400"),
    "disk per candidate (B)": ("<= 600", "-"),
    "key to first byte (ms)": ("<= 0.3", "-"),
    "bytes per cursor move": ("<= tig's (290)", "-"),
}


def measured(args, limit=RUN_LIMIT):
    """Runs hireterm with args; (seconds, peak RSS in MiB, exit code)."""
    started = time.monotonic()
    child = subprocess.Popen([BIN, *args], env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    deadline = started + limit
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return None, usage.ru_maxrss / 1024, "killed"
        time.sleep(0.002)
    took = time.monotonic() - started
    return took, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def database(size):
    """The cached demo database of `size` candidates, built (and the build
    measured) when missing; (path, demo seconds or None, demo RSS)."""
    folder = os.path.join(CACHE, str(size))
    db = os.path.join(folder, "db")
    if os.path.exists(os.path.join(db, "hireterm.clean")):
        return db, None, None
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    took, rss, code = measured(["demo", "--db", db, "--candidates", str(size),
                                "--seed", "42", "--now", "2026-06-01T00:00:00Z"])
    if code != 0:
        sys.exit(f"demo of {size} failed ({code})")
    return db, took, rss


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f))
               for d, _, files in os.walk(path) for f in files)


class Pty:
    """The app in a pseudo-terminal of 120x40."""

    def __init__(self, db):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BIN, [BIN, "--db", db], dict(ENV, TERM="xterm-256color"))
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.seen = b""
        self.started = time.monotonic()

    def since_start(self):
        return time.monotonic() - self.started

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.seen += chunk
        return chunk

    def wait_for(self, text, limit):
        """Seconds until `text` is on the screen (from this call)."""
        started = time.monotonic()
        while text not in self.seen:
            if time.monotonic() - started > limit:
                return None
            self.read(0.05)
        return time.monotonic() - started

    def quiet(self, gap=0.1):
        """Reads until nothing came for `gap` seconds; the bytes read."""
        total = 0
        while True:
            chunk = self.read(gap)
            if not chunk:
                return total
            total += len(chunk)

    def key(self, data):
        """Writes a key; (ms to the first byte back, bytes until quiet)."""
        self.quiet(0.05)
        started = time.monotonic()
        os.write(self.fd, data)
        first = self.read(2.0)
        latency = (time.monotonic() - started) * 1000
        return latency, len(first) + self.quiet()

    def rss_mib(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return None

    def kill(self):
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else None


def in_the_app(db):
    """First frame, memory after a search, key latency and bytes per move;
    leaves the folder as a kill -9 leaves it."""
    app = Pty(db)
    output = app.wait_for(b"hireterm", RUN_LIMIT)
    first = app.wait_for(b"My work", RUN_LIMIT)
    figures = {
        "first output (ms)": None if output is None else output * 1000,
        "first frame (ms)": None if first is None or output is None else (first + output) * 1000,
    }
    if first is None:
        app.kill()
        return figures
    # The table draws once every candidate is read (before, the pane says
    # how far the read has come); search waits for the same.
    app.key(b"1")
    table = app.wait_for(b"Candidates (", RUN_LIMIT)
    if table is not None:
        figures["every candidate read, the table up (ms)"] = app.since_start() * 1000
    app.key(b"0")
    app.quiet()
    app.key(b"/")
    for letter in b"rust":
        app.key(bytes([letter]))
    time.sleep(0.5)
    app.quiet()
    figures["RSS after first frame and a search (MiB)"] = app.rss_mib()
    app.key(b"\x1b")
    app.key(b"1")
    moves = [app.key(b"j") for _ in range(30)]
    figures["key to first byte (ms)"] = median([m[0] for m in moves])
    figures["bytes per cursor move"] = median([m[1] for m in moves])
    app.kill()
    return figures


def one_size(size, keep):
    db, demo_s, demo_rss = database(size)
    scratch = os.path.join(CACHE, f"{size}-scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(db, scratch)
    # A fresh copy's pages are still on their way to the disk, and the
    # first close's durable sync would pay for writing the whole copy
    # (0.14 s at 100,000, about 2 s at 1,000,000): one open and close
    # first, so that the figures below are a clean open's.
    measured(["--db", scratch])
    figures = {}
    if demo_s is not None:
        figures["demo (s)"] = demo_s
        figures["demo peak RSS (MiB)"] = demo_rss
    figures["disk per candidate (B)"] = folder_bytes(db) / size
    took, _, _ = measured(["stats", "--db", scratch])
    figures["stats (ms)"] = None if took is None else took * 1000
    clean_open, _, _ = measured(["--db", scratch])
    took, rss, code = measured(["check", "--db", scratch])
    figures["check (s)"] = took
    figures["check peak RSS (MiB)"] = rss
    figures.update(in_the_app(scratch))
    took, _, code = measured(["--db", scratch])
    if took is not None and clean_open:
        figures["open after a crash (s)"] = f"{took:.2f} ({took / clean_open:.1f}x clean)"
    if not keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return figures


def show(value):
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def main():
    sizes = [100_000] + ([1_000_000] if "--million" in sys.argv else [])
    if os.environ.get("HIRETERM_SCALE_SIZES"):  # a quick try of the harness
        sizes = [int(n) for n in os.environ["HIRETERM_SCALE_SIZES"].split(",")]
    keep = "--keep" in sys.argv
    results = {size: one_size(size, keep) for size in sizes}
    head = f"{'what':<42}" + "".join(f"{f'{s:,}':>20}  {'goal':<20}" for s in sizes)
    print(head)
    for what, goals in GOALS.items():
        row = f"{what:<42}"
        for index, size in enumerate(sizes):
            row += f"{show(results[size].get(what)):>20}  {goals[index]:<20}"
        print(row)
    print("demo: built once per size and cached under target/scale; remove the folder to "
          "measure it again")


if __name__ == "__main__":
    main()
