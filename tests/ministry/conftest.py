import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import tt1790_year


def signed_pdf(name: str = "bao-cao-da-ky.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 bao cao da ky", content_type="application/pdf")


@pytest.fixture
def daklak_period(daklak, focal_officer):
    return tt1790_year(daklak.root, daklak.noi_vu, user=focal_officer)


@pytest.fixture
def daklak_plan(daklak_period):
    return daklak_period.plan


@pytest.fixture
def laichau_plan(laichau, outsider):
    return tt1790_year(laichau.root, laichau.noi_vu, user=outsider).plan


def stored(field) -> bytes:
    """The bytes of a stored file (closed after reading)."""
    with field.open("rb") as handle:
        return handle.read()
