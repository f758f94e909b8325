"""The ORM models. Importing this package registers every table on `Base.metadata`."""

from server.models.account_security import (
    AccountSettings,
    AuditEntry,
    EmailChange,
    LoginChallenge,
    RecoveryCode,
    TwoFactor,
)
from server.models.agenda import Absence, AbsenceCredit
from server.models.base import Base, UtcDateTime
from server.models.contracts import Contract, ContractDay
from server.models.diary import Attendance, AttendanceChange, DiaryEntry, EntryKind
from server.models.enums import (
    DAY_PARTS_BY_CARE_TYPE,
    AbsenceReason,
    AuthEventKind,
    CareType,
    DayPart,
    Role,
    TokenKind,
)
from server.models.events import LiveEvent
from server.models.extra_days import (
    CreditUse,
    ExtraDayItem,
    ExtraDayPayment,
    ExtraDayRequest,
    ExtraDayStatus,
)
from server.models.finance import (
    DocumentPublication,
    FamilyBilling,
    Invoice,
    InvoiceLine,
    InvoiceLineKind,
    InvoiceStatus,
    PaymentMethod,
    StoredDocument,
    Tariff,
)
from server.models.messages import (
    Conversation,
    ConversationRead,
    Message,
    MessageAttachment,
)
from server.models.news import (
    AudienceKind,
    NewsAudience,
    NewsFile,
    NewsFilePurpose,
    NewsItem,
    NewsRead,
)
from server.models.notifications import MessageMail, NotificationPreferences
from server.models.organisation import (
    CareGroup,
    ClosingDay,
    GroupCapacity,
    Location,
    LrkRegistration,
    Organisation,
    SchoolHoliday,
)
from server.models.people import Child, Family, User, manager_location, staff_group
from server.models.personal_data import (
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    ChildContact,
    ChildDetails,
    ContactKind,
    ParentDetails,
)
from server.models.photos import Activity, Photo, PhotoFile, PhotoHeart, PhotoTag, Rendition
from server.models.security import (
    AuthEvent,
    AuthSession,
    IdempotencyRecord,
    KnownDevice,
    PasswordReset,
    SessionToken,
    ThrottleCounter,
)

__all__ = [
    "AccountSettings", "AuditEntry", "EmailChange", "LoginChallenge", "RecoveryCode",
    "TwoFactor",
    "ChangeField", "ChangeRequest", "ChangeStatus", "ChildContact", "ChildDetails",
    "ContactKind", "ParentDetails",
    "Absence", "AbsenceCredit", "AbsenceReason",
    "CreditUse", "ExtraDayItem", "ExtraDayPayment", "ExtraDayRequest", "ExtraDayStatus",
    "DAY_PARTS_BY_CARE_TYPE", "AuthEvent", "AuthEventKind", "AuthSession", "Base", "CareGroup",
    "CareType", "Child", "ClosingDay", "DayPart", "Family", "GroupCapacity", "IdempotencyRecord",
    "KnownDevice", "Contract", "ContractDay", "Location", "LrkRegistration", "Organisation",
    "PasswordReset",
    "Role", "SchoolHoliday", "SessionToken", "ThrottleCounter", "TokenKind", "User", "UtcDateTime",
    "manager_location", "staff_group",
    "DocumentPublication", "FamilyBilling", "Invoice", "InvoiceLine", "InvoiceLineKind",
    "InvoiceStatus", "PaymentMethod", "StoredDocument", "Tariff",
    "Conversation", "ConversationRead", "Message", "MessageAttachment",
    "MessageMail", "NotificationPreferences",
    "AudienceKind", "NewsAudience", "NewsFile", "NewsFilePurpose", "NewsItem", "NewsRead",
    "LiveEvent",
    "Activity", "Photo", "PhotoFile", "PhotoHeart", "PhotoTag", "Rendition",
    "Attendance", "AttendanceChange", "DiaryEntry", "EntryKind",
]
