"""Who takes part in which conversation (docs/api.md, "Messages", "Who sees what").

A family's parents (both: a secondary parent may message and sees the same conversations)
take part in the family's conversations; the staff of the conversation's group share them as
a team inbox, and the location manager of the group's location reads and answers them too.
Another family's conversation, or another group's, is `not_found`: no existence leak."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.ext.asyncio import AsyncSession

from server.agenda.access import own_group_ids
from server.models import CareGroup, Conversation, User, manager_location, staff_group
from server.problems import Problem


async def visible(db: AsyncSession, user: User) -> ColumnElement[bool]:
    """The condition on `Conversation` for the conversations `user` takes part in."""
    if user.role.is_parent:
        if user.family_id is None:
            return false()
        return Conversation.family_id == user.family_id
    groups = await own_group_ids(db, user)
    return Conversation.group_id.in_(groups) if groups else false()


async def conversation(db: AsyncSession, user: User, conversation_id: int) -> Conversation:
    """The conversation if `user` takes part in it, else `not_found`."""
    found = await db.scalar(select(Conversation).where(
        Conversation.id == conversation_id, await visible(db, user)))
    if found is None:
        raise Problem("not_found")
    return found


def side_of(user: User) -> bool:
    """True for the family's side of a conversation, False for the group's."""
    return user.role.is_parent



async def participants(db: AsyncSession, conversation: Conversation) -> set[int]:
    """Everyone who takes part: the family's parents, the group's staff and the managers of
    the group's location (who get its live events)."""
    family = select(User.id).where(User.family_id == conversation.family_id)
    staff = select(staff_group.c.user_id).where(staff_group.c.group_id == conversation.group_id)
    managers = select(manager_location.c.user_id).join(
        CareGroup, CareGroup.location_id == manager_location.c.location_id).where(
        CareGroup.id == conversation.group_id)
    return set((await db.scalars(family.union(staff, managers))).all())
