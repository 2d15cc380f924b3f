"""The indicator catalog shipped with the product: programme 1790 (domain §6) and NQ 28/NQ-CP (domain §7).

Each entry: code, programme, goal, Vietnamese name, unit, direction, how the value is obtained, the
form it is computed from (empty = entered directly by the responsible agency), and the *concepts* the
binder looks for in a plan's indicator text: each concept is a weight and alternative phrases (written
with diacritics; matching ignores diacritics, tone placement and i/y spelling). The first phrase of a
concept is the one quoted in the binding reason.

The data migration ``0002_catalog`` loads these entries; later changes ship as a new migration that
calls ``binhdang.plans.catalog.sync_catalog`` again.
"""

from __future__ import annotations

Concept = tuple[float, tuple[str, ...]]

_TT1790 = "TT1790"

CATALOG: list[dict] = [
    # ---- Programme 1790 (QĐ 1790/QĐ-TTg), computed from form TT1790 --------------------------------
    {
        "code": "1790.1",
        "program": "communication",
        "goal": "",
        "name": "Tỷ lệ cơ quan, đơn vị, địa phương tổ chức đủ số cuộc truyền thông về bình đẳng giới trong năm",
        "unit": "%",
        "direction": "increase",
        "form_code": _TT1790,
        "computation": "Tỷ lệ % đơn vị phải báo cáo có TT_SESSIONS (số cuộc truyền thông, phổ biến pháp luật, "
        "chính sách về bình đẳng giới) từ N cuộc trở lên (N theo kế hoạch, thường là 2); đơn vị "
        "không báo cáo được tính là không đạt.",
        "concepts": [
            (
                0.6,
                (
                    "cuộc truyền thông",
                    "buổi truyền thông",
                    "lần truyền thông",
                    "được truyền thông",
                    "được tuyên truyền",
                    "truyền thông trực tiếp",
                    "số cuộc",
                ),
            ),
            (
                0.3,
                (
                    "phổ biến, cập nhật thông tin",
                    "phổ biến pháp luật",
                    "cập nhật thông tin",
                    "pháp luật, chính sách về bình đẳng giới",
                ),
            ),
            (0.3, ("cuộc", "buổi")),
            (0.2, ("cơ quan, tổ chức, doanh nghiệp", "người dân", "doanh nghiệp")),
        ],
    },
    {
        "code": "1790.2",
        "program": "communication",
        "goal": "",
        "name": "Tỷ lệ cơ quan, đơn vị, địa phương xây dựng kế hoạch, triển khai Tháng hành động vì bình đẳng "
        "giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
        "unit": "%",
        "direction": "increase",
        "form_code": _TT1790,
        "computation": "Tỷ lệ % đơn vị phải báo cáo có TT_AM_PLAN = có (đã ban hành kế hoạch hưởng ứng Tháng "
        "hành động); đơn vị không báo cáo được tính là chưa có.",
        "concepts": [
            (0.8, ("Tháng hành động", "tháng cao điểm")),
            (0.3, ("xây dựng kế hoạch", "kế hoạch hưởng ứng", "triển khai hoạt động", "hưởng ứng")),
        ],
    },
    {
        "code": "1790.3",
        "program": "communication",
        "goal": "",
        "name": "Mức tăng tỷ lệ người có nhận thức đúng về bình đẳng giới so với năm gốc",
        "unit": "điểm %",
        "direction": "increase",
        "form_code": _TT1790,
        "computation": "TT_AWARENESS của năm trừ TT_AWARENESS của năm gốc (2025 hoặc 2026, theo kế hoạch), "
        "tính bằng điểm phần trăm; số liệu khảo sát do cơ quan đầu mối nhập.",
        "concepts": [
            (0.7, ("nhận thức về bình đẳng giới", "nhận thức đúng", "nhận thức")),
            (0.3, ("so với năm", "tăng từ", "nhóm đối tượng", "khảo sát")),
        ],
    },
    {
        "code": "1790.4",
        "program": "communication",
        "goal": "",
        "name": "Tỷ lệ cơ quan truyền thông chính thức áp dụng Bộ chỉ số về giới trong truyền thông",
        "unit": "%",
        "direction": "increase",
        "form_code": _TT1790,
        "computation": "Tỷ lệ % cơ quan báo chí, truyền thông (đơn vị loại media) phải báo cáo có "
        "TT_GSIM_STATUS = OFFICIAL (áp dụng chính thức).",
        "concepts": [
            (0.8, ("Bộ chỉ số về giới", "chỉ số về giới trong truyền thông")),
            (0.3, ("cơ quan truyền thông", "cơ quan báo chí", "áp dụng")),
        ],
    },
    {
        "code": "1790.5",
        "program": "communication",
        "goal": "",
        "name": "Tỷ lệ hương ước, quy ước được thông qua không có nội dung phân biệt đối xử về giới",
        "unit": "%",
        "direction": "increase",
        "form_code": _TT1790,
        "computation": "100 × tổng TT_CONVENTIONS_OK / tổng TT_CONVENTIONS của các xã, phường đã báo cáo.",
        "concepts": [
            (0.8, ("hương ước", "quy ước")),
            (0.3, ("phân biệt đối xử về giới", "không có sự phân biệt", "được thông qua")),
        ],
    },
    # ---- National strategy NQ 28/NQ-CP, entered directly by the responsible agency ------------------
    {
        "code": "NQ28.1.1",
        "program": "strategy",
        "goal": "1",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ cơ quan quản lý nhà nước, chính quyền địa phương các cấp có lãnh đạo chủ chốt là nữ",
        "concepts": [
            (0.8, ("lãnh đạo chủ chốt là nữ", "nữ lãnh đạo chủ chốt", "lãnh đạo chủ chốt")),
            (0.3, ("cơ quan quản lý nhà nước", "chính quyền địa phương")),
        ],
    },
    {
        "code": "NQ28.2.1",
        "program": "strategy",
        "goal": "2",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ lao động nữ làm công hưởng lương",
        "concepts": [
            (0.8, ("làm công hưởng lương", "hưởng lương")),
            (0.2, ("lao động nữ",)),
        ],
    },
    {
        "code": "NQ28.2.2",
        "program": "strategy",
        "goal": "2",
        "unit": "%",
        "direction": "decrease",
        "name": "Tỷ trọng lao động nữ làm việc trong khu vực nông nghiệp trong tổng số lao động nữ có việc làm",
        "concepts": [
            (0.8, ("khu vực nông nghiệp", "lao động nữ làm nông nghiệp", "trong nông nghiệp")),
            (0.2, ("tỷ trọng lao động nữ", "lao động nữ có việc làm")),
        ],
    },
    {
        "code": "NQ28.2.3",
        "program": "strategy",
        "goal": "2",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ nữ giám đốc/chủ doanh nghiệp, hợp tác xã",
        "concepts": [
            (0.7, ("nữ giám đốc", "nữ chủ doanh nghiệp", "giám đốc/chủ doanh nghiệp", "doanh nhân nữ")),
            (0.3, ("hợp tác xã", "chủ doanh nghiệp")),
        ],
    },
    {
        "code": "NQ28.3.1",
        "program": "strategy",
        "goal": "3",
        "unit": "lần",
        "direction": "decrease",
        "name": "Số giờ trung bình làm công việc nội trợ và chăm sóc không được trả công của phụ nữ so với "
        "nam giới",
        "concepts": [
            (0.8, ("công việc nội trợ", "việc nhà không được trả công", "không được trả công", "nội trợ")),
            (0.2, ("số giờ", "so với nam giới")),
        ],
    },
    {
        "code": "NQ28.3.2",
        "program": "strategy",
        "goal": "3",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện được tiếp cận ít nhất "
        "một trong các dịch vụ hỗ trợ cơ bản",
        "concepts": [
            (0.5, ("người bị bạo lực", "nạn nhân bạo lực", "nạn nhân bị bạo lực")),
            (0.4, ("dịch vụ hỗ trợ cơ bản", "tiếp cận ít nhất một", "tiếp cận dịch vụ")),
        ],
    },
    {
        "code": "NQ28.3.3",
        "program": "strategy",
        "goal": "3",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu "
        "trách nhiệm hình sự được tư vấn, tham vấn",
        "concepts": [
            (0.6, ("người gây bạo lực", "đối tượng gây bạo lực")),
            (0.3, ("tư vấn, tham vấn", "tham vấn", "truy cứu trách nhiệm hình sự")),
        ],
    },
    {
        "code": "NQ28.3.4",
        "program": "strategy",
        "goal": "3",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ nạn nhân bị mua bán trở về được phát hiện có nhu cầu hỗ trợ được hưởng các dịch vụ hỗ trợ "
        "và tái hòa nhập cộng đồng",
        "concepts": [
            (0.7, ("bị mua bán", "nạn nhân mua bán", "mua bán người")),
            (0.3, ("tái hòa nhập cộng đồng", "trở về")),
        ],
    },
    {
        "code": "NQ28.3.5",
        "program": "strategy",
        "goal": "3",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ cơ sở trợ giúp xã hội công lập triển khai các hoạt động trợ giúp, phòng ngừa và ứng phó "
        "với bạo lực trên cơ sở giới",
        "concepts": [
            (0.8, ("cơ sở trợ giúp xã hội",)),
            (0.2, ("công lập", "phòng ngừa và ứng phó")),
        ],
    },
    {
        "code": "NQ28.4.1",
        "program": "strategy",
        "goal": "4",
        "unit": "bé trai/100 bé gái",
        "direction": "range",
        "name": "Tỷ số giới tính khi sinh",
        "concepts": [
            (
                0.9,
                (
                    "tỷ số giới tính khi sinh",
                    "giới tính khi sinh",
                    "bé trai/100 bé gái",
                    "mất cân bằng giới tính",
                ),
            ),
            (0.1, ("sinh ra sống",)),
        ],
    },
    {
        "code": "NQ28.4.2",
        "program": "strategy",
        "goal": "4",
        "unit": "/100.000 trẻ sinh sống",
        "direction": "decrease",
        "name": "Tỷ lệ tử vong bà mẹ liên quan đến thai sản",
        "concepts": [
            (0.8, ("tử vong bà mẹ", "tử vong mẹ", "mẹ tử vong")),
            (0.2, ("thai sản", "100.000 trẻ")),
        ],
    },
    {
        "code": "NQ28.4.3",
        "program": "strategy",
        "goal": "4",
        "unit": "ca sinh/1.000 phụ nữ",
        "direction": "decrease",
        "name": "Tỷ suất sinh ở vị thành niên",
        "concepts": [
            (0.8, ("sinh ở vị thành niên", "vị thành niên")),
            (0.2, ("tỷ suất sinh", "1.000 phụ nữ")),
        ],
    },
    {
        "code": "NQ28.4.4",
        "program": "strategy",
        "goal": "4",
        "unit": "",
        "direction": "boolean",
        "name": "Có cơ sở y tế cung cấp thí điểm dịch vụ chăm sóc sức khỏe cho người đồng tính, song tính và "
        "chuyển giới",
        "concepts": [
            (0.8, ("đồng tính, song tính", "chuyển giới", "người đồng tính")),
            (0.2, ("cơ sở y tế", "chăm sóc sức khỏe")),
        ],
    },
    {
        "code": "NQ28.5.1",
        "program": "strategy",
        "goal": "5",
        "unit": "",
        "direction": "boolean",
        "name": "Nội dung về giới, bình đẳng giới được đưa vào chương trình giảng dạy trong hệ thống giáo dục "
        "quốc dân và giảng dạy chính thức ở các trường sư phạm",
        "concepts": [
            (0.6, ("chương trình giảng dạy", "hệ thống giáo dục quốc dân", "trường sư phạm")),
            (0.3, ("nội dung về giới", "đưa vào")),
        ],
    },
    {
        "code": "NQ28.5.2",
        "program": "strategy",
        "goal": "5",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ trẻ em trai và trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học, trung học cơ sở",
        "concepts": [
            (0.6, ("hoàn thành giáo dục tiểu học", "hoàn thành cấp", "hoàn thành tiểu học")),
            (0.3, ("dân tộc thiểu số", "trung học cơ sở", "tiểu học")),
        ],
    },
    {
        "code": "NQ28.5.3",
        "program": "strategy",
        "goal": "5",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ nữ học viên, học sinh, sinh viên được tuyển mới thuộc hệ thống giáo dục nghề nghiệp",
        "concepts": [
            (0.8, ("giáo dục nghề nghiệp", "học nghề")),
            (0.2, ("tuyển mới", "nữ học viên")),
        ],
    },
    {
        "code": "NQ28.5.4",
        "program": "strategy",
        "goal": "5",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ nữ thạc sĩ, nữ tiến sĩ trong tổng số người có trình độ thạc sĩ, tiến sĩ",
        "concepts": [
            (0.8, ("thạc sĩ", "tiến sĩ")),
            (0.2, ("trình độ",)),
        ],
    },
    {
        "code": "NQ28.6.1",
        "program": "strategy",
        "goal": "6",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ dân số trong độ tuổi quy định được tiếp cận kiến thức cơ bản về bình đẳng giới",
        "concepts": [
            (0.7, ("tiếp cận kiến thức cơ bản", "dân số trong độ tuổi", "tiếp cận kiến thức")),
            (0.3, ("kiến thức về bình đẳng giới", "kiến thức cơ bản")),
        ],
    },
    {
        "code": "NQ28.6.2",
        "program": "strategy",
        "goal": "6",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ tổ chức Đảng, chính quyền, cơ quan hành chính, ban, ngành, đoàn thể các cấp được phổ biến, "
        "cập nhật thông tin về bình đẳng giới và cam kết thực hiện bình đẳng giới",
        "concepts": [
            (0.6, ("tổ chức Đảng", "cam kết thực hiện bình đẳng giới")),
            (0.4, ("phổ biến, cập nhật thông tin", "cơ quan hành chính")),
        ],
    },
    {
        "code": "NQ28.6.3",
        "program": "strategy",
        "goal": "6",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ xã, phường có ít nhất 04 tin, bài mỗi quý về bình đẳng giới trên hệ thống thông tin cơ sở",
        "concepts": [
            (0.6, ("hệ thống thông tin cơ sở", "tin, bài", "tin bài")),
            (0.4, ("xã, phường", "mỗi quý")),
        ],
    },
    {
        "code": "NQ28.6.4",
        "program": "strategy",
        "goal": "6",
        "unit": "%",
        "direction": "increase",
        "name": "Tỷ lệ đài phát thanh, truyền hình có chuyên mục, chuyên đề nâng cao nhận thức về bình đẳng giới",
        "concepts": [
            (0.6, ("phát thanh", "truyền hình")),
            (0.4, ("chuyên mục", "chuyên đề")),
        ],
    },
]

_DIRECT = (
    "Giá trị do cơ quan chịu trách nhiệm nhập trực tiếp cho từng năm (một số, hoặc tử số và mẫu số), "
    "kèm ghi chú nguồn số liệu; không cộng dồn từ báo cáo của các đơn vị."
)
for _entry in CATALOG:
    _entry.setdefault("form_code", "")
    _entry.setdefault("computation", _DIRECT)
