"""loadtest/cpu.py: the cores busy and the cores stolen by the host while the load runs, from the
kernel's counters (``/proc/stat``)."""

from __future__ import annotations

import pytest

from tests import loadtest_scripts

#: /proc/stat's first lines: cpu user nice system idle iowait irq softirq steal guest guest_nice.
STAT = """cpu  1000 100 300 5000 40 0 60 200 0 0
cpu0 500 50 150 2500 20 0 30 100 0 0
intr 12345
"""


@pytest.fixture(scope="module")
def cpu():
    return loadtest_scripts.load("cpu")


def test_the_counters_are_the_whole_machines_line(cpu):
    assert cpu.counters(STAT) == (1000, 100, 300, 5000, 40, 0, 60, 200, 0, 0)


def test_a_text_without_the_machines_line_is_refused(cpu):
    with pytest.raises(ValueError, match="no 'cpu' line"):
        cpu.counters("cpu0 1 2 3 4\n")


def test_busy_is_user_nice_system_and_interrupts_and_stolen_is_apart(cpu):
    before = cpu.Sample(100.0, (1000, 100, 300, 5000, 40, 0, 60, 200))
    # 5 s later: 600 ticks of user, 20 nice, 200 system, 30 softirq, 100 stolen, 50 idle (100 ticks a s)
    after = cpu.Sample(105.0, (1600, 120, 500, 5050, 40, 0, 90, 300))
    found = cpu.use(before, after, ticks_per_second=100)
    assert found.at == 105.0
    assert found.busy == pytest.approx((600 + 20 + 200 + 30) / 100 / 5)  # 1.7 cores
    assert found.steal == pytest.approx(100 / 100 / 5)  # 0.2 of a core


def test_an_old_kernel_without_a_steal_counter_steals_nothing(cpu):
    found = cpu.use(cpu.Sample(0.0, (0, 0, 0, 0)), cpu.Sample(1.0, (100, 0, 0, 100)), ticks_per_second=100)
    assert (found.busy, found.steal) == (1.0, 0.0)


def test_samples_out_of_order_are_refused(cpu):
    with pytest.raises(ValueError, match="not in order"):
        cpu.use(cpu.Sample(5.0, (0,) * 8), cpu.Sample(5.0, (0,) * 8), ticks_per_second=100)


def test_the_lines_written_are_read_back_and_a_line_cut_short_is_left_out(cpu):
    written = cpu.line(cpu.Use(1000.0, 1.7, 0.2)) + cpu.line(cpu.Use(1005.0, 1.9, 0.31)) + "1010.000,1.8"
    assert cpu.parse(written) == [cpu.Use(1000.0, 1.7, 0.2), cpu.Use(1005.0, 1.9, 0.31)]


def test_the_machine_is_read_from_proc(cpu):
    sample = cpu.read()
    assert len(sample.ticks) >= 8 and sample.at > 0
