"""The account's own data: the devices where it is logged in."""
