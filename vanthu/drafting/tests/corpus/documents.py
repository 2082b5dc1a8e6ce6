"""Correct documents of eight types, following Annex I and the Annex III models."""

from __future__ import annotations

from vanthu.drafting.tests.corpus.spec import DocSpec

_SENTENCE = (
    "Các cơ quan, đơn vị thực hiện nghiêm túc các quy định về công tác văn thư, lưu trữ; "
    "bảo đảm văn bản được soạn thảo đúng thể thức, kỹ thuật trình bày, được đăng ký, quản lý "
    "và lưu trữ đầy đủ theo quy định của Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 "
    "của Chính phủ về công tác văn thư."
)


def _long_body(paragraphs: int) -> list[str]:
    return [f"{index}. {_SENTENCE} {_SENTENCE}" for index in range(1, paragraphs + 1)]


def quyet_dinh() -> DocSpec:
    """A Quyết định of a commune People's Committee, signed TM. (Mẫu 1.2)."""
    return DocSpec(
        key="quyet_dinh",
        superior="",
        issuer="ỦY BAN NHÂN DÂN XÃ MONG THỌ B",
        number="Số: 05/QĐ-UBND",
        date="Mong Thọ B, ngày 05 tháng 01 năm 2026",
        type_name="QUYẾT ĐỊNH",
        subject=["Về việc thành lập Tổ kiểm tra công tác văn thư, lưu trữ năm 2026"],
        preamble=["ỦY BAN NHÂN DÂN XÃ MONG THỌ B"],
        bases=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về "
            "công tác văn thư;",
            "Theo đề nghị của Chánh Văn phòng.",
        ],
        body=[
            "QUYẾT ĐỊNH:",
            "Điều 1. Thành lập Tổ kiểm tra công tác văn thư, lưu trữ năm 2026 gồm các ông, bà "
            "có tên trong danh sách kèm theo.",
            "Điều 2. Tổ kiểm tra có nhiệm vụ kiểm tra việc soạn thảo, ban hành và quản lý văn "
            "bản của các bộ phận chuyên môn.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
        signatures=[("TM. ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Nguyễn Văn An")],
        recipients=["- Như Điều 3;", "- Lưu: VT, VP."],
    )


def cong_van() -> DocSpec:
    """A Công văn of a department, signed KT. (Mẫu 1.5), header on two rows."""
    return DocSpec(
        key="cong_van",
        superior="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        issuer="SỞ NỘI VỤ",
        number="Số: 12/SNV-VP",
        subject_vv="V/v hướng dẫn lập hồ sơ công việc năm 2026",
        date="Kiên Giang, ngày 21 tháng 9 năm 2026",
        two_row_header=True,
        addressees=["Kính gửi: Ủy ban nhân dân các huyện, thành phố"],
        body=[_SENTENCE, "Sở Nội vụ đề nghị các cơ quan, đơn vị quan tâm thực hiện./."],
        signatures=[("KT. GIÁM ĐỐC", ["PHÓ GIÁM ĐỐC"], "Trần Thị Bình")],
        recipients=["- Như trên;", "- Giám đốc Sở (để báo cáo);", "- Lưu: VT, VP 02."],
    )


def ke_hoach() -> DocSpec:
    """A long Kế hoạch with a table, numbered pages from page 2 (Mẫu 1.4)."""
    return DocSpec(
        key="ke_hoach",
        superior="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        issuer="SỞ NỘI VỤ",
        number="Số: 26/KH-SNV",
        date="Kiên Giang, ngày 23 tháng 4 năm 2026",
        type_name="KẾ HOẠCH",
        subject=["Kiểm tra công tác văn thư, lưu trữ năm 2026"],
        body=_long_body(9),
        table=[["STT", "Đơn vị được kiểm tra", "Thời gian"]]
        + [[str(i), f"Phòng Nội vụ huyện số {i}", f"Tháng {i % 9 + 3}"] for i in range(1, 9)],
        signatures=[("KT. GIÁM ĐỐC", ["PHÓ GIÁM ĐỐC"], "Lê Văn Cường")],
        recipients=["- Ủy ban nhân dân tỉnh;", "- Các phòng, ban thuộc Sở;", "- Lưu: VT, CCVTLT."],
    )


def bao_cao() -> DocSpec:
    """A long Báo cáo signed by the head in his own name, header on two rows."""
    return DocSpec(
        key="bao_cao",
        issuer="PHÒNG TƯ PHÁP HUYỆN TÂN HIỆP",
        superior="ỦY BAN NHÂN DÂN HUYỆN TÂN HIỆP",
        number="Số: 103/BC-PTP",
        date="Tân Hiệp, ngày 10 tháng 12 năm 2026",
        two_row_header=True,
        type_name="BÁO CÁO",
        subject=["Kết quả công tác văn thư, lưu trữ năm 2026"],
        body=_long_body(10),
        signatures=[("", ["TRƯỞNG PHÒNG"], "Phạm Thị Dung")],
        recipients=["- Sở Tư pháp;", "- Ủy ban nhân dân huyện;", "- Lưu: VT."],
    )


def thong_bao() -> DocSpec:
    """A short Thông báo signed TL. (no page number: one page)."""
    return DocSpec(
        key="thong_bao",
        superior="BỘ NỘI VỤ",
        issuer="CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC",
        number="Số: 07/TB-VTLTNN",
        date="Hà Nội, ngày 02 tháng 02 năm 2026",
        type_name="THÔNG BÁO",
        subject=["Lịch tiếp nhận hồ sơ nộp lưu năm 2026"],
        body=[_SENTENCE, "Cục Văn thư và Lưu trữ nhà nước thông báo để các đơn vị biết."],
        signatures=[("TL. CỤC TRƯỞNG", ["CHÁNH VĂN PHÒNG"], "Hoàng Minh Đức")],
        recipients=["- Các đơn vị thuộc Cục;", "- Lưu: VT, VP."],
        page_numbers="none",
    )


def giay_moi() -> DocSpec:
    """A Giấy mời signed Q. (Mẫu 1.7)."""
    return DocSpec(
        key="giay_moi",
        superior="ỦY BAN NHÂN DÂN HUYỆN GIANG THÀNH",
        issuer="PHÒNG NỘI VỤ",
        number="Số: 03/GM-PNV",
        date="Giang Thành, ngày 15 tháng 10 năm 2026",
        type_name="GIẤY MỜI",
        subject=["Dự hội nghị tập huấn nghiệp vụ văn thư"],
        body=[
            "Phòng Nội vụ trân trọng kính mời đại diện lãnh đạo và công chức văn thư các xã "
            "tham dự hội nghị tập huấn.",
            "Thời gian: 08 giờ 00, ngày 20 tháng 10 năm 2026.",
            "Địa điểm: Hội trường Ủy ban nhân dân huyện.",
        ],
        signatures=[("Q. TRƯỞNG PHÒNG", [], "Võ Thị Hạnh")],
        recipients=["- Như trên;", "- Lưu: VT."],
    )


def bien_ban() -> DocSpec:
    """A Biên bản: no date line, secretary and chair sign (Mẫu 1.9)."""
    return DocSpec(
        key="bien_ban",
        superior="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        issuer="SỞ NỘI VỤ",
        number="Số: 14/BB-SNV",
        date=None,
        type_name="BIÊN BẢN",
        subject=["Họp Hội đồng xác định giá trị tài liệu"],
        body=[
            "Thời gian bắt đầu: 08 giờ 00, ngày 12 tháng 11 năm 2026.",
            "Địa điểm: Phòng họp Sở Nội vụ.",
            "Thành phần tham dự: các thành viên Hội đồng xác định giá trị tài liệu.",
            "Cuộc họp kết thúc vào 11 giờ 00 cùng ngày./.",
        ],
        signatures=[("", ["THƯ KÝ"], "Đặng Văn Giang"), ("", ["CHỦ TỌA"], "Bùi Thị Hoa")],
        recipients=["- Các thành viên Hội đồng;", "- Lưu: VT, Hồ sơ."],
        recipients_below=True,
    )


def to_trinh() -> DocSpec:
    """A Tờ trình of a commune, signed TM., one page, numbered from page 2 anyway."""
    return DocSpec(
        key="to_trinh",
        issuer="ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HỒ",
        number="Số: 09/TTr-UBND",
        date="Hà Tiên, ngày 03 tháng 3 năm 2026",
        type_name="TỜ TRÌNH",
        subject=["Về việc đề nghị bổ sung trang thiết bị kho lưu trữ"],
        addressees=["Kính gửi: Ủy ban nhân dân thành phố Hà Tiên"],
        body=[_SENTENCE, "Ủy ban nhân dân phường kính trình Ủy ban nhân dân thành phố xem xét."],
        signatures=[("TM. ỦY BAN NHÂN DÂN", ["CHỦ TỊCH"], "Lý Văn Khoa")],
        recipients=["- Như trên;", "- Lưu: VT."],
    )


def huong_dan() -> DocSpec:
    """A long Hướng dẫn of a district office, dated in February, signed KT."""
    return DocSpec(
        key="huong_dan",
        superior="ỦY BAN NHÂN DÂN HUYỆN VĨNH THUẬN",
        issuer="VĂN PHÒNG HĐND VÀ UBND",
        number="Số: 11/HD-VP",
        date="Vĩnh Thuận, ngày 08 tháng 02 năm 2026",
        two_row_header=True,
        type_name="HƯỚNG DẪN",
        subject=["Lập và nộp lưu hồ sơ vào Lưu trữ cơ quan"],
        body=_long_body(11),
        signatures=[("KT. CHÁNH VĂN PHÒNG", ["PHÓ CHÁNH VĂN PHÒNG"], "Mai Thị Lan")],
        recipients=["- Các cơ quan chuyên môn;", "- Lưu: VT, HCTH 02."],
    )


def quyet_dinh_hai_cap() -> DocSpec:
    """A Quyết định of a provincial People's Committee signed by a vice-chair on two levels
    (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, domain.md §1.8)."""
    return DocSpec(
        key="quyet_dinh_hai_cap",
        issuer="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        number="Số: 1203/QĐ-UBND",
        date="Kiên Giang, ngày 14 tháng 5 năm 2026",
        type_name="QUYẾT ĐỊNH",
        subject=["Về việc phê duyệt Danh mục hồ sơ năm 2026"],
        preamble=["ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"],
        bases=[
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về "
            "công tác văn thư;",
            "Theo đề nghị của Giám đốc Sở Nội vụ.",
        ],
        body=[
            "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt Danh mục hồ sơ năm 2026 kèm theo Quyết định này.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
        signatures=[("TM. ỦY BAN NHÂN DÂN", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Thanh Nhàn")],
        recipients=["- Như Điều 2;", "- Lưu: VT, NC."],
    )


def cong_van_hai_cap() -> DocSpec:
    """A Công văn signed by order by the deputy of the office head (TL. GIÁM ĐỐC / KT. CHÁNH
    VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG)."""
    return DocSpec(
        key="cong_van_hai_cap",
        superior="ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
        issuer="SỞ NỘI VỤ",
        number="Số: 45/SNV-VP",
        subject_vv="V/v nộp lưu hồ sơ năm 2025",
        date="Kiên Giang, ngày 06 tháng 6 năm 2026",
        two_row_header=True,
        addressees=["Kính gửi: Các phòng, ban thuộc Sở"],
        body=[_SENTENCE, "Văn phòng Sở đề nghị các phòng, ban thực hiện đúng thời hạn./."],
        signatures=[
            (
                "TL. GIÁM ĐỐC",
                ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"],
                "Đỗ Thị Hồng",
            )
        ],
        recipients=["- Như trên;", "- Lưu: VT, VP."],
    )


def thong_bao_hai_cap() -> DocSpec:
    """A Thông báo signed by the acting chair for the committee (TM. … / Q. CHỦ TỊCH)."""
    return DocSpec(
        key="thong_bao_hai_cap",
        issuer="ỦY BAN NHÂN DÂN XÃ VĨNH HÒA",
        number="Số: 21/TB-UBND",
        date="Vĩnh Hòa, ngày 30 tháng 7 năm 2026",
        type_name="THÔNG BÁO",
        subject=["Lịch tiếp công dân tháng 8 năm 2026"],
        body=[_SENTENCE, "Ủy ban nhân dân xã thông báo để cán bộ, công chức biết, thực hiện."],
        signatures=[("TM. ỦY BAN NHÂN DÂN", ["Q. CHỦ TỊCH"], "Phan Văn Tài")],
        recipients=["- Các bộ phận chuyên môn;", "- Lưu: VT."],
        page_numbers="none",
    )


CORRECT_DOCUMENTS = (
    quyet_dinh,
    cong_van,
    ke_hoach,
    bao_cao,
    thong_bao,
    giay_moi,
    bien_ban,
    to_trinh,
    huong_dan,
    quyet_dinh_hai_cap,
    cong_van_hai_cap,
    thong_bao_hai_cap,
)
