"""Pictures for the page: downsampled to a resolution at their printed size, recompressed.

The e-mail profile embeds each picture at (by default) 150 dpi of the size it
prints at, as a JPEG; a picture with transparency, or line art with few
colours (a map, a chart, a logo), stays a PNG so that it keeps its edges. The
print profile embeds the files as they are. A picture is never made bigger:
when the recompressed file is not smaller than the original, the original is
embedded.

Memory stays bounded: one picture is decoded at a time and only its
compressed result is kept; a JPEG is decoded straight at a reduced scale
(Pillow's ``draft``), so a 40-megapixel photo printed 6 cm wide never exists
in memory at full size. Recompressing also drops a photo's EXIF data (camera,
GPS position) from the e-mailed file.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, field
from typing import cast

from PIL import Image as PILImage

from briefbook.render.pictures.loading import ALLOWED_FORMATS, LoadedImage

#: Downsample only when a picture has this much more resolution than needed.
SLACK = 1.1
#: At most this many colours and a PNG counts as line art (kept as PNG).
LINE_ART_COLOURS = 256
#: Line art this small is embedded untouched whatever its resolution.
SMALL_PNG_BYTES = 64 * 1024


@dataclass(frozen=True)
class ImageProfile:
    """How pictures are embedded. ``dpi`` None keeps every picture as it is."""

    name: str
    dpi: int | None = None
    jpeg_quality: int = 75
    #: The size the file should stay under (0: no target), shown before and after export.
    target_bytes: int = 0

    def describe(self) -> str:
        """In words, for reports: "e-mail: pictures at 150 dpi"."""
        label = "e-mail" if self.name == "email" else self.name
        pictures = f"pictures at {self.dpi} dpi" if self.dpi else "pictures as they are"
        return f"{label}: {pictures}"


#: The profiles the command line and the app offer, by name.
PROFILE_NAMES = ("print", "email")
#: What most mail services accept as an attachment with room to spare.
EMAIL_TARGET_BYTES = 10 * 1024 * 1024
MIN_DPI, MAX_DPI = 30, 1200


def image_profile(name: str, dpi: int | None = None) -> ImageProfile:
    """The named profile, with ``dpi`` (if given) instead of its own resolution.

    ``print`` keeps pictures as they are unless a resolution is given; ``email``
    downsamples to 150 dpi and aims at a file under 10 MB.
    Raises :class:`ValueError` for an unknown name or a resolution out of range.
    """
    if dpi is not None and not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"the picture resolution must be between {MIN_DPI} and {MAX_DPI} dpi")
    if name == "print":
        return ImageProfile("print", dpi, jpeg_quality=90)
    if name == "email":
        return ImageProfile("email", dpi or 150, jpeg_quality=72, target_bytes=EMAIL_TARGET_BYTES)
    raise ValueError(
        f"unknown export profile {name!r}; the profiles are: " + ", ".join(PROFILE_NAMES)
    )


@dataclass
class PicturePrep:
    """The pictures of one render, prepared once per printed size."""

    profile: ImageProfile
    _done: dict[tuple[LoadedImage, int, int], bytes] = field(default_factory=dict)

    def data_for(self, loaded: LoadedImage, width: float, height: float) -> bytes:
        """The bytes to embed for ``loaded`` printed ``width`` x ``height`` points."""
        dpi = self.profile.dpi
        if not dpi or width <= 0 or height <= 0:
            return loaded.data
        target = (math.ceil(width / 72.0 * dpi), math.ceil(height / 72.0 * dpi))
        key = (loaded, *target)
        if key not in self._done:
            self._done[key] = prepare(loaded.data, target, self.profile.jpeg_quality)
        return self._done[key]


def prepare(data: bytes, target: tuple[int, int], quality: int) -> bytes:
    """``data`` (a checked PNG or JPEG) at no more than ``target`` pixels, recompressed.

    Returns ``data`` itself when nothing smaller can be made, or when Pillow
    fails (the picture was decoded before; embedding the original is safe).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            made = _recompress(data, target, quality)
    except Exception:  # the original was decoded once already; keep it rather than fail
        return data
    return made if made is not None and len(made) < len(data) else data


def _recompress(data: bytes, target: tuple[int, int], quality: int) -> bytes | None:
    with PILImage.open(io.BytesIO(data), formats=ALLOWED_FORMATS) as img:
        source_format = img.format
        scale = max(target[0] / img.width, target[1] / img.height)
        resize = scale * SLACK < 1.0
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        if source_format == "JPEG" and resize:
            img.draft(img.mode, size)  # decode at 1/2, 1/4 or 1/8 scale, still >= size
        transparent = has_transparency(img)
        line_art = source_format == "PNG" and not transparent and is_line_art(img)
        if line_art and len(data) <= SMALL_PNG_BYTES:
            return None
        picture: PILImage.Image
        if not resize and source_format == "JPEG":
            picture = img
        else:
            picture = img.convert("RGBA" if transparent else _flat_mode(img.mode))
        if resize:
            picture = picture.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        out = io.BytesIO()
        if transparent or line_art:
            if line_art and picture.mode != "P":
                picture = picture.quantize(LINE_ART_COLOURS)
            picture.save(out, "PNG", optimize=True)
        elif not resize and source_format == "JPEG" and quality >= 90:
            return None  # a print-quality JPEG at its own size: recompressing only loses
        else:
            if picture.mode not in ("RGB", "L", "CMYK"):
                picture = picture.convert("RGB")
            picture.save(out, "JPEG", quality=quality, optimize=True)
        return out.getvalue()


def _flat_mode(mode: str) -> str:
    """The mode a picture without transparency is worked on in."""
    if mode in ("L", "1", "I", "I;16", "F"):
        return "L"
    return "CMYK" if mode == "CMYK" else "RGB"


def has_transparency(img: PILImage.Image) -> bool:
    """Whether any pixel is (partly) transparent."""
    if img.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        low, _ = cast("tuple[float, float]", img.getchannel("A").getextrema())  # one band
        return bool(low < 255)
    return "transparency" in img.info


def is_line_art(img: PILImage.Image) -> bool:
    """Few colours: a chart, a map, a logo or a scan of text rather than a photo."""
    if img.mode in ("1", "P"):
        return True
    sample = img if img.width * img.height <= 4_000_000 else img.reduce(4)
    return sample.getcolors(LINE_ART_COLOURS) is not None
