"""Loading pictures safely: only from the brief's folder, read once, size checked
before decoding, decoded fully, anything but PNG and JPEG refused.

ReportLab embeds a truncated JPEG without complaint, so every image is decoded
with Pillow before it reaches the story; a picture that fails becomes a
:class:`ImageFailure` and the caller prints a placeholder with a warning.

A picture outside the brief's folder (an absolute path, a ``../`` or a link
that leaves it) is left out unless the :class:`ImagePolicy` allows it, so a
brief from someone else cannot copy a local file into an e-mailed PDF.

A greyscale picture with 16 bits per pixel (scanners and some cameras write
them) is turned into 8 bits here, scaled: ReportLab would otherwise clip every
value above 255 and print it nearly white.

Memory stays bounded: files over ``MAX_BYTES`` are not read, and the pixel
size a file declares is checked against ``MAX_PIXELS`` before anything is
decoded. That check is ours, whatever Pillow's global ``MAX_IMAGE_PIXELS``
says (a library does not change another's globals); Pillow's own
decompression-bomb warning is turned into a refusal for this call.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image as PILImage

from briefbook.core.imagepaths import is_inside, real_path, resolve_image
from briefbook.core.safety.safe_read import FileTooLargeError, read_user_file
from briefbook.errors import FileAccessError

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


#: Why a picture whose name holds a NUL (or that the system refuses) is left out.
BAD_NAME = "the file name cannot be used"
#: Why a picture outside the brief's folder is left out (the warning says which one).
OUTSIDE_REASON = "outside the brief's folder (allow it when exporting if you trust the brief)"


@dataclass(frozen=True)
class ImagePolicy:
    """Which picture files a render may read: those in ``folder`` or below it, the
    files in ``allowed`` (real paths the user allowed), or any with ``allow_all``."""

    folder: Path
    allowed: frozenset[Path] = field(default_factory=frozenset)
    allow_all: bool = False

    def permits(self, path: str) -> bool:
        if self.allow_all or is_inside(path, self.folder):
            return True
        return real_path(resolve_image(path, self.folder)) in self.allowed


def resolve(path: str, base_dir: Path | None) -> Path:
    """A brief's image path as a file path: relative paths are relative to ``base_dir``."""
    return resolve_image(path, base_dir)


def load_image(
    path: str, base_dir: Path | None, policy: ImagePolicy | None = None
) -> LoadedImage | ImageFailure:
    """Read and fully decode one PNG or JPEG file; never raises for a bad file.

    With a ``policy``, a file it does not permit is not even looked at.
    """
    if not path.strip():
        return ImageFailure("no file given")
    if "\x00" in path:
        return ImageFailure(BAD_NAME)
    try:
        if policy is not None and not policy.permits(path):
            return ImageFailure(OUTSIDE_REASON)
    except (OSError, ValueError):
        return ImageFailure(BAD_NAME)
    file = real_path(resolve(path, base_dir))  # the very file the policy decided on
    try:
        data = read_user_file(file, "a picture", MAX_BYTES)
    except FileTooLargeError:
        return ImageFailure("file too large")
    except FileAccessError as exc:
        return ImageFailure("file not found" if exc.reason == "no such file" else exc.reason)
    return decode_image(data)


def decode_image(data: bytes) -> LoadedImage | ImageFailure:
    """Check and fully decode image bytes."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as img:
                width, height = img.size
                if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
                    return ImageFailure(f"picture too large ({width} x {height} pixels)")
                img.load()
                dpi_info = img.info.get("dpi")
                if img.mode in _WIDE_GREY:
                    data = _eight_bit_grey(img)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return ImageFailure("picture too large")
    except PILImage.UnidentifiedImageError:
        other = _format_name(data)
        if other:
            return ImageFailure(f"not a PNG or JPEG picture ({other})")
        return ImageFailure("damaged or unreadable picture")
    except Exception:  # Pillow raises assorted errors (OSError, ValueError, ...) on bad files
        return ImageFailure("damaged or unreadable picture")
    dpi: float | None = None
    if isinstance(dpi_info, tuple) and dpi_info:
        try:
            dpi = float(dpi_info[0])
        except (TypeError, ValueError):
            dpi = None
    return LoadedImage(data=data, width=width, height=height, dpi=dpi)


#: Pillow's modes for greyscale wider than 8 bits, as PNG files open (``I`` in older Pillow).
_WIDE_GREY = ("I;16", "I;16B", "I;16L", "I")


def _eight_bit_grey(img: PILImage.Image) -> bytes:
    """A 16-bit greyscale picture as an 8-bit greyscale PNG (each value's high byte),
    keeping its resolution."""
    if img.mode == "I":  # 32-bit cells holding 16-bit values
        grey = img.point(lambda value: value * (1 / 256)).convert("L")
    else:  # two bytes a pixel: keep the high one of each
        raw = img.tobytes()
        high = raw[0::2] if img.mode == "I;16B" else raw[1::2]
        grey = PILImage.frombytes("L", img.size, high)
    out = io.BytesIO()
    dpi = img.info.get("dpi")
    grey.save(out, "PNG", **({"dpi": dpi} if dpi else {}))
    return out.getvalue()


def _format_name(data: bytes) -> str:
    """The picture format a refused file seems to be ("" if none), from its header only."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as img:
                return img.format or ""
    except Exception:  # anything Pillow cannot name
        return ""
