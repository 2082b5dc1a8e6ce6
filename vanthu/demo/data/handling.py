"""What people write while handling the demo's incoming documents (Vietnamese, as in real offices).

``{lead}`` in an instruction is the lead party's name; ``{notation}`` in a reply reference the
receiving agency's abbreviation.
"""

from __future__ import annotations

PRESENT_NOTES: tuple[str, ...] = (
    "Kính trình Lãnh đạo xem xét, cho ý kiến chỉ đạo.",
    "Kính trình Lãnh đạo cho ý kiến.",
    "Văn bản khẩn, kính trình Lãnh đạo xem xét chỉ đạo xử lý.",
    "",
)

INSTRUCTIONS: tuple[str, ...] = (
    "Giao {lead} chủ trì nghiên cứu, tham mưu thực hiện theo đúng thời hạn.",
    "Giao {lead} chủ trì, phối hợp các bộ phận liên quan triển khai thực hiện; báo cáo kết quả.",
    "Đề nghị {lead} tham mưu văn bản trả lời, trình ký trước thời hạn.",
    "Giao {lead} theo dõi, tổng hợp và báo cáo Lãnh đạo.",
    "Chuyển {lead} nghiên cứu, đề xuất phương án xử lý.",
)
INFORM_INSTRUCTION = "Các đồng chí được gửi để biết, phối hợp khi cần."

NOTES: tuple[str, ...] = (
    "Đã liên hệ bộ phận liên quan để thu thập số liệu.",
    "Đang tổng hợp số liệu, dự kiến hoàn thành dự thảo báo cáo trong tuần.",
    "Đã dự thảo văn bản trả lời, đang xin ý kiến phối hợp.",
    "Đã rà soát hồ sơ, tài liệu có liên quan.",
)
PROPOSALS: tuple[str, ...] = (
    "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo.",
    "Đề xuất giao Văn phòng bố trí kinh phí thực hiện.",
    "Đề xuất báo cáo theo mẫu của cơ quan cấp trên.",
)
DONE_NOTES: tuple[str, ...] = (
    "Đã hoàn thành, văn bản trả lời đã phát hành.",
    "Đã báo cáo theo yêu cầu.",
    "Đã triển khai thực hiện xong.",
)
RETURN_REASONS: tuple[str, ...] = (
    "Văn bản không thuộc thẩm quyền giải quyết của cơ quan, đề nghị Văn thư chuyển trả nơi gửi.",
    "Văn bản gửi nhầm địa chỉ, đề nghị Văn thư liên hệ nơi gửi.",
    "Văn bản thiếu phụ lục kèm theo, đề nghị Văn thư liên hệ nơi gửi bổ sung.",
)
REFUSAL_REASON = (
    "Văn bản gửi nhầm cơ quan: nội dung thuộc thẩm quyền của Phòng Tư pháp, đề nghị gửi lại "
    "đúng nơi nhận."
)
