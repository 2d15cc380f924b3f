"""loadtest/check.py: after the load, an acknowledged submission must be in the database exactly once,
submitted once, with the values that were sent; anything else counts as lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from binhdang.reporting import services
from binhdang.reporting.entry import field_name
from binhdang.reporting.models import StateChange
from tests import loadtest_scripts
from tests.reporting.conftest import COMMUNE_VALUES, fill, make_plan


@pytest.fixture(scope="module")
def check():
    return loadtest_scripts.load("check")


@pytest.fixture
def submitted(daklak, focal_officer, commune_a_reporter):
    period = services.open_period(make_plan(daklak.root), 2026, focal_officer)
    report = services.get_or_create_submission(period, daklak.commune_a, commune_a_reporter)
    fill(report, commune_a_reporter)
    report.refresh_from_db()
    services.submit(report, commune_a_reporter)
    sent = {field_name(code, coc): value for (code, coc), value in COMMUNE_VALUES.items()}
    ack = {"unit": daklak.commune_a.code, "period": period.pk, "submission": report.pk, "values": sent}
    return period, report, ack


def test_a_submission_stored_once_as_sent_is_not_lost(check, submitted):
    _period, _report, ack = submitted
    assert check.lost_submissions([ack]) == []


def test_an_acknowledged_submission_missing_from_the_database_is_lost(check, submitted, daklak):
    _period, _report, ack = submitted
    missing = {**ack, "unit": daklak.commune_b.code}
    assert check.lost_submissions([missing]) == [f"{daklak.commune_b.code}: 0 reports in the database"]


def test_a_value_that_differs_from_the_one_sent_is_lost(check, submitted):
    _period, _report, ack = submitted
    name = next(iter(ack["values"]))
    changed = {**ack, "values": {**ack["values"], name: "999999"}}
    assert check.lost_submissions([changed]) == [
        f"{ack['unit']}: stored values differ from the submitted ones"
    ]


def test_a_submission_recorded_twice_is_reported(check, submitted):
    _period, report, ack = submitted
    first = StateChange.objects.get(submission=report, action=StateChange.Action.SUBMIT)
    first.pk = None
    first.save()
    assert check.lost_submissions([ack]) == [f"{ack['unit']}: state submitted, 2 submit events"]


def test_another_provinces_period_is_looked_up_in_its_own_period(check, submitted, laichau, outsider):
    _period, _report, ack = submitted
    other = services.open_period(make_plan(laichau.root, slug="kh-1790-laichau"), 2026, outsider)
    assert check.lost_submissions([{**ack, "period": other.pk}]) == [
        f"{ack['unit']}: 0 reports in the database"
    ]


def finished_run(tmp_path: Path, stats: list[str], *, reporters: int) -> tuple[str, str, str]:
    """The files a run leaves for check.py: locust's statistics (``stats``: its CSV rows, the aggregate
    last), no exception, a seed of one province with ``reporters`` reporters, 20 focal officers and 2
    ministry viewers (none when there are no reporters), and no acknowledged submission."""
    header = "Type,Name,Request Count,Failure Count,Median Response Time,95%,Max Response Time\n"
    (tmp_path / "locust_stats.csv").write_text(header + "\n".join(stats) + "\n", encoding="utf-8")
    (tmp_path / "locust_exceptions.csv").write_text("Count,Message,Traceback,Nodes\n", encoding="utf-8")
    others = 1 if reporters else 0
    seed = {
        "provinces": ["Tỉnh Đắk Lắk"],
        "reporters": [{}] * reporters,
        "focal": [{}] * 20 * others,
        "ministry": [{}] * 2 * others,
    }
    (tmp_path / "seed.json").write_text(json.dumps(seed), encoding="utf-8")
    (tmp_path / "acks.json").write_text("[]", encoding="utf-8")
    return str(tmp_path / "seed.json"), str(tmp_path / "acks.json"), str(tmp_path / "locust")


def test_the_summary_names_the_step_with_the_worst_95th_percentile(check, tmp_path, capsys):
    stats = [
        "POST,login,100,0,120,480,900",
        "GET,open report,90,0,100,530,700",
        "GET,status board,40,0,80,300,400",
        ",Aggregated,230,0,100,450,900",
    ]
    seed, acks, prefix = finished_run(tmp_path, stats, reporters=0)
    totals = check.locust_totals(prefix)
    assert (totals.requests, totals.errors, totals.p95) == (230, 0, 450.0)
    assert totals.worst_step == ("open report", 530.0)
    assert check.main(seed, acks, prefix) == 0
    out = capsys.readouterr().out
    assert "loadtest_step_p95_max 530 ms (open report)" in out and "loadtest_p95 450 ms" in out


def test_the_timeline_shows_each_minute_and_the_steps_once_everyone_has_submitted(check, tmp_path):
    lines = [f"{1000 + n / 10:.3f},arrival,0" for n in range(3)]  # three people arrive in the first second
    lines += [f"{1001 + n:.3f},login,{900 if n < 2 else 100}" for n in range(12)]  # slow while they arrive
    lines += ["1070.000,submit,700"]  # the last one-off step ends 70 s after the first arrival
    lines += [f"{1071 + n:.3f},after submitting,{40 + n}" for n in range(60)]
    lines += ["1080.000,status board,300"]
    (tmp_path / "times.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = check.timeline(str(tmp_path / "times.csv"))
    assert found.arrived_after == 70.0
    first, second, third = found.minutes
    assert first == (0, 3, 12, 900.0, "login", 900.0)
    assert second[:3] == (1, 3, 51) and second[4] == "after submitting"  # the submit is one of 51
    assert third[:3] == (2, 3, 11)
    assert found.after_arrivals == [("status board", 1, 300.0), ("after submitting", 60, 96.0)]


def test_a_step_p95_is_the_duration_that_95_percent_do_not_exceed(check):
    assert check.p95([float(n) for n in range(1, 101)]) == 95.0
    assert check.p95([5.0]) == 5.0
    assert check.p95([1.0, 2.0]) == 2.0


def totals_of(check, steps, *, errors=0):
    """Locust's totals for steps given as (name, p95 ms)."""
    rows = [(name, 100, 0, 50.0, p95, p95 + 100) for name, p95 in steps]
    return check.Totals(requests=100 * len(rows), errors=errors, p95=100.0, steps=rows)


def test_the_goal_is_met_with_every_step_under_500_ms_and_the_downloads_under_1_s(check):
    totals = totals_of(
        check, [("login", 490), ("submit", 330), ("templates zip", 950), ("annual report docx", 640)]
    )
    assert check.goal_misses(totals, users=1000, lost=0, submitted=978, reporters=978) == []


def test_a_step_at_500_ms_or_a_download_at_1_s_misses_the_goal(check):
    totals = totals_of(check, [("login", 500), ("status board", 120), ("templates zip", 1000)])
    assert check.goal_misses(totals, users=1000, lost=0, submitted=978, reporters=978) == [
        "templates zip p95 1000 ms (bound 1000)",
        "login p95 500 ms (bound 500)",
    ]


def test_errors_lost_or_missing_submissions_or_fewer_users_miss_the_goal(check):
    totals = totals_of(check, [("login", 200)], errors=2)
    assert check.goal_misses(totals, users=40, lost=1, submitted=37, reporters=38) == [
        "40 users, not 1000",
        "2 errors",
        "1 acknowledged submissions lost",
        "37 of 38 reporters submitted",
    ]


def test_the_summary_says_whether_the_goal_was_met_and_why_not(check, tmp_path, capsys):
    stats = [
        "POST,login,1000,0,280,650,960",
        "GET,templates zip,80,0,60,550,850",
        ",Aggregated,1080,0,100,450,960",
    ]
    check.main(*finished_run(tmp_path, stats, reporters=978))
    out = capsys.readouterr().out
    assert "loadtest_step_p95_max 650 ms (login)" in out
    assert "loadtest_goal not met: 0 of 978 reporters submitted; login p95 650 ms (bound 500)\n" in out


def test_each_minute_shows_the_cores_busy_and_stolen_and_the_steal_while_reporters_arrive(check, tmp_path):
    cpu = loadtest_scripts.load("cpu")
    # the first request at 1000 s; the last one-off step ends at 1070 s (see the timeline test above)
    samples = [cpu.Use(1005.0, 1.6, 0.1), cpu.Use(1050.0, 1.9, 0.3), cpu.Use(1065.0, 1.8, 0.2)]
    samples += [cpu.Use(1075.0, 1.2, 0.0), cpu.Use(1130.0, 1.0, 0.05)]
    machine = check.machine_use(samples, start=1000.0, arrived_after=70.0)
    assert machine.minutes[0] == (pytest.approx(1.75), pytest.approx(0.2))
    assert machine.minutes[1] == (pytest.approx(1.5), pytest.approx(0.1))
    assert machine.minutes[2] == (1.0, 0.05)
    assert (machine.busy_max, machine.steal_max) == (1.9, 0.3)
    assert machine.steal_while_arriving == pytest.approx(0.2)  # 0.1, 0.3, 0.2: the samples up to 1070 s


def test_the_summary_ends_with_the_machines_use_when_it_was_sampled(check, tmp_path, capsys):
    stats = ["POST,login,3,0,120,480,900", ",Aggregated,3,0,120,480,900"]
    seed, acks, prefix = finished_run(tmp_path, stats, reporters=0)
    lines = [
        "1000.000,arrival,0",
        "1001.000,login,480",
        "1030.000,submit,300",
        "1100.000,after submitting,20",
    ]
    (tmp_path / "times.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "cpu.csv").write_text(
        "1005.000,1.600,0.100\n1025.000,1.900,0.300\n1065.000,1.100,0.000\n", encoding="ascii"
    )
    check.main(seed, acks, prefix, str(tmp_path / "times.csv"), str(tmp_path / "cpu.csv"))
    out = capsys.readouterr().out
    assert " busy stolen  worst step" in out
    # minute 1: two requests (no step has the 10 a step's p95 needs), 1.75 cores busy, 0.20 stolen
    assert "     1        1         2     480  1.75   0.20  - 0\n" in out
    assert (
        "loadtest_cpu busy at most 1.90 cores; stolen at most 0.30, 0.20 on average while the reporters arrived\n"
        in out
    )


def test_a_run_too_short_for_a_sample_of_the_machine_still_ends_its_summary(check, tmp_path, capsys):
    seed, acks, prefix = finished_run(
        tmp_path, ["POST,login,1,0,1,1,1", ",Aggregated,1,0,1,1,1"], reporters=0
    )
    (tmp_path / "times.csv").write_text("1000.000,arrival,0\n1001.000,login,1\n", encoding="utf-8")
    assert check.main(seed, acks, prefix, str(tmp_path / "times.csv"), str(tmp_path / "missing.csv")) == 0
    out = capsys.readouterr().out
    assert "loadtest_goal" in out and "loadtest_cpu" not in out


def test_a_minute_without_a_sample_of_the_machine_shows_none_rather_than_zero(check, capsys):
    found = check.Timeline([(0, 1, 2, 480.0, "-", 0.0), (1, 1, 3, 20.0, "-", 0.0)], None, [], 1000.0)
    cpu = loadtest_scripts.load("cpu")
    check.print_timeline(found, check.machine_use([cpu.Use(1005.0, 1.6, 0.1)], 1000.0, None))
    out = capsys.readouterr().out
    assert "     1        1         2     480  1.60   0.10  - 0\n" in out
    assert "     2        1         3      20     -      -  - 0\n" in out
