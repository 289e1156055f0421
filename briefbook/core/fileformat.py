"""The brief file (``NAME.brief.yaml``): load, validate and save.

Reading is safe by construction (see ``yamlnodes``): plain data only, no tags,
no aliases, bounded size and depth. Every problem is reported with its file,
line and column. Saving is atomic and byte-stable.
"""

from __future__ import annotations

from pathlib import Path

from briefbook.core import model as m
from briefbook.core.atomic import write_atomic
from briefbook.core.reading import Reader, read_brief
from briefbook.core.writing import dumps
from briefbook.core.yamlnodes import YamlReadError, parse_nodes
from briefbook.errors import BriefFormatError, FileAccessError, Problem

#: Larger files are refused before they are read: a real brief is well under 1 MB.
MAX_FILE_BYTES = 50 * 1024 * 1024

SUFFIX = ".brief.yaml"

__all__ = ["MAX_FILE_BYTES", "SUFFIX", "dumps", "load", "loads", "save", "validate"]


def read_text(path: Path) -> str:
    """The file's text, refusing huge, unreadable and non-UTF-8 files with a clear message."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileAccessError(path, f"the file is {size / 1e6:.0f} MB; a brief file may be "
                                  f"at most {MAX_FILE_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileAccessError(path, "no such file") from None
    except IsADirectoryError:
        raise FileAccessError(path, "this is a folder, not a brief file") from None
    except OSError as exc:
        raise FileAccessError(path, exc.strerror or str(exc)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BriefFormatError([Problem("the file is not UTF-8 text (save it as UTF-8)", path,
                                        line, column)]) from None


def parse(text: str, path: Path | None = None) -> tuple[m.Brief, list[Problem]]:
    """Read brief text into the model, returning it with every problem found."""
    try:
        root, problems = parse_nodes(text, path)
    except YamlReadError as exc:
        return m.Brief(source=path), [exc.problem]
    reader = Reader(path)
    brief = read_brief(reader, root)
    brief.source = path
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


def validate(path: Path | str) -> list[Problem]:
    """Every problem in a brief file, in file order (an empty list when it is fine).

    Besides the format itself, this checks that the time zones are known and that
    the logo and every image exist.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except BriefFormatError as exc:
        return list(exc.problems)
    except FileAccessError as exc:
        return [Problem(exc.reason, path)]
    brief, problems = parse(text, path)
    if problems:
        return problems
    return _unknown_zones(brief, path) + _missing_files(brief, path)


def _unknown_zones(brief: m.Brief, path: Path) -> list[Problem]:
    """Time zone names that the IANA database (shipped with briefbook) does not know."""
    from briefbook.core.timezones import zone_problem

    found: list[Problem] = []
    for key in ("timezone", "home_timezone"):
        message = zone_problem(getattr(brief.meta, key))
        if message:
            found.append(Problem(message, path, where=f"meta '{key}'"))
    return found


def _missing_files(brief: m.Brief, path: Path) -> list[Problem]:
    folder = path.parent
    found: list[Problem] = []
    if brief.meta.logo and not (folder / brief.meta.logo).is_file():
        found.append(Problem(f"the logo {brief.meta.logo!r} does not exist", path,
                             where="meta"))
    for _, section in brief.walk_sections():
        for number, block in enumerate(section.blocks, start=1):
            files: list[str] = []
            if isinstance(block, m.ImageBlock):
                files.append(block.path)
            elif isinstance(block, m.PeopleBlock):
                files.extend(person.photo for person in block.people if person.photo)
            for name in files:
                if not (folder / name).is_file():
                    found.append(Problem(f"the image {name!r} does not exist", path,
                                         where=f"section {section.title!r}, block {number}"))
    return found


def backup_path(path: Path) -> Path:
    """Where :func:`save` keeps the previous version of a brief: ``NAME.brief.yaml~``."""
    return path.with_name(path.name + "~")


def save(brief: m.Brief, path: Path | str, *, backup: bool = True) -> None:
    """Write the brief atomically to ``path`` and remember it as the brief's file.

    With ``backup``, the version being replaced is first kept (atomically too)
    as ``NAME.brief.yaml~``, unless it is byte-identical to the new text. A
    process killed at any moment leaves ``path`` holding the old or the new
    brief, complete. Raises :class:`FileAccessError`; the brief is unchanged.
    """
    path = Path(path)
    data = dumps(brief).encode("utf-8")
    if backup:
        try:
            previous = path.read_bytes()
        except OSError:
            previous = None
        if previous is not None and previous != data:
            write_atomic(backup_path(path), previous)
    write_atomic(path, data)
    brief.source = path
