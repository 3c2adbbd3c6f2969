"""Every command and every long option of `factbrowser` is documented in README.md's command
table (as sqlite-utils checks its CLI reference): the parser is read, not a list kept by hand,
so an option added without a README line fails here."""

import argparse
import contextlib
import io
import re
from pathlib import Path

import pytest

from app import cli, cli_read, cli_write

README = Path(__file__).resolve().parents[1] / "README.md"
COMMON = {"--db"}  # said once for every command, above the table


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _long_options(actions) -> list[str]:
    return [o for a in actions if not isinstance(a, argparse._HelpAction)
            for o in a.option_strings if o.startswith("--")]


def _screenshot_options() -> list[str]:
    """The screenshot command parses its own arguments (app.gui.screenshot, which loads Qt only
    when it renders): its options as its --help lists them."""
    from app.gui.screenshot import parse_args

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        parse_args(["--help"])
    return sorted(set(re.findall(r"(?<![\w-])--[a-z][\w-]*", out.getvalue())) - {"--help"})


def _command_section(readme: str) -> str:
    return readme.split("\n## Command line", 1)[1].split("\n## ", 1)[0]


def _row(section: str, words: str) -> str | None:
    """The table row documenting `factbrowser WORDS`."""
    pattern = re.compile(rf"^\| `factbrowser {re.escape(words)}(?=[ `])", re.M)
    m = pattern.search(section)
    return section[m.start():section.index("\n", m.start())] if m else None


def _mentions(row: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", row) is not None


def undocumented(readme: str) -> list[str]:
    section = _command_section(readme)
    parser = cli._parser()
    missing = [o for o in COMMON if not _mentions(section, o)]
    for option in _long_options(parser._actions):
        if option not in COMMON and _row(section, option) is None:
            missing.append(f"factbrowser {option}")
    for name, sub in _subcommands(parser).items():
        row = _row(section, name)
        if row is None:
            missing.append(f"factbrowser {name}")
            continue
        options = _screenshot_options() if name == "screenshot" else _long_options(sub._actions)
        missing += [f"factbrowser {name} {o}" for o in options
                    if o not in COMMON and not _mentions(row, o)]
    return missing


def test_every_command_and_option_is_in_the_readme():
    assert undocumented(README.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_missing_option_and_command():
    readme = README.read_text(encoding="utf-8")
    without_bom = readme.replace("`--bom`", "`-x`")
    assert undocumented(without_bom) == ["factbrowser export --bom"]
    without_check = re.sub(r"^\| `factbrowser check` .*\n", "", readme, flags=re.M)
    assert undocumented(without_check) == ["factbrowser check"]


def test_every_command_is_bound_to_its_handler():
    parser = cli._parser()
    assert set(_subcommands(parser)) == set(cli.COMMANDS)
    for name in cli.COMMANDS:
        args = parser.parse_args([name, *_REQUIRED.get(name, [])])
        handler = f"cmd_{name.replace('-', '_')}"
        found = [getattr(m, n) for m in (cli, cli_read, cli_write) for n in (handler, f"_{handler}")
                 if hasattr(m, n)]
        assert found == [args.func], name


_REQUIRED = {"extract": ["x.txt"], "ingest": ["x.txt"], "remove": ["1"],
             "set-date": ["1", "2024-01-01"], "show": ["people"], "export": ["-o", "out"],
             "recover": ["-o", "new.db"]}
