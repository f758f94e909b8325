"""What several models and the views use: formatting, card roles, the records views may read."""
