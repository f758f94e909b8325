"""The kinds of live events: one line each. An event says *what* changed (ids only, never
the content); the app then syncs that part incrementally. A feature that adds a kind adds
its line here and publishes it with `server.events.bus.publish`."""

from __future__ import annotations

EVENT_KINDS: dict[str, str] = {
    "message": "a new message in a conversation (conversation_id, message_id)",
    "conversation_read": "someone read a conversation further (conversation_id)",
    "conversation_closed": "staff closed a conversation (conversation_id)",
    "news": "news was published for the user (news_id)",
    "decision": "an extra-day request of the family was decided (request_id, status)",
    "diary": "a child's diary day changed for the family (child_id, date)",
    "photos": "a photo became visible to the family, was hidden from it or changed children "
              "(activity_id, photo_id, change: added|removed|changed; on a consent change "
              "child_id, change)",
    "session_ended": "a session of the user was revoked (session_id); its stream ends",
}
