"""A tagged annex's structure carried into the dossier's tree.

The annex page is drawn as a form XObject on its dossier page, with its marked content
as it was, so the annex's structure elements can point at it: each one is copied
under the element the annex block sits in (a ``Div`` per annex), its marked content
now referenced in the form (``/MCR`` with ``/Stm``), its roles mapped to the standard
ones through the annex's role map. The form gets a ``/StructParents`` entry in the
dossier's parent tree. Link annotations are not carried (the dossier rebuilds the
annex's links itself), and nor are elements that hold nothing on a placed page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, String

#: PDF 1.7's standard structure types (what an annex's roles are mapped to).
STANDARD = frozenset(
    (
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    )
)
#: How deep an annex's elements are copied (real documents nest a dozen levels at most).
MAX_DEPTH = 100
#: Roles that would make no sense inside the dossier's document.
_RENAMED = {"Document": "Part"}
_TEXTS = ("/Alt", "/ActualText", "/E", "/Lang", "/T")


@dataclass
class PlacedForm:
    """An annex page as the dossier draws it: its form and the page it is drawn on."""

    form: pikepdf.Object
    page: pikepdf.Object
    #: The form's marked content (MCID) and the copied element each belongs to.
    owners: dict[int, pikepdf.Object] = field(default_factory=dict)
    #: The MCID of the paint of the form on its page (see :meth:`page_mcid`).
    mcid: int = -1

    def page_mcid(self, entries: ParentEntries) -> int:
        """A new MCID on the page for the paint of the form: one past the page's last."""
        found = entries.of(self.page)
        self.mcid = len(found) if found is not None else 0
        return self.mcid


class ParentEntries:
    """The dossier's parent tree, by key (a flat /Nums, as briefbook writes it)."""

    def __init__(self, out: pikepdf.Pdf) -> None:
        self.by_key: dict[int, pikepdf.Object] = {}
        tree = out.Root.get("/StructTreeRoot")
        nums = tree.ParentTree.get("/Nums") if isinstance(tree, Dictionary) else None
        if isinstance(nums, Array):
            for index in range(0, len(nums) - 1, 2):
                self.by_key[int(nums[index])] = nums[index + 1]

    def of(self, page: pikepdf.Object) -> pikepdf.Object | None:
        """The array of the page's marked content, if it has any."""
        if "/StructParents" not in page:
            return None
        found = self.by_key.get(int(page.StructParents))
        return found if isinstance(found, Array) else None


class _Copier:
    def __init__(self, out: pikepdf.Pdf, source: pikepdf.Pdf, forms: dict[int, PlacedForm]) -> None:
        self.out = out
        self.forms = forms  # by the annex page (0-based), as placed
        self.pages = {page.objgen: number for number, page in enumerate(source.pages)}
        tree = source.Root.StructTreeRoot
        role_map = tree.get("/RoleMap")
        self.role_map = role_map if isinstance(role_map, Dictionary) else Dictionary()
        #: The annex's elements already copied (a hostile file may loop back to one).
        self.seen: set[tuple[int, int]] = set()

    def role(self, name: object) -> str:
        role = str(name).lstrip("/")
        for _ in range(8):  # a role map may chain; never loop
            if role in STANDARD:
                break
            mapped = self.role_map.get("/" + role)
            if not isinstance(mapped, Name):
                break
            role = str(mapped).lstrip("/")
        role = _RENAMED.get(role, role)
        return role if role in STANDARD else "Span"

    def form_of(self, page: object) -> PlacedForm | None:
        objgen = getattr(page, "objgen", None)
        number = self.pages.get(objgen) if objgen is not None else None
        return self.forms.get(number) if number is not None else None

    def element(
        self, element: pikepdf.Object, parent: pikepdf.Object, page: object, depth: int = 0
    ) -> pikepdf.Object | None:
        """A copy of ``element`` under ``parent`` in the dossier, or None if it holds
        nothing on a placed page (or was copied already, or lies deeper than any real
        document nests)."""
        if depth > MAX_DEPTH:
            return None
        if element.is_indirect:
            if element.objgen in self.seen:
                return None
            self.seen.add(element.objgen)
        page = element.get("/Pg", page)
        copied = self.out.make_indirect(
            Dictionary(Type=Name.StructElem, S=Name("/" + self.role(element.get("/S"))), P=parent)
        )
        for key in _TEXTS:
            value = element.get(key)
            if isinstance(value, String):
                copied[key] = String(bytes(value))
        attributes = element.get("/A")
        if isinstance(attributes, Dictionary):
            copied.A = Dictionary(
                {
                    key: value
                    for key, value in attributes.items()
                    if isinstance(value, (Name, int, float, bool))
                }
            )
        kids = element.get("/K")
        found: list[pikepdf.Object] = []
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, int):
                self._marked(kid, page, copied, found)
            elif isinstance(kid, Dictionary):
                kind = kid.get("/Type")
                if kind == Name.MCR:
                    if "/Stm" not in kid and isinstance(kid.get("/MCID"), int):
                        self._marked(int(kid.MCID), kid.get("/Pg", page), copied, found)
                elif kind == Name.OBJR:
                    continue
                elif "/S" in kid:
                    child = self.element(kid, copied, page, depth + 1)
                    if child is not None:
                        found.append(child)
        if not found:
            return None
        copied.K = Array(found)
        return copied

    def _marked(
        self, mcid: int, page: object, owner: pikepdf.Object, found: list[pikepdf.Object]
    ) -> None:
        placed = self.form_of(page)
        if placed is None:
            return
        placed.owners[mcid] = owner
        found.append(Dictionary(Type=Name.MCR, Pg=placed.page, Stm=placed.form, MCID=mcid))


def nest_structure(
    out: pikepdf.Pdf,
    source: pikepdf.Pdf,
    forms: dict[int, PlacedForm],
    anchor: tuple[int, int],
    title: str,
    entries: ParentEntries,
) -> bool:
    """Copy the structure of ``source`` (its placed pages in ``forms``, by page index)
    into the dossier ``out``, at ``anchor`` (element object number, kid position);
    False when the dossier has no structure tree to hold it."""
    tree = out.Root.get("/StructTreeRoot")
    holder = out.get_object((anchor[0], 0))
    if not isinstance(tree, Dictionary) or not isinstance(holder, Dictionary):
        return False
    wrapper = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Div, P=holder))
    if title:
        wrapper.T = String(title)
    copier = _Copier(out, source, forms)
    roots = source.Root.StructTreeRoot.get("/K")
    copied = [
        element
        for kid in (roots if isinstance(roots, Array) else [roots])
        if isinstance(kid, Dictionary)
        and (element := copier.element(kid, wrapper, None)) is not None
    ]
    kids = holder.get("/K")
    listed = list(kids) if isinstance(kids, Array) else ([] if kids is None else [kids])
    listed.insert(min(anchor[1], len(listed)), wrapper)
    holder.K = Array(listed)
    parent_tree = tree.ParentTree
    nums = parent_tree.get("/Nums")
    nums = nums if isinstance(nums, Array) else Array()
    key = int(tree.get("/ParentTreeNextKey", 0))
    paints: list[pikepdf.Object] = []
    for placed in forms.values():  # the paint of each form: the wrapper's own content
        paints.append(Dictionary(Type=Name.MCR, Pg=placed.page, MCID=placed.mcid))
        entry = entries.of(placed.page)
        if entry is None:
            entry = out.make_indirect(Array())
            placed.page.StructParents = key
            nums.append(key)
            nums.append(entry)
            entries.by_key[key] = entry
            key += 1
        while len(entry) < placed.mcid:
            entry.append(None)
        entry.append(wrapper)
    wrapper.K = Array(paints + copied)
    for placed in forms.values():
        if not placed.owners:
            continue
        slots: list[object] = [None] * (max(placed.owners) + 1)
        for mcid, owner in placed.owners.items():
            slots[mcid] = owner
        placed.form.StructParents = key
        nums.append(key)
        nums.append(out.make_indirect(Array(slots)))
        key += 1
    parent_tree.Nums = nums
    tree.ParentTreeNextKey = key
    return True


__all__ = ["ParentEntries", "PlacedForm", "nest_structure"]
