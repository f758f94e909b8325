"""The domain records the views display, handed to them by the services and models.

Views import these from here and never from ``desktop.api``: the views' only dependencies are the
services and the models (tests/test_layering.py holds them to that), so the network layer can
change without touching a widget.
"""

from desktop.api.agenda_records import (
    Absence,
    AbsenceDraft,
    AbsenceReason,
    Agenda,
    AgendaAbsence,
    CapacityDay,
    ChildCredit,
    DayAgenda,
    DayPart,
    ExtraDayDraft,
    ExtraDayPreview,
    ExtraDayRequest,
    ExtraDayStatus,
    Payment,
    PlannedDayPart,
    QueuedAbsence,
)
from desktop.api.records import Child, Group, Location, Policy, Profile, Role, SessionInfo

__all__ = ["Absence", "AbsenceDraft", "AbsenceReason", "Agenda", "AgendaAbsence", "CapacityDay",
           "Child",
           "ChildCredit", "DayAgenda", "DayPart", "ExtraDayDraft", "ExtraDayPreview",
           "ExtraDayRequest", "ExtraDayStatus", "Group", "Location", "Payment",
           "PlannedDayPart", "Policy", "Profile", "QueuedAbsence", "Role", "SessionInfo"]
