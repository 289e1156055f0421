"""The recorded structure written into the finished PDF: the structure tree, the
parent tree that maps each page's marked content back to its element, the link
annotations' place in the tree, the catalog entries of a tagged PDF (``/MarkInfo``,
``/Lang``, ``DisplayDocTitle``, ``/Tabs /S``), and the XMP metadata that declares
PDF/UA-1 and, for an archival export, PDF/A-2b with its sRGB output intent.

ReportLab writes none of this; the file it wrote is opened with pikepdf, these
objects are added, and it is saved again (with fixed ids when it is reproducible).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from briefbook.render.tagging.recorder import Annotation, Element, Marked, Recorder

_K = Name.K
_MCR = Name.MCR


@dataclass(frozen=True)
class TagInfo:
    """What the catalog and the metadata say besides the structure."""

    title: str
    lang: str = "en"
    pdfa: bool = False
    reproducible: bool = False


def srgb_profile() -> bytes:
    """An sRGB ICC profile (built by Pillow's LittleCMS, nothing read from disk)."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf, rec: Recorder) -> None:
        self.pdf = pdf
        self.rec = rec
        self.pages = [page.obj for page in pdf.pages]
        self.parents: dict[int, list[tuple[int, pikepdf.Object]]] = {}
        self.next_key = len(self.pages)
        self.nums: list[object] = []
        self.names: dict[str, pikepdf.Name] = {}

    def page(self, number: int) -> pikepdf.Object:
        return self.pages[number - 1]

    def element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        pages = self.pages
        kids_in = element.kids
        first = 0
        for kid in kids_in:
            if type(kid) is Marked:
                first = kid.page
                break
        entries: dict[str, object] = {"/S": self._name(element.role), "/P": parent}
        if first:
            entries["/Pg"] = pages[first - 1]
        if element.alt:
            entries["/Alt"] = String(element.alt)
        if element.table:
            attrs = Dictionary(O=Name.Table)
            for key, value in element.table.items():
                attrs[Name("/" + key)] = self._name(value)
            entries["/A"] = attrs
        if element.identifier:
            entries["/ID"] = String(element.identifier)
        if element.lang:
            entries["/Lang"] = String(element.lang)
        obj = self.pdf.make_indirect(Dictionary(entries))
        if len(kids_in) == 1 and type(kids_in[0]) is Marked:
            # The commonest element: one marked sequence on its own page.
            mark = kids_in[0]
            self.parents.setdefault(mark.page, []).append((mark.mcid, obj))
            obj[_K] = mark.mcid
            return obj
        kids: list[object] = []
        parents = self.parents
        for kid in kids_in:
            kind = type(kid)
            if kind is Element:
                kids.append(self.element(kid, obj))  # type: ignore[arg-type]
            elif kind is Marked:
                page, mcid = kid  # type: ignore[misc]
                parents.setdefault(page, []).append((mcid, obj))
                if page == first:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary({"/Type": _MCR, "/Pg": pages[page - 1], "/MCID": mcid}))
            else:
                kids.append(self.annotation(kid, obj))  # type: ignore[arg-type]
        if len(kids) == 1 and isinstance(kids[0], int):
            obj[_K] = kids[0]
        elif kids:
            obj[_K] = Array(kids)
        return obj

    def _name(self, role: str) -> pikepdf.Name:
        name = self.names.get(role)
        if name is None:
            name = self.names[role] = Name("/" + role)
        return name

    def annotation(self, kid: Annotation, parent: pikepdf.Object) -> Dictionary:
        page = self.page(kid.page)
        annot = page.Annots[kid.position]
        annot.StructParent = self.next_key
        self.nums += [self.next_key, parent]
        self.next_key += 1
        if not str(annot.get("/Contents", "")).strip():
            annot.Contents = String(kid.description or _describe(annot))
        return Dictionary(Type=Name.OBJR, Obj=annot, Pg=page)

    def parent_tree(self) -> Dictionary:
        nums: list[object] = []
        for number in range(1, len(self.pages) + 1):
            marks = self.parents.get(number)
            if not marks:
                continue
            slots: list[object] = [None] * (max(m for m, _ in marks) + 1)
            for mcid, obj in marks:
                slots[mcid] = obj
            self.page(number).StructParents = number - 1
            nums += [number - 1, self.pdf.make_indirect(Array(slots))]
        return Dictionary(Nums=Array(nums + self.nums))


def _describe(annot: pikepdf.Object) -> str:
    """A link's description from where it leads."""
    action = annot.get("/A")
    if isinstance(action, Dictionary) and "/URI" in action:
        target = str(action.URI)
        if target.startswith("mailto:"):
            return f"E-mail {target[len('mailto:') :]}"
        return f"Link to {target}"
    return "Link"


def write_tags(data: bytes, rec: Recorder, info: TagInfo) -> bytes:
    """The PDF ReportLab wrote, with the structure ``rec`` recorded and the catalog
    entries and metadata of a tagged (and, when asked, archival) PDF."""
    pdf = pikepdf.open(io.BytesIO(data))
    writer = _Writer(pdf, rec)
    tree = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = writer.element(rec.root, tree)
    tree.K = document
    tree.ParentTree = pdf.make_indirect(writer.parent_tree())
    tree.ParentTreeNextKey = writer.next_key
    root = pdf.Root
    root.StructTreeRoot = tree
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = String(info.lang or "en")
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    for page in writer.pages:
        page.Tabs = Name.S
        if info.pdfa:
            for annot in page.get("/Annots", Array()):
                annot.F = 4  # printed (PDF/A: every annotation prints as it shows)
    if info.pdfa:
        icc = pdf.make_stream(srgb_profile())
        icc.N = 3
        root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                    Info=String("sRGB IEC61966-2.1"),
                    DestOutputProfile=icc,
                )
            ]
        )
    _metadata(pdf, info)
    if info.pdfa:
        xmp = pdf.Root.Metadata.read_bytes().replace(b"</rdf:RDF>", _PDFUA_SCHEMA + b"</rdf:RDF>")
        pdf.Root.Metadata.write(xmp)
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=info.reproducible,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return out.getvalue()


#: PDF/A-2 admits only the XMP properties it defines or an extension schema describes:
#: this describes pdfuaid:part, the PDF/UA identifier.
_PDFUA_SCHEMA = b"""<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed\
</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
"""


def _metadata(pdf: pikepdf.Pdf, info: TagInfo) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        with warnings.catch_warnings():  # /Trapped has no mapping in pikepdf: set below
            warnings.simplefilter("ignore", UserWarning)
            meta.load_from_docinfo(pdf.docinfo)
        if "/Trapped" in pdf.docinfo:
            meta["pdf:Trapped"] = str(pdf.docinfo.Trapped).lstrip("/")
        meta["dc:title"] = info.title
        meta["pdfuaid:part"] = "1"
        if info.pdfa:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
