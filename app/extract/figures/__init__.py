"""Figures: numbers, quantities with their units, measures, partners and periods."""
