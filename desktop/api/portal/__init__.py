"""The organisation behind a portal: GET /portal and its policy values."""
