"""The desktop fact browser (PySide6 + pyqtgraph), a thin layer over app.store."""
