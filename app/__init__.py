"""Fact Browser: facts of diplomatic press releases, with their sources."""

__version__ = "0.1.0"
APP_NAME = "Fact Browser"
APP_ID = "org.factbrowser.FactBrowser"
