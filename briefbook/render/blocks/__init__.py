"""The builders that turn each block kind into flowables, and what they share."""
