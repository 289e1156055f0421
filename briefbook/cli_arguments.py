"""The command line's arguments: the parser of every command and the usage error it raises."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefbook import __version__


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefbook",
        description="Build briefing books and export them as one formatted PDF dossier.",
    )
    parser.add_argument("--version", action="version", version=f"briefbook {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    export = commands.add_parser("export", help="export a brief as a PDF dossier")
    export.add_argument("file", type=Path, help="the .brief.yaml file")
    export.add_argument(
        "-o",
        "--output",
        help="the PDF to write, or a folder (ending in / "
        "or existing) for the default names (default: next to the brief, "
        "named from its date, title, version and what the file is)",
    )
    export.add_argument(
        "--page-size", choices=("A4", "Letter"), help="override the brief's page size"
    )
    export.add_argument(
        "--reproducible",
        action="store_true",
        help="the same brief gives the same bytes (also when SOURCE_DATE_EPOCH is set)",
    )
    which = export.add_mutually_exclusive_group()
    which.add_argument("--edition", metavar="NAME", help="build one of the brief's editions")
    which.add_argument(
        "--all-editions",
        action="store_true",
        help="build every edition into its own file (-o then names a folder)",
    )
    who = export.add_mutually_exclusive_group()
    who.add_argument(
        "--itinerary-for",
        metavar="NAME",
        help="a personal itinerary: only the schedule entries NAME attends, with the contact sheet",
    )
    who.add_argument(
        "--all-itineraries",
        action="store_true",
        help="one itinerary per participant, each in its own file (-o then names a folder)",
    )
    secret = export.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-file",
        metavar="FILE",
        type=Path,
        help="protect the PDF "
        "with the password on the first line of FILE (AES-256; printing "
        "allowed, copying not)",
    )
    secret.add_argument(
        "--ask-password",
        action="store_true",
        help="protect the PDF with a password typed at a prompt",
    )
    export.add_argument(
        "--pdfa",
        action="store_true",
        help="an archival PDF/A-2b (sRGB output intent, every font embedded, never encrypted)",
    )
    export.add_argument(
        "--pocket-card",
        action="store_true",
        help="A6 pocket cards with the "
        "day-by-day schedule and the key points, instead of the dossier",
    )
    export.add_argument(
        "--changes-since",
        metavar="OLD",
        type=Path,
        help="add a 'Changes since version N' page comparing with an earlier .brief.yaml",
    )
    export.add_argument(
        "--no-home-times",
        action="store_true",
        help="print local times only, even when the brief names a home time zone",
    )
    export.add_argument(
        "--allow-outside-images",
        action="store_true",
        help="embed pictures "
        "from outside the brief's folder too (left out by default, so that a "
        "brief from someone else cannot copy your files into its PDF)",
    )
    numbered = export.add_mutually_exclusive_group()
    numbered.add_argument(
        "--copies",
        metavar="N",
        type=int,
        help="numbered copies, one file "
        "each, stamped 'Copy 3 of N' on the cover and in every footer",
    )
    numbered.add_argument(
        "--recipients",
        metavar="FILE",
        type=Path,
        help="one copy per name "
        "in FILE (one a line; blank lines and # comments ignored), stamped "
        "'Copy 3 of 12 – Name'",
    )
    export.add_argument(
        "--profile",
        choices=("print", "email"),
        help="print: pictures as "
        "they are (the default); email: pictures downsampled to 150 dpi at "
        "their printed size and recompressed, for a small file",
    )
    export.add_argument(
        "--image-dpi",
        metavar="N",
        type=int,
        help="downsample pictures to N dots per inch at their printed size (30 to 1200)",
    )

    diff = commands.add_parser("diff", help="list the changes between two versions of a brief")
    diff.add_argument("old", type=Path, help="the earlier .brief.yaml")
    diff.add_argument("new", type=Path, help="the later .brief.yaml")
    diff.add_argument(
        "--exit-code",
        action="store_true",
        help="exit with 1 when the briefs differ, 0 when they do not (for scripts)",
    )

    validate = commands.add_parser("validate", help="check a brief and list every problem")
    validate.add_argument("file", type=Path)

    imp = commands.add_parser("import", help="turn text, Markdown or Word material into a brief")
    imp.add_argument("file", type=Path, help="a .txt, .md or .docx file")
    imp.add_argument(
        "-o", "--output", type=Path, help="the .brief.yaml to write (default: standard output)"
    )
    imp.add_argument("--force", action="store_true", help="overwrite the output if it exists")

    new = commands.add_parser("new", help="start a brief from a template")
    new.add_argument("file", type=Path, nargs="?", help="the .brief.yaml to create")
    new.add_argument(
        "-t",
        "--template",
        default="blank",
        help="example, visit, read-ahead, "
        "issue-brief, scenario or blank (default: blank; --list says what each holds)",
    )
    new.add_argument("--list", action="store_true", help="list the templates")
    new.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    return parser
