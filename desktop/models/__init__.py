"""Qt item models over the account's data (QtCore/QtGui only, never widgets)."""

from desktop.models.children import ChildrenModel
from desktop.models.devices import DevicesModel
from desktop.models.groups import GroupsModel
from desktop.models.sections import SectionsModel

__all__ = ["ChildrenModel", "DevicesModel", "GroupsModel", "SectionsModel"]
