"""The domain records the views display, handed to them by the services and models.

Views import these from here and never from ``desktop.api``: the views' only dependencies are the
services and the models (tests/test_layering.py holds them to that), so the network layer can
change without touching a widget.
"""

from desktop.api.absences.records import (
    Absence,
    AbsenceDraft,
    CancelPreview,
    ChildCredit,
    QueuedAbsence,
    RepricedExtraDay,
)
from desktop.api.account.records import (
    AccountSecurity,
    AuthSession,
    NotificationPreferences,
    TwoFactorSetup,
    grouped_secret,
)
from desktop.api.agenda.records import (
    AbsenceReason,
    Agenda,
    AgendaAbsence,
    DayAgenda,
    DayPart,
    PlannedDayPart,
)
from desktop.api.diary.records import (
    AttendanceChange,
    ChildStatus,
    DiaryDay,
    DiaryEntry,
    EntryDraft,
    EntryKind,
    GroupDay,
    GroupDayChild,
)
from desktop.api.extra_days.records import (
    CapacityDay,
    ExtraDayDraft,
    ExtraDayPayment,
    ExtraDayPreview,
    ExtraDayRequest,
    ExtraDayStatus,
)
from desktop.api.messages.records import (
    Attachment,
    Conversation,
    Inbox,
    Message,
    MessageDraft,
    Posted,
)
from desktop.api.news.records import (
    NewsDraft,
    NewsFileDraft,
    NewsImage,
    NewsItem,
    NewsList,
    Place,
    PublishAudiences,
)
from desktop.api.personal_data.records import (
    Address,
    BankAccount,
    CareNotes,
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    ChildData,
    Contact,
    Medical,
    ParentData,
    PersonalData,
)
from desktop.api.photos.records import (
    Activity,
    Photo,
    PhotoListing,
    Rendition,
    TaggableChild,
)
from desktop.api.portal.records import Policy
from desktop.api.profile.records import Child, Group, Location, PhotoConsent, Profile, Role
from desktop.services.agenda.calendar_export import CalendarExport

__all__ = ["AccountSecurity", "NotificationPreferences", "TwoFactorSetup", "grouped_secret",
           "Address", "BankAccount",
           "CareNotes", "ChangeField", "ChangeRequest", "ChangeStatus", "ChildData", "Contact",
           "Medical", "ParentData", "PersonalData",
           "Absence", "AbsenceDraft", "AbsenceReason", "Agenda", "AgendaAbsence", "AuthSession",
           "CalendarExport", "CancelPreview", "CapacityDay", "Child", "ChildCredit", "DayAgenda",
           "DayPart", "ExtraDayDraft", "ExtraDayPayment", "ExtraDayPreview", "ExtraDayRequest",
           "ExtraDayStatus", "Group", "Location", "PhotoConsent", "PlannedDayPart", "Policy",
           "Profile",
           "QueuedAbsence", "RepricedExtraDay", "Role",
           "Attachment", "Conversation", "Inbox", "Message", "MessageDraft", "Posted",
           "NewsDraft", "NewsFileDraft", "NewsImage", "NewsItem", "NewsList", "Place",
           "PublishAudiences",
           "Activity", "Photo", "PhotoListing", "Rendition", "TaggableChild",
           "AttendanceChange", "ChildStatus", "DiaryDay", "DiaryEntry", "EntryDraft",
           "EntryKind", "GroupDay", "GroupDayChild"]
