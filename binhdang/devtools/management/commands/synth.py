"""``binhdang synth --provinces all --years 2026-2030 --seed N``: the synthetic national dataset."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from binhdang.devtools.synth import SynthError, parse_years, synthesize
from binhdang.orgunits.catalog import UnknownProvinceError


class Command(BaseCommand):
    help = (
        "Tạo bộ dữ liệu tổng hợp: các tỉnh (xã, phường, cơ quan), hai kế hoạch chuẩn của mỗi tỉnh và báo cáo "
        "của mọi năm với các khoảng trống thực tế. Dùng trên một cơ sở dữ liệu mới."
    )

    def add_arguments(self, parser):
        parser.add_argument("--provinces", default="all", help="“all” hoặc tên tỉnh, cách nhau bởi dấu phẩy")
        parser.add_argument("--years", default="2026-2030", help="Ví dụ: 2026-2030, 2026 hoặc 2026,2027")
        parser.add_argument(
            "--seed", type=int, default=1, help="Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)"
        )

    def handle(self, *args, provinces: str, years: str, seed: int, **options):

        try:
            synthesize(provinces, parse_years(years), seed, log=self.stdout.write)
        except (SynthError, UnknownProvinceError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
