"""``binhdang demo``: migrate, build the demo province, print the demo logins, then serve."""

from __future__ import annotations

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from binhdang.devtools.demo import build_demo


class Command(BaseCommand):
    help = "Tạo cơ sở dữ liệu trình diễn (tỉnh Đắk Lắk) và chạy máy chủ tại http://127.0.0.1:PORT"

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Chỉ tạo dữ liệu, không chạy máy chủ")
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))

    def handle(self, *args, no_serve: bool, port: int, **options):

        call_command("migrate", interactive=False, verbosity=0)
        logins = build_demo(log=self.stdout.write)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Tài khoản trình diễn (tên đăng nhập / mật khẩu):"))
        width = max(len(login.username) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.username:<{width}}  {login.password}   {login.role} — {login.unit}")
        if no_serve:
            return
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Mở http://127.0.0.1:{port} trong trình duyệt (Ctrl+C để dừng).")
        )
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
