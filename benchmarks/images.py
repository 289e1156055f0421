"""Small, deterministic pictures for the generated briefs: two PNG maps, two JPEG photos."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

IMAGE_FILES: tuple[str, ...] = (
    "map-north.png",
    "photo-harbour.jpg",
    "map-south.png",
    "photo-summit.jpg",
)


def _map(seed: int) -> Image.Image:
    """A flat-colour 'map': sea, coastline polygons, routes and markers (compresses well)."""
    rng = random.Random(seed)
    img = Image.new("RGB", (720, 450), (214, 230, 242))
    draw = ImageDraw.Draw(img)
    for _ in range(5):
        cx, cy = rng.randint(0, 720), rng.randint(0, 450)
        points = [(cx + rng.randint(-220, 220), cy + rng.randint(-150, 150)) for _ in range(9)]
        draw.polygon(points, fill=(236, 232, 218), outline=(150, 140, 120))
    for _ in range(6):
        line = [(rng.randint(0, 720), rng.randint(0, 450)) for _ in range(4)]
        draw.line(line, fill=(31, 58, 95), width=3)
    for _ in range(12):
        x, y = rng.randint(10, 710), rng.randint(10, 440)
        draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=(164, 38, 44))
    return img


def _photo(seed: int) -> Image.Image:
    """A photo-like picture: gradients and blurred noise (so JPEG has real work to do)."""
    rng = random.Random(seed)
    width, height = 640, 420
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    noise = noise.filter(ImageFilter.GaussianBlur(2))
    sky = Image.linear_gradient("L").resize((width, height)).rotate(rng.choice((0, 180)))
    img = Image.merge("RGB", (sky, noise, Image.blend(sky, noise, 0.5)))
    return img.filter(ImageFilter.SMOOTH)


def write_images(folder: Path) -> list[Path]:
    """Write the pictures (idempotent) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, name in enumerate(IMAGE_FILES):
        path = folder / name
        if not path.exists():
            if name.endswith(".png"):
                _map(number).save(path, "PNG", dpi=(150, 150), optimize=True)
            else:
                _photo(number).save(path, "JPEG", quality=82, dpi=(150, 150))
        written.append(path)
    return written
