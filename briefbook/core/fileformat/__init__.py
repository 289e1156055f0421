"""The brief file (``NAME.brief.yaml``): load, validate and save.

Reading is safe by construction (see ``yamlnodes``): plain data only, no tags,
no aliases, bounded size and depth. Every problem is reported with its file,
line and column. Saving is atomic and byte-stable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.fileformat.reader import Reader
from briefbook.core.fileformat.reading import empty_sections, read_brief
from briefbook.core.fileformat.writing import dumps
from briefbook.core.fileformat.yamlnodes import YamlReadError, parse_nodes
from briefbook.core.safety.atomic import ReadOnlyFileError, follow_links, is_read_only, write_atomic
from briefbook.core.safety.filemodes import mode_of
from briefbook.core.safety.safe_read import read_user_file
from briefbook.errors import (
    BriefbookError,
    BriefFormatError,
    FileAccessError,
    Problem,
    summarize,
)

#: Larger files are refused before they are read: a real brief is well under 1 MB.
MAX_FILE_BYTES = 50 * 1024 * 1024

SUFFIX = ".brief.yaml"

__all__ = ["MAX_FILE_BYTES", "SUFFIX", "dumps", "load", "loads", "save", "validate"]


def read_text(path: Path) -> str:
    """The file's text, refusing huge, unreadable and non-UTF-8 files with a clear message."""
    path = Path(path)
    data = read_user_file(path, "a brief", MAX_FILE_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefFormatError(
            [Problem("the file is not UTF-8 text (save it as UTF-8)", path, line, column)]
        ) from None


def parse(
    text: str,
    path: Path | None = None,
    warnings: list[Problem] | None = None,
    annexes: list[tuple[int, int, m.PdfBlock]] | None = None,
) -> tuple[m.Brief, list[Problem]]:
    """Read brief text into the model, returning it with every problem found; what
    is worth a warning only (a section that will not print) goes into ``warnings``;
    each annex block with its line and column into ``annexes``."""
    try:
        root, problems = parse_nodes(text, path)
    except YamlReadError as exc:
        return m.Brief(source=path), [exc.problem]
    reader = Reader(path)
    brief = read_brief(reader, root)
    brief.source = path
    if warnings is not None:
        warnings.extend(reader.warnings + empty_sections(reader))
    if annexes is not None:
        annexes.extend((node.line, node.column, block) for node, block in reader.annexes)
    problems.extend(reader.problems)
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    return brief, problems


def loads(text: str, path: Path | None = None) -> m.Brief:
    """A brief from YAML text; raises :class:`BriefFormatError` listing every problem."""
    brief, problems = parse(text, path)
    if problems:
        raise BriefFormatError(problems)
    return brief


def load(path: Path | str) -> m.Brief:
    """Load a brief file. Raises :class:`BriefFormatError` or :class:`FileAccessError`."""
    path = Path(path)
    return loads(read_text(path), path)


def validate(path: Path | str, warnings: list[Problem] | None = None) -> list[Problem]:
    """Every problem in a brief file, in file order (an empty list when it is fine),
    as :func:`~briefbook.errors.summarize` lists them.

    Besides the format itself, this checks that the time zones are known, that
    the logo and every image exist, and that briefbook's fonts print every character.
    Warnings (a section that is empty and will not print) go into ``warnings`` when it
    is given.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except BriefFormatError as exc:
        return list(exc.problems)
    except FileAccessError as exc:
        return [Problem(exc.reason, path)]
    annexes: list[tuple[int, int, m.PdfBlock]] = []
    brief, problems = parse(text, path, warnings, annexes)
    if problems:
        return summarize(problems)
    if warnings is not None:
        warnings.extend(_without_alt(brief, path))
    return summarize(
        _unknown_zones(brief, path)
        + _missing_files(brief, path)
        + _annex_problems(annexes, path)
        + _unprintable(text, brief, path)
    )


def _annex_problems(annexes: list[tuple[int, int, m.PdfBlock]], path: Path) -> list[Problem]:
    """Annexes that cannot print: outside the brief's folder, missing, damaged,
    password-protected, too large, or lacking a page their range names."""
    from briefbook.core.annexes import annex_problem

    found: list[Problem] = []
    for line, column, block in annexes:
        message = annex_problem(block, path.parent)
        if message:
            found.append(Problem(message, path, line, column))
    return found


def _unprintable(text: str, brief: m.Brief, path: Path) -> list[Problem]:
    """Characters no font shipped with briefbook can print, each at its line and column
    (or, for one written as an escape such as ``"\\U0001F9A9"``, once, without a line)."""
    from briefbook.render.text.scripts import missing_message, unprintable_in

    found: list[Problem] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue  # a YAML comment never prints
        for index, ch in unprintable_in(line):
            found.append(Problem(missing_message(ch), path, number, index + 1))
            seen.add(ch)
    if "\\" in text:  # escapes: the brief's own text may hold characters the file does not
        escaped = {ch for value in _strings(brief) for _, ch in unprintable_in(value)} - seen
        for ch in sorted(escaped):
            found.append(Problem(missing_message(ch), path, where="written as an escape"))
    return found


def _strings(value: object) -> Iterator[str]:
    """Every piece of text in the model (dataclasses, lists and dicts, walked)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)


def _unknown_zones(brief: m.Brief, path: Path) -> list[Problem]:
    """Time zone names that the IANA database (shipped with briefbook) does not know."""
    from briefbook.core.timezones import zone_problem

    found: list[Problem] = []
    for key in ("timezone", "home_timezone"):
        message = zone_problem(getattr(brief.meta, key))
        if message:
            found.append(Problem(message, path, where=f"meta '{key}'"))
    return found


def _without_alt(brief: m.Brief, path: Path) -> list[Problem]:
    """Pictures with no alternative text (``alt``): a screen reader has only their
    caption to say, or nothing."""
    found: list[Problem] = []
    for _, section in brief.walk_sections():
        for number, block in enumerate(section.blocks, start=1):
            if isinstance(block, m.ImageBlock) and block.path.strip() and not block.alt.strip():
                instead = "its caption" if block.caption.strip() else "only 'Picture'"
                found.append(
                    Problem(
                        f"the image {block.path!r} has no 'alt' text: a screen reader says "
                        f"{instead} instead; describe the picture in 'alt'",
                        path,
                        where=f"section {section.title!r}, block {number}",
                    )
                )
    return found


def _missing_files(brief: m.Brief, path: Path) -> list[Problem]:
    """Pictures that are missing, or that lie outside the brief's folder (and so are
    left out of the PDF unless the user allows them: a brief from someone else must
    not pull a file from the reader's computer into its PDF)."""
    from briefbook.core.imagepaths import image_refs, is_inside, resolve_image, shown_path

    folder = path.parent
    found: list[Problem] = []
    for ref in image_refs(brief):
        if ref.kind == "annex":
            continue  # checked with the file's own line, see _annex_problems
        noun = "the logo" if ref.kind == "logo" else f"the {ref.kind}"
        try:
            if "\x00" in ref.path:
                raise ValueError("it holds a NUL character")
            if not is_inside(ref.path, folder):
                message = (
                    f"{noun} {shown_path(ref.path, folder)!r} is outside the brief's "
                    "folder, so it is left out of the PDF unless allowed when exporting"
                )
            elif not resolve_image(ref.path, folder).is_file():
                message = f"{noun} {ref.path!r} does not exist"
            else:
                continue
        except (OSError, ValueError) as exc:  # a name the system refuses
            message = f"{noun} {ref.path!r} cannot be used: {getattr(exc, 'strerror', None) or exc}"
        found.append(Problem(message, path, where=ref.where))
    return found


def backup_path(path: Path) -> Path:
    """Where :func:`save` keeps the previous version of a brief: ``NAME.brief.yaml~``
    beside the file itself (beside the file a symbolic link points to)."""
    real = follow_links(Path(path))
    return real.with_name(real.name + "~")


def _encoded(brief: m.Brief, path: Path) -> bytes:
    """The brief's file bytes; a lone surrogate in its text is refused with its place."""
    try:
        return dumps(brief).encode("utf-8")
    except UnicodeEncodeError as exc:
        from briefbook.core.fileformat.textcheck import first_unencodable

        where = first_unencodable(brief) or "the brief"
        code = ord(exc.object[exc.start]) if isinstance(exc.object, str) else 0xFFFD
        raise BriefbookError(
            f"{path}: not saved: {where} holds a broken character (U+{code:04X}, "
            "half of a UTF-16 pair, e.g. from a damaged clipboard); delete or "
            "retype it"
        ) from None


def save(
    brief: m.Brief,
    path: Path | str,
    *,
    backup: bool = True,
    replace_read_only: bool = False,
    limit: int = 0o7777,
) -> None:
    """Write the brief atomically to ``path`` and remember it as the brief's file.

    With ``backup``, the version being replaced is first kept (atomically too)
    as ``NAME.brief.yaml~``, with the brief's own mode, unless it is byte-identical
    to the new text. A process killed at any moment leaves ``path`` holding the old
    or the new brief, complete. A symbolic link is followed (the file it points to
    is replaced). A read-only ``path`` raises :class:`ReadOnlyFileError` before
    anything is written, unless ``replace_read_only``. ``limit`` takes mode bits
    away (Save As of a private brief: ``filemodes.export_limit(old_file)``). Raises
    :class:`FileAccessError`, or :class:`BriefbookError` naming the field when the
    text holds a character without a UTF-8 form (a lone surrogate); the brief is
    unchanged.
    """
    path = Path(path)
    data = _encoded(brief, path)
    if not replace_read_only and is_read_only(follow_links(path)):
        raise ReadOnlyFileError(path)
    if backup:
        try:
            previous = read_user_file(path, "a brief", MAX_FILE_BYTES)
        except FileAccessError:  # none yet, unreadable, not a regular file, or too large
            previous = None
        if previous is not None and previous != data:
            write_atomic(
                backup_path(path),
                previous,
                mode=mode_of(follow_links(path)),
                replace_read_only=True,
            )
    write_atomic(path, data, replace_read_only=replace_read_only, limit=limit)
    brief.source = path
