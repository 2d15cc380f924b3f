"""loadtest/cookie_jar.py: a person's cookies in the load test, as Django sets them and a browser on the
one loopback server sends them back, without the standard library's per-request policy work."""

from __future__ import annotations

from dataclasses import dataclass
from http.cookiejar import CookieJar
from urllib.request import Request

import pytest
from django.http import HttpResponse
from geventhttpclient.header import Headers
from geventhttpclient.useragent import CompatRequest

from tests import loadtest_scripts

URL = "http://127.0.0.1:8765/accounts/login/"


@pytest.fixture(scope="module")
def cookie_jar():
    return loadtest_scripts.load("cookie_jar")


@dataclass
class Answer:
    """What the jar reads of an answer: its headers (geventhttpclient's own mapping)."""

    headers: Headers


def answer_setting(*changes) -> Answer:
    """An answer carrying Django's own Set-Cookie headers: ``("set", name, value, kwargs)`` or
    ``("delete", name)``, as ``HttpResponse.set_cookie`` and ``delete_cookie`` write them."""
    response = HttpResponse()
    for change in changes:
        if change[0] == "set":
            _, name, value, options = change
            response.set_cookie(name, value, **options)
        else:
            response.delete_cookie(change[1])
    headers = Headers()
    for morsel in response.cookies.values():
        headers.add("Set-Cookie", morsel.OutputString())
    return Answer(headers)


def cookie_header(jar, url: str = URL) -> str | None:
    request = CompatRequest(url, headers=Headers())
    jar.add_cookie_header(request)
    sent = request.headers.get_all("Cookie")
    assert sent is None or len(sent) == 1, sent
    return sent[0] if sent else None


PRODUCTION = {"secure": True, "httponly": True, "samesite": "Lax", "max_age": 1209600}


def test_a_new_browser_sends_no_cookie(cookie_jar):
    assert cookie_header(cookie_jar.LoopbackCookies()) is None


def test_the_production_cookies_marked_secure_are_sent_back_over_loopback_http(cookie_jar):
    jar = cookie_jar.LoopbackCookies()
    jar.extract_cookies(
        answer_setting(
            ("set", "csrftoken", "t0ken", {"secure": True, "samesite": "Lax", "max_age": 31449600}),
            ("set", "sessionid", "s3ssion", PRODUCTION),
        ),
        CompatRequest(URL, headers=Headers()),
    )
    assert cookie_header(jar) == "csrftoken=t0ken; sessionid=s3ssion"
    assert jar.value("csrftoken") == "t0ken"
    assert jar.value("messages") == ""


def test_a_cookie_set_again_replaces_its_value(cookie_jar):
    jar = cookie_jar.LoopbackCookies()
    jar.extract_cookies(answer_setting(("set", "csrftoken", "before", {})), None)
    jar.extract_cookies(answer_setting(("set", "csrftoken", "rotated-at-login", {})), None)
    assert jar.value("csrftoken") == "rotated-at-login"
    assert len(jar) == 1


def test_a_cookie_django_deletes_is_no_longer_sent(cookie_jar):
    jar = cookie_jar.LoopbackCookies()
    jar.extract_cookies(
        answer_setting(("set", "messages", "a message", {}), ("set", "csrftoken", "t", {})), None
    )
    jar.extract_cookies(answer_setting(("delete", "messages")), None)
    assert cookie_header(jar) == "csrftoken=t"


def test_a_quoted_value_goes_back_exactly_as_it_came(cookie_jar):
    jar = cookie_jar.LoopbackCookies()
    jar.extract_cookies(answer_setting(("set", "messages", 'Đã lưu; "quoted"', {})), None)
    header = cookie_header(jar)
    assert header is not None and header.startswith('messages="') and header.endswith('"')


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        ("; Max-Age=0", False),
        ("; Max-Age=-1", False),
        ("; Max-Age=60", True),
        ("; expires=Thu, 01 Jan 1970 00:00:00 GMT", False),
        ("; expires=Fri, 01 Jan 2100 00:00:00 GMT", True),
        ("; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60", True),
        ("; Max-Age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT", True),
        ("; Max-Age=soon", True),
        ("; expires=not a date", True),
        ("; Path=/; HttpOnly; Secure; SameSite=Lax", True),
    ],
)
def test_max_age_decides_before_expires_and_unreadable_dates_are_ignored(cookie_jar, attributes, kept):
    jar = cookie_jar.LoopbackCookies()
    jar.set_from_header("sessionid=abc" + attributes)
    assert (jar.value("sessionid") == "abc") is kept


@pytest.mark.parametrize("header", ["no equals sign", "=no name", "   =x; Path=/"])
def test_a_header_without_a_name_is_ignored(cookie_jar, header):
    jar = cookie_jar.LoopbackCookies()
    jar.set_from_header(header)
    assert len(jar) == 0


def test_after_a_redirect_the_cookies_are_sent_once_with_those_the_redirect_set(cookie_jar):
    """geventhttpclient drops the request's Cookie header when it follows a redirect and asks the jar
    again: the login's answer sets the new session, and the page it leads to must carry it."""
    jar = cookie_jar.LoopbackCookies()
    jar.set_from_header("csrftoken=t; Path=/")
    request = CompatRequest(URL, method="POST", headers=Headers(), payload=b"x=1")
    jar.add_cookie_header(request)
    jar.extract_cookies(answer_setting(("set", "sessionid", "new", PRODUCTION)), request)
    request.redirect(302, "/")
    jar.add_cookie_header(request)
    assert request.headers.get_all("Cookie") == ["csrftoken=t; sessionid=new"]


def test_it_sends_what_the_standard_librarys_jar_sends_for_djangos_cookies(cookie_jar):
    """The same answers given to the standard library's jar (its Secure check set aside, as before)
    and to this one: the same Cookie header, in the same order."""

    class StandardJar(CookieJar):
        def set_cookie(self, cookie):
            cookie.secure = False
            super().set_cookie(cookie)

    answers = [
        answer_setting(
            ("set", "csrftoken", "first", {"secure": True, "samesite": "Lax", "max_age": 31449600})
        ),
        answer_setting(
            ("set", "sessionid", "s1", PRODUCTION), ("set", "csrftoken", "second", {"secure": True})
        ),
        answer_setting(("set", "messages", "note", {"httponly": True})),
        answer_setting(("delete", "messages")),
    ]
    ours, standard = cookie_jar.LoopbackCookies(), StandardJar()
    for answer in answers:
        ours.extract_cookies(answer, None)
        standard.extract_cookies(_StandardAnswer(answer.headers), Request(URL))  # type: ignore[arg-type]
        expected = Request(URL)
        standard.add_cookie_header(expected)
        assert cookie_header(ours) == expected.get_header("Cookie")


class _StandardAnswer:
    """The standard library's jar reads an answer's headers through ``info().get_all``."""

    def __init__(self, headers: Headers) -> None:
        self._headers = headers

    def info(self):
        return self._headers
