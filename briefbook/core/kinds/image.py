"""The image block: a picture (PNG or JPEG) given as a path relative to the brief file.

Whether the file exists and lies inside the brief's folder is checked by
``briefbook validate`` and at export (see :mod:`briefbook.core.imagepaths`), not
on reading: a brief opens even when a picture is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefbook.core.kinds.fields import (
    Field,
    Kind,
    Reading,
    Record,
    Words,
    read_record,
    write_record,
)

if TYPE_CHECKING:
    from briefbook.core.fileformat.yamlnodes import Node


@dataclass
class ImageBlock:
    """A picture (PNG or JPEG) given as a path relative to the brief file."""

    path: str = ""
    caption: str = ""
    #: The alternative text a screen reader says for the picture ("" : the caption, if any).
    alt: str = ""
    marking: str = ""


RECORD = Record(
    ImageBlock,
    "an image",
    (
        Field("path", "the image path", label="Picture", write="always"),
        Field("caption", "the caption", label="Caption"),
        Field("alt", "the alternative text", label="Alternative text"),
    ),
    required="path",
    shorthand="path",
    shorthand_what="the image path",
)


def read(reader: Reading, node: Node) -> ImageBlock | None:
    block: ImageBlock | None = read_record(reader, node, RECORD)
    return block


def write(block: ImageBlock) -> dict[str, Any]:
    return write_record(block, RECORD)


def words(block: ImageBlock) -> list[Words]:
    """The picture's file and caption (the changes page shows a new picture)."""
    return [Words("picture", (block.path, block.caption, block.alt))]


KIND = Kind("image", ImageBlock, read, write, words, RECORD.fields)
