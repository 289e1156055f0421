"""The dossier's own flowables: paragraphs kept with what follows, headings that mark
the outline, contents entries, coloured tags."""

from __future__ import annotations

import re
from typing import Any, cast

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt
from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Image, KeepTogether, ListFlowable, Paragraph, Table
from reportlab.platypus.flowables import PageBreak
from reportlab.platypus.paraparser import ParaFrag

from briefbook.render.dossier.pagenumbers import PageNumbers
from briefbook.render.tagging.drawing import describe_link, furniture, heading, share_role
from briefbook.render.tagging.roles import Role, set_role
from briefbook.render.text.direction import is_rtl, per_font_shaping, visual_lines
from briefbook.render.text.scripts import face_named, fallback_frags

#: Height kept free after a heading when a table follows (header row and a line).
TABLE_START = 56.0
#: ... when a list follows (two lines).
LIST_START = 30.0


class TextParagraph(Paragraph):
    """A Paragraph that joins the neighbouring text runs its parser leaves apart.

    ReportLab's parser splits text at every entity, so escaped user text
    (``&lt;``, ``&amp;``) becomes many same-styled runs and loses the fast
    single-run line breaking: a long escaped paragraph lays out about seven times
    slower. Joining runs that ``sameFrag`` calls equal changes nothing visible.

    Characters the body face lacks are given the shipped face that has them (see
    :mod:`briefbook.render.text.scripts`); a paragraph with a shaped script is shaped by
    HarfBuzz, and one with right-to-left text is drawn line by line in visual order
    (see :mod:`briefbook.render.text.direction`).
    """

    #: The broken lines ReportLab sets in ``wrap`` (not declared by the stubs).
    blPara: Any

    def __init__(
        self, text: Any, style: Any, *args: Any, fallback: bool = False, **kwargs: Any
    ) -> None:
        # ``fallback``: apply the font fallback to given ``frags`` too (not for a split half,
        # whose frags have it already).
        self._fallback = fallback
        super().__init__(text, style, *args, **kwargs)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        parsed = frags is None
        super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # not in stubs
        if parsed and len(self.frags) > 1:
            self.frags = join_runs(self.frags)
        if parsed or getattr(self, "_fallback", False):
            frags = fallback_frags(self.frags)
            if frags is not self.frags:  # not the fast path: some text is in another face
                self.frags = frags
                self.style = script_style(self.style, frags, bulleted=bool(bulletText))

    def split(self, availWidth: Any, availHeight: Any) -> Any:
        return share_role(self, super().split(availWidth, availHeight))

    def breakLines(self, width: Any) -> Any:
        if not self.style.shaping:
            return super().breakLines(width)
        with per_font_shaping():
            return super().breakLines(width)

    def drawPara(self, debug: Any = 0) -> None:
        level = getattr(self.style, "bb_base_level", None)
        if level is None:
            super().drawPara(debug)
            return
        logical: Any = self.blPara
        self.blPara = visual_lines(logical, level)
        try:
            super().drawPara(debug)
        finally:
            self.blPara = logical


_SPACES = re.compile(r"[ \t\r\f\v]+")


def plain_text_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text, built without ReportLab's markup parser.

    Most of a brief (table cells, names, paragraphs without ``*`` or ``[``) has
    no markup, and parsing is the costliest step of making a Paragraph. The text
    is never parsed, so it needs no escaping either: newlines become line breaks,
    runs of spaces one space (non-breaking spaces are kept).
    """
    family, bold, italic = ps2tt(style.fontName)
    del family

    def frag(content: str, line_break: bool = False) -> ParaFrag:
        f = ParaFrag()
        f.rise = 0
        f.greek = 0
        f.link = []
        f.fontName = style.fontName
        f.bold = bold
        f.italic = italic
        f.fontSize = style.fontSize
        f.textColor = style.textColor
        f.us_lines = []
        f.text = content
        if line_break:
            f.lineBreak = True
        return f

    frags: list[ParaFrag] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            frags.append(frag("", line_break=True))
        frags.append(frag(_SPACES.sub(" ", line).strip(" ")))
    return TextParagraph(text, style, frags=frags, fallback=True)


#: Styles of list items (dossier and pocket card): their text stays by its bullet.
LIST_STYLES = frozenset({"list", "bullet", "bullet2"})
#: Styles whose lines run left to right whatever their text, as the dossier does: a
#: heading or contents entry keeps its number at the left of an Arabic title.
LEFT_TO_RIGHT_STYLES = frozenset({"h1", "h2", "h3", "toc1", "toc2", "toc1_entry", "toc2_entry"})


def script_style(style: ParagraphStyle, frags: list[Any], bulleted: bool = False) -> ParagraphStyle:
    """The style itself, or a copy that shapes (and, for right-to-left text, reorders).

    A paragraph takes its direction from its first letter (rule P2 of the bidi
    algorithm), except in headings and the contents. A right-to-left paragraph set flush
    left is set flush right instead, except for a list item, which keeps to its bullet.
    """
    faces = {face_named(getattr(f, "fontName", "")) for f in frags} - {None}
    if not any(face.shaped for face in faces):  # type: ignore[union-attr]
        return style
    found = ParagraphStyle(style.name, parent=style, shaping=1)
    if any(face.rtl for face in faces):  # type: ignore[union-attr]
        text = "".join(getattr(f, "text", "") or "" for f in frags)
        level = 0 if style.name in LEFT_TO_RIGHT_STYLES else int(is_rtl(text))
        found.bb_base_level = level
        in_list = bulleted or style.name in LIST_STYLES
        if level and not in_list and style.alignment == TA_LEFT:
            found.alignment = TA_RIGHT
    return found


def join_runs(frags: list[Any]) -> list[Any]:
    """Join neighbouring same-styled text fragments (never images or line breaks)."""
    joined: list[Any] = []
    for frag in frags:
        last = joined[-1] if joined else None
        if last is not None and type(last) is type(frag) and sameFrag(last, frag):
            merged = last.clone()
            merged.text = last.text + frag.text
            joined[-1] = merged
        else:
            joined.append(frag)
    return joined


def start_height(flowable: Flowable | None, width: float, height: float) -> float:
    """How much of a page the start of ``flowable`` needs: what must fit below a
    heading so that the heading is not left alone at the foot of a page.

    Cheap by design (no full layout of the following table or text): two lines
    of a paragraph, the first rows of a table, the whole of a picture.
    """
    if flowable is None or isinstance(flowable, PageBreak):
        return 0.0
    if isinstance(flowable, Lead):
        own = flowable.para.wrap(width, height)[1]
        rest = start_height(flowable.follow, width, height - own)
        return flowable.getSpaceBefore() + own + flowable.getSpaceAfter() + rest
    if isinstance(flowable, Paragraph):
        style = flowable.style
        return flowable.getSpaceBefore() + 2 * style.leading
    if isinstance(flowable, ListFlowable):
        return LIST_START
    if isinstance(flowable, Table):
        return TABLE_START
    if isinstance(flowable, (KeepTogether, Image)):
        return flowable.wrap(width, height)[1]
    return LIST_START


class Lead(Flowable):
    """A paragraph kept with what follows it (a heading, a day title, a caption).

    Instead of ReportLab's ``keepWithNext`` (which lays the next flowable out
    twice, a whole table included), it asks for room for the *start* of what
    follows: with less room left on the page it moves to the next one. At the top
    of a page it always stays. ``follow`` is set once the story is assembled.
    """

    def __init__(self, para: Paragraph, frame_height: float) -> None:
        super().__init__()
        self.para = para
        self.frame_height = frame_height
        self.follow: Flowable | None = None
        self._pushed = False
        set_role(self, Role("P"))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(availWidth, availHeight)
        self._pushed = False
        at_top = availHeight >= self.frame_height - 1
        if not at_top and self.height <= availHeight:
            room = availHeight - self.height - self.getSpaceAfter()
            if start_height(self.follow, availWidth, room) > room:
                self._pushed = True
                return self.width, availHeight + 1
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._pushed:
            return []
        parts = self.para.split(availWidth, availHeight)
        if len(parts) < 2:
            return []
        return [self._part(cast(Paragraph, parts[0])), *parts[1:]]

    def _part(self, para: Paragraph) -> Flowable:
        return para

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, 0)


class Heading(Lead):
    """A section heading: adds a PDF destination and an outline entry where it lands,
    and records its page. A heading too tall for a page (a pathological title)
    splits like a paragraph; the first part carries the destination."""

    def __init__(
        self,
        para: Paragraph,
        frame_height: float,
        *,
        key: str,
        outline_title: str,
        level: int,
        numbers: PageNumbers,
    ) -> None:
        super().__init__(para, frame_height)
        self.key = key
        self.outline_title = outline_title
        self.level = level
        self.numbers = numbers

    def _part(self, para: Paragraph) -> Flowable:
        return Heading(
            para,
            self.frame_height,
            key=self.key,
            outline_title=self.outline_title,
            level=self.level,
            numbers=self.numbers,
        )

    #: Tagged as the section's heading (and the start of its ``Sect``) in ``draw``.
    bb_tags_itself = True

    def draw(self) -> None:
        canv = self.canv
        if self.numbers.record_heading(self.key, canv.getPageNumber()):
            canv.bookmarkHorizontal(self.key, 0, self.height + 4)
            canv.addOutlineEntry(self.outline_title, self.key, level=self.level, closed=False)
        with heading(canv, self.level, self.key):
            self.para.drawOn(canv, 0, 0)


class TocEntry(Flowable):
    """One line of the contents: number, title, dotted leader, page number; all a link.

    The page number is drawn after the last page is known (see
    :mod:`briefbook.render.dossier.pagenumbers`), so the entry's size never depends on
    it: room for ``number_width`` points is kept on the right.
    """

    def __init__(
        self,
        para: Paragraph,
        key: str,
        *,
        label: str,
        label_x: float,
        number_width: float,
        leader_color: Color,
        numbers: PageNumbers,
    ) -> None:
        super().__init__()
        self.para = para
        self.key = key
        self.label = label
        self.label_x = label_x
        self.number_width = number_width
        self.leader_color = leader_color
        self.numbers = numbers
        #: The entry's title, for the link's description.
        self.link_text = " ".join(para.getPlainText().split())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, self.height = self.para.wrap(availWidth - self.number_width, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        canv = self.canv
        para = self.para
        style = para.style
        first_baseline = self.height - style.fontSize
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        canv.drawString(self.label_x, first_baseline, self.label)
        canv.restoreState()
        para.drawOn(canv, 0, 0)
        lines = para.blPara.lines if hasattr(para, "blPara") else []
        n = max(1, len(lines))
        baseline = first_baseline - (n - 1) * style.leading
        text_width = para.width - style.leftIndent - style.rightIndent
        extra = _extra_space(lines[-1]) if lines else text_width
        dots_from = style.leftIndent + text_width - extra + 5
        dots_to = self.width - self.number_width + 6
        with furniture(canv):
            if dots_to - dots_from > 6:
                canv.saveState()
                canv.setStrokeColor(self.leader_color)
                canv.setLineWidth(0.9)
                canv.setLineCap(1)
                canv.setDash([0.01, 3.2])
                canv.line(dots_from, baseline + 1, dots_to, baseline + 1)
                canv.restoreState()
            self.numbers.draw_section_page(
                canv,
                self.key,
                self.width,
                baseline,
                style.fontName,
                style.fontSize,
                style.textColor,
            )
        describe_link(canv, f"Go to section {self.label} {self.link_text}")
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def _extra_space(line: object) -> float:
    """The unused width at the end of a laid-out paragraph line (both line kinds)."""
    if isinstance(line, tuple):
        return float(line[0])
    return float(getattr(line, "extraSpace", 0.0))


class PriorityTag(Flowable):
    """A small coloured label with white text (e.g. the priority of a recommendation)."""

    def __init__(self, text: str, color: Color, font: str, size: float = 7.5) -> None:
        super().__init__()
        self.text = text
        self.color = color
        self.font = font
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = min(availWidth, self._text_width() + 10)
        self.height = self.size + 6
        return self.width, self.height

    def _draw_size(self) -> float:
        """The text's size: smaller when a long word would not fit the tag."""
        text_width = self._text_width()
        if text_width + 10 <= self.width or text_width <= 0:
            return self.size
        return self.size * max(0.6, (self.width - 4) / text_width)

    def _text_width(self) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(self.text, self.font, self.size)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.color)
        canv.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
        canv.setFillColorRGB(1, 1, 1)
        canv.setFont(self.font, self._draw_size())
        canv.drawCentredString(self.width / 2, 3.4, self.text)
        canv.restoreState()
