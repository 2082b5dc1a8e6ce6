"""The work area of each role: its start page, navigation entries and start-page panels.

Entries whose feature does not exist yet have no ``url_name``: they point at the area's
placeholder section page. A feature issue fills ``url_name`` in when its page exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.enums import Role

Label: TypeAlias = str | Promise


@dataclass(frozen=True)
class NavEntry:
    """One link in an area's navigation."""

    section: str
    label: Label
    url_name: str | None = None
    staff_only: bool = False


@dataclass(frozen=True)
class Panel:
    """One figure on a start page, linked to the section it summarises."""

    label: Label
    section: str


@dataclass(frozen=True)
class Area:
    """The work area of one role."""

    role: Role
    slug: str
    title: Label
    entries: tuple[NavEntry, ...]
    panels: tuple[Panel, ...]

    def section_url(self, section: str) -> str:
        """Return where a section leads: its feature's page, or the placeholder page."""
        entry = next((e for e in self.entries if e.section == section), None)
        if entry is not None and entry.url_name:
            return reverse(entry.url_name)
        return reverse("web:section", kwargs={"area": self.slug, "section": section})

    def placeholder_entry(self, section: str) -> NavEntry | None:
        """Return the entry of ``section`` still shown by the placeholder page, if any."""
        return next((e for e in self.entries if e.section == section and not e.url_name), None)


CLERK = Area(
    role=Role.CLERK,
    slug="van-thu",
    title=_("Văn thư cơ quan"),
    entries=(
        NavEntry("van-ban-den", _("Văn bản đến"), url_name="incoming:list"),
        NavEntry("van-ban-di", _("Văn bản đi"), url_name="outgoing:register"),
        NavEntry("kiem-tra-the-thuc", _("Chờ kiểm tra thể thức"), url_name="outgoing:to_check"),
        NavEntry("cho-phat-hanh", _("Chờ phát hành"), url_name="outgoing:to_issue"),
        NavEntry("so-dang-ky", _("Sổ đăng ký"), url_name="incoming_reports:index"),
        NavEntry("so-bao-cao-di", _("Sổ và báo cáo văn bản đi"), url_name="outgoing_reports:index"),
        NavEntry("nhap-so", _("Nhập sổ cũ từ Excel"), url_name="incoming_import:upload"),
        NavEntry("ho-so", _("Hồ sơ"), url_name="dossiers:file_plan"),
        NavEntry("tim-kiem", _("Tìm kiếm văn bản"), url_name="search:page"),
    ),
    panels=(
        Panel(_("Văn bản đến chờ đăng ký"), "van-ban-den"),
        Panel(_("Văn bản đi chờ cấp số, phát hành"), "cho-phat-hanh"),
        Panel(_("Hồ sơ đang mở"), "ho-so"),
    ),
)

AGENCY_LEADER = Area(
    role=Role.AGENCY_LEADER,
    slug="lanh-dao",
    title=_("Lãnh đạo cơ quan"),
    entries=(
        NavEntry("cho-y-kien", _("Văn bản chờ cho ý kiến"), url_name="incoming:inbox"),
        NavEntry("cho-duyet-ky", _("Văn bản chờ duyệt ký"), url_name="outgoing:to_sign"),
        NavEntry("van-ban-di", _("Sổ văn bản đi"), url_name="outgoing:register"),
        NavEntry("theo-doi-han", _("Theo dõi hạn xử lý"), url_name="workflow:overdue"),
        NavEntry("so-bao-cao", _("Sổ và báo cáo văn bản đến"), url_name="incoming_reports:index"),
        NavEntry("so-bao-cao-di", _("Sổ và báo cáo văn bản đi"), url_name="outgoing_reports:index"),
        NavEntry("danh-muc-ho-so", _("Danh mục hồ sơ"), url_name="dossiers:file_plan"),
        NavEntry("ho-so", _("Hồ sơ"), url_name="dossiers:mine"),
        NavEntry("bao-cao-ho-so", _("Báo cáo lập hồ sơ, nộp lưu"), url_name="archive:report"),
        NavEntry("tim-kiem", _("Tìm kiếm văn bản"), url_name="search:page"),
    ),
    panels=(
        Panel(_("Văn bản chờ cho ý kiến"), "cho-y-kien"),
        Panel(_("Văn bản chờ duyệt ký"), "cho-duyet-ky"),
        Panel(_("Văn bản quá hạn xử lý"), "theo-doi-han"),
    ),
)

UNIT_HEAD = Area(
    role=Role.UNIT_HEAD,
    slug="don-vi",
    title=_("Lãnh đạo đơn vị"),
    entries=(
        NavEntry("van-ban-don-vi", _("Văn bản của đơn vị"), url_name="incoming:list"),
        NavEntry("phan-cong", _("Phân công xử lý"), url_name="incoming:worklist"),
        NavEntry("du-thao-cho-duyet", _("Dự thảo chờ duyệt"), url_name="outgoing:to_review"),
        NavEntry("du-thao", _("Dự thảo của tôi"), url_name="outgoing:drafts"),
        NavEntry("danh-muc-ho-so", _("Danh mục hồ sơ"), url_name="dossiers:file_plan"),
        NavEntry("ho-so", _("Hồ sơ"), url_name="dossiers:mine"),
        NavEntry("nop-luu", _("Nộp lưu hồ sơ"), url_name="archive:handovers"),
        NavEntry("bao-cao-ho-so", _("Báo cáo lập hồ sơ, nộp lưu"), url_name="archive:report"),
        NavEntry("tim-kiem", _("Tìm kiếm văn bản"), url_name="search:page"),
    ),
    panels=(
        Panel(_("Văn bản chờ phân công"), "phan-cong"),
        Panel(_("Văn bản của đơn vị đang xử lý"), "van-ban-don-vi"),
        Panel(_("Dự thảo chờ duyệt"), "du-thao-cho-duyet"),
    ),
)

SPECIALIST = Area(
    role=Role.SPECIALIST,
    slug="chuyen-vien",
    title=_("Chuyên viên"),
    entries=(
        NavEntry("duoc-giao", _("Văn bản được giao"), url_name="incoming:worklist"),
        NavEntry("du-thao", _("Dự thảo của tôi"), url_name="outgoing:drafts"),
        NavEntry("ho-so-cong-viec", _("Hồ sơ công việc"), url_name="dossiers:mine"),
        NavEntry("chua-lap-ho-so", _("Văn bản chưa lập hồ sơ"), url_name="dossiers:unfiled"),
        NavEntry("nop-luu", _("Nộp lưu hồ sơ"), url_name="archive:handovers"),
        NavEntry("tim-kiem", _("Tìm kiếm văn bản"), url_name="search:page"),
    ),
    panels=(
        Panel(_("Văn bản được giao chưa xử lý"), "duoc-giao"),
        Panel(_("Dự thảo đang soạn"), "du-thao"),
        Panel(_("Hồ sơ công việc đang mở"), "ho-so-cong-viec"),
    ),
)

ARCHIVIST = Area(
    role=Role.ARCHIVIST,
    slug="luu-tru",
    title=_("Lưu trữ cơ quan"),
    entries=(
        NavEntry("ho-so-nop-luu", _("Hồ sơ nộp lưu"), url_name="archive:handovers"),
        NavEntry("kho-luu-tru", _("Kho lưu trữ"), url_name="archive:holdings"),
        NavEntry("bao-cao-ho-so", _("Báo cáo lập hồ sơ, nộp lưu"), url_name="archive:report"),
    ),
    panels=(
        Panel(_("Hồ sơ chờ tiếp nhận nộp lưu"), "ho-so-nop-luu"),
        Panel(_("Hồ sơ đang bảo quản"), "kho-luu-tru"),
    ),
)

AGENCY_ADMIN = Area(
    role=Role.AGENCY_ADMIN,
    slug="quan-tri",
    title=_("Quản trị cơ quan"),
    entries=(
        NavEntry("nguoi-dung", _("Người dùng"), url_name="web:users"),
        NavEntry("don-vi", _("Đơn vị")),
        NavEntry("so-dang-ky", _("Sổ đăng ký")),
        NavEntry("lich-lam-viec", _("Lịch làm việc")),
        NavEntry("he-thong", _("Trang quản trị hệ thống"), url_name="admin:index", staff_only=True),
    ),
    panels=(
        Panel(_("Người dùng đang hoạt động"), "nguoi-dung"),
        Panel(_("Sổ đăng ký đang mở"), "so-dang-ky"),
    ),
)

INSPECTOR = Area(
    role=Role.INSPECTOR,
    slug="kiem-tra",
    title=_("Kiểm tra công tác văn thư, lưu trữ"),
    entries=(
        NavEntry("tinh-hinh", _("Tình hình các cơ quan")),
        NavEntry("dot-kiem-tra", _("Đợt kiểm tra")),
    ),
    panels=(
        Panel(_("Cơ quan chưa nộp báo cáo"), "tinh-hinh"),
        Panel(_("Đợt kiểm tra đang mở"), "dot-kiem-tra"),
    ),
)

# A user with several roles lands on the first of these that they hold.
PRIORITY: tuple[Area, ...] = (
    AGENCY_LEADER,
    UNIT_HEAD,
    CLERK,
    SPECIALIST,
    ARCHIVIST,
    INSPECTOR,
    AGENCY_ADMIN,
)
BY_SLUG: dict[str, Area] = {area.slug: area for area in PRIORITY}
BY_ROLE: dict[str, Area] = {area.role.value: area for area in PRIORITY}
