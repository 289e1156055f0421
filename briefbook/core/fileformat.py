"""The brief file (``NAME.brief.yaml``): load, validate and save.

Reading is safe by construction (see ``yamlnodes``): plain data only, no tags,
no aliases, bounded size and depth. Every problem is reported with its file,
line and column. Saving is atomic and byte-stable.
"""

from __future__ import annotations

from pathlib import Path

from briefbook.core import model as m
from briefbook.core.atomic import write_atomic
from briefbook.core.reading import Reader, empty_sections, read_brief
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


def parse(text: str, path: Path | None = None,
          warnings: list[Problem] | None = None) -> tuple[m.Brief, list[Problem]]:
    """Read brief text into the model, returning it with every problem found; what
    is worth a warning only (a section that will not print) goes into ``warnings``."""
    try:
        root, problems = parse_nodes(text, path)
    except YamlReadError as exc:
        return m.Brief(source=path), [exc.problem]
    reader = Reader(path)
    brief = read_brief(reader, root)
    brief.source = path
    if warnings is not None:
        warnings.extend(empty_sections(reader))
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
    """Every problem in a brief file, in file order (an empty list when it is fine).

    Besides the format itself, this checks that the time zones are known and that
    the logo and every image exist. Warnings (a section that is empty and will not
    print) go into ``warnings`` when it is given.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except BriefFormatError as exc:
        return list(exc.problems)
    except FileAccessError as exc:
        return [Problem(exc.reason, path)]
    brief, problems = parse(text, path, warnings)
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
    """Pictures that are missing, or that lie outside the brief's folder (and so are
    left out of the PDF unless the user allows them: a brief from someone else must
    not pull a file from the reader's computer into its PDF)."""
    from briefbook.core.imagepaths import image_refs, is_inside, resolve_image

    folder = path.parent
    found: list[Problem] = []
    for ref in image_refs(brief):
        noun = "the logo" if ref.kind == "logo" else f"the {ref.kind}"
        try:
            if "\x00" in ref.path:
                raise ValueError("it holds a NUL character")
            if not is_inside(ref.path, folder):
                message = (f"{noun} {ref.path!r} is outside the brief's folder, so it is left "
                           "out of the PDF unless allowed when exporting")
            elif not resolve_image(ref.path, folder).is_file():
                message = f"{noun} {ref.path!r} does not exist"
            else:
                continue
        except (OSError, ValueError) as exc:  # a name the system refuses
            message = f"{noun} {ref.path!r} cannot be used: {getattr(exc, 'strerror', None) or exc}"
        found.append(Problem(message, path, where=ref.where))
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
        except (OSError, ValueError):  # none yet, unreadable, or a name with a NUL in it
            previous = None
        if previous is not None and previous != data:
            write_atomic(backup_path(path), previous)
    write_atomic(path, data)
    brief.source = path
