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
    draw.rectangle(
        (width // 4, height // 4, width // 2, height // 2), outline=(139, 26, 26), width=5
    )
    return img


def badge(size: int) -> Image.Image:
    """A round badge on a transparent background."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse(
        (size // 10, size // 10, size * 9 // 10, size * 9 // 10), fill=(31, 58, 95, 255)
    )
    return img


def encode(img: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def save(img: Image.Image, path: Path, **options: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, **options)
    return path


#: The pictures tests/data/dossier.brief.yaml refers to, made by :func:`dossier_pictures`.
DOSSIER_PICTURES = ("badge.png", "harbour.jpg", "vella.jpg", "berg.png", "approach-map.png")


def dossier_pictures(folder: Path) -> None:
    """Write the dossier's pictures into ``folder / "images"``: camera-sized photos
    (a JPEG at high quality and a PNG photo), a transparent badge and a line-art map."""
    images = folder / "images"
    save(badge(900), images / "badge.png")
    save(photo(3600, 2400, seed=1), images / "harbour.jpg", quality=95, dpi=(300, 300))
    save(photo(1600, 2000, seed=2), images / "vella.jpg", quality=95)
    save(photo(1200, 1500, seed=3), images / "berg.png")
    save(line_art(2400, 1600), images / "approach-map.png", dpi=(300, 300))
