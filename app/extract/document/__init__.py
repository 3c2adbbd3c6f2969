"""The document as a whole: its header (title, date, dateline, outlet), its sentences, the warnings about it."""
