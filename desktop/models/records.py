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
    DayAgenda,
    DayPart,
    PlannedDayPart,
    QueuedAbsence,
)
from desktop.api.records import Child, Group, Location, Policy, Profile, Role, SessionInfo

__all__ = ["Absence", "AbsenceDraft", "AbsenceReason", "Agenda", "AgendaAbsence", "Child",
           "DayAgenda", "DayPart", "Group", "Location", "PlannedDayPart", "Policy", "Profile",
           "QueuedAbsence", "Role", "SessionInfo"]
