"""``binhdang bench``: build the synthetic national dataset in a bench database and measure the results
engine on it (see ``binhdang.devtools.bench``). ``make bench`` runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from binhdang.devtools.bench import measure
from binhdang.devtools.synth import parse_years, synthesize

INSIDE = "--inside"


def bench_database_url(database_url: str | None, var_dir) -> str:
    """The bench database next to the configured one (``database_url``, None for the default SQLite
    file): ``<var_dir>/bench/bench.sqlite3``, or ``<name>_bench`` on the same PostgreSQL server."""
    if not database_url or database_url.startswith("sqlite"):
        return f"sqlite:///{Path(var_dir) / 'bench' / 'bench.sqlite3'}"
    head, _slash, tail = database_url.rpartition("/")
    name, question, query = tail.partition("?")
    return f"{head}/{name}_bench{question}{query}"


def reset_database(url: str) -> None:
    """An empty database at ``url``: a removed SQLite file, or a dropped and recreated PostgreSQL database
    (created through the configured connection, which must be on the same server)."""
    config = dj_database_url.parse(url)
    if config["ENGINE"].endswith("sqlite3"):
        path = Path(config["NAME"])
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    name = connection.ops.quote_name(config["NAME"])
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name}")


class Command(BaseCommand):
    help = (
        "Đo hiệu năng phần kết quả: tạo bộ dữ liệu tổng hợp toàn quốc trong một cơ sở dữ liệu riêng rồi đo "
        "kết quả một tỉnh-năm (p50, p95), tổng hợp toàn quốc, hiển thị trang tổng quan và câu SQL viết tay (mức sàn)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--provinces", default="all", help="“all” hoặc tên tỉnh, cách nhau bởi dấu phẩy")
        parser.add_argument("--years", default="2026-2030", help="Các năm của bộ dữ liệu, ví dụ 2026-2030")
        parser.add_argument("--year", type=int, default=None, help="Năm được đo (mặc định: năm cuối)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--repeat", type=int, default=40, help="Số lần đo kết quả một tỉnh-năm")
        parser.add_argument(
            "--database-url", default=None, help="Cơ sở dữ liệu đo (mặc định: suy từ DATABASE_URL)"
        )
        parser.add_argument(INSIDE, action="store_true", help="(nội bộ) chạy phần đo trong tiến trình con")

    def handle(self, *args, **options):
        if options["inside"]:
            return self._inside(options)
        url = options["database_url"] or bench_database_url(os.environ.get("DATABASE_URL"), settings.VAR_DIR)
        reset_database(url)
        self.stdout.write(f"Cơ sở dữ liệu đo: {_redact(url)}")
        command = [
            sys.executable,
            "-m",
            "binhdang",
            "bench",
            INSIDE,
            "--provinces",
            options["provinces"],
            "--years",
            options["years"],
            "--seed",
            str(options["seed"]),
            "--repeat",
            str(options["repeat"]),
        ]
        if options["year"]:
            command += ["--year", str(options["year"])]
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "binhdang.settings",
            "PYTHONUNBUFFERED": "1",
        }
        with subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        ) as process:
            for line in process.stdout or ():
                self.stdout.write(line.rstrip("\n"))
        if process.returncode != 0:
            raise CommandError(f"Phép đo thất bại (mã {process.returncode}).")

    def _inside(self, options) -> None:
        from django.core.management import call_command

        years = parse_years(options["years"])
        year = options["year"] or years[-1]
        if year not in years:
            raise CommandError(f"Năm đo {year} không nằm trong các năm của bộ dữ liệu.")
        call_command("migrate", interactive=False, verbosity=0)
        result = synthesize(options["provinces"], years, options["seed"], log=self.stdout.write)
        self.stdout.write(
            f"dataset {result.provinces} provinces, {result.plans} plans, {result.periods} periods, "
            f"{result.submissions} reports, {result.values} values, built in {result.seconds:.1f} s"
        )
        for line in measure(year, options["repeat"], self.stdout.write).lines:
            self.stdout.write(line)


def _redact(url: str) -> str:
    """The URL without its password."""
    config = dj_database_url.parse(url)
    if config.get("PASSWORD"):
        return url.replace(config["PASSWORD"], "***")
    return url
