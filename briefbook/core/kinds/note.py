"""The note block: a boxed call-out with a title and a style."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

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

NoteStyle = Literal["info", "important", "warning"]
NOTE_STYLES: tuple[str, ...] = ("info", "important", "warning")


@dataclass
class NoteBlock:
    """A boxed call-out."""

    text: str = ""
    title: str = ""
    style: NoteStyle = "info"
    marking: str = ""


RECORD = Record(
    NoteBlock,
    "a note",
    (
        Field("text", "the note text", label="Text", write="always"),
        Field("title", "the note title", label="Title"),
        Field(
            "style",
            "the note style",
            "choice",
            label="Style",
            choices=NOTE_STYLES,
            default="info",
            write="changed",
        ),
    ),
    required="text",
    shorthand="text",
    shorthand_what="a note",
    write_order=("title", "text", "style"),
)


def read(reader: Reading, node: Node) -> NoteBlock | None:
    block: NoteBlock | None = read_record(reader, node, RECORD)
    return block


def write(block: NoteBlock) -> dict[str, Any]:
    return write_record(block, RECORD)


def words(block: NoteBlock) -> list[Words]:
    return [Words("note", (block.title, block.text))]


KIND = Kind("note", NoteBlock, read, write, words, RECORD.fields)
