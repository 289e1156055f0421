"""E-mail pictures: downsampled to their printed size, JPEG for photos, PNG kept where it must."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from support.photos import badge, encode, line_art, photo

from briefbook.render.pictures.downsample import (
    EMAIL_TARGET_BYTES,
    PicturePrep,
    image_profile,
    prepare,
)
from briefbook.render.pictures.loading import LoadedImage, decode_image


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_large_photo_becomes_a_small_jpeg(fmt: str) -> None:
    data = encode(photo(2400, 1600), fmt, **({"quality": 95} if fmt == "JPEG" else {}))
    out = prepare(data, (354, 236), 72)
    img = opened(out)
    assert img.format == "JPEG" and img.size == (354, 236)
    assert len(out) * 10 < len(data)


def test_transparency_stays_png() -> None:
    out = prepare(encode(badge(1200), "PNG"), (200, 200), 72)
    img = opened(out)
    assert img.format == "PNG" and img.mode == "RGBA" and img.size == (200, 200)
    assert img.getchannel("A").getextrema()[0] == 0


def test_line_art_stays_png_and_small_line_art_is_untouched() -> None:
    big = encode(line_art(3000, 2000), "PNG")
    out = prepare(big, (600, 400), 72)
    assert opened(out).format == "PNG" and opened(out).size == (600, 400)
    small = encode(line_art(300, 200), "PNG")
    assert len(small) < 64 * 1024
    assert prepare(small, (100, 70), 72) is small


def test_never_bigger_than_the_original() -> None:
    data = encode(photo(300, 200), "JPEG", quality=30)
    assert prepare(data, (300, 200), 72) is data
    assert prepare(b"not a picture", (10, 10), 72) == b"not a picture"


def test_prep_follows_the_printed_size_and_caches() -> None:
    loaded = decode_image(encode(photo(3000, 2000), "JPEG", quality=92))
    assert isinstance(loaded, LoadedImage)
    prep = PicturePrep(image_profile("email"))
    small = prep.data_for(loaded, 72.0, 48.0)  # one inch wide at 150 dpi
    assert opened(small).size == (150, 100)
    assert prep.data_for(loaded, 72.0, 48.0) is small
    assert opened(prep.data_for(loaded, 144.0, 96.0)).size == (300, 200)
    assert PicturePrep(image_profile("print")).data_for(loaded, 72.0, 48.0) is loaded.data


def test_profiles() -> None:
    email = image_profile("email")
    assert (email.dpi, email.target_bytes) == (150, EMAIL_TARGET_BYTES)
    assert image_profile("email", 96).dpi == 96
    assert image_profile("print").dpi is None and image_profile("print", 300).dpi == 300
    assert email.describe() == "e-mail: pictures at 150 dpi"
    with pytest.raises(ValueError, match="between 30 and 1200"):
        image_profile("email", 5)
    with pytest.raises(ValueError, match="unknown export profile"):
        image_profile("web")
