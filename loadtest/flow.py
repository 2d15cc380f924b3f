"""What each deadline-day step costs the server: reporters of the seed play their steps one after
another against one gunicorn worker (loadtest/one_worker.sh), and the worker's CPU time is read from
/proc around each request (README, Performance: "Cost per request").

    .venv/bin/python loadtest/flow.py PORT SEED_JSON FIRST N [RELOADS]

Reporters FIRST..FIRST+N-1 of the seed (loadtest/seed.py) each log in, open "my reports" and their
report, autosave it twice, submit it (confirming unusual figures), then reload the submitted report,
the notifications and the home page RELOADS times (5); then a focal officer reloads the status board and
a ministry viewer the board of the provinces. Each reporter submits once: use another FIRST for another
run, or a fresh seed. The kernel counts CPU in ticks of 10 ms: figures are averages over many requests
(N of 30 or more).
"""

from __future__ import annotations

import collections
import http.cookiejar
import json
import os
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "vi"}
SUBMITTED = "Đã nộp báo cáo."
VERSION = re.compile(r'id="report-version" value="(\d+)"')
CONFIRM_FIELD = re.compile(r'name="(confirm-[^"]+)"')
FORM_VERSION = re.compile(r'name="version" value="(\d+)"')
TICK = os.sysconf("SC_CLK_TCK")


def worker_cpu(master: int) -> float:
    """Seconds of CPU used so far by the gunicorn master's workers (its children)."""
    total = 0.0
    for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / TICK
    return total


class LoopbackCookies(http.cookiejar.CookieJar):
    """The production cookies are marked Secure; on loopback HTTP the TLS proxy's part is ours."""

    def set_cookie(self, cookie):
        cookie.secure = False
        super().set_cookie(cookie)


class Browser:
    def __init__(self, base: str, master: int, costs: dict, counts: collections.Counter):
        self.base, self.master, self.costs, self.counts = base, master, costs, counts
        self.cookies = LoopbackCookies()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, step: str, url: str, data: dict | None = None, *, htmx: bool = False):
        """The page at ``url`` (POST ``data`` as a form, with the CSRF token), redirects followed; the
        worker's CPU for it (redirects included) is added to ``step``. Returns (final URL, HTML)."""
        headers = dict(HEADERS)
        body = None
        if data is not None:
            token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
            headers["Referer"] = "https://127.0.0.1" + url
        if htmx:
            headers["HX-Request"] = "true"
        before = worker_cpu(self.master)
        with self.opener.open(urllib.request.Request(self.base + url, data=body, headers=headers)) as answer:
            found = answer.geturl(), answer.read().decode()
        self.costs[step] += worker_cpu(self.master) - before
        self.counts[step] += 1
        return found

    def login(self, username: str, password: str) -> None:
        self.request("login page", "/accounts/login/")
        self.request("login (+home)", "/accounts/login/", {"username": username, "password": password})


def play_reporter(browser: Browser, reporter: dict, password: str, reloads: int) -> None:
    browser.login(reporter["username"], password)
    browser.request("my reports", "/reporting/")
    url = f"/reporting/periods/{reporter['period']}/units/{reporter['unit_pk']}/"
    _, page = browser.request("open report", url)
    values = reporter["values"]
    names = sorted(values)
    for half in (names[: len(names) // 2], names):
        version = VERSION.search(page).group(1)
        _, page = browser.request(
            "autosave", url + "save/", {"version": version, **{n: values[n] for n in half}}, htmx=True
        )
    version = VERSION.search(page).group(1)
    where, page = browser.request("submit (+page)", url + "submit/", {"version": version, **values})
    for _round in range(3):
        if "/confirm/" not in where:
            break
        answers = {name: "yes" for name in CONFIRM_FIELD.findall(page)}
        form_version = FORM_VERSION.search(page).group(1)
        path = urllib.parse.urlsplit(where).path
        where, page = browser.request("confirm (+page)", path, {"version": form_version, **answers})
    if SUBMITTED not in page:
        raise SystemExit(f"{reporter['username']}: the submit was not acknowledged ({where})")
    report_page = urllib.parse.urlsplit(where).path
    for _ in range(reloads):
        browser.request("after: report page", report_page)
        browser.request("after: notifications", "/reporting/notifications/")
        browser.request("after: home", "/")


def main() -> None:
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    port, seed_file, first, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    reloads = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    seed = json.loads(Path(seed_file).read_text(encoding="utf-8"))
    master = int(Path(f"var/one-worker-{port}.pid").read_text())
    base = f"http://127.0.0.1:{port}"
    costs: dict[str, float] = collections.defaultdict(float)
    counts: collections.Counter = collections.Counter()
    for reporter in seed["reporters"][first : first + count]:
        play_reporter(Browser(base, master, costs, counts), reporter, seed["password"], reloads)
    officer = Browser(base, master, costs, counts)
    officer.login(seed["focal"][0]["username"], seed["password"])
    viewer = Browser(base, master, costs, counts)
    viewer.login(seed["ministry"][0]["username"], seed["password"])
    for _ in range(max(5, count // 2)):
        officer.request("status board", f"/reporting/periods/{seed['focal'][0]['period']}/")
        viewer.request("ministry board", f"/ministry/board/?year={seed['year']}")
    print(f"{'step':24} {'requests':>8} {'worker CPU ms a request':>24}")
    for step, seconds in costs.items():
        print(f"{step:24} {counts[step]:8d} {1000 * seconds / counts[step]:24.1f}")


if __name__ == "__main__":
    main()
