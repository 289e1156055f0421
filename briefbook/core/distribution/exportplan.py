"""Which files one export makes: editions × itineraries, dossier or pocket card.

The command line and the app both describe an export as an
:class:`ExportRequest`; :func:`plan_exports` turns it into the list of briefs
to render and the file each one goes to, named after the brief (date, title,
version) and what it is (edition, whose itinerary, pocket card, numbered
copy: each copy is a file of its own, ``... copy 03 Name.pdf``). A changes
page is computed against the earlier brief filtered the *same* way, so an
edition's changes page never mentions what the edition leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefbook.core import model as m
from briefbook.core.compare.diff import BriefDiff, diff_briefs
from briefbook.core.compare.edition_changes import earlier_through_edition
from briefbook.core.distribution.copies import Copy
from briefbook.core.distribution.editions import apply_edition, find_edition
from briefbook.core.distribution.itinerary import find_participant, itinerary_for, participants
from briefbook.core.distribution.naming import default_pdf_name, with_suffix
from briefbook.core.distribution.targets import check_targets, destination, unique_paths
from briefbook.core.wording import Wording
from briefbook.errors import BriefbookError

POCKET_SUFFIX = "pocket card"
EMAIL_SUFFIX = "email"


@dataclass
class ExportRequest:
    """What the user asked for (``None`` and ``False``: not asked)."""

    edition: str | None = None
    all_editions: bool = False
    person: str | None = None
    all_people: bool = False
    pocket: bool = False
    #: The earlier brief, for a "Changes since version N" page.
    changes_since: m.Brief | None = None
    #: Numbered copies, one file each (empty: one unnumbered file).
    copies: list[Copy] = field(default_factory=list)
    #: The small e-mail version (its default name says so).
    email: bool = False


@dataclass
class ExportJob:
    """One file to write: the (filtered) brief, where it goes, and what it is."""

    brief: m.Brief
    path: Path
    edition: str = ""
    person: str = ""
    changes: BriefDiff | None = None
    #: What a numbered copy prints on its cover and in its footer ("Copy 3 of 12 – Name").
    stamp: str = ""


def itinerary_suffix(person: str) -> str:
    """The part of a file name that says whose itinerary it is."""
    return f"itinerary {person}"


def file_suffix(
    edition: str = "",
    person: str = "",
    pocket: bool = False,
    email: bool = False,
    copy: Copy | None = None,
) -> str:
    """What a default file name adds after the brief's date, title and version:
    ``press itinerary Bob pocket card``, ``email copy 03 Jane Doe``."""
    return " ".join(
        part
        for part in (
            edition,
            itinerary_suffix(person) if person else "",
            POCKET_SUFFIX if pocket else "",
            EMAIL_SUFFIX if email else "",
            copy.suffix if copy is not None else "",
        )
        if part
    )


def plan_exports(
    brief: m.Brief, request: ExportRequest, output: Path | str | None, default_folder: Path
) -> list[ExportJob]:
    """The files to make, with unique paths. ``output`` means what ``-o`` means (see
    :mod:`briefbook.core.distribution.targets`: a folder for default names, or a file, after which
    several files are named); without it the files go to ``default_folder``.

    Raises :class:`BriefbookError` for an unknown edition or person, or a request
    that cannot be met (no editions, a pocket card with a changes page...), and
    :class:`FileAccessError` for a target that is a brief, its backup or not a PDF.
    """
    if request.pocket and request.changes_since is not None:
        raise BriefbookError(
            "the pocket card has no changes page; export the dossier with "
            "the changes page, or the pocket card on its own"
        )
    if request.pocket and request.copies:
        raise BriefbookError(
            "pocket cards are not numbered; leave out the copies or recipients option"
        )
    editions = _editions(brief, request)
    words = Wording.of(brief.meta)
    several = request.all_editions or request.all_people or bool(request.copies)
    where = destination(output, default_folder)
    jobs: list[ExportJob] = []
    for edition in editions:
        edited = apply_edition(brief, edition) if edition is not None else brief
        earlier = request.changes_since
        if earlier is not None and edition is not None:
            # Seen as the new brief defines the edition: the page names nothing it leaves out.
            earlier = earlier_through_edition(earlier, brief, edition)
        for person in _people(edited, request):
            job_brief = itinerary_for(edited, person) if person else edited
            changes = None
            if earlier is not None:
                before = itinerary_for(earlier, person, missing_ok=True) if person else earlier
                changes = diff_briefs(before, job_brief, words)
            name = edition.name if edition is not None else ""
            numbers: list[Copy | None] = [*request.copies] or [None]
            for number in numbers:
                if where.file is None:
                    path = where.folder / default_pdf_name(
                        brief, file_suffix(name, person, request.pocket, request.email, number)
                    )
                elif several:  # named after the user's file, by what differs between them
                    varying = file_suffix(
                        name if request.all_editions else "",
                        person if request.all_people else "",
                        copy=number,
                    )
                    stem = (
                        where.file.stem
                        if where.file.suffix.lower() == ".pdf"
                        else (where.file.name)
                    )
                    path = where.file.with_name(with_suffix(stem, varying) + ".pdf")
                else:
                    path = where.file
                jobs.append(
                    ExportJob(
                        job_brief,
                        path,
                        name,
                        person,
                        changes,
                        number.stamp_in(words) if number else "",
                    )
                )
    for job, path in zip(jobs, unique_paths([job.path for job in jobs]), strict=True):
        job.path = path
    check_targets([job.path for job in jobs], brief.source)
    return jobs


def _editions(brief: m.Brief, request: ExportRequest) -> list[m.Edition | None]:
    if request.all_editions:
        if not brief.editions:
            raise BriefbookError("the brief defines no editions")
        return list(brief.editions)
    if request.edition is not None:
        return [find_edition(brief, request.edition)]
    return [None]


def _people(brief: m.Brief, request: ExportRequest) -> list[str]:
    if request.all_people:
        found = participants(brief)
        if not found:
            raise BriefbookError(
                "no schedule entry lists any participants, so there are no itineraries to make"
            )
        return found
    if request.person is not None:
        return [find_participant(brief, request.person)]
    return [""]
