"""Bodies outside the demo province's installation whose paper documents the demo agencies receive.

Ministries, the Government Office, the provincial People's Committee's Office and the
provincial departments send to the agencies of the kinds they oversee. ``{year}`` and
``{district}`` in a subject are filled in when the document is composed.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.demo.data.agencies import AgencyKind

K = AgencyKind


@dataclass(frozen=True, slots=True)
class SentDocument:
    """One document an outside body may send: type code, subject, and how it is marked."""

    code: str
    subject: str
    urgency: str = "normal"
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class ExternalSender:
    """A body outside the installation; its documents arrive on paper."""

    organ_name: str
    abbreviation: str
    unit: str  # the drafting unit in a công văn's notation ("BNV-VTLT")
    signer_position: str
    signer_name: str
    receivers: frozenset[AgencyKind]
    documents: tuple[SentDocument, ...]


D = SentDocument

SENDERS: tuple[ExternalSender, ...] = (
    ExternalSender(
        "Bộ Nội vụ",
        "BNV",
        "VTLT",
        "Thứ trưởng",
        "Vũ Đăng Minh",
        frozenset({K.HOME_AFFAIRS, K.ARCHIVES_BRANCH, K.PROVINCE_COMMITTEE}),
        (
            D("22", "V/v triển khai thực hiện Nghị định số 30/2020/NĐ-CP về công tác văn thư"),
            D("08", "Hướng dẫn xây dựng danh mục hồ sơ của cơ quan, tổ chức năm {year}"),
            D("22", "V/v báo cáo thống kê công tác văn thư, lưu trữ năm {year}", "urgent"),
            D("07", "Thông báo kết luận kiểm tra công tác nội vụ tại tỉnh Kiên Giang"),
        ),
    ),
    ExternalSender(
        "Cục Văn thư và Lưu trữ nhà nước",
        "VTLTNN",
        "NVVT",
        "Cục trưởng",
        "Đặng Thanh Tùng",
        frozenset({K.HOME_AFFAIRS, K.ARCHIVES_BRANCH}),
        (
            D("22", "V/v hướng dẫn quản lý văn bản điện tử và lập hồ sơ điện tử"),
            D("22", "V/v chỉnh lý tài liệu tồn đọng tích đống tại các cơ quan, tổ chức"),
            D("26", "Mời dự Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm {year}", "urgent"),
        ),
    ),
    ExternalSender(
        "Văn phòng Chính phủ",
        "VPCP",
        "KSTT",
        "Phó Chủ nhiệm",
        "Nguyễn Cao Lục",
        frozenset({K.PROVINCE_COMMITTEE, K.HOME_AFFAIRS}),
        (
            D("22", "V/v gửi, nhận văn bản điện tử giữa các cơ quan hành chính nhà nước"),
            D("07", "Thông báo ý kiến chỉ đạo của Thủ tướng Chính phủ về cải cách hành chính"),
            D("23", "Công điện về tăng cường phòng, chống dịch bệnh COVID-19", "flash"),
        ),
    ),
    ExternalSender(
        "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang",
        "VP",
        "HCTC",
        "Chánh Văn phòng",
        "Lê Hoàng Anh",
        frozenset({K.HOME_AFFAIRS, K.ARCHIVES_BRANCH, K.DISTRICT_COMMITTEE}),
        (
            D("22", "V/v thông báo ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh", "urgent"),
            D("22", "V/v báo cáo tình hình thực hiện nhiệm vụ được giao tháng {month}"),
            D("26", "Mời họp giao ban công tác cải cách hành chính", "very_urgent"),
            D("22", "V/v rà soát cán bộ đủ tiêu chuẩn quy hoạch", confidential=True),
        ),
    ),
    ExternalSender(
        "Sở Tư pháp tỉnh Kiên Giang",
        "STP",
        "PBGDPL",
        "Phó Giám đốc",
        "Trần Thị Bích Thủy",
        frozenset({K.JUSTICE_OFFICE}),
        (
            D("22", "V/v báo cáo công tác hộ tịch, chứng thực {period}"),
            D("10", "Kế hoạch phổ biến, giáo dục pháp luật năm {year}"),
            D("22", "V/v hướng dẫn kiểm tra, rà soát văn bản quy phạm pháp luật", "urgent"),
        ),
    ),
    ExternalSender(
        "Sở Lao động - Thương binh và Xã hội tỉnh Kiên Giang",
        "SLĐTBXH",
        "NCC",
        "Phó Giám đốc",
        "Nguyễn Văn Lợi",
        frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE}),
        (
            D("22", "V/v rà soát hộ nghèo, hộ cận nghèo năm {year}"),
            D("22", "V/v chi trả trợ cấp ưu đãi người có công với cách mạng", "urgent"),
            D("10", "Kế hoạch thăm, tặng quà gia đình chính sách nhân dịp Tết Nguyên đán"),
        ),
    ),
    ExternalSender(
        "Bảo hiểm xã hội tỉnh Kiên Giang",
        "BHXH",
        "QLT",
        "Phó Giám đốc",
        "Phạm Văn Tám",
        frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE}),
        (D("22", "V/v phát triển người tham gia bảo hiểm xã hội tự nguyện năm {year}"),),
    ),
    ExternalSender(
        "Công an tỉnh Kiên Giang",
        "CAT",
        "PV01",
        "Phó Giám đốc",
        "Đỗ Hữu Ca",
        frozenset({K.PROVINCE_COMMITTEE, K.DISTRICT_COMMITTEE}),
        (
            D("22", "V/v bảo đảm an ninh, trật tự trên địa bàn", "very_urgent", confidential=True),
            D("14", "Báo cáo tình hình an ninh chính trị {period}", confidential=True),
        ),
    ),
    ExternalSender(
        "Ban Chỉ huy Quân sự {district}",
        "BCH",
        "TM",
        "Chỉ huy trưởng",
        "Lâm Văn Đông",
        frozenset({K.COMMUNE_COMMITTEE}),
        (
            D("22", "V/v đăng ký nghĩa vụ quân sự cho công dân nam đủ 17 tuổi"),
            D("22", "V/v tuyển chọn và gọi công dân nhập ngũ năm {year}", "urgent"),
        ),
    ),
)
