"""Shared fixtures: the test-data folder and one standalone GL context per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"


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
