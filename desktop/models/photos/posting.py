"""Models of posting photos: the activities of the staff member's groups, and the files of a
batch with the state of each (waiting, sending, posted, refused with the portal's reason,
not arrived)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.api.photos.records import Activity
from desktop.models.shared.formatting import format_date
from desktop.services.photos.posting import Upload, UploadState

__all__ = ["ActivitiesModel", "UploadsModel", "state_text"]

ModelIndex = QModelIndex | QPersistentModelIndex
ActivityRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
#: How far a file being sent got, 0–100 (None when it is not being sent)
ProgressRole = Qt.ItemDataRole.UserRole + 3


def state_text(upload: Upload) -> str:
    state = upload.state
    if state is UploadState.WAITING:
        text = QCoreApplication.translate("Uploads", "Ready to post")
    elif state is UploadState.SENDING and upload.total and upload.sent >= upload.total:
        text = QCoreApplication.translate("Uploads", "Sent, the portal is preparing it…")
    elif state is UploadState.SENDING and upload.total:
        text = QCoreApplication.translate("Uploads", "Posting… {percent} %").format(
            percent=upload.percent)
    elif state is UploadState.SENDING:
        text = QCoreApplication.translate("Uploads", "Posting…")
    elif state is UploadState.DONE:
        text = QCoreApplication.translate("Uploads", "Posted")
    elif state is UploadState.REFUSED:
        text = QCoreApplication.translate("Uploads", "Not posted: {reason}")
    else:
        text = QCoreApplication.translate("Uploads", "Did not arrive: {reason}")
    return text.format(reason=upload.message)


class ActivitiesModel(QAbstractListModel):
    """Activities newest first: "3 november 2026 · Herfstwandeling (12 · ♥ 5)": the photos
    and the parents' hearts on them (without the hearts when the organisation has them off)."""

    ActivityRole = ActivityRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Activity, str]] = []

    def set_activities(self, activities: Sequence[Activity]) -> None:
        self.beginResetModel()
        self._rows = [(a, _activity_label(a)) for a in activities]
        self.endResetModel()

    def activity_at(self, row: int) -> Activity | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, activity_id: int) -> int:
        return next((n for n, (a, _t) in enumerate(self._rows) if a.id == activity_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        activity, text = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == ActivityRole:
            return activity
        return None


def _activity_label(activity: Activity) -> str:
    if activity.heart_count is None:
        text = QCoreApplication.translate("Uploads", "{date} · {title} ({count})")
    else:
        text = QCoreApplication.translate("Uploads", "{date} · {title} ({count} · ♥ {hearts})")
    return text.format(date=format_date(activity.date), title=activity.title,
                       count=activity.photo_count, hearts=activity.heart_count)


class UploadsModel(QAbstractListModel):
    """The files of the batch (``uploads``, the posting service's list): name and state;
    ``changed(row)`` announces one file."""

    StateRole = StateRole
    ProgressRole = ProgressRole

    def __init__(self, uploads: list[Upload], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._uploads = uploads

    def reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def changed(self, row: int) -> None:
        if 0 <= row < len(self._uploads):
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._uploads)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._uploads):
            return None
        upload = self._uploads[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{upload.path.name} — {state_text(upload)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(upload.path)
        if role == StateRole:
            return upload.state.value
        if role == ProgressRole:
            return upload.percent if upload.state is UploadState.SENDING else None
        return None
