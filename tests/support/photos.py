"""Pictures made with Pillow for tests: photo-like noise, line art, transparency."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def photo(width: int, height: int, seed: int = 0) -> Image.Image:
    """A photo-like picture: smooth gradients with grain (compresses like a real photo)."""
    grain = Image.effect_noise((max(1, width // 3), max(1, height // 3)), 40 + seed % 20)
    grain = grain.resize((width, height), Image.Resampling.BICUBIC)
    ramp = Image.linear_gradient("L").resize((width, height))
    other = Image.radial_gradient("L").resize((width, height))
    img = Image.merge("RGB", [grain, ramp, Image.blend(other, grain, 0.4)])
    return img.filter(ImageFilter.GaussianBlur(0.8))


def line_art(width: int, height: int) -> Image.Image:
    """A chart-like drawing in three colours."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    for x in range(0, width, max(4, width // 40)):
        draw.line((x, 0, width - x, height), fill=(31, 58, 95), width=3)
    draw.rectangle((width // 4, height // 4, width // 2, height // 2), outline=(139, 26, 26),
                   width=5)
    return img


def badge(size: int) -> Image.Image:
    """A round badge on a transparent background."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((size // 10, size // 10, size * 9 // 10, size * 9 // 10),
                                fill=(31, 58, 95, 255))
    return img


def encode(img: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def save(img: Image.Image, path: Path, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, **options)
    return path
