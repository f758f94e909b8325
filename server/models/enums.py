"""Domain vocabularies stored as strings."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PRIMARY_PARENT = "primary_parent"
    SECONDARY_PARENT = "secondary_parent"
    STAFF = "staff"
    MANAGER = "manager"

    @property
    def is_parent(self) -> bool:
        return self in (Role.PRIMARY_PARENT, Role.SECONDARY_PARENT)


class CareType(StrEnum):
    KDV = "KDV"
    BSO = "BSO"
    PEUTEROPVANG = "peuteropvang"


class DayPart(StrEnum):
    OCHTEND = "ochtend"
    MIDDAG = "middag"
    VSO = "vso"
    NSO = "nso"
    VAKANTIE = "vakantie"


# A "hele dag" at the KDV is ochtend + middag; BSO has before/after school and holiday care.
DAY_PARTS_BY_CARE_TYPE: dict[CareType, tuple[DayPart, ...]] = {
    CareType.KDV: (DayPart.OCHTEND, DayPart.MIDDAG),
    CareType.PEUTEROPVANG: (DayPart.OCHTEND, DayPart.MIDDAG),
    CareType.BSO: (DayPart.VSO, DayPart.NSO, DayPart.VAKANTIE),
}


class TokenKind(StrEnum):
    ACCESS = "access"
    REFRESH = "refresh"


class AuthEventKind(StrEnum):
    LOGIN_OK = "login_ok"
    LOGIN_FAILED = "login_failed"
    LOGIN_THROTTLED = "login_throttled"
    RESET_REQUESTED = "reset_requested"
    RESET_USED = "reset_used"
    LOGOUT = "logout"
    REFRESH_REUSE = "refresh_reuse"
    SESSION_ENDED = "session_ended"


class AbsenceReason(StrEnum):
    ZIEK = "ziek"
    VAKANTIE = "vakantie"
    OVERIG = "overig"
