"""Evidence files: kinds, size limit, content check, only on editable reports, kept in the history."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from binhdang.reporting import services
from binhdang.reporting.attachments import MAX_ATTACHMENT_BYTES, add_attachment, delete_attachment
from binhdang.reporting.errors import AccessDenied, ReportingError, TransitionError
from binhdang.reporting.models import Attachment

from .conftest import fill

PDF = b"%PDF-1.7\n..."
PNG = b"\x89PNG\r\n\x1a\n...."
DOCX = b"PK\x03\x04...."


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with translation.override("vi"):
        yield


@pytest.fixture
def report_a(period, daklak):
    return services.get_or_create_submission(period, daklak.commune_a)


@pytest.mark.parametrize(
    "name,content",
    [("a.pdf", PDF), ("b.PNG", PNG), ("c.docx", DOCX), ("d.xlsx", DOCX), ("e.jpg", b"\xff\xd8\xff\xe0...")],
)
def test_allowed_kinds_are_attached(report_a, commune_a_reporter, name, content):
    attachment = add_attachment(report_a, SimpleUploadedFile(name, content), commune_a_reporter, "Minh chứng")
    assert attachment.original_name == name and attachment.size == len(content)
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("x.exe", b"MZ", "x.exe: chỉ nhận tệp PDF"),
        ("x.pdf", b"<html>", "x.pdf: nội dung không phải là tệp PDF hợp lệ."),
        ("x.pdf", b"", "x.pdf: tệp rỗng."),
    ],
)
def test_other_files_are_refused(report_a, commune_a_reporter, name, content, message):
    with pytest.raises(ReportingError) as caught:
        add_attachment(report_a, SimpleUploadedFile(name, content), commune_a_reporter)
    assert caught.value.messages[0].startswith(message)
    assert not Attachment.objects.exists()


def test_files_over_10_mb_are_refused(report_a, commune_a_reporter):
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * MAX_ATTACHMENT_BYTES)
    with pytest.raises(ReportingError) as caught:
        add_attachment(report_a, big, commune_a_reporter)
    assert caught.value.messages == ["lon.pdf: tệp có dung lượng 10,0 MB, vượt giới hạn 10 MB."]


def test_only_editable_reports_take_files_and_only_from_their_editors(
    report_a, commune_a_reporter, commune_b_reporter
):
    with pytest.raises(AccessDenied):
        add_attachment(report_a, SimpleUploadedFile("a.pdf", PDF), commune_b_reporter)
    attachment = add_attachment(report_a, SimpleUploadedFile("a.pdf", PDF), commune_a_reporter)
    fill(report_a, commune_a_reporter)
    services.submit(report_a, commune_a_reporter)
    with pytest.raises(TransitionError):
        add_attachment(report_a, SimpleUploadedFile("b.pdf", PDF), commune_a_reporter)
    with pytest.raises(TransitionError):
        delete_attachment(attachment, commune_a_reporter)


def test_a_removed_file_stays_in_the_history(report_a, commune_a_reporter):
    attachment = add_attachment(report_a, SimpleUploadedFile("a.pdf", PDF), commune_a_reporter)
    delete_attachment(attachment, commune_a_reporter)
    assert not Attachment.objects.exists()
    assert list(
        Attachment.history.values_list("history_type", "original_name", "history_user__username")
    ) == [("-", "a.pdf", "reporter_a"), ("+", "a.pdf", "reporter_a")]
