"""What the figures were measured on: CPU, cores, versions, date and the checkout's commit."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def commit(root: Path) -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except OSError:
        return "unknown"
    return done.stdout.strip() or "unknown"


def load_average() -> str:
    """The 1-minute load average (other work on the machine skews wall times)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def describe(root: Path) -> dict[str, str]:
    """The machine and software, as label -> value."""
    import yaml

    return {
        "Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu_model(),
        "Cores": str(os.cpu_count()),
        "System": platform.platform(),
        "Python": platform.python_version(),
        "ReportLab": version("reportlab"),
        "PySide6": version("PySide6"),
        "PyYAML": f"{version('PyYAML')} (libyaml: {'yes' if yaml.__with_libyaml__ else 'no'})",
        "Pillow": version("pillow"),
        "briefbook commit": commit(root),
        "Load average at the start": load_average(),
    }
