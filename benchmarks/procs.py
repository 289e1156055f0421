"""Running measurement children: one JSON answer, or milestone lines stamped on arrival."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: Scratch space for the children (briefbook homes, compiled bytecode), removed at exit.
_SCRATCH = tempfile.TemporaryDirectory(prefix="briefbook-bench-scratch-")


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child: this checkout first on the path, Qt offscreen,
    and a fresh, empty briefbook home (so the app starts as on a first start).

    Bytecode is cached (as an installed package's is) but in a scratch folder,
    not in the checkout: ``PYTHONDONTWRITEBYTECODE`` would make every child
    compile briefbook's modules from source, which no installed app does.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BRIEFBOOK_HOME"] = tempfile.mkdtemp(prefix="home-", dir=_SCRATCH.name)
    env["PYTHONPYCACHEPREFIX"] = str(Path(_SCRATCH.name) / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(extra)
    return env


def run_json(module: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    """Run ``python -m module args`` in a fresh process and return its last JSON line."""
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"{module} {' '.join(args)} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def run_milestones(module: str, *args: str, timeout: float = 60) -> dict[str, float]:
    """Start ``python -m module args`` and return the seconds from just before the
    start to the arrival of each line it prints (each line names a milestone), and
    under ``NAME_cpu`` the CPU time the line reports, if it reports one."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    found: dict[str, float] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            arrived = time.perf_counter() - start
            name, *cpu = line.split()
            found[name] = arrived
            if cpu:
                found[f"{name}_cpu"] = float(cpu[0])
            if time.perf_counter() - start > timeout:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return found
