"""ReportLab's finished file read as its numbered objects, and written out again with
objects changed and added, the small ones packed into compressed object streams.

ReportLab writes one kind of file (and pikepdf, saving without object streams,
one like it): a PDF 1.4 body of numbered objects (generation
0) in order, a classic cross-reference table and a trailer with ``/Root``,
``/Info`` and ``/ID``. :func:`read_reportlab` takes that apart by the table's
offsets, without parsing the objects; :meth:`PdfFile.write` puts it back together as
PDF 1.7 with a cross-reference stream: streams as they were, every other object in
object streams (so the structure tree's thousands of small dictionaries cost a few
bytes each, and ReportLab's own dictionaries shrink too).

The text helpers below work on dictionaries ReportLab wrote: keys and references
outside strings, and strings with every parenthesis escaped.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

import pikepdf.codec  # noqa: F401  # registers the "pdfdoc" codec string_at decodes with

from briefbook.errors import BriefbookError

#: Objects per object stream (qpdf packs 100).
PER_STREAM = 100

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_REF = re.compile(rb"(\d+) 0 R")
_ID = re.compile(rb"/ID\s*\[\s*(<[0-9A-Fa-f]*>)\s*(<[0-9A-Fa-f]*>)\s*\]")
#: A literal string as ReportLab writes it (parentheses inside always escaped).
_STRING = re.compile(rb"\((?:[^\\)]|\\.)*\)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|[\s\S])")


class UnreadableLayout(BriefbookError):
    """The layout's file is not what ReportLab writes (a bug, not the user's doing)."""


@dataclass
class PdfFile:
    """The objects of one file: ``objects[n]`` is object n's text between ``obj`` and
    ``endobj`` (None: object 0, or a number not in use)."""

    objects: list[bytes | None]
    root: int
    info: int
    file_id: bytes
    #: Objects with a stream, by number: written as they were, not packed.
    streams: set[int] = field(default_factory=set)

    def add(self, body: bytes | None = None) -> int:
        """A new object (``body`` may be set later through ``objects``); its number."""
        self.objects.append(body)
        return len(self.objects) - 1

    def add_stream(self, dictionary: bytes, data: bytes) -> int:
        """A new stream object (``dictionary`` without ``/Length``); its number."""
        number = self.add(
            dictionary[:-2].rstrip()
            + b" /Length %d >>\nstream\n" % len(data)
            + data
            + b"\nendstream"
        )
        self.streams.add(number)
        return number

    def write(self) -> bytes:
        """The whole file: PDF 1.7, small objects in object streams, a cross-reference stream."""
        out = [b"%PDF-1.7\n%\xbf\xf7\xa2\xfe\n"]
        size = len(out[0])
        # (type, field 2, field 3) of each object's cross-reference entry
        entries: list[tuple[int, int, int]] = [(0, 0, 65535)] * len(self.objects)
        packed: list[int] = []
        for number, body in enumerate(self.objects):
            if body is None:
                continue
            if number in self.streams:
                chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
                entries[number] = (1, size, 0)
                out.append(chunk)
                size += len(chunk)
            else:
                packed.append(number)
        for start in range(0, len(packed), PER_STREAM):
            group = packed[start : start + PER_STREAM]
            stream_number = len(entries)
            entries.append((1, size, 0))
            header, offset, parts = [], 0, []
            for index, number in enumerate(group):
                body = self.objects[number]
                assert body is not None
                header.append(b"%d %d" % (number, offset))
                parts.append(body)
                offset += len(body) + 1
                entries[number] = (2, stream_number, index)
            head = b" ".join(header) + b"\n"
            data = zlib.compress(head + b"\n".join(parts) + b"\n", 6)
            chunk = (
                b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
                b"\nstream\n%s\nendstream\nendobj\n"
                % (
                    stream_number,
                    len(group),
                    len(head),
                    len(data),
                    data,
                )
            )
            out.append(chunk)
            size += len(chunk)
        xref_number = len(entries)
        entries.append((1, size, 0))
        table = b"".join(
            kind.to_bytes(1, "big") + second.to_bytes(4, "big") + third.to_bytes(2, "big")
            for kind, second, third in entries
        )
        data = zlib.compress(table, 6)
        out.append(
            b"%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 4 2 ] /Root %d 0 R /Info %d 0 R /ID %s"
            b" /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream\nendobj\n"
            b"startxref\n%d\n%%%%EOF\n"
            % (xref_number, len(entries), self.root, self.info, self.file_id, len(data), data, size)
        )
        return b"".join(out)


def read_reportlab(data: bytes) -> PdfFile:
    """The objects of a file as ReportLab writes it."""
    found = _STARTXREF.search(data[-64:])
    if found is None:
        raise UnreadableLayout("the laid-out file has no cross-reference offset")
    xref = int(found.group(1))
    head = data[xref : xref + 64].split(b"\n", 3)
    if head[0].strip() != b"xref" or not head[1].startswith(b"0 "):
        raise UnreadableLayout("the laid-out file has no cross-reference table where it says")
    count = int(head[1].split()[1])
    table_start = xref + len(head[0]) + len(head[1]) + 2
    offsets: dict[int, int] = {}
    for number in range(1, count):
        entry = data[table_start + 20 * number : table_start + 20 * number + 18]
        if entry.endswith(b"n"):
            offsets[number] = int(entry[:10])
    trailer = data[table_start + 20 * count :]
    root, info, file_id = _trailer_ref(trailer, b"/Root"), _trailer_ref(trailer, b"/Info"), None
    found_id = _ID.search(trailer)
    if found_id is not None:
        file_id = b"[ " + found_id.group(1) + b" " + found_id.group(2) + b" ]"
    if not file_id:
        raise UnreadableLayout("the laid-out file has no /ID")
    objects: list[bytes | None] = [None] * count
    streams: set[int] = set()
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    for place, (number, offset) in enumerate(ordered):
        end = ordered[place + 1][1] if place + 1 < len(ordered) else xref
        chunk = data[offset:end]
        opened = chunk.index(b"obj") + 3
        body = chunk[opened : chunk.rindex(b"endobj")].strip()
        if body.endswith(b"endstream"):
            streams.add(number)
            body = _one_filter(body)
        objects[number] = body
    return PdfFile(objects, root, info, file_id, streams)


def _one_filter(body: bytes) -> bytes:
    """A stream whose dictionary names its one filter in an array (as ReportLab writes
    it) with the name alone: the same stream, and qpdf, which the later steps (annexes,
    stamping, encryption) save the file with, then copies its data as it is instead of
    compressing it again (half the time of each save)."""
    head = body.find(b"stream")
    if head < 0 or b"/Filter [ /FlateDecode ]" not in body[:head]:
        return body
    return body[:head].replace(b"/Filter [ /FlateDecode ]", b"/Filter /FlateDecode") + body[head:]


def _trailer_ref(trailer: bytes, key: bytes) -> int:
    found = re.search(re.escape(key) + rb"\s+(\d+) 0 R", trailer)
    if found is None:
        raise UnreadableLayout(f"the laid-out file's trailer has no {key.decode()}")
    return int(found.group(1))


def without_strings(body: bytes) -> bytes:
    """``body`` with every literal string emptied (to look for keys and references)."""
    return _STRING.sub(b"()", body)


def refs_of(body: bytes, key: bytes) -> list[int]:
    """The object numbers in the array (or the one reference) under ``key``."""
    text = without_strings(body)
    at = text.find(key + b" ")
    if at < 0:
        return []
    rest = text[at + len(key) :].lstrip()
    if rest.startswith(b"["):
        return [int(n) for n in _REF.findall(rest[: rest.index(b"]")])]
    one = _REF.match(rest)
    return [int(one.group(1))] if one else []


def has_key(body: bytes, key: bytes) -> bool:
    """Whether the dictionary ``body`` has ``key`` (outside its strings)."""
    return re.search(re.escape(key) + rb"(?![A-Za-z0-9#])", without_strings(body)) is not None


def with_entries(body: bytes, entries: bytes) -> bytes:
    """The dictionary ``body`` with ``entries`` (PDF text) added at its start."""
    if not body.startswith(b"<<"):
        raise UnreadableLayout("an object the tagging changes is not a dictionary")
    return b"<< " + entries + b" " + body[2:]


def string_at(body: bytes, key: bytes) -> str | None:
    """The string (literal or hexadecimal) under ``key`` in ``body``, decoded, or None."""
    found = re.search(re.escape(key) + rb"\s*(\((?:[^\\)]|\\.)*\)|<[0-9A-Fa-f\s]*>)", body, re.S)
    if found is None:
        return None
    value = found.group(1)
    if value.startswith(b"<"):
        digits = re.sub(rb"\s", b"", value[1:-1])
        raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    else:
        raw = _ESCAPE.sub(_unescape, value[1:-1])
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("pdfdoc", "replace")


def _unescape(match: re.Match[bytes]) -> bytes:
    code = match.group(1)
    if code[:1].isdigit():
        return bytes([int(code, 8) & 0xFF])
    if code in (b"\n", b"\r", b"\r\n"):
        return b""  # a line continued
    return _ESCAPES.get(code, code)


def pdf_text(text: str) -> bytes:
    """``text`` as a PDF text string: literal when printable ASCII, else UTF-16BE hex."""
    if text.isascii() and text.isprintable():
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def pdf_name(name: str) -> bytes:
    """``name`` as a PDF name (``/`` and the characters a name must escape)."""
    return b"/" + b"".join(
        bytes([c]) if 0x21 <= c <= 0x7E and c not in b"#()<>[]{}/%" else b"#%02X" % c
        for c in name.encode("utf-8")
    )


__all__ = [
    "PdfFile",
    "UnreadableLayout",
    "has_key",
    "pdf_name",
    "pdf_text",
    "read_reportlab",
    "refs_of",
    "string_at",
    "with_entries",
    "without_strings",
]
