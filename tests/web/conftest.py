"""The workbench in headless Chromium: a live server on 127.0.0.1 over the hand-made store, and a browser page.

Uses Debian's /usr/bin/chromium through Playwright (never a downloaded browser); .ci/run installs chromium in CI.
Tests here skip, saying why, when either is missing.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KRONIKA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _sample_records():
    path = Path(__file__).resolve().parent.parent / "api" / "sample_records.py"
    spec = importlib.util.spec_from_file_location("kronika_test_sample_records", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Base URL of `kronika serve`'s app (the real analyser) on a free port, in a thread of this process."""
    import uvicorn

    from kronika.api import create_app

    db = _sample_records().build_store(tmp_path_factory.mktemp("web") / "web.duckdb")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    t0 = time.monotonic()
    while not server.started:
        if time.monotonic() - t0 > 30 or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI (CI=true), where .ci/run installs what these tests need."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does it in CI)")
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page that fails the test on any script error, console error or request off this machine."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))

    def on_console(msg) -> None:
        # a 4xx answer the page shows as a message is expected; anything else is a defect
        if msg.type == "error" and "server responded with a status of 4" not in msg.text:
            problems.append(f"console error: {msg.text}")

    pg.on("console", on_console)

    def guard(route):
        url = route.request.url
        if url.startswith(live_server) or url.startswith("data:"):
            route.continue_()
        else:
            problems.append(f"request off the machine: {url}")
            route.abort()

    pg.route("**/*", guard)
    pg.set_default_timeout(20_000)
    yield pg
    ctx.close()
    assert not problems, problems
