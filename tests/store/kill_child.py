"""Run by test_kill.py in a subprocess: store N synthetic records, optionally killing itself with SIGKILL.

usage: python kill_child.py DB N BATCH [kill-at-commit K | slow SECONDS]
"""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _bare_package() -> None:
    """Register `kronika` without running its __init__ (which imports spaCy, seconds on a busy machine): the store
    needs none of the NLP stack, and these children are started many times."""
    import importlib.util
    import types

    spec = importlib.util.find_spec("kronika")
    pkg = types.ModuleType("kronika")
    pkg.__path__, pkg.__spec__, pkg.__file__ = list(spec.submodule_search_locations), spec, spec.origin
    sys.modules["kronika"] = pkg


_bare_package()
from kronika.store import Store  # noqa: E402
from tests.store.synth import synthetic  # noqa: E402


def main() -> None:
    db, n, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    mode = sys.argv[4] if len(sys.argv) > 4 else ""
    arg = float(sys.argv[5]) if len(sys.argv) > 5 else 0
    with Store(db) as st:
        st.batch_size = batch
        commits = [0]

        def hook() -> None:
            commits[0] += 1
            if mode == "kill-at-commit" and commits[0] == int(arg):
                os.kill(os.getpid(), signal.SIGKILL)       # inside the transaction, after every insert
            if mode == "slow":
                time.sleep(arg)

        st.before_commit = hook
        print("ready", flush=True)
        report = st.add_records(synthetic(i) for i in range(n))
        print(report, flush=True)


if __name__ == "__main__":
    main()
