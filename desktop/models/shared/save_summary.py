"""What a folder save did, in one sentence per fact (:mod:`desktop.services.shared.save_folder`):
the same words after "Alle foto's opslaan" and after the Overzicht's "Alles opslaan"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.shared.save_folder import SaveOutcome

__all__ = ["save_summary"]


def save_summary(outcome: SaveOutcome | None, saved: str) -> str:
    """``saved`` says what was written (the caller knows what it saved); then what was in the
    folder already, what arrived damaged, and why a run stopped. None: cancelled."""
    if outcome is None:
        return QCoreApplication.translate(
            "SaveSummary", "Saving stopped. What was saved stays; saving again adds the rest.")
    parts = [saved]
    if outcome.already_there:
        parts.append(QCoreApplication.translate(
            "SaveSummary", "Already in the folder: {n}.").format(n=outcome.already_there))
    if outcome.damaged:
        parts.append(QCoreApplication.translate(
            "SaveSummary", "Arrived damaged, not saved: {n}. Save again later.").format(
            n=outcome.damaged))
    if outcome.error:
        parts.append(QCoreApplication.translate(
            "SaveSummary", "Stopped: {reason} Saving again adds the rest.").format(
            reason=outcome.error))
    return " ".join(parts)
