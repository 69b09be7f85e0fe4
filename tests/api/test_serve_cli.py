"""`kronika serve` as a user starts it: a real uvicorn process on 127.0.0.1, its docs and its workbench page."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sample_records import TOKEN


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise AssertionError(f"kronika serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            urllib.request.urlopen(base + "/api/health", timeout=2).read()
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise AssertionError("kronika serve did not answer in time")


def test_serve_binds_loopback_and_serves_docs_and_workbench(sample_db, tmp_path):
    db = tmp_path / "copy.duckdb"          # this process holds sample_db open; a writer needs a file of its own
    shutil.copyfile(sample_db, db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "kronika.cli", "serve", "--db", str(db), "--port",
                             str(port), "--no-preload", "--token", TOKEN],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_up(base, proc)
        spec = json.loads(urllib.request.urlopen(base + "/openapi.json", timeout=10).read())
        assert "/api/relations" in spec["paths"]
        page = urllib.request.urlopen(base + "/", timeout=10).read().decode()
        assert "kronika workbench" in page
        arts = json.loads(urllib.request.urlopen(base + "/api/articles?limit=1", timeout=10).read())
        assert arts["total"] == 4
        req = urllib.request.Request(base + "/api/ingest", data=b'{"records": []}', method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {TOKEN}"})
        assert json.loads(urllib.request.urlopen(req, timeout=10).read())["added"] == 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_serve_refuses_a_bad_store_with_one_line(tmp_path):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a database")
    out = subprocess.run([sys.executable, "-m", "kronika.cli", "serve", "--db", str(bad), "--no-preload",
                          "--port", str(free_port())], capture_output=True, text=True, timeout=120)
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert out.stderr.strip().startswith("kronika:"), out.stderr
