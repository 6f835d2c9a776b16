"""Shared fixtures: the test-data folder, one standalone GL context per session, and the
user's own folders kept out of reach of every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"


@pytest.fixture(scope="session", autouse=True)
def _no_user_cache(tmp_path_factory):
    """One cache folder for the session (shader and font caches are slow to rebuild per test)."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME")
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(autouse=True)
def _no_user_folders(tmp_path_factory, monkeypatch):
    """Every test, and every command it runs, writes data and settings to its own temporary
    folders: an autosave or event log left by a test would greet the user at the next start."""
    home = tmp_path_factory.mktemp("user")
    folders = {"MOODGRADE_DATA_DIR": "data", "XDG_DATA_HOME": "share", "XDG_CONFIG_HOME": "config"}
    for variable, folder in folders.items():
        monkeypatch.setenv(variable, str(home / folder))


@pytest.fixture(scope="session")
def testdata() -> Path:
    """``<repo>/../shared/testdata``; missing data fails under CI=true and skips elsewhere."""
    if not TESTDATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"test data missing at {TESTDATA}")
        pytest.skip(f"test data missing at {TESTDATA}")
    return TESTDATA


@pytest.fixture(scope="session")
def gl_ctx():
    """A standalone EGL OpenGL 3.3 context shared by all GL tests."""
    import moderngl

    ctx = moderngl.create_standalone_context(backend="egl", require=330)
    yield ctx
    ctx.release()


@pytest.fixture(scope="module")
def renderer(gl_ctx):
    """A GL renderer on the shared context, one per test module."""
    from editor.gl import GLRenderer

    r = GLRenderer(gl_ctx)
    yield r
    r.release()
