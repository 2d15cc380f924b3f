"""What the machine's cores did while the load ran, every few seconds, from the kernel's counters
(``/proc/stat``): the cores busy (user, system and interrupt time of every process: the server,
PostgreSQL, locust) and the cores **stolen**, the time the virtual machine's cores were ready to run and
the host ran something else (its neighbours). A run that misses its goal with a core-fifth stolen at
the peak did not have the two cores the goal assumes (README, "Tenth round").

    python loadtest/cpu.py FILE [SECONDS]   # appends "time,busy,steal" lines to FILE until stopped

loadtest/run.sh starts it with locust and stops it after; loadtest/check.py reads FILE.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: /proc/stat's first line: cpu user nice system idle iowait irq softirq steal [guest guest_nice].
BUSY_FIELDS = (0, 1, 2, 5, 6)  # user, nice, system, irq, softirq
STEAL_FIELD = 7


@dataclass(frozen=True)
class Sample:
    at: float  # seconds since the epoch
    ticks: tuple[int, ...]  # the counters of /proc/stat's first line


@dataclass(frozen=True)
class Use:
    at: float  # the end of the interval, seconds since the epoch
    busy: float  # cores
    steal: float  # cores


def counters(text: str) -> tuple[int, ...]:
    """The counters of the whole machine (the ``cpu`` line) of a ``/proc/stat`` text."""
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0] == "cpu":
            return tuple(int(value) for value in fields[1:])
    raise ValueError("no 'cpu' line in /proc/stat")


def read(path: str = "/proc/stat") -> Sample:
    return Sample(time.time(), counters(Path(path).read_text(encoding="ascii")))


def use(before: Sample, after: Sample, ticks_per_second: int) -> Use:
    """The cores busy and stolen between two samples."""
    seconds = after.at - before.at
    if seconds <= 0:
        raise ValueError("the samples are not in order")
    delta = [b - a for a, b in zip(before.ticks, after.ticks, strict=False)]
    steal = delta[STEAL_FIELD] if len(delta) > STEAL_FIELD else 0
    busy = sum(delta[i] for i in BUSY_FIELDS if i < len(delta))
    return Use(after.at, busy / ticks_per_second / seconds, steal / ticks_per_second / seconds)


def line(found: Use) -> str:
    return f"{found.at:.3f},{found.busy:.3f},{found.steal:.3f}\n"


def parse(text: str) -> list[Use]:
    """The lines written by this script, back (a line cut short by the stop is left out)."""
    found = []
    for row in text.splitlines():
        parts = row.split(",")
        if len(parts) == 3:
            try:
                found.append(Use(float(parts[0]), float(parts[1]), float(parts[2])))
            except ValueError:
                continue
    return found


def main(out: str, interval: float = 5.0) -> None:
    ticks = os.sysconf("SC_CLK_TCK")
    before = read()
    while True:
        time.sleep(interval)
        after = read()
        with open(out, "a", encoding="ascii") as fh:
            fh.write(line(use(before, after, ticks)))
        before = after


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 5.0)
