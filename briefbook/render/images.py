"""Loading pictures safely: read once, decode fully, refuse anything but PNG and JPEG.

ReportLab embeds a truncated JPEG without complaint, so every image is decoded
with Pillow before it reaches the story; a picture that fails becomes a
:class:`ImageFailure` and the caller prints a placeholder with a warning.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage

#: Formats a brief may use (Pillow's names).
ALLOWED_FORMATS = ("PNG", "JPEG")
#: Refuse pictures larger than this many pixels (a decompression bomb or a mistake).
MAX_PIXELS = 60_000_000
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class LoadedImage:
    """A decoded picture: its bytes (to embed), pixel size and resolution."""

    data: bytes
    width: int
    height: int
    dpi: float | None

    def natural_size(self, default_dpi: float) -> tuple[float, float]:
        """Its size in points at its own resolution (or ``default_dpi``)."""
        dpi = self.dpi if self.dpi and 30 <= self.dpi <= 1200 else default_dpi
        return self.width * 72.0 / dpi, self.height * 72.0 / dpi


@dataclass(frozen=True)
class ImageFailure:
    """Why a picture could not be used, in words for the placeholder and the warning."""

    reason: str


def resolve(path: str, base_dir: Path | None) -> Path:
    """A brief's image path as a file path: relative paths are relative to ``base_dir``."""
    candidate = Path(path).expanduser()
    if not candidate.is_absolute() and base_dir is not None:
        candidate = base_dir / candidate
    return candidate


def load_image(path: str, base_dir: Path | None) -> LoadedImage | ImageFailure:
    """Read and fully decode one PNG or JPEG file; never raises for a bad file."""
    if not path.strip():
        return ImageFailure("no file given")
    file = resolve(path, base_dir)
    try:
        if not file.is_file():
            return ImageFailure("file not found")
        if file.stat().st_size > MAX_BYTES:
            return ImageFailure("file too large")
        data = file.read_bytes()
    except OSError as exc:
        return ImageFailure(exc.strerror or "cannot be read")
    return decode_image(data)


def decode_image(data: bytes) -> LoadedImage | ImageFailure:
    """Check and fully decode image bytes."""
    try:
        with PILImage.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            if fmt not in ALLOWED_FORMATS:
                return ImageFailure(f"not a PNG or JPEG picture ({fmt or 'unknown format'})")
            width, height = img.size
            if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                return ImageFailure("picture too large")
            img.load()
            dpi_info = img.info.get("dpi")
    except PILImage.DecompressionBombError:
        return ImageFailure("picture too large")
    except Exception:  # Pillow raises assorted errors (OSError, ValueError, ...) on bad files
        return ImageFailure("damaged or unreadable picture")
    dpi: float | None = None
    if isinstance(dpi_info, tuple) and dpi_info:
        try:
            dpi = float(dpi_info[0])
        except (TypeError, ValueError):
            dpi = None
    return LoadedImage(data=data, width=width, height=height, dpi=dpi)
