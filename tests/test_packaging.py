"""Packaging: the wheel's contents, the icons, the desktop files and the version's single source.

The wheel is built once per run (about two seconds with a cached hatchling; it needs PyPI for the
isolated build environment, as CI has). The validators run when installed (Debian's
desktop-file-utils and appstream) and are skipped with the reason otherwise.
"""

from __future__ import annotations

import compileall
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
DESKTOP = LINUX / f"{app.APP_ID}.desktop"
METAINFO = LINUX / f"{app.APP_ID}.metainfo.xml"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
# the folder app/ installs as the import package `factbrowser` (pyproject.toml)
PKG = "factbrowser"


def _absolute_self_imports() -> list[str]:
    """Lines of app/ that import the package by the folder's name, which the installed
    `factbrowser` cannot resolve."""
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*(from|import)\s+app\b", line) or re.search(
                    r"""import_module\(f?["']app\.""", line):
                found.append(f"{path.relative_to(ROOT).as_posix()}:{number}")
    return found


ABSOLUTE = _absolute_self_imports()
needs_relative_imports = pytest.mark.skipif(bool(ABSOLUTE), reason=(
    f"app/ imports itself as `app.` ({len(ABSOLUTE)} lines, first {ABSOLUTE[:1]}), so the "
    "installed `factbrowser` cannot run (test_app_imports_itself_only_relatively says where)"))


def _build_wheel(out: Path) -> Path:
    try:
        import build  # noqa: F401

        cmd = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(ROOT)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, f"wheel build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    wheels = list(out.glob("factbrowser-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # byte code beside the sources, as any run leaves it: the wheel must not ship it
    compileall.compile_dir(ROOT / "app", quiet=1)
    return _build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def wheel_files(wheel) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as zf:
        return {name: zf.read(name) for name in zf.namelist() if not name.endswith("/")}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.mark.slow
def test_wheel_name_and_metadata_carry_the_one_version(wheel, wheel_files):
    assert wheel.name.startswith(f"factbrowser-{app.__version__}-py3-none-any")
    meta = wheel_files[f"factbrowser-{app.__version__}.dist-info/METADATA"].decode()
    assert f"\nVersion: {app.__version__}\n" in meta
    deps = [line for line in meta.splitlines() if line.startswith("Requires-Dist:")]
    assert any("pyside6-essentials" in d.lower() for d in deps)
    assert not any(re.search(r"\b(pyinstaller|pillow|build)\b", d, re.I) for d in deps
                   if "extra ==" not in d), deps
    entry = wheel_files[f"factbrowser-{app.__version__}.dist-info/entry_points.txt"].decode()
    assert re.search(r"^factbrowser\s*=\s*factbrowser\.cli:main$", entry, re.M), entry


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["corpus", "gazetteers", "icons"])
def test_wheel_holds_every_resource_file_byte_for_byte(wheel_files, folder):
    sources = sorted(p for p in (ROOT / "resources" / folder).rglob("*") if p.is_file())
    assert sources, f"resources/{folder} is empty"
    for path in sources:
        name = f"{PKG}/_resources/" + path.relative_to(ROOT / "resources").as_posix()
        assert name in wheel_files, f"{name} missing from the wheel"
        assert _digest(wheel_files[name]) == _digest(path.read_bytes()), name


@pytest.mark.slow
def test_wheel_holds_every_module_and_nothing_from_the_checkout_around_it(wheel_files):
    modules = sorted(f"{PKG}/" + p.relative_to(ROOT / "app").as_posix()
                     for p in (ROOT / "app").rglob("*.py"))
    for required in ("__init__.py", "cli.py", "resources.py", "__main__.py"):
        assert f"{PKG}/{required}" in modules
    missing = [m for m in modules if m not in wheel_files]
    assert not missing, missing
    assert list((ROOT / "app").rglob("__pycache__/*.pyc"))  # there was byte code to leave out
    stray = [n for n in wheel_files if n.startswith(("tests/", "benchmarks/", ".venv/"))
             or n.endswith(".pyc") or "__pycache__" in n]
    assert not stray, stray
    # only factbrowser/ and the wheel's own folders: nothing named `app` (it would collide with
    # any other project's `app` in site-packages), no hatch_build.py
    tops = {n.split("/")[0] for n in wheel_files}
    assert tops == {PKG, f"{PKG}-{app.__version__}.dist-info", f"{PKG}-{app.__version__}.data"}, tops


@pytest.mark.slow
def test_wheel_carries_the_desktop_integration_as_shared_data(wheel_files):
    data = f"factbrowser-{app.__version__}.data/data/share/"
    assert wheel_files[data + f"applications/{app.APP_ID}.desktop"] == DESKTOP.read_bytes()
    assert wheel_files[data + f"metainfo/{app.APP_ID}.metainfo.xml"] == METAINFO.read_bytes()
    for size in PNG_SIZES:
        name = data + f"icons/hicolor/{size}x{size}/apps/{app.APP_ID}.png"
        assert _png_size(wheel_files[name]) == (size, size)
    assert data + f"icons/hicolor/scalable/apps/{app.APP_ID}.svg" in wheel_files


@pytest.mark.slow
@needs_relative_imports
def test_installed_wheel_finds_its_resources_without_the_checkout(wheel, tmp_path):
    """Unpack the wheel as pip would (no editable hook) and import it from a folder far away."""
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    # -I -S: no site-packages (so no editable install of the checkout), no cwd on the path.
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "root = Path(sys.argv[1]).resolve()\n"
        "sys.path.insert(0, str(root))\n"
        "import factbrowser as app, factbrowser.resources as r\n"
        "assert Path(app.__file__).resolve().is_relative_to(root), app.__file__\n"
        "assert r.resources_dir().resolve() == root / 'factbrowser' / '_resources', r.resources_dir()\n"
        "assert sorted(r.corpus_dir().glob('*.txt')), 'no corpus'\n"
        "assert sorted(r.gazetteer_dir().iterdir()), 'no gazetteers'\n"
        "assert (r.icons_dir() / 'factbrowser.svg').is_file()\n"
        "assert not [m for m in sys.modules if m == 'app' or m.startswith('app.')]\n"
        "print(app.__version__)\n"
    )
    proc = subprocess.run([sys.executable, "-I", "-S", "-c", probe, str(target)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == app.__version__


@pytest.mark.slow
@needs_relative_imports
def test_wheel_installs_factbrowser_into_a_fresh_venv_and_its_command_runs(wheel, tmp_path):
    """pip installs the wheel into a new venv; its `factbrowser` command and `python -m
    factbrowser` run from a folder far from the checkout, and nothing named `app` is installed.
    (--no-deps: --version needs no third-party package, and the test needs no index.)"""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                           "--quiet", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    for cmd in ([str(bindir / "factbrowser"), "--version"],
                [str(python), "-m", PKG, "--version"]):
        run = subprocess.run(cmd, capture_output=True, text=True, cwd=away, env=env, timeout=120)
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.strip() == f"factbrowser {app.__version__}", run.stdout
    probe = ("import importlib.util, factbrowser, sys\n"
             "print(factbrowser.__file__)\n"
             "print(importlib.util.find_spec('app'))\n")
    run = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=away,
                         env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    location, app_spec = run.stdout.splitlines()
    assert Path(location).is_relative_to(venv), location
    assert app_spec == "None", "something named `app` was installed"


def test_app_imports_itself_only_relatively():
    """The installed package is `factbrowser`: an `app.` import inside it would not resolve."""
    assert not ABSOLUTE, ABSOLUTE[:20]


# --- icons -----------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_the_sizes_their_names_say():
    for size in PNG_SIZES:
        assert _png_size((ICONS / f"factbrowser-{size}.png").read_bytes()) == (size, size)


def test_svg_icon_is_the_source_and_renders():
    root = ET.parse(ICONS / "factbrowser.svg").getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 512 512"


def test_ico_holds_png_images_of_each_declared_size():
    data = (ICONS / "factbrowser.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        declared = w or 256
        assert _png_size(data[offset:offset + length]) == (declared, h or 256)
        assert offset + length <= len(data)
        sizes.append(declared)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_chunks_add_up_and_hold_pngs():
    data = (ICONS / "factbrowser.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, types = 8, {}
    while pos < len(data):
        ostype, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        assert length > 8
        types[ostype] = _png_size(data[pos + 8:pos + length])
        pos += length
    assert pos == len(data)
    assert types[b"ic07"] == (128, 128) and types[b"ic09"] == (512, 512)
    assert types[b"ic10"] == (1024, 1024)


# --- desktop files and version ---------------------------------------------------------------


def _desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_entry_names_the_app_id_icon_and_command():
    entry = _desktop_entry()
    assert entry["Name"] == app.APP_NAME
    assert entry["Icon"] == app.APP_ID
    assert entry["Exec"].split()[0] == "factbrowser"
    assert entry["Type"] == "Application"


def test_metainfo_matches_the_app_and_its_changelog():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == app.APP_ID
    assert root.findtext("name") == app.APP_NAME
    assert root.find("launchable").text == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == app.__version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for release in releases:
        heading = f"## [{release.get('version')}] - {release.get('date')}"
        assert heading in changelog, heading
        assert release.find("description/p") is not None


def test_metainfo_screenshots_are_the_readmes():
    root = ET.parse(METAINFO).getroot()
    images = list(root.iter("image"))
    assert len(images) == 5
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for img in images:
        name = Path(img.text).name
        shot = ROOT / "docs" / "screenshots" / name
        assert shot.is_file(), f"{shot} (made by `factbrowser screenshot`) is missing"
        assert f"docs/screenshots/{name}" in readme, f"README does not show {name}"
        declared = (int(img.get("width")), int(img.get("height")))
        assert _png_size(shot.read_bytes()) == declared, f"{name} is not {declared}"


def test_changelog_has_a_dated_section_for_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(app.__version__)}\] - \d{{4}}-\d\d-\d\d$", text, re.M)


def test_version_has_one_source():
    """The spec and pyproject read app/__init__.py; no other file may spell the version out."""
    assert re.fullmatch(r"\d+\.\d+\.\d+", app.__version__)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "app/__init__.py"' in pyproject
    spec = (ROOT / "packaging" / "pyinstaller" / "factbrowser.spec").read_text(encoding="utf-8")
    assert app.__version__ not in spec and "__init__.py" in spec
    offenders = [p for p in (ROOT / "app").rglob("*.py") if p.name != "__init__.py"
                 and re.search(r"""__version__\s*=""", p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


# --- validators (Debian's desktop-file-utils and appstream) ----------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return path


def test_desktop_file_validates():
    proc = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_validates():
    proc = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_installed_tree_validates(tmp_path):
    tool = _tool("appstreamcli")
    sys.path.insert(0, str(LINUX))
    try:
        import install_desktop
    finally:
        sys.path.remove(str(LINUX))
    install_desktop.install(tmp_path, exec_path="/opt/Fact Browser/FactBrowser")
    desktop = tmp_path / "share" / "applications" / DESKTOP.name
    assert 'Exec="/opt/Fact Browser/FactBrowser"' in desktop.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout
    proc = subprocess.run([tool, "validate-tree", "--no-net", str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- the self-test that the bundle runs ------------------------------------------------------


@pytest.mark.slow
def test_self_test_passes_on_this_installation(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run([sys.executable, "-m", "app", "--self-test"], capture_output=True,
                          text=True, timeout=300, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    for check in ("database", "tabs", "export"):
        assert any(line.startswith(f"ok   {check} ") for line in lines), proc.stdout
    assert lines[-1] == "self-test passed"
    assert not list(tmp_path.iterdir()), "the self-test left files in the working folder"


def test_self_test_export_check_fails_when_rows_go_missing(tmp_path, monkeypatch):
    """The export check compares the files with the table: an export that drops a row fails it."""
    import app.store as store
    from app import selftest
    from app.store import ensure_default_db

    db = ensure_default_db(tmp_path / "fb.db")
    real = store.Store.export

    def lossy(self, tables, fmt, dest, **kw):
        result = real(self, tables, fmt, dest, **kw)
        if fmt == "csv":
            csv_path = Path(dest) / f"{tables[0]}.csv"
            lines = csv_path.read_text(encoding="utf-8").splitlines(keepends=True)
            csv_path.write_text("".join(lines[:-1]), encoding="utf-8")
        return result

    monkeypatch.setattr(store.Store, "export", lossy)  # what the self-test calls
    with pytest.raises(selftest.CheckFailed, match="csv: .* rows in people.csv"):
        selftest.check_exports(db, tmp_path / "out")


def test_self_test_database_check_fails_without_a_corpus(tmp_path, monkeypatch):
    import app.resources
    from app import selftest

    empty = tmp_path / "resources"
    (empty / "corpus").mkdir(parents=True)
    monkeypatch.setattr(app.resources, "resources_dir", lambda: empty)
    with pytest.raises(selftest.CheckFailed, match="no corpus"):
        selftest.check_database(tmp_path / "fb.db")
    assert not (tmp_path / "fb.db").exists()


# --- the bundle's build files (the build itself takes minutes: `python packaging/build.py`) --


def test_spec_and_build_script_compile_and_read_the_version_from_app():
    spec = ROOT / "packaging" / "pyinstaller" / "factbrowser.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
    import importlib.util

    loader = importlib.util.spec_from_file_location("fb_build_script", ROOT / "packaging" / "build.py")
    build_script = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(build_script)
    # this environment runs the app, so build.py would use it rather than make build/venv
    assert build_script.missing_imports() == []
    assert build_script.bundle_executable().parent == ROOT / "dist" / "FactBrowser"
    namespace: dict = {"SPECPATH": str(spec.parent)}
    source = spec.read_text(encoding="utf-8").split("\nVERSION, APP_NAME, APP_ID =")[0]
    exec(compile(source, str(spec), "exec"), namespace)
    assert namespace["_app_constants"]() == (app.__version__, app.APP_NAME, app.APP_ID)
