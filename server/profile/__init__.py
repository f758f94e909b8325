"""The profile: who is logged in with their family, children, contracts, groups and locations
(`/me`), the organisation's policy values (`/policy`) and the public `/portal`."""
