"""The signature block (binhdang.plans.extraction.signer)."""

from __future__ import annotations

import pytest

from binhdang.plans.extraction.document import read_text
from binhdang.plans.extraction.signer import signer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH**\n\n**Nguyễn Văn An**",
            {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn An"},
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n(Đã ký)\n\nLò Văn Thành",
            {"authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Lò Văn Thành"},
        ),
        (
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC\n\nTrần Thị Mai",
            {"authority": "KT. GIÁM ĐỐC", "position": "PHÓ GIÁM ĐỐC", "name": "Trần Thị Mai"},
        ),
        ("CHỦ TỊCH\n\nHoàng Văn Bình", {"authority": None, "position": "CHỦ TỊCH", "name": "Hoàng Văn Bình"}),
    ],
)
def test_the_authority_position_and_name_are_read(text, expected):
    found = signer(read_text(text).blocks)
    source = found.pop("source")
    assert found == expected
    assert expected["name"] in source


def test_no_name_means_no_signer():
    assert signer(read_text("Nơi nhận:\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH").blocks) is None
