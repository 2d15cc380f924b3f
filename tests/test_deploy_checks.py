"""Production mode: Django's deploy checks pass, the production start (collectstatic, gunicorn behind a
proxy) serves secure pages, and the Content-Security-Policy holds in the templates and in a browser."""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser import login
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(sys.executable).with_name("gunicorn")


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    # The test run's own settings (e.g. DJANGO_ALLOW_ASYNC_UNSAFE from conftest) are not production's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BINHDANG_", "DJANGO_"))}
    env.update(
        BINHDANG_PRODUCTION="1",
        BINHDANG_SECRET_KEY=secrets.token_urlsafe(64),
        BINHDANG_ALLOWED_HOSTS="binhdang.example.gov.vn,127.0.0.1",
        BINHDANG_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="binhdang.settings",
    )
    if "DATABASE_URL" not in os.environ:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'var' / 'prod.sqlite3'}"
    env.update(extra)
    return env


def binhdang(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-m", "binhdang", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_deploy_checks_report_no_issue_in_production_mode(tmp_path):
    result = binhdang(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["BINHDANG_SECRET_KEY"]
    result = binhdang(env, "check")
    assert result.returncode != 0
    assert "BINHDANG_SECRET_KEY must be set" in result.stderr


def test_production_settings_are_the_secure_ones(tmp_path):
    code = (
        "import json; from django.conf import settings as s; import django; django.setup(); print(json.dumps({"
        "'static': s.STORAGES['staticfiles']['BACKEND'], 'session_secure': s.SESSION_COOKIE_SECURE,"
        "'csrf_secure': s.CSRF_COOKIE_SECURE, 'ssl_redirect': s.SECURE_SSL_REDIRECT,"
        "'hsts': s.SECURE_HSTS_SECONDS, 'proxy': list(s.SECURE_PROXY_SSL_HEADER), 'debug': s.DEBUG,"
        "'csp': 'django.middleware.csp.ContentSecurityPolicyMiddleware' in s.MIDDLEWARE,"
        "'fallbacks': s.SECRET_KEY_FALLBACKS, 'proxies': s.TRUSTED_PROXY_IPS}))"
    )
    env = production_env(tmp_path, BINHDANG_SECRET_KEY_FALLBACKS="old-key-1,old-key-2")
    result = subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "session_secure": True,
        "csrf_secure": True,
        "ssl_redirect": True,
        "hsts": 31536000,
        "proxy": ["HTTP_X_FORWARDED_PROTO", "https"],
        "debug": False,
        "csp": True,
        "fallbacks": ["old-key-1", "old-key-2"],
        "proxies": ["127.0.0.1", "::1"],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, object, str]:
    """GET without following redirects: status, headers, body (text)."""
    request = urllib.request.Request(url, headers={"Host": "binhdang.example.gov.vn", **(headers or {})})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        response = opener.open(request, timeout=90)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        return response.status, response.headers, response.read().decode("utf-8", "replace")


def _gunicorn_settings(monkeypatch, **env) -> dict:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import runpy

    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_forks_its_workers_from_the_preloaded_application(monkeypatch):
    settings = _gunicorn_settings(monkeypatch)
    assert settings["preload_app"] is True
    assert settings["worker_class"] == "sync" and settings["max_requests"] == 2000
    assert _gunicorn_settings(monkeypatch, GUNICORN_PRELOAD="0")["preload_app"] is False


def test_the_master_holds_no_database_connection_when_it_forks(monkeypatch, transactional_db):
    from django.db import connection

    connection.ensure_connection()
    assert connection.connection is not None
    _gunicorn_settings(monkeypatch)["pre_fork"](None, None)
    assert connection.connection is None


@pytest.mark.slow
def test_gunicorn_behind_the_proxy_serves_secure_pages_and_hashed_static_files(tmp_path):
    # The production start on its own SQLite file (the vendor does not matter here).
    env = production_env(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'var' / 'prod.sqlite3'}")

    # Both at once, as in deploy/binhdang.service's ExecStartPre. collectstatic has the production settings
    # but compresses only the stylesheets (tests/collectstatic_settings.py: Brotli over the vendored
    # JavaScript took most of this test's time); the compression is proven on the served stylesheet below.
    collect_env = {**env, "DJANGO_SETTINGS_MODULE": "tests.collectstatic_settings"}
    steps = [
        subprocess.Popen(
            [PYTHON, "-m", "binhdang", *args],
            cwd=ROOT,
            env=step_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for args, step_env in ((["migrate", "--noinput"], env), (["collectstatic", "--noinput"], collect_env))
    ]
    for step in steps:
        _out, err = step.communicate(timeout=600)
        assert step.returncode == 0, err.decode()
    assert (tmp_path / "var" / "static" / "staticfiles.json").exists()

    port = _free_port()
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    env["GUNICORN_WORKERS"] = "2"
    server = subprocess.Popen(
        [str(GUNICORN), "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)

        status, _headers, _body = _get(base + "/healthz")  # plain HTTP allowed for the health check
        assert status == 200
        status, headers, _body = _get(base + "/accounts/login/")  # anything else goes to HTTPS
        assert status == 301
        assert headers["Location"] == "https://binhdang.example.gov.vn/accounts/login/"

        status, headers, body = _get(
            base + "/accounts/login/", {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.5"}
        )
        assert status == 200
        assert "Đăng nhập" in body
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        cookies = headers.get_all("Set-Cookie") or []
        assert cookies and all("Secure" in c for c in cookies)
        css = re.search(r'href="(/static/core/app\.[0-9a-f]{12}\.css)"', body)
        assert css, "static files are not served under hashed names"
        status, headers, _body = _get(base + css.group(1), {"X-Forwarded-Proto": "https"})
        assert status == 200
        assert "immutable" in headers["Cache-Control"]
        assert headers["Content-Encoding"] is None
        status, headers, _body = _get(
            base + css.group(1), {"X-Forwarded-Proto": "https", "Accept-Encoding": "br"}
        )
        assert status == 200
        assert headers["Content-Encoding"] == "br" and "immutable" in headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


TEMPLATES = sorted(p for p in (ROOT / "binhdang").glob("*/templates/**/*.html"))
FORBIDDEN = {
    "inline event handler": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE),
    "inline style attribute": re.compile(r"""\sstyle\s*=\s*["']""", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
    "inline script without nonce": re.compile(
        r"<script(?![^>]*\ssrc=)(?![^>]*nonce)(?![^>]*application/json)[^>]*>"
    ),
    "style element without nonce": re.compile(r"<style(?![^>]*nonce)[^>]*>"),
}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "binhdang")))
def test_templates_keep_to_the_content_security_policy(template: Path):
    text = template.read_text(encoding="utf-8")
    broken = [what for what, pattern in FORBIDDEN.items() if pattern.search(text)]
    assert not broken, f"{template}: {broken} would be blocked by the CSP; use core/app.js or a nonce"


def test_every_page_carries_a_strict_content_security_policy(client, db):
    policy = client.get(reverse("accounts:login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.browser
def test_pages_run_without_any_csp_violation_and_the_language_switch_works(
    browser_page, live_server, focal_officer
):
    page = browser_page
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    console = []
    page.on("console", lambda message: console.append(message.text))

    login(page, live_server, "focal", PASSWORD)
    assert page.evaluate("window.__csp") == []
    assert page.evaluate("[htmx.config.allowEval, htmx.config.includeIndicatorStyles]") == [False, False]

    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    assert page.get_attribute("html", "lang") == "en"
    assert page.evaluate("window.__csp") == []
    assert not [m for m in console if "Content Security Policy" in m], console
