"""Dates and periods: date expressions, their resolution against the publication date, reporting periods."""
