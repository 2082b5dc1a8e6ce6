"""The demo's outgoing work of the current year: what is drafted, how far it gets, who gets it.

Plain data, read by ``vanthu.demo.outgoing_now``; ``{year}`` in a text is the year of the item.
"""

from __future__ import annotations

from vanthu.demo.outgoing_plan import DISTRICT_COMMITTEES, OutgoingItem, Stage

_DECREE_30 = (
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;"
)
_ARCHIVE_LAW = "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;"

ITEMS: tuple[OutgoingItem, ...] = (
    # --- Sở Nội vụ: issued --------------------------------------------------------------------
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="10",
        subject="Kiểm tra công tác văn thư, lưu trữ năm {year}",
        body=(
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Đánh giá việc thực hiện Nghị định số 30/2020/NĐ-CP và Luật Lưu trữ tại các cơ "
            "quan, tổ chức trên địa bàn tỉnh; kịp thời hướng dẫn, chấn chỉnh những hạn chế.",
            "2. Việc kiểm tra bảo đảm khách quan, đúng quy định, không gây ảnh hưởng đến hoạt "
            "động chuyên môn của cơ quan được kiểm tra.",
            "II. NỘI DUNG KIỂM TRA",
            "1. Việc soạn thảo, ban hành, quản lý văn bản đi, văn bản đến; lập hồ sơ công việc "
            "và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan.",
            "2. Việc bố trí kho lưu trữ, số hóa tài liệu và ứng dụng công nghệ thông tin trong "
            "công tác văn thư, lưu trữ.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Chi cục Văn thư - Lưu trữ chủ trì, phối hợp với Ủy ban nhân dân các huyện, thành "
            "phố tổ chức thực hiện Kế hoạch này./.",
        ),
        week=12,
        recipients=("UBND tỉnh (để báo cáo)", "UBND các huyện, thành phố", "Giám đốc Sở"),
        deputy=True,
        accepts=("ccvtlt", "hondat.ubnd", "chauthanh.ubnd", "tanhiep.ubnd", "giangthanh.ubnd"),
        waits=("uminhthuong.ubnd", "hatien.ubnd"),
        copy=True,
        units=("CCVTLT", "VP"),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="22",
        subject="Hướng dẫn lập hồ sơ công việc năm {year}",
        body=(
            "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công "
            "tác văn thư, Sở Nội vụ hướng dẫn các cơ quan, đơn vị lập Danh mục hồ sơ năm {year} "
            "và lập hồ sơ công việc trên Hệ thống quản lý văn bản.",
            "Đề nghị các cơ quan, đơn vị ban hành Danh mục hồ sơ trước ngày 31 tháng 3 năm "
            "{year} và gửi về Sở Nội vụ (qua Chi cục Văn thư - Lưu trữ) để theo dõi./.",
        ),
        week=3,
        addressees=("Ủy ban nhân dân các huyện, thành phố",),
        recipients=("Như trên", "Giám đốc Sở (để báo cáo)"),
        deputy=True,
        accepts=DISTRICT_COMMITTEES,
        units=("CCVTLT",),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="02",
        subject="Thành lập Đoàn kiểm tra công tác văn thư, lưu trữ năm {year}",
        body=(
            "Điều 1. Thành lập Đoàn kiểm tra công tác văn thư, lưu trữ năm {year} gồm các ông, "
            "bà có tên trong danh sách kèm theo.",
            "Điều 2. Đoàn kiểm tra có nhiệm vụ kiểm tra theo Kế hoạch của Sở Nội vụ; tự giải "
            "thể sau khi hoàn thành nhiệm vụ.",
            "Điều 3. Chánh Văn phòng Sở, Chi cục trưởng Chi cục Văn thư - Lưu trữ và các ông, "
            "bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        ),
        week=13,
        recipients=("Như Điều 3",),
        units=("CCVTLT", "VP", "TTr"),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="07",
        subject="Lịch tiếp nhận hồ sơ, tài liệu nộp lưu vào Lưu trữ lịch sử tỉnh năm {year}",
        body=(
            "Sở Nội vụ thông báo lịch tiếp nhận hồ sơ, tài liệu nộp lưu vào Lưu trữ lịch sử "
            "tỉnh năm {year} như sau: quý II tiếp nhận tài liệu của các sở, ban, ngành; quý III "
            "tiếp nhận tài liệu của Ủy ban nhân dân các huyện, thành phố.",
            "Các cơ quan chuẩn bị Mục lục hồ sơ, văn bản giao nộp và chỉnh lý hoàn chỉnh tài "
            "liệu trước khi nộp lưu./.",
        ),
        week=18,
        recipients=("Các cơ quan thuộc nguồn nộp lưu",),
        deputy=True,
        accepts=("ccvtlt",),
        waits=("ubndtinh",),
        posts=("Thư viện tỉnh Kiên Giang, số 2 Nguyễn Trung Trực, phường Vĩnh Thanh Vân",),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="14",
        subject="Kết quả công tác văn thư, lưu trữ 6 tháng đầu năm {year}",
        body=(
            "I. KẾT QUẢ THỰC HIỆN",
            "1. Các cơ quan, tổ chức trên địa bàn tỉnh đã ban hành Danh mục hồ sơ; tỷ lệ hồ sơ "
            "công việc được lập và nộp lưu đúng hạn tăng so với cùng kỳ.",
            "2. Việc số hóa tài liệu lưu trữ được triển khai tại Lưu trữ lịch sử tỉnh và một "
            "số huyện.",
            "II. HẠN CHẾ VÀ PHƯƠNG HƯỚNG",
            "Một số cơ quan chưa bố trí kho lưu trữ đạt chuẩn; Sở Nội vụ tiếp tục hướng dẫn, "
            "kiểm tra trong 6 tháng cuối năm./.",
        ),
        week=26,
        recipients=("UBND tỉnh", "Giám đốc Sở"),
        accepts=("ubndtinh",),
        posts=("Cục Văn thư và Lưu trữ nhà nước, số 12 Đào Tấn, Ba Đình, Hà Nội",),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="22",
        subject="Đôn đốc nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan",
        body=(
            "Qua theo dõi, một số cơ quan, đơn vị chưa giao nộp hồ sơ, tài liệu năm trước vào "
            "Lưu trữ cơ quan theo quy định.",
            "Sở Nội vụ đề nghị các cơ quan, đơn vị hoàn thành việc nộp lưu trước ngày 30 tháng "
            "9 năm {year}./.",
        ),
        week=33,
        addressees=("Ủy ban nhân dân các huyện, thành phố",),
        recipients=("Như trên", "Giám đốc Sở (để báo cáo)"),
        deputy=True,
        accepts=("hondat.ubnd",),
        waits=("chauthanh.ubnd", "tanhiep.ubnd"),
        recall=("Văn bản ghi sai thời hạn nộp lưu; Sở Nội vụ sẽ ban hành văn bản thay thế."),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.ISSUED,
        type_code="22",
        subject="Triển khai số hóa tài liệu lưu trữ năm {year}",
        body=(
            "Thực hiện Kế hoạch chuyển đổi số của tỉnh, Sở Nội vụ đề nghị các cơ quan, đơn vị "
            "rà soát, lựa chọn tài liệu có giá trị sử dụng thường xuyên để số hóa.",
            "Danh mục tài liệu đề nghị số hóa gửi về Chi cục Văn thư - Lưu trữ trước ngày 15 "
            "tháng 10 năm {year}./.",
        ),
        week=-3,
        addressees=("Chi cục Văn thư - Lưu trữ", "Ủy ban nhân dân huyện Hòn Đất"),
        recipients=("Như trên", "Giám đốc Sở (để báo cáo)"),
        deputy=True,
        waits=("ccvtlt", "hondat.ubnd"),
        units=("CCVTLT",),
    ),
    # --- Sở Nội vụ: drafts on their way --------------------------------------------------------
    OutgoingItem(
        issuer="snv",
        stage=Stage.APPROVED,
        type_code="22",
        subject="Đăng ký nhu cầu bồi dưỡng nghiệp vụ văn thư, lưu trữ năm {year}",
        body=(
            "Sở Nội vụ đề nghị các cơ quan, đơn vị đăng ký số người tham gia lớp bồi dưỡng "
            "nghiệp vụ văn thư, lưu trữ năm {year}.",
            "Phiếu đăng ký gửi về Sở Nội vụ trước ngày 20 của tháng sau./.",
        ),
        week=0,
        addressees=("Các sở, ban, ngành tỉnh",),
        recipients=("Như trên", "Giám đốc Sở (để báo cáo)"),
        deputy=True,
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.CHECKED,
        type_code="14",
        subject="Tình hình lập hồ sơ công việc của các cơ quan, tổ chức trên địa bàn tỉnh",
        body=(
            "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo tình hình lập hồ sơ "
            "công việc năm {year} như sau.",
            "Các cơ quan đã lập hồ sơ điện tử trên Hệ thống quản lý văn bản; một số đơn vị còn "
            "lúng túng khi xác định thời hạn bảo quản./.",
        ),
        week=0,
        recipients=("UBND tỉnh", "Giám đốc Sở"),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.RETURNED,
        type_code="22",
        subject="Góp ý dự thảo Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh",
        body=(
            "Sở Nội vụ nhận được dự thảo Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân "
            "tỉnh và có ý kiến như sau.",
            "Đề nghị bổ sung quy định về quản lý văn bản điện tử và chữ ký số./.",
        ),
        week=0,
        addressees=("Văn phòng Ủy ban nhân dân tỉnh",),
        recipients=("Như trên", "Giám đốc Sở (để báo cáo)"),
        deputy=True,
        comment=(
            "Đề nghị nêu cụ thể các điều khoản cần sửa của dự thảo Quy chế và dẫn chiếu Nghị "
            "định số 30/2020/NĐ-CP."
        ),
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.SUBMITTED,
        type_code="10",
        subject="Chỉnh lý tài liệu tồn đọng tại Lưu trữ cơ quan Sở Nội vụ",
        body=(
            "1. Mục đích: chỉnh lý hoàn chỉnh khối tài liệu tồn đọng giai đoạn 2015 - 2020.",
            "2. Văn phòng Sở chủ trì, phối hợp với Chi cục Văn thư - Lưu trữ thực hiện./.",
        ),
        week=0,
        recipients=("Giám đốc Sở", "Các phòng, ban thuộc Sở"),
        deputy=True,
    ),
    OutgoingItem(
        issuer="snv",
        stage=Stage.WRITING,
        type_code="07",
        subject="Kết luận kiểm tra công tác văn thư, lưu trữ tại huyện Hòn Đất",
        body=(
            "Ngày 15 tháng 5 năm {year}, Đoàn kiểm tra của Sở Nội vụ đã kiểm tra công tác văn "
            "thư, lưu trữ tại Ủy ban nhân dân huyện Hòn Đất.",
        ),
        week=0,
        recipients=("UBND huyện Hòn Đất",),
        deputy=True,
    ),
    # --- Ủy ban nhân dân tỉnh -------------------------------------------------------------------
    OutgoingItem(
        issuer="ubndtinh",
        stage=Stage.ISSUED,
        type_code="02",
        subject="Ban hành Danh mục hồ sơ năm {year} của Văn phòng Ủy ban nhân dân tỉnh",
        body=(
            "Điều 1. Ban hành kèm theo Quyết định này Danh mục hồ sơ năm {year} của Văn phòng "
            "Ủy ban nhân dân tỉnh.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh và các đơn vị có liên quan chịu "
            "trách nhiệm thi hành Quyết định này./.",
        ),
        week=2,
        recipients=("Như Điều 3", "Chủ tịch, các Phó Chủ tịch UBND tỉnh"),
        units=("VP",),
    ),
    OutgoingItem(
        issuer="ubndtinh",
        stage=Stage.ISSUED,
        type_code="22",
        subject="Tăng cường công tác văn thư, lưu trữ trên địa bàn tỉnh",
        body=(
            "Để nâng cao hiệu quả công tác văn thư, lưu trữ, Ủy ban nhân dân tỉnh yêu cầu Thủ "
            "trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các huyện, thành phố chỉ đạo "
            "lập hồ sơ công việc và nộp lưu hồ sơ đúng hạn.",
            "Giao Sở Nội vụ theo dõi, đôn đốc và báo cáo kết quả thực hiện./.",
        ),
        week=20,
        addressees=("Sở Nội vụ", "Ủy ban nhân dân các huyện, thành phố"),
        recipients=("Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh"),
        accepts=("snv", "hondat.ubnd", "chauthanh.ubnd"),
        waits=("tanhiep.ubnd", "vinhthuan.ubnd", "hatien.ubnd"),
    ),
    OutgoingItem(
        issuer="ubndtinh",
        stage=Stage.SUBMITTED,
        type_code="07",
        subject="Kết quả thực hiện Chỉ thị về công tác văn thư, lưu trữ năm {year}",
        body=(
            "Ủy ban nhân dân tỉnh thông báo kết quả thực hiện Chỉ thị về công tác văn thư, lưu "
            "trữ trên địa bàn tỉnh năm {year}./.",
        ),
        week=0,
        recipients=("Các sở, ban, ngành tỉnh", "UBND các huyện, thành phố"),
    ),
    # --- Ủy ban nhân dân huyện Hòn Đất --------------------------------------------------------
    OutgoingItem(
        issuer="hondat.ubnd",
        stage=Stage.ISSUED,
        type_code="10",
        subject="Số hóa tài liệu lưu trữ của huyện Hòn Đất năm {year}",
        body=(
            "1. Mục đích: số hóa tài liệu có giá trị sử dụng thường xuyên của Lưu trữ huyện, "
            "phục vụ khai thác trên môi trường mạng.",
            "2. Nội dung: số hóa hồ sơ đất đai, hộ tịch giai đoạn 2010 - 2020.",
            "3. Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Phòng Tư pháp thực hiện./.",
        ),
        week=8,
        recipients=("Sở Nội vụ (để báo cáo)", "Phòng Tư pháp huyện"),
        accepts=("snv", "hondat.tuphap"),
        units=("VP",),
    ),
    OutgoingItem(
        issuer="hondat.ubnd",
        stage=Stage.ISSUED,
        type_code="14",
        subject="Kết quả tự kiểm tra công tác văn thư, lưu trữ năm {year}",
        body=(
            "Thực hiện Kế hoạch kiểm tra của Sở Nội vụ, Ủy ban nhân dân huyện Hòn Đất báo cáo "
            "kết quả tự kiểm tra như sau.",
            "Các cơ quan chuyên môn đã lập hồ sơ công việc; việc nộp lưu vào Lưu trữ huyện còn "
            "chậm so với quy định./.",
        ),
        week=16,
        recipients=("Sở Nội vụ", "Chủ tịch, các Phó Chủ tịch UBND huyện"),
        accepts=("snv",),
    ),
    OutgoingItem(
        issuer="hondat.ubnd",
        stage=Stage.ISSUED,
        type_code="22",
        subject="Nộp lưu hồ sơ, tài liệu vào Lưu trữ huyện",
        body=(
            "Ủy ban nhân dân huyện đề nghị các cơ quan chuyên môn, Ủy ban nhân dân các xã, thị "
            "trấn giao nộp hồ sơ, tài liệu đến hạn nộp lưu vào Lưu trữ huyện.",
            "Thời gian giao nộp hoàn thành trước ngày 30 tháng 11 năm {year}./.",
        ),
        week=-2,
        addressees=("Phòng Tư pháp huyện", "Phòng Lao động - Thương binh và Xã hội huyện"),
        recipients=("Như trên", "Chủ tịch, các Phó Chủ tịch UBND huyện"),
        waits=("hondat.tuphap", "hondat.ldtbxh"),
        posts=("Đảng ủy xã Sơn Bình, huyện Hòn Đất, tỉnh Kiên Giang",),
    ),
    OutgoingItem(
        issuer="hondat.ubnd",
        stage=Stage.REVIEWED,
        type_code="02",
        subject="Kiện toàn Hội đồng xác định giá trị tài liệu của huyện",
        body=(
            "Điều 1. Kiện toàn Hội đồng xác định giá trị tài liệu của Ủy ban nhân dân huyện.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        ),
        week=0,
        recipients=("Như Điều 2",),
    ),
)
"""Sở Nội vụ: 7 issued and one draft at every other stage; UBND tỉnh: 2 issued, 1 draft; UBND
huyện Hòn Đất: 3 issued, 1 draft. Twelve issued documents in all (see ``outgoing_now``)."""

LEGAL_BASES: dict[str, tuple[str, ...]] = {
    "02": (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        _ARCHIVE_LAW,
        _DECREE_30,
        "Theo đề nghị của Chánh Văn phòng.",
    ),
}
