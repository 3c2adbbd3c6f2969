"""The widgets every fact tab is built from: filter row, table, detail pane, splitters. Each
builder sets the attributes the tab's methods use (filter_edit, view, detail, splitter…)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

FILTER_TIP = (
    "Shows the rows where each word you type begins a word of a column the table "
    "shows (text and dates), in any order, case and accents ignored (\u201cmin lav\u201d "
    "finds Minister Lavrov).\nWords joined by punctuation stay together: 2.5, "
    "2010-2012, Al-Thani. Hidden columns are not searched (right-click the header to "
    "show or hide columns).")


def build_filter_row(tab) -> None:
    tab.filter_edit = QtWidgets.QLineEdit()
    tab.filter_edit.setPlaceholderText(f"Filter {tab.title.lower()}…")
    tab.filter_edit.setAccessibleName(f"Filter {tab.title}")
    tab.filter_edit.setClearButtonEnabled(True)
    tab.filter_edit.setToolTip(FILTER_TIP)
    tab._filter_timer = QtCore.QTimer(tab, singleShot=True, interval=250)
    tab._filter_timer.timeout.connect(tab.refresh)
    tab.filter_edit.textChanged.connect(lambda _t: tab._filter_timer.start())
    tab.count_label = QtWidgets.QLabel()
    tab.count_label.setAccessibleName(f"{tab.title} row count")

    tab.filter_row = QtWidgets.QHBoxLayout()
    tab.filter_row.setContentsMargins(0, 0, 0, 0)
    tab.filter_row.addWidget(tab.filter_edit, 2)
    tab.add_filter_widgets(tab.filter_row)
    tab.filter_row.addStretch(1)
    tab.filter_row.addWidget(tab.count_label)


def build_table_view(tab) -> None:
    view = tab.view = QtWidgets.QTableView()
    view.setAccessibleName(f"{tab.title} table")
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(QtGui.QFontMetrics(view.font()).height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(60)   # size columns from a sample, not every row
    header.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(tab._header_menu)
    view.setTabKeyNavigation(False)


def build_detail_pane(tab) -> QtWidgets.QWidget:
    tab.show_source_button = QtWidgets.QPushButton("Show in source")
    tab.show_source_button.setToolTip("Open the Sources tab on the sentence this fact comes from")
    tab.show_source_button.setEnabled(False)
    tab.show_source_button.clicked.connect(tab.show_in_source)
    tab.detail = QtWidgets.QTextBrowser()
    tab.detail.setAccessibleName(f"{tab.title} details")
    tab.detail.setOpenLinks(False)
    tab.detail.anchorClicked.connect(tab.ctx.open_link)
    tab.detail.setPlaceholderText("Select a row to see its details.")
    detail_box = QtWidgets.QWidget()
    detail_layout = QtWidgets.QVBoxLayout(detail_box)
    detail_layout.setContentsMargins(0, 0, 0, 0)
    button_row = QtWidgets.QHBoxLayout()
    tab.detail_title = QtWidgets.QLabel("<b>Details</b>")
    button_row.addWidget(tab.detail_title)
    button_row.addStretch(1)
    button_row.addWidget(tab.show_source_button)
    detail_layout.addLayout(button_row)
    detail_layout.addWidget(tab.detail, 1)
    return detail_box


def build_splitters(tab, detail_box: QtWidgets.QWidget) -> None:
    """Table beside the details, above the plots."""
    tab.top_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
    tab.top_splitter.setObjectName(f"{tab.objectName()}_top")
    tab.top_splitter.addWidget(tab.view)
    tab.top_splitter.addWidget(detail_box)
    tab.top_splitter.setStretchFactor(0, 3)
    tab.top_splitter.setStretchFactor(1, 2)
    tab.top_splitter.setSizes([800, 460])

    tab.plot_area = QtWidgets.QWidget()
    tab.plot_layout = QtWidgets.QHBoxLayout(tab.plot_area)
    tab.plot_layout.setContentsMargins(0, 0, 0, 0)

    tab.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
    tab.splitter.setObjectName(f"{tab.objectName()}_main")
    tab.splitter.addWidget(tab.top_splitter)
    tab.splitter.addWidget(tab.plot_area)
    tab.splitter.setStretchFactor(0, 1)
    tab.splitter.setStretchFactor(1, 1)
    tab.splitter.setSizes([330, 330])

    layout = QtWidgets.QVBoxLayout(tab)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addLayout(tab.filter_row)
    layout.addWidget(tab.splitter, 1)
