"""The pending-requests section of staff and managers: the page and its decision dialogs."""
