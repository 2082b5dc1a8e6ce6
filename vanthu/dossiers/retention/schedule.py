"""The reference retention schedule: document groups with their periods, basis and version.

The rows reproduce domain.md §6.2 (Circular 10/2022/TT-BNV, verified items) and §6.3 (the
predecessor Circular 09/2011/TT-BNV table, representative items). Each row names its legal basis
and version, so that an agency sees which table a value comes from; agencies add their own items
(``agency`` set) beside these reference rows (``agency`` empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vanthu.dossiers.enums import Retention

C10 = ("Thông tư 10/2022/TT-BNV", "2022")
C09 = ("Thông tư 09/2011/TT-BNV", "2011")

GROUPS: dict[str, str] = {
    "1": "Tài liệu tổng hợp",
    "2": "Quy hoạch, kế hoạch, thống kê",
    "3": "Tổ chức, cán bộ, công chức, viên chức, người lao động",
    "4": "Lao động, tiền lương",
    "5": "Tài chính, kế toán",
    "6": "Xây dựng cơ bản",
    "7": "Khoa học công nghệ",
    "8": "Hợp tác quốc tế",
    "9": "Thanh tra, khiếu nại, tố cáo",
    "10": "Thi đua, khen thưởng",
    "11": "Pháp chế",
    "12.1": "Hành chính, văn thư, lưu trữ",
    "12.2": "Quản trị công sở",
    "13": "Chuyên môn nghiệp vụ",
    "14": "Đảng và đoàn thể",
}


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    group: str
    title: str
    retention: Retention
    basis: tuple[str, str]


ROWS: tuple[ScheduleRow, ...] = (
    ScheduleRow(
        "1",
        "Hồ sơ xây dựng, ban hành báo cáo, kế hoạch tổng hợp năm, nhiều năm của cơ quan",
        Retention.PERMANENT,
        C10,
    ),
    ScheduleRow(
        "1",
        "Hồ sơ trả lời chất vấn, giải trình trước Quốc hội, Chính phủ",
        Retention.PERMANENT,
        C10,
    ),
    ScheduleRow("2", "Hồ sơ xây dựng, ban hành quy hoạch tổng thể", Retention.PERMANENT, C10),
    ScheduleRow(
        "3",
        "Hồ sơ xây dựng, ban hành Điều lệ tổ chức và hoạt động, Quy chế làm việc",
        Retention.Y20,
        C10,
    ),
    ScheduleRow(
        "1",
        "Tập văn bản gửi chung đến các cơ quan (hồ sơ nguyên tắc)",
        Retention.UNTIL_EXPIRED,
        C09,
    ),
    ScheduleRow("1", "Văn bản gửi để biết (đổi tên, con dấu, chữ ký)", Retention.Y5, C09),
    ScheduleRow("1", "Hồ sơ hội nghị tổng kết năm", Retention.PERMANENT, C09),
    ScheduleRow("1", "Hồ sơ hội nghị sơ kết tháng, quý, 6 tháng", Retention.Y5, C09),
    ScheduleRow(
        "1", "Kế hoạch, báo cáo năm của cơ quan và đơn vị trực thuộc", Retention.PERMANENT, C09
    ),
    ScheduleRow("1", "Kế hoạch, báo cáo quý, 6 tháng, 9 tháng của cơ quan", Retention.Y20, C09),
    ScheduleRow("1", "Kế hoạch, báo cáo tháng, tuần của cơ quan", Retention.Y10, C09),
    ScheduleRow("1", "Thông báo ý kiến, kết luận cuộc họp", Retention.Y10, C09),
    ScheduleRow("3", "Hồ sơ bổ nhiệm, đề bạt, điều động cán bộ", Retention.Y70, C09),
    ScheduleRow(
        "3", "Hồ sơ kỷ luật; hồ sơ giải quyết chế độ bảo hiểm xã hội, hưu trí", Retention.Y70, C09
    ),
    ScheduleRow("3", "Hồ sơ gốc cán bộ, công chức, viên chức", Retention.PERMANENT, C09),
    ScheduleRow("3", "Kết quả thi tuyển, thi nâng ngạch", Retention.Y20, C09),
    ScheduleRow("3", "Bài thi tuyển, thi nâng ngạch", Retention.Y5, C09),
    ScheduleRow("4", "Hồ sơ nâng lương", Retention.Y20, C09),
    ScheduleRow("5", "Báo cáo tài chính, quyết toán năm", Retention.PERMANENT, C09),
    ScheduleRow("5", "Báo cáo tài chính tháng, quý", Retention.Y20, C09),
    ScheduleRow("5", "Sổ kế toán tổng hợp", Retention.Y20, C09),
    ScheduleRow("5", "Sổ kế toán chi tiết", Retention.Y10, C09),
    ScheduleRow("5", "Chứng từ kế toán sử dụng trực tiếp để ghi sổ", Retention.Y10, C09),
    ScheduleRow("5", "Chứng từ kế toán không sử dụng trực tiếp để ghi sổ", Retention.Y5, C09),
    ScheduleRow("6", "Hồ sơ công trình nhóm A, công trình đặc biệt", Retention.PERMANENT, C09),
    ScheduleRow("6", "Hồ sơ công trình nhóm B, C; sửa chữa lớn", Retention.LIFE_OF_WORK, C09),
    ScheduleRow("6", "Hồ sơ sửa chữa nhỏ", Retention.Y15, C09),
    ScheduleRow("7", "Đề tài nghiên cứu cấp nhà nước, cấp bộ", Retention.PERMANENT, C09),
    ScheduleRow("7", "Đề tài nghiên cứu cấp cơ sở", Retention.Y10, C09),
    ScheduleRow(
        "9", "Hồ sơ thanh tra, giải quyết khiếu nại vụ việc nghiêm trọng", Retention.PERMANENT, C09
    ),
    ScheduleRow("9", "Hồ sơ thanh tra, giải quyết khiếu nại khác", Retention.Y15, C09),
    ScheduleRow(
        "10", "Khen thưởng của Chủ tịch nước, Thủ tướng Chính phủ", Retention.PERMANENT, C09
    ),
    ScheduleRow("10", "Khen thưởng của Bộ trưởng, Chủ tịch UBND tỉnh", Retention.Y20, C09),
    ScheduleRow("10", "Khen thưởng của người đứng đầu cơ quan", Retention.Y10, C09),
    ScheduleRow(
        "11", "Góp ý dự thảo văn bản quy phạm pháp luật do cơ quan khác chủ trì", Retention.Y5, C09
    ),
    ScheduleRow(
        "12.1",
        "Tập lưu, sổ đăng ký văn bản đi: văn bản quy phạm pháp luật, chỉ thị, quyết định, "
        "quy định, quy chế, hướng dẫn",
        Retention.PERMANENT,
        C09,
    ),
    ScheduleRow("12.1", "Tập lưu, sổ đăng ký văn bản đi: các văn bản khác", Retention.Y50, C09),
    ScheduleRow("12.1", "Sổ đăng ký văn bản đến", Retention.Y20, C09),
    ScheduleRow(
        "12.1",
        "Hồ sơ quản lý con dấu; nghiệp vụ lưu trữ; kiểm tra công tác văn thư, lưu trữ",
        Retention.Y20,
        C09,
    ),
    ScheduleRow(
        "12.1", "Công văn trao đổi về công tác hành chính, văn thư, lưu trữ", Retention.Y10, C09
    ),
    ScheduleRow("12.2", "Sổ sách cấp phát văn phòng phẩm", Retention.Y5, C09),
    ScheduleRow("14", "Hồ sơ đảng viên", Retention.Y70, C09),
)


def schedule_load(*, model: Any) -> int:
    """Create or update the reference rows in ``model`` (the real or a migration's model).

    Idempotent; agencies' own rows are left alone. Return the number of reference rows.
    """
    for ordinal, row in enumerate(ROWS, start=1):
        model.objects.update_or_create(
            agency=None,
            group_code=row.group,
            title=row.title,
            version=row.basis[1],
            defaults={
                "group_name": GROUPS[row.group],
                "retention": row.retention.value,
                "legal_basis": row.basis[0],
                "ordinal": ordinal,
            },
        )
    return len(ROWS)
