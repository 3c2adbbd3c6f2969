"""`factbrowser screenshot` renders a tab offscreen to a PNG of the asked size."""

import os
import subprocess
import sys

from PySide6 import QtGui


def test_screenshot_command_writes_a_png_of_the_tab(seed_db, tmp_path):
    out = tmp_path / "meetings.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run(
        [sys.executable, "-m", "app", "screenshot", "--tab", "meetings", "-o", str(out),
         "--size", "900x600", "--db", str(seed_db)],
        capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    # Not a blank canvas: the window has many colours (text, plot points, selection).
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20


def test_screenshot_rejects_bad_arguments(seed_db, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    bad_size = subprocess.run(
        [sys.executable, "-m", "app", "screenshot", "--tab", "people", "-o", str(tmp_path / "x.png"),
         "--size", "huge", "--db", str(seed_db)], capture_output=True, text=True, env=env, timeout=60)
    assert bad_size.returncode != 0 and "--size" in bad_size.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "app", "screenshot", "--tab", "people", "-o", str(tmp_path / "x.png"),
         "--db", str(tmp_path / "nope.db")], capture_output=True, text=True, env=env, timeout=60)
    assert missing.returncode == 2 and "no database" in missing.stderr.lower()
    assert not (tmp_path / "x.png").exists()
