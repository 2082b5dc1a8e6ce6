"""Describe each loaded demo agency for the document composer."""

from __future__ import annotations

from vanthu.accounts.enums import Role
from vanthu.demo.composer import AgencyContext
from vanthu.demo.data.agencies import AGENCIES, DISTRICTS, AgencyKind, AgencySpec
from vanthu.demo.data.staff import UNITS, staff_for
from vanthu.demo.province import Province, book_for
from vanthu.documents.enums import RegisterKind

PROVINCIAL = {AgencyKind.PROVINCE_COMMITTEE, AgencyKind.HOME_AFFAIRS, AgencyKind.ARCHIVES_BRANCH}


def _places(spec: AgencySpec) -> tuple[str, ...]:
    """Return the places an agency's documents talk about ("tại xã Mong Thọ B")."""
    if spec.kind in PROVINCIAL:
        return tuple(f"{d.area_type} {d.name}" for d in DISTRICTS)
    if spec.kind == AgencyKind.COMMUNE_COMMITTEE:
        return (f"{spec.area_type} {spec.area}",)
    district = next(d for d in DISTRICTS if d.name == spec.area)
    return tuple(f"{area_type} {name}" for _slug, area_type, name in district.communes)


def agency_contexts(province: Province) -> list[AgencyContext]:
    """Return one composer context per demo agency, in the order of ``AGENCIES``."""
    names = {spec.organ_id: spec.name for spec in AGENCIES}
    contexts = []
    for spec in AGENCIES:
        agency = province.agencies[spec.organ_id]
        signers = tuple(
            (user.position, user.full_name)
            for user in staff_for(spec)
            if Role.AGENCY_LEADER in user.roles
        )
        contexts.append(
            AgencyContext(
                agency_id=agency.pk,
                kind=spec.kind,
                name=agency.name,
                abbreviation=agency.abbreviation,
                district=spec.district,
                units=tuple(abbreviation for abbreviation, _name in UNITS[spec.kind]),
                signers=signers,
                places=_places(spec),
                superior_name=names[spec.superior] if spec.superior else spec.name,
                outgoing_book_id=book_for(province, agency, RegisterKind.OUTGOING).pk,
                secret_book_id=book_for(province, agency, RegisterKind.SECRET_OUTGOING).pk,
            )
        )
    return contexts
