"""Models of the Foto's section: the grid's list model and its thumbnail cache."""
