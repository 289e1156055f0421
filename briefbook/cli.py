"""The command line: dispatch and exit codes, no logic of its own (the arguments are
parsed by :mod:`briefbook.cli_arguments`).

``briefbook [FILE]`` opens the app; ``export``, ``validate``, ``import`` and
``new`` work without a window. Exit status 0 on success, 2 on bad input with
one line per problem on stderr, never a traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefbook.cli_arguments import UsageError, build_parser
from briefbook.core.text import counted, plural
from briefbook.core.text import human_size as _size
from briefbook.errors import BriefbookError, BriefFormatError, FileAccessError, Problem

if TYPE_CHECKING:
    from briefbook.core.distribution.copies import Copy
    from briefbook.render.options import ExportResult
    from briefbook.render.parallel import JobProgress
    from briefbook.render.pictures.downsample import ImageProfile

COMMANDS = ("export", "validate", "import", "new", "diff")
EXIT_OK, EXIT_BAD_INPUT = 0, 2
#: ``briefbook diff --exit-code`` when the two briefs differ (as ``diff`` and ``git diff``).
EXIT_DIFFERENT = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    _tolerant_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
            return _run_app(args_list)
        args = build_parser().parse_args(args_list)
        if args.command is None:
            return _run_app([])
        handler = {
            "export": _export,
            "validate": _validate,
            "import": _import,
            "new": _new,
            "diff": _diff,
        }[args.command]
        return handler(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BriefFormatError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BriefbookError as exc:
        print(f"briefbook: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("briefbook: interrupted", file=sys.stderr)
        return 130


def _tolerant_output() -> None:
    """Text that standard output or error cannot encode (a cp1252 console, a redirect
    on Windows) is written with replacements instead of failing after the work is done:
    '?' on standard output, a backslash escape on standard error (so a message still
    names the character)."""
    for stream, errors in ((sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # closed, or cannot change
                reconfigure(errors=errors)


def _run_app(args: list[str]) -> int:
    if len(args) > 1:
        raise UsageError("briefbook: give at most one brief file to open")
    from briefbook.gui.display import display_problem

    problem = display_problem()
    if problem is not None:
        raise UsageError(problem)
    from briefbook.gui.app import run

    return run(Path(args[0]) if args else None)


def _warn(problems: list[Problem]) -> None:
    from briefbook.errors import summarize

    for problem in summarize(problems):
        print(f"{problem} (warning)", file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from briefbook.core.distribution.exportplan import ExportRequest, plan_exports
    from briefbook.core.fileformat import load

    brief = load(args.file)
    request = ExportRequest(
        edition=args.edition,
        all_editions=args.all_editions,
        person=args.itinerary_for,
        all_people=args.all_itineraries,
        pocket=args.pocket_card,
        changes_since=load(args.changes_since) if args.changes_since is not None else None,
        email=args.profile == "email",
    )
    if args.pocket_card and args.page_size:
        raise UsageError("briefbook export: the pocket card is always A6; leave out --page-size")
    home_times = False if args.no_home_times else None
    request.copies = _copies(args)
    images = _image_profile(args)
    if args.pdfa and (args.password_file is not None or args.ask_password):
        raise UsageError(
            "briefbook export: a PDF/A file cannot be encrypted (archives must "
            "open without a password); leave out --pdfa or the password option"
        )
    password = _password(args)
    if password and args.pocket_card:
        raise UsageError(
            "briefbook export: pocket cards are not password-protected; leave "
            "out the password option"
        )
    jobs = plan_exports(brief, request, args.output, args.file.parent)
    if images is not None and images.target_bytes:
        print(
            f"Exporting for {images.describe()}; target: under {_size(images.target_bytes)} "
            "per file",
            file=sys.stderr,
        )
    from briefbook.render.exporting import ExportChoices
    from briefbook.render.parallel import export_all

    choices = ExportChoices(
        pocket=args.pocket_card,
        page_size=args.page_size,
        reproducible=args.reproducible,
        home_times=home_times,
        password=password,
        pdfa=args.pdfa,
        allow_outside_images=args.allow_outside_images,
        images=images,
    )
    unit = "card" if args.pocket_card else "page"

    def written(result: ExportResult) -> None:
        _warn(result.warnings)
        pages = f"{result.page_count} {unit}{'s' if result.page_count != 1 else ''}"
        print(f"{result.path}: {pages}, {_size(result.size)}")
        if images is not None and images.target_bytes and result.size > images.target_bytes:
            print(
                f"{result.path}: {_size(result.size)} is over the e-mail target of "
                f"{_size(images.target_bytes)}; try a lower --image-dpi (warning)",
                file=sys.stderr,
            )

    shown = _ProgressLine(len(jobs)) if len(jobs) > 1 and sys.stderr.isatty() else None

    def written_after_progress(result: ExportResult) -> None:
        if shown is not None:
            shown.clear()
        written(result)

    # Read-only targets are refused before any file is written; editions in parallel.
    export_all(jobs, choices, progress=shown, written=written_after_progress)
    if shown is not None:
        shown.clear()
    return EXIT_OK


class _ProgressLine:
    """One progress line on a terminal's stderr for an export of several files."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.last = ""

    def __call__(self, progress: JobProgress) -> None:
        text = progress_text(progress)
        if text != self.last:
            self.last = text
            print(f"\r{text}", end="", file=sys.stderr, flush=True)

    def clear(self) -> None:
        if self.last:
            print("\r" + " " * len(self.last) + "\r", end="", file=sys.stderr, flush=True)
            self.last = ""


def progress_text(progress: JobProgress) -> str:
    """``Exporting: 40 % (2 of 12 files written)``."""
    return (
        f"Exporting: {progress.fraction * 100:.0f} % ({progress.written} of "
        f"{progress.total} files written)"
    )


def _copies(args: argparse.Namespace) -> list[Copy]:
    """The numbered copies asked for with --copies or --recipients (none: [])."""
    from briefbook.core.distribution.copies import numbered_copies, read_recipients

    if args.recipients is not None:
        return read_recipients(args.recipients)
    if args.copies is not None:
        return numbered_copies(args.copies)
    return []


def _image_profile(args: argparse.Namespace) -> ImageProfile | None:
    """The picture profile of --profile and --image-dpi (None: pictures as they are)."""
    if args.profile is None and args.image_dpi is None:
        return None
    if args.pocket_card:
        raise UsageError(
            "briefbook export: the pocket card has no pictures; leave out --profile and --image-dpi"
        )
    from briefbook.render.pictures.downsample import image_profile

    try:
        return image_profile(args.profile or "print", args.image_dpi)
    except ValueError as exc:
        raise UsageError(f"briefbook export: {exc}") from None


def _password(args: argparse.Namespace) -> str:
    """The PDF password from --password-file or a prompt ("" for none); never stored."""
    if args.password_file is not None:
        from briefbook.core.safety.safe_read import read_user_file

        data = read_user_file(args.password_file, "the password file", 64 * 1024)
        try:
            lines = data.decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise FileAccessError(
                args.password_file, "the password file is not UTF-8 text; save it as UTF-8"
            ) from None
        if not lines or not lines[0]:
            raise FileAccessError(args.password_file, "the first line should hold the password")
        return lines[0]
    if args.ask_password:
        import getpass

        first = getpass.getpass("Password for the PDF: ")
        if getpass.getpass("Type it again: ") != first:
            raise BriefbookError("the two passwords differ; nothing was exported")
        return first
    return ""


def _diff(args: argparse.Namespace) -> int:
    from briefbook.core.compare.diff import diff_briefs
    from briefbook.core.fileformat import load

    changes = diff_briefs(load(args.old), load(args.new))
    count = len(changes.changes)
    print(
        f"{changes.title} (from {args.old} to {args.new}): "
        f"{count or 'no'} {plural(count, 'change')}"
    )
    for group, items in changes.groups():
        print(group)
        for change in items:
            print(f"  {change.tag.lower():<9}  {change.text()}")
    return EXIT_DIFFERENT if count and args.exit_code else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from briefbook.core.fileformat import validate

    warnings: list[Problem] = []
    problems = validate(args.file, warnings)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return EXIT_BAD_INPUT
    _warn(warnings)
    found = f" ({counted(len(warnings), 'warning')})" if warnings else ""
    print(f"{args.file}: no problems found{found}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from briefbook.core.fileformat import dumps
    from briefbook.core.importing import import_file_report

    report = import_file_report(args.file)
    brief = report.brief
    for warning in report.warnings:
        print(f"{args.file}: {warning} (warning)", file=sys.stderr)
    text = dumps(brief)
    if args.output is None:
        if not _encodable(text, sys.stdout):
            print(
                f"{args.file}: standard output ({sys.stdout.encoding}) cannot show some "
                "characters; they are written as '?'. Use -o FILE to keep them (warning)",
                file=sys.stderr,
            )
        sys.stdout.write(text)
        return EXIT_OK
    _refuse_overwrite(args.output, args.force)
    from briefbook.core.fileformat import save
    from briefbook.core.safety.filemodes import export_limit

    save(brief, args.output, limit=export_limit(args.file))  # as private as its source
    print(f"{args.output}: {len(brief.sections)} sections")
    return EXIT_OK


def _encodable(text: str, stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _new(args: argparse.Namespace) -> int:
    from briefbook.core.fileformat import save
    from briefbook.core.templates import new_brief, template_names

    if args.list:
        for name, description in template_names():
            print(f"{name:12} {description}")
        return EXIT_OK
    if args.file is None:
        raise UsageError(
            "briefbook new: give the file to create, e.g. "
            "'briefbook new visit.brief.yaml --template visit'"
        )
    brief = new_brief(args.template)
    _refuse_overwrite(args.file, args.force)
    save(brief, args.file)
    print(f"{args.file}: new brief from the {args.template!r} template")
    return EXIT_OK


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise FileAccessError(
            path, "already exists; choose another name or add --force to replace it"
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
