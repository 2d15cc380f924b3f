"""Deadline day: every unit's reporter logs in, opens the year's report, autosaves it twice and submits,
then keeps the page open (reloads, notifications); each province's focal officers watch its status board
and now and then download the templates zip and the annual report (DOCX); the ministry's viewers reload
the board of the provinces. Everyone thinks 3 to 10 s between steps.

Started by loadtest/run.sh (which seeds the accounts and passes LOADTEST_SEED, the seed's JSON file).
Each acknowledged submission (the submit answered with the report page saying it was submitted) is
written to LOADTEST_ACKS at the end, for loadtest/check.py to find in the database; every request's end
time, step and duration, and every person's arrival, to LOADTEST_TIMES, for check.py's minute-by-minute
table.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cookie_jar import LoopbackCookies  # loadtest/cookie_jar.py, beside this file

SEED = json.loads(Path(os.environ["LOADTEST_SEED"]).read_text(encoding="utf-8"))
ACKS_FILE = os.environ["LOADTEST_ACKS"]
_TIMES_PATH = os.environ.get("LOADTEST_TIMES")
#: One line a request ("end time,step,ms") and one a person's arrival ("time,arrival,0"), open for the run.
TIMES = open(_TIMES_PATH, "w", encoding="utf-8") if _TIMES_PATH else None  # noqa: SIM115
ARRIVAL = "arrival"
SUBMITTED = "Đã nộp báo cáo."
#: The proxy in front of gunicorn speaks TLS; on loopback we say so with this header.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "vi"}
VERSION = re.compile(r'id="report-version" value="(\d+)"')
SUBMISSION_URL = re.compile(r"/reporting/submissions/(\d+)/$")
#: The page that asks to confirm or explain unusual figures before a submit (``reporting.outliers``).
CONFIRM_URL = re.compile(r"/reporting/submissions/\d+/confirm/$")
CONFIRM_FIELD = re.compile(r'name="(confirm-[^"]+)"')
FORM_VERSION = re.compile(r'name="version" value="(\d+)"')

ALERT = re.compile(r'(?:role="alert"[^>]*>|class="msg msg-error">)(.*?)</(?:div|p|ul|li)>', re.S)
TAG = re.compile(r"<[^>]+>")

_reporters = iter(SEED["reporters"])
_focal = iter(SEED["focal"])
_ministry = iter(SEED["ministry"])
#: Seconds between two steps of a person (reading the page, typing).
THINK = between(3, 10)
acks: list[dict] = []


def alert(page: str) -> str:
    """The first error message on a page, as text (to say why a submit was not acknowledged)."""
    found = ALERT.search(page)
    return " ".join(TAG.sub(" ", found.group(1)).split())[:300] if found else page[:200]


class Officer(FastHttpUser):
    """A person at a browser. geventhttpclient's client (FastHttpUser) rather than requests: locust shares
    the two cores with the server, and it costs several times less a request. Redirects are followed
    and timed within the step, as the person waits for them."""

    abstract = True
    #: Each person keeps one connection of their own (gunicorn's sync workers close it after each answer).
    concurrency = 1

    def on_start(self):
        if TIMES:
            TIMES.write(f"{time.time():.3f},{ARRIVAL},0\n")
        self.client.cookiejar = self.client.client.cookiejar = LoopbackCookies()
        self.get("/accounts/login/", name="login page")
        with self.post(
            "/accounts/login/",
            {"username": self.account["username"], "password": SEED["password"]},
            name="login",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"login refused for {self.account['username']}")

    def get(self, url: str, **kwargs):
        return self.client.get(url, headers=HEADERS, **kwargs)

    def post(self, url: str, data: dict, *, htmx: bool = False, **kwargs):
        """POST a form as the browser does: CSRF token, Referer, and htmx's header for autosaves."""
        token = self.client.cookiejar.value("csrftoken")
        headers = {
            **HEADERS,
            "Referer": self.host.replace("http://", "https://") + url,
            **({"HX-Request": "true"} if htmx else {}),
        }
        return self.client.post(url, data={**data, "csrfmiddlewaretoken": token}, headers=headers, **kwargs)


class Reporter(Officer):
    """A unit's reporting officer: open the report, fill it in two autosaves, submit once."""

    wait_time = THINK

    def on_start(self):
        self.account = next(_reporters)
        self.submission = None
        self.version = None
        self.step = 0
        super().on_start()

    @task
    def work(self):
        values = self.account["values"]
        names = sorted(values)
        report_url = f"/reporting/periods/{self.account['period']}/units/{self.account['unit_pk']}/"
        if self.step == 0:
            self.get("/reporting/", name="my reports")
            # Opening a report creates nothing: a report nobody has started stays on this URL (version
            # 0) and its first saved value makes it a draft; saves and the submit go to this URL.
            page = self.get(report_url, name="open report")
            found = SUBMISSION_URL.search(page.url)
            self.submission = int(found.group(1)) if found else None
            self.version = VERSION.search(page.text).group(1)
        elif self.step in (1, 2):
            half = names[: len(names) // 2] if self.step == 1 else names
            response = self.post(
                report_url + "save/",
                {"version": self.version, **{n: values[n] for n in half}},
                name="autosave",
                htmx=True,
            )
            self.version = VERSION.search(response.text).group(1)
        elif self.step == 3:
            with self.post(
                report_url + "submit/",
                {"version": self.version, **values},
                name="submit",
                catch_response=True,
            ) as response:
                page = response
                # Other units submit meanwhile, so the peers' figures move: a figure may become unusual
                # between the confirmation page and its answer, and the page asks again, as it would ask
                # a person (a few rounds at most).
                for _round in range(3):
                    if not CONFIRM_URL.search(urlsplit(page.url or "").path) or SUBMITTED in page.text:
                        break
                    page = self.confirm_unusual_figures(page)
                found = SUBMISSION_URL.search(page.url or "")
                if SUBMITTED in page.text and found:
                    self.submission = int(found.group(1))
                    acks.append(
                        {
                            "unit": self.account["unit"],
                            "period": self.account["period"],
                            "submission": self.submission,
                            "values": values,
                        }
                    )
                else:
                    response.failure(f"submit not acknowledged ({page.status_code}): {alert(page.text)}")
        else:
            # The browser stays on the submitted report's own page (where the submit led) and reloads it.
            here = f"/reporting/submissions/{self.submission}/" if self.submission else report_url
            url = random.choice([here, "/reporting/notifications/", "/"])
            self.get(url, name="after submitting")
        self.step += 1

    def confirm_unusual_figures(self, page):
        """Figures far from the other units' are flagged at submit (random figures often are): the
        reporter confirms each one as it is, as a real reporter would, and the report is submitted."""
        path = urlsplit(page.url).path
        answers = {name: "yes" for name in CONFIRM_FIELD.findall(page.text)}
        return self.post(
            path, {"version": FORM_VERSION.search(page.text).group(1), **answers}, name="confirm figures"
        )


class FocalOfficer(Officer):
    """The focal officer at Sở Nội vụ, reloading the province's status board to see who has reported, and
    now and then downloading every unit's template (zip) or the annual report (DOCX)."""

    wait_time = THINK
    fixed_count = len(SEED["focal"])

    def on_start(self):
        self.account = next(_focal)
        super().on_start()

    @task(8)
    def board(self):
        self.get(f"/reporting/periods/{self.account['period']}/", name="status board")

    @task(1)
    def templates_zip(self):
        self.download(f"/reporting/periods/{self.account['period']}/templates.zip", "templates zip")

    @task(1)
    def annual_report(self):
        self.download(
            f"/documents/plans/{self.account['plan']}/{SEED['year']}/report.docx", "annual report docx"
        )

    def download(self, url: str, name: str):
        with self.get(url, name=name, catch_response=True) as response:
            if response.status_code == 200 and not response.content.startswith(b"PK"):
                response.failure(f"{name}: not a zip/DOCX file")


class MinistryViewer(Officer):
    """The ministry's officer, reloading the board of the provinces (every province's report of the year)."""

    wait_time = THINK
    fixed_count = len(SEED["ministry"])

    def on_start(self):
        self.account = next(_ministry)
        super().on_start()

    @task
    def board(self):
        self.get(f"/ministry/board/?year={SEED['year']}", name="ministry board")


@events.request.add_listener
def _write_time(name, response_time, **kwargs):
    if TIMES:
        TIMES.write(f"{time.time():.3f},{name},{response_time:.0f}\n")


@events.test_stop.add_listener
def _write_acks(**kwargs):
    if TIMES:
        TIMES.flush()
    with open(ACKS_FILE, "w", encoding="utf-8") as fh:
        json.dump(acks, fh, ensure_ascii=False)
