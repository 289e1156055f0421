"""The wheel carries everything a non-editable install needs: fonts, licence, templates."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_wheel_ships_assets(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        cwd=tmp_path,
    )
    wheel = next(tmp_path.glob("briefbook-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "briefbook/assets/fonts/NotoSans-Regular.ttf",
        "briefbook/assets/fonts/NotoSerif-Bold.ttf",
        "briefbook/assets/fonts/OFL.txt",
        "briefbook/assets/fonts/NotoSansArabic-Regular.ttf",
        "briefbook/assets/fonts/DroidSansFallbackFull.ttf",
        "briefbook/assets/fonts/NanumGothic.ttf",
        "briefbook/assets/fonts/OFL-NanumGothic.txt",
        "briefbook/assets/fonts/LICENSE-Apache-2.0.txt",
        "briefbook/assets/templates/example.brief.yaml",
        "briefbook/assets/templates/visit.brief.yaml",
        "briefbook/assets/templates/blank.brief.yaml",
        "briefbook/cli.py",
    ):
        assert needed in names, needed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "briefbook = briefbook.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
