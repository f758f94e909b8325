"""Who is logged in: family, children and their contracts, groups, locations."""
