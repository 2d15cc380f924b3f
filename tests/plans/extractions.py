"""Hand-made extractions (schema plan-extract) for the plan tests: small, readable, valid.

They are written for these tests, not copied from the extractor's output; ``test_importing`` checks
each against ``binhdang/plans/contracts/plan-extract.schema.json``.
"""

from __future__ import annotations

import copy

_COMMUNICATION = {
    "issuer": "UBND tỉnh Đắk Lắk",
    "locality": "Đắk Lắk",
    "level": "province",
    "program": "communication",
    "title": "Thực hiện Chương trình Truyền thông về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn tỉnh Đắk Lắk",
    "period": {"start": 2026, "end": 2030},
    "legal_bases": [{"number": "1790/QĐ-TTg", "date": "2021-10-23", "issuer": "Thủ tướng Chính phủ"}],
    "focal_agency": "Sở Nội vụ",
    "goals": [],
    "indicators": [
        {
            "code": "1",
            "goal": None,
            "text": "Mỗi năm, mỗi cơ quan, đơn vị tổ chức ít nhất 02 cuộc truyền thông về bình đẳng giới",
            "targets": [{"kind": "min", "value": 2, "unit": "cuộc", "annual": True}],
            "responsible": [],
            "source": "Mỗi năm, mỗi cơ quan, đơn vị tổ chức ít nhất 02 cuộc truyền thông về bình đẳng giới.",
        },
        {
            "code": "2",
            "goal": None,
            "text": "Nhận thức về bình đẳng giới của người dân tăng từ 10 - 15% so với năm 2026",
            "targets": [
                {"kind": "increase", "min": 10, "max": 15, "unit": "%", "year": 2030, "baseline_year": 2026}
            ],
            "responsible": ["Sở Nội vụ"],
            "source": "Nhận thức về bình đẳng giới của người dân tăng từ 10 - 15% so với năm 2026.",
        },
        {
            "code": "3",
            "goal": None,
            "text": "Đến năm 2027 đạt 70% và đến năm 2030 đạt 90% cơ quan báo chí áp dụng Bộ chỉ số về giới",
            "targets": [
                {"kind": "min", "value": 70, "unit": "%", "year": 2027},
                {"kind": "min", "value": 90, "unit": "%", "year": 2030},
            ],
            "responsible": ["Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Đắc Lắc"],
            "source": "Đến năm 2027 đạt 70% và đến năm 2030 đạt 90% cơ quan báo chí áp dụng Bộ chỉ số về giới.",
        },
    ],
    "tasks": [
        {
            "code": "1",
            "title": "Tăng cường cung cấp thông tin về bình đẳng giới",
            "source": "1. Tăng cường ...",
        },
        {"code": "1.a", "title": "Duy trì việc cung cấp văn bản chỉ đạo", "source": "a) Duy trì ..."},
        {"code": "2", "title": "Đổi mới hình thức truyền thông", "source": "2. Đổi mới ..."},
    ],
    "agencies": [
        {
            "name": "Sở Nội vụ",
            "duties": ["Chủ trì triển khai Kế hoạch", "Tổng hợp báo cáo hằng năm"],
            "source": "1. Sở Nội vụ",
        },
        {
            "name": "Sở Văn hóa, Thể thao và Du lịch",
            "duties": ["Hướng dẫn hương ước, quy ước"],
            "source": "3. Sở Văn hóa, Thể thao và Du lịch",
        },
        {
            "name": "Đề nghị Hội Nông dân tỉnh",
            "duties": ["Tuyên truyền cho hội viên"],
            "source": "Hội Nông dân",
        },
        {"name": "Các Sở, ban, ngành", "duties": ["Phối hợp triển khai"], "source": "10. Các Sở, ban, ngành"},
        {
            "name": "Ủy ban nhân dân các xã, phường",
            "duties": ["Xây dựng kế hoạch tại địa phương"],
            "source": "12. Ủy ban nhân dân các xã, phường",
        },
    ],
    "reporting": [
        {
            "from": "Các cơ quan, đơn vị, địa phương",
            "to": ["UBND tỉnh", "Sở Nội vụ"],
            "deadline": "11-30",
            "recurrence": "annual",
            "year": None,
            "source": "báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 30/11 hàng năm",
        },
        {
            "from": "Sở Nội vụ",
            "to": ["UBND tỉnh", "Bộ Nội vụ"],
            "deadline": "12-05",
            "recurrence": "annual",
            "year": None,
            "source": "tổng hợp báo cáo UBND tỉnh, Bộ Nội vụ trước ngày 05/12 hàng năm",
        },
    ],
    "campaigns": [
        {
            "name": "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
            "start": "11-15",
            "end": "12-15",
            "source": "từ ngày 15/11 đến ngày 15/12 hằng năm",
        },
        {"name": "Ngày Quốc tế Phụ nữ", "start": "03-08", "end": None, "source": "ngày Quốc tế Phụ nữ 8-3"},
    ],
    "signer": {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Đào Mỹ"},
    "warnings": ["Không đọc được số và ngày của văn bản"],
    "number": None,
    "date": None,
}

_STRATEGY = {
    "issuer": "UBND tỉnh Đắk Lắk",
    "locality": "Đắk Lắk",
    "level": "province",
    "program": "strategy",
    "title": "Thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2026 - 2030 trên địa bàn tỉnh Đắk Lắk",
    "period": {"start": 2026, "end": 2030},
    "legal_bases": [{"number": "28/NQ-CP", "date": "2021-03-03", "issuer": "Chính phủ"}],
    "focal_agency": "Sở Nội vụ",
    "goals": [{"code": "4", "title": "Trong lĩnh vực y tế"}],
    "indicators": [
        {
            "code": "4.1",
            "goal": "4",
            "text": "Tỷ số giới tính khi sinh ở mức 104 - 107 bé trai/100 bé gái sinh ra sống vào năm 2030",
            "targets": [
                {"kind": "range", "min": 104, "max": 107, "unit": "bé trai/100 bé gái", "year": 2030}
            ],
            "responsible": ["Sở Y tế"],
        },
        {
            "code": "4.2",
            "goal": "4",
            "text": "Tỷ lệ tử vong bà mẹ liên quan đến thai sản giảm xuống dưới 42/100.000 trẻ sinh sống vào năm 2030",
            "targets": [
                {"kind": "max", "value": 42, "unit": "/100.000 trẻ sinh sống", "year": 2030, "strict": True}
            ],
            "responsible": ["Sở Y tế", "Thống kê tỉnh"],
        },
    ],
    "tasks": [],
    "agencies": [{"name": "Sở Y tế", "duties": ["Báo cáo các chỉ tiêu của mục tiêu 4"]}],
    "reporting": [
        {
            "from": "Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường",
            "to": ["UBND tỉnh", "Sở Nội vụ"],
            "deadline": "06-20",
            "recurrence": "once",
            "year": 2026,
        },
        {
            "from": "Các sở, ban, ngành, đoàn thể tỉnh và UBND các xã, phường",
            "to": ["UBND tỉnh", "Sở Nội vụ"],
            "deadline": "12-10",
            "recurrence": "annual",
            "year": None,
        },
    ],
    "campaigns": [],
    "signer": {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Đào Mỹ"},
}

_DISTRICT = {
    "issuer": "UBND huyện Triệu Sơn",
    "locality": "Triệu Sơn",
    "level": "district",
    "program": "communication",
    "title": "Truyền thông về bình đẳng giới đến năm 2030 trên địa bàn huyện Triệu Sơn",
    "period": {"start": None, "end": 2030},
    "legal_bases": [{"number": "87/KH-UBND", "date": "2022-03-28", "issuer": "UBND tỉnh Thanh Hoá"}],
    "focal_agency": "Phòng Lao động - Thương binh và Xã hội",
    "goals": [],
    "indicators": [
        {
            "code": "5",
            "goal": None,
            "text": "Đến năm 2025, đạt 95% và đến năm 2030 đạt 100% các hương ước, quy ước của cộng đồng đã được "
            "thông qua không có sự phân biệt đối xử về giới",
            "targets": [
                {"kind": "min", "value": 95, "unit": "%", "year": 2025},
                {"kind": "min", "value": 100, "unit": "%", "year": 2030},
            ],
            "responsible": [],
        }
    ],
    "tasks": [],
    "agencies": [
        {"name": "Phòng Lao động - Thương binh và Xã hội", "duties": ["Là cơ quan đầu mối"]},
        {"name": "Phòng Tư pháp", "duties": ["Bồi dưỡng kiến thức pháp luật"]},
    ],
    "reporting": [
        {
            "from": "Các phòng, ban, ngành, cơ quan, đơn vị cấp huyện và UBND các xã, thị trấn",
            "to": ["UBND huyện", "Phòng Lao động - Thương binh và Xã hội"],
            "deadline": "12-15",
            "recurrence": "annual",
        },
    ],
    "campaigns": [
        {
            "name": "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
            "start": "06-01",
            "end": "06-30",
        }
    ],
    "signer": {"name": "Lê Văn Dũng"},
}


def communication(**changes) -> dict:
    """The Đắk Lắk communication plan (programme 1790), with ``changes`` applied to the top level."""
    return {**copy.deepcopy(_COMMUNICATION), **changes}


def strategy(**changes) -> dict:
    """A Đắk Lắk strategy plan (NQ 28) with two health indicators."""
    return {**copy.deepcopy(_STRATEGY), **changes}


def district(**changes) -> dict:
    """A legacy district plan (Triệu Sơn, 2022)."""
    return {**copy.deepcopy(_DISTRICT), **changes}
