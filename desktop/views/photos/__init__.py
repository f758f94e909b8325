"""The Foto's section: the parents' grid and viewer, the staff's upload."""
