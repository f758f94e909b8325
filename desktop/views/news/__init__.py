"""The "Nieuws" section: the list and the reader."""
