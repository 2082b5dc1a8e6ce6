"""Words the synthetic documents are built from: topics, actions, periods, events per type.

Subjects (trích yếu) follow the usual forms: "Về việc …" for a Quyết định or Tờ trình, "V/v …"
for a Công văn, a bare noun phrase for a Kế hoạch or Báo cáo ("Kết quả … năm 2021"). Topics carry
the years they are plausible in (COVID-19 in 2020–2022, elections in 2021, the two-level local
government in 2025–2026 …).
"""

from __future__ import annotations

from dataclasses import dataclass

from vanthu.demo.data.agencies import AgencyKind

K = AgencyKind
ALL_KINDS = frozenset(K)
COMMITTEES = frozenset({K.PROVINCE_COMMITTEE, K.DISTRICT_COMMITTEE, K.COMMUNE_COMMITTEE})


@dataclass(frozen=True, slots=True)
class Topic:
    text: str
    kinds: frozenset[AgencyKind] = ALL_KINDS
    first_year: int = 2020
    last_year: int = 2026


TOPICS: tuple[Topic, ...] = (
    Topic("công tác văn thư, lưu trữ"),
    Topic("cải cách hành chính"),
    Topic("chuyển đổi số và ứng dụng công nghệ thông tin"),
    Topic("thi đua, khen thưởng"),
    Topic("phòng, chống tham nhũng, tiêu cực"),
    Topic("thực hành tiết kiệm, chống lãng phí"),
    Topic("bảo vệ bí mật nhà nước"),
    Topic("tiếp công dân, giải quyết khiếu nại, tố cáo"),
    Topic("phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    Topic("phòng, chống dịch COVID-19", last_year=2022),
    Topic("tiêm vắc xin phòng COVID-19", first_year=2021, last_year=2022),
    Topic(
        "bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp "
        "nhiệm kỳ 2021 - 2026",
        first_year=2021,
        last_year=2021,
    ),
    Topic("sắp xếp đơn vị hành chính cấp xã", first_year=2023, last_year=2025),
    Topic("vận hành chính quyền địa phương hai cấp", first_year=2025),
    Topic("tinh giản biên chế", frozenset({K.HOME_AFFAIRS, K.DISTRICT_COMMITTEE})),
    Topic("tuyển dụng công chức", frozenset({K.HOME_AFFAIRS, K.PROVINCE_COMMITTEE})),
    Topic("thi nâng ngạch công chức", frozenset({K.HOME_AFFAIRS})),
    Topic("bồi dưỡng cán bộ, công chức, viên chức", frozenset({K.HOME_AFFAIRS})),
    Topic("quản lý biên chế và vị trí việc làm", frozenset({K.HOME_AFFAIRS})),
    Topic("công tác tôn giáo, tín ngưỡng", frozenset({K.HOME_AFFAIRS})),
    Topic("công tác thanh niên", frozenset({K.HOME_AFFAIRS})),
    Topic("đánh giá, xếp loại chất lượng cán bộ, công chức", frozenset({K.HOME_AFFAIRS})),
    Topic(
        "chỉnh lý tài liệu tồn đọng, tích đống",
        frozenset({K.HOME_AFFAIRS, K.ARCHIVES_BRANCH, K.DISTRICT_COMMITTEE}),
    ),
    Topic("nộp lưu hồ sơ, tài liệu vào Lưu trữ lịch sử", frozenset({K.ARCHIVES_BRANCH})),
    Topic("số hóa tài liệu lưu trữ", frozenset({K.ARCHIVES_BRANCH, K.HOME_AFFAIRS})),
    Topic("tiêu hủy tài liệu hết giá trị", frozenset({K.ARCHIVES_BRANCH})),
    Topic("phổ biến, giáo dục pháp luật", frozenset({K.JUSTICE_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("đăng ký và quản lý hộ tịch", frozenset({K.JUSTICE_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("chứng thực bản sao từ bản chính", frozenset({K.JUSTICE_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("hòa giải ở cơ sở", frozenset({K.JUSTICE_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("kiểm tra, rà soát văn bản quy phạm pháp luật", frozenset({K.JUSTICE_OFFICE})),
    Topic("theo dõi tình hình thi hành pháp luật", frozenset({K.JUSTICE_OFFICE})),
    Topic(
        "xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật",
        frozenset({K.JUSTICE_OFFICE, K.COMMUNE_COMMITTEE}),
    ),
    Topic(
        "chi trả trợ cấp ưu đãi người có công", frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE})
    ),
    Topic("giảm nghèo bền vững", frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("rà soát hộ nghèo, hộ cận nghèo", frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("trợ giúp xã hội đối với đối tượng bảo trợ xã hội", frozenset({K.LABOUR_OFFICE})),
    Topic("giáo dục nghề nghiệp và giải quyết việc làm", frozenset({K.LABOUR_OFFICE})),
    Topic("bảo vệ, chăm sóc trẻ em", frozenset({K.LABOUR_OFFICE, K.COMMUNE_COMMITTEE})),
    Topic("đưa người lao động đi làm việc ở nước ngoài", frozenset({K.LABOUR_OFFICE})),
    Topic("chăm sóc mộ liệt sĩ và nghĩa trang liệt sĩ", frozenset({K.LABOUR_OFFICE})),
    Topic("xây dựng nông thôn mới", COMMITTEES),
    Topic("quản lý đất đai và cấp giấy chứng nhận quyền sử dụng đất", COMMITTEES),
    Topic("phòng, chống thiên tai và tìm kiếm cứu nạn", COMMITTEES),
    Topic("phòng, chống hạn mặn mùa khô", COMMITTEES),
    Topic("quản lý trật tự xây dựng", COMMITTEES),
    Topic("bảo đảm an ninh trật tự, an toàn giao thông", COMMITTEES),
    Topic("thu ngân sách nhà nước", COMMITTEES),
    Topic("sản xuất lúa vụ Đông Xuân", COMMITTEES),
    Topic("bảo vệ môi trường và thu gom rác thải", COMMITTEES),
    Topic("phát triển kinh tế biển", frozenset({K.PROVINCE_COMMITTEE, K.DISTRICT_COMMITTEE})),
)

ROMAN_QUARTERS = ("I", "II", "III", "IV")

QD_ACTIONS = (
    "thành lập Đoàn kiểm tra {topic} năm {year}",
    "ban hành Kế hoạch {topic} năm {year}",
    "kiện toàn Ban Chỉ đạo {topic}",
    "khen thưởng tập thể, cá nhân có thành tích xuất sắc trong {topic} năm {year}",
    "nâng bậc lương thường xuyên đối với công chức, viên chức",
    "cử công chức tham gia lớp bồi dưỡng về {topic}",
    "phê duyệt danh mục hồ sơ năm {year}",
    "giao chỉ tiêu {topic} năm {year}",
    "phân bổ kinh phí thực hiện {topic} năm {year}",
    "điều động và bổ nhiệm công chức lãnh đạo",
    "ban hành Quy chế {topic}",
    "công nhận kết quả {topic} tại {place}",
)
CV_ACTIONS = (
    "triển khai {topic}",
    "báo cáo kết quả {topic} {period}",
    "đề nghị cung cấp số liệu về {topic}",
    "tăng cường {topic}",
    "góp ý dự thảo Kế hoạch {topic} năm {year}",
    "đôn đốc thực hiện {topic}",
    "cử cán bộ tham dự tập huấn {topic}",
    "hướng dẫn thực hiện {topic}",
    "chấn chỉnh {topic} tại {place}",
    "thông báo lịch kiểm tra {topic} năm {year}",
    "phối hợp thực hiện {topic} trên địa bàn {place}",
    "trả lời kiến nghị của cử tri về {topic}",
)
KH_SUBJECTS = (
    "Kiểm tra {topic} năm {year}",
    "Triển khai {topic} năm {year}",
    "Tuyên truyền về {topic} năm {year}",
    "Thực hiện {topic} năm {year}",
    "Tổ chức hội nghị tổng kết {topic} năm {year}",
)
BC_SUBJECTS = (
    "Kết quả {topic} {period}",
    "Tình hình thực hiện {topic} {period}",
    "Tổng kết {topic} năm {report_year}",
    "Kết quả tự kiểm tra công tác văn thư, lưu trữ năm {year}",
    "Sơ kết {topic} {period}",
)
TB_SUBJECTS = (
    "Kết luận của lãnh đạo tại cuộc họp về {topic}",
    "Kết quả kiểm tra {topic} tại {place}",
    "Lịch tiếp công dân {next_month}",
    "Phân công nhiệm vụ thực hiện {topic}",
    "Lịch làm việc của lãnh đạo cơ quan {next_month}",
)
GM_SUBJECTS = (
    "Dự hội nghị triển khai {topic} năm {year}",
    "Họp bàn về {topic}",
    "Dự lớp tập huấn nghiệp vụ {topic}",
    "Dự hội nghị sơ kết {topic} {period}",
)
TTR_SUBJECTS = (
    "Về việc đề nghị khen thưởng trong {topic} năm {year}",
    "Về việc đề nghị phê duyệt Kế hoạch {topic} năm {year}",
    "Về việc đề nghị bổ sung kinh phí {topic}",
    "Về việc đề nghị công nhận {place} đạt chuẩn về {topic}",
)
BB_SUBJECTS = (
    "Kiểm tra {topic} tại {place}",
    "Họp triển khai {topic}",
    "Bàn giao hồ sơ, tài liệu về {topic}",
)
HD_SUBJECTS = (
    "Thực hiện {topic} năm {year}",
    "Lập danh mục hồ sơ và nộp lưu hồ sơ, tài liệu năm {year}",
)
CTR_SUBJECTS = ("Công tác năm {year}", "Hành động thực hiện {topic} năm {year}")
CT_SUBJECTS = ("Về tăng cường {topic}", "Về đẩy mạnh {topic} năm {year}")
CD_SUBJECTS = (
    "Về việc chủ động ứng phó với áp thấp nhiệt đới và mưa lớn",
    "Về việc tập trung {topic}",
)
GGT_SUBJECTS = ("Giới thiệu công chức liên hệ công tác về {topic}",)
QC_SUBJECTS = ("Làm việc của cơ quan", "Quản lý và sử dụng tài sản công", "{topic_cap}")

SUBJECTS: dict[str, tuple[str, ...]] = {
    "02": tuple(f"Về việc {action}" for action in QD_ACTIONS),
    "22": tuple(f"V/v {action}" for action in CV_ACTIONS),
    "10": KH_SUBJECTS,
    "14": BC_SUBJECTS,
    "07": TB_SUBJECTS,
    "26": GM_SUBJECTS,
    "15": TTR_SUBJECTS,
    "20": BB_SUBJECTS,
    "08": HD_SUBJECTS,
    "09": CTR_SUBJECTS,
    "03": CT_SUBJECTS,
    "23": CD_SUBJECTS,
    "27": GGT_SUBJECTS,
    "04": QC_SUBJECTS,
}

TYPE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("22", 400),
    ("02", 180),
    ("14", 120),
    ("10", 80),
    ("07", 70),
    ("26", 60),
    ("15", 40),
    ("20", 20),
    ("27", 10),
    ("08", 8),
    ("09", 6),
    ("04", 2),
    ("03", 3),
    ("23", 1),
)
COMMITTEE_ONLY_TYPES = frozenset({"03", "23"})
"""Chỉ thị and Công điện come from People's Committees only."""

URGENCY_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("normal", 880),
    ("urgent", 90),
    ("very_urgent", 25),
    ("flash", 5),
)
