"""The last check on what came from annexes: no script, action or embedded file in any
object copied into the dossier, whatever object of the annex it hid in."""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

#: Keys that start something (scripts, actions) or carry a file; removed wherever found.
ACTIVE_KEYS = (
    "/JS",
    "/JavaScript",
    "/AA",
    "/OpenAction",
    "/EF",
    "/EmbeddedFiles",
    "/RichMediaContent",
    "/XFA",
)
#: Action kinds that are never kept.
ACTIVE_ACTIONS = (
    Name.JavaScript,
    Name.Launch,
    Name.ImportData,
    Name.SubmitForm,
    Name.GoToR,
    Name.GoToE,
    Name.Rendition,
    Name.Movie,
    Name.Sound,
)


def clean_copied(out: pikepdf.Pdf, first: int) -> None:
    """Strip active keys from every object numbered ``first`` or higher (those added
    after ReportLab wrote the file: the annexes' pages and what they use)."""
    for number in range(first, len(out.objects) + 1):
        try:
            obj = out.get_object(number, 0)
        except (pikepdf.PdfError, ValueError):
            continue
        holder = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
        if not isinstance(holder, Dictionary):
            continue
        for key in ACTIVE_KEYS:
            if key in holder:
                del holder[key]
        if holder.get("/S") in ACTIVE_ACTIONS:
            for key in list(holder.keys()):
                del holder[key]
        if holder.get("/Type") == Name.EmbeddedFile and isinstance(obj, pikepdf.Stream):
            obj.write(b"")
