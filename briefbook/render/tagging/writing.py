"""The recorded structure written into the finished PDF: the structure tree, the
parent tree that maps each page's marked content back to its element, the link
annotations' place in the tree, the catalog entries of a tagged PDF (``/MarkInfo``,
``/Lang``, ``DisplayDocTitle``, ``/Tabs /S``), and the XMP metadata that declares
PDF/UA-1 and, for an archival export, PDF/A-2b with its sRGB output intent.

ReportLab writes none of this. Its file is taken apart into its objects
(:mod:`.filing`), the structure is added as PDF text, a few of ReportLab's
dictionaries (the catalog, the pages, the link annotations) get their entries, and
the file is written again with the small objects in compressed object streams: one
pass over the bytes, no PDF library in between.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefbook.render.tagging.filing import (
    PdfFile,
    UnreadableLayout,
    has_key,
    pdf_name,
    pdf_text,
    read_reportlab,
    refs_of,
    string_at,
    with_entries,
)
from briefbook.render.tagging.recorder import Annotation, Element, Marked
from briefbook.render.tagging.xmp import DocumentInfo, xmp_packet


@dataclass(frozen=True)
class TagInfo:
    """What the catalog and the metadata say besides the structure."""

    title: str
    lang: str = "en"
    pdfa: bool = False
    reproducible: bool = False


@dataclass(frozen=True)
class TaggedLayout:
    """A tagged render as it was before its structure was written: the file as
    ReportLab wrote it (the marked content in its pages), the recorded tree and what
    the catalog says. Section reuse splices these and writes the structure again."""

    pdf: bytes
    root: Element
    info: TagInfo


def srgb_profile() -> bytes:
    """An sRGB ICC profile (built by Pillow's LittleCMS, nothing read from disk)."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


class _Writer:
    def __init__(self, file: PdfFile, pdfa: bool, numbers: dict[int, int] | None) -> None:
        self.file = file
        self.numbers = numbers
        self.pdfa = pdfa
        self.pages = _pages(file)
        self.page_refs = [b"%d 0 R" % number for number in self.pages]
        self.annots: dict[int, list[int]] = {}
        self.parents: dict[int, list[tuple[int, int]]] = {}
        self.next_key = len(self.pages)
        self.nums: list[bytes] = []
        self.names: dict[str, bytes] = {}

    def annots_of(self, page: int) -> list[int]:
        found = self.annots.get(page)
        if found is None:
            body = self.file.objects[self.pages[page - 1]] or b""
            found = self.annots[page] = refs_of(body, b"/Annots")
        return found

    def element(self, element: Element, parent: int) -> int:
        """Add ``element`` and everything under it; the number of its object."""
        number = self.file.add()
        if self.numbers is not None:
            self.numbers[id(element)] = number
        kids_in = element.kids
        first = 0
        for kid in kids_in:
            if type(kid) is Marked:
                first = kid.page
                break
        name = self.names.get(element.role)
        if name is None:
            name = self.names[element.role] = pdf_name(element.role)
        parts = [b"<< /S ", name, b" /P %d 0 R" % parent]
        if first:
            parts += [b" /Pg ", self.page_refs[first - 1]]
        if element.alt:
            parts += [b" /Alt ", pdf_text(element.alt)]
        if element.table:
            parts.append(b" /A << /O /Table")
            for key, value in element.table.items():
                parts += [b" ", pdf_name(key), b" ", pdf_name(value)]
            parts.append(b" >>")
        if element.identifier:
            parts += [b" /ID ", pdf_text(element.identifier)]
        if element.lang:
            parts += [b" /Lang ", pdf_text(element.lang)]
        kids: list[bytes] = []
        parents = self.parents
        for kid in kids_in:
            kind = type(kid)
            if kind is Marked:
                page, mcid = kid  # type: ignore[misc]
                parents.setdefault(page, []).append((mcid, number))
                if page == first:
                    kids.append(b"%d" % mcid)
                else:
                    ref = self.page_refs[page - 1]
                    kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (ref, mcid))
            elif kind is Element:
                kids.append(b"%d 0 R" % self.element(kid, number))  # type: ignore[arg-type]
            else:
                kids.append(self.annotation(kid, number))  # type: ignore[arg-type]
        if len(kids) == 1:
            parts += [b" /K ", kids[0]]
        elif kids:
            parts += [b" /K [ ", b" ".join(kids), b" ]"]
        parts.append(b" >>")
        self.file.objects[number] = b"".join(parts)
        return number

    def annotation(self, kid: Annotation, parent: int) -> bytes:
        annots = self.annots_of(kid.page)
        if kid.position >= len(annots):
            raise UnreadableLayout(f"page {kid.page} has no link annotation {kid.position + 1}")
        number = annots[kid.position]
        body = self.file.objects[number] or b""
        key = self.next_key
        self.next_key += 1
        self.nums.append(b"%d %d 0 R" % (key, parent))
        entries = b"/StructParent %d" % key
        contents = string_at(body, b"/Contents")
        if not (contents or "").strip():
            described = pdf_text(kid.description or _describe(body))
            if contents is None:
                entries += b" /Contents " + described
            else:
                body = body.replace(b"/Contents ()", b"/Contents " + described, 1)
        self.file.objects[number] = with_entries(body, entries)
        return b"<< /Type /OBJR /Obj %d 0 R /Pg %s >>" % (number, self.page_refs[kid.page - 1])

    def parent_tree(self) -> bytes:
        nums: list[bytes] = []
        for number in range(1, len(self.pages) + 1):
            marks = self.parents.get(number)
            if not marks:
                continue
            slots = [b"null"] * (max(m for m, _ in marks) + 1)
            for mcid, obj in marks:
                slots[mcid] = b"%d 0 R" % obj
            array = self.file.add(b"[ " + b" ".join(slots) + b" ]")
            nums.append(b"%d %d 0 R" % (number - 1, array))
        return b"<< /Nums [ " + b" ".join(nums + self.nums) + b" ] >>"

    def finish_pages(self) -> None:
        """``/Tabs /S`` on every page, ``/StructParents`` on those with marked content;
        for PDF/A, every annotation printed."""
        objects = self.file.objects
        for index, number in enumerate(self.pages, start=1):
            entries = b"/Tabs /S"
            if index in self.parents:
                entries += b" /StructParents %d" % (index - 1)
            body = objects[number] or b""
            objects[number] = with_entries(body, entries)
            if self.pdfa:
                for annot in self.annots_of(index):
                    annot_body = objects[annot] or b""
                    if not has_key(annot_body, b"/F"):
                        objects[annot] = with_entries(annot_body, b"/F 4")


def _pages(file: PdfFile) -> list[int]:
    """The page objects' numbers, in order."""
    catalog = file.objects[file.root] or b""
    found: list[int] = []
    todo = refs_of(catalog, b"/Pages")[:1]
    while todo:
        number = todo.pop(0)
        body = file.objects[number] or b""
        if has_key(body, b"/Kids"):
            todo[:0] = refs_of(body, b"/Kids")
        else:
            found.append(number)
    return found


def _describe(annot: bytes) -> str:
    """A link's description from where it leads."""
    target = string_at(annot, b"/URI")
    if target is None:
        return "Link"
    if target.startswith("mailto:"):
        return f"E-mail {target[len('mailto:') :]}"
    return f"Link to {target}"


def _document_info(file: PdfFile) -> DocumentInfo:
    body = file.objects[file.info] or b""

    def text(key: bytes) -> str:
        return string_at(body, key) or ""

    trapped = next((v for v in ("True", "False") if b"/Trapped /" + v.encode() in body), "")
    return DocumentInfo(
        title=text(b"/Title"),
        author=text(b"/Author"),
        subject=text(b"/Subject"),
        keywords=text(b"/Keywords"),
        creator=text(b"/Creator"),
        producer=text(b"/Producer"),
        created=text(b"/CreationDate"),
        modified=text(b"/ModDate"),
        trapped=trapped,
    )


def write_tags(
    data: bytes, root: Element, info: TagInfo, numbers: dict[int, int] | None = None
) -> bytes:
    """The PDF ReportLab wrote, with the structure recorded under ``root`` and the
    catalog entries and metadata of a tagged (and, when asked, archival) PDF. When
    given, ``numbers`` gets each element's object number, by the element's ``id``."""
    file = read_reportlab(data)
    writer = _Writer(file, info.pdfa, numbers)
    tree = file.add()
    document = writer.element(root, tree)
    parent_tree = file.add(writer.parent_tree())
    file.objects[tree] = (
        b"<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d >>"
        % (
            document,
            parent_tree,
            writer.next_key,
        )
    )
    writer.finish_pages()
    packet = xmp_packet(_document_info(file), info.title, info.pdfa)
    metadata = file.add_stream(b"<< /Type /Metadata /Subtype /XML >>", packet)
    entries = (
        b"/StructTreeRoot %d 0 R /MarkInfo << /Marked true >> /Lang %s"
        b" /ViewerPreferences << /DisplayDocTitle true >> /Metadata %d 0 R"
        % (tree, pdf_text(info.lang or "en"), metadata)
    )
    if info.pdfa:
        icc = file.add_stream(b"<< /N 3 >>", srgb_profile())
        entries += (
            b" /OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1"
            b" /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1)"
            b" /DestOutputProfile %d 0 R >> ]" % icc
        )
    catalog = file.objects[file.root] or b""
    for key in (b"/StructTreeRoot", b"/MarkInfo", b"/Lang", b"/ViewerPreferences", b"/Metadata"):
        if has_key(catalog, key):
            raise UnreadableLayout(f"the laid-out file's catalog has {key.decode()} already")
    file.objects[file.root] = with_entries(catalog, entries)
    return file.write()


__all__ = ["TagInfo", "TaggedLayout", "srgb_profile", "write_tags"]
