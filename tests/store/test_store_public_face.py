"""The store's public face: every lazily exported name resolves, and __all__ lists them."""

import app.store as store
from app.store import _LAZY


def test_every_public_name_resolves():
    for name in store.__all__:
        assert getattr(store, name) is not None, name


def test_all_lists_the_lazy_names():
    assert set(_LAZY) <= set(store.__all__)


def test_unknown_name_is_an_attribute_error():
    try:
        store.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")
