"""Paths the store tests share (the seed database fixture is in tests/conftest.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"
