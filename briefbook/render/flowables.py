"""The dossier's own flowables: headings that mark the outline, contents entries, tags.

Page numbers that are only known once the last page is laid out (the contents'
numbers, "of Y" in the footer) are drawn as named PDF forms: a flowable calls
``canvas.doForm(name)`` now, and :func:`define_number_form` writes the form's
content after the last page. ReportLab resolves form references when it saves,
so the whole document is laid out in one pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import sameFrag
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

#: Called by a heading when it is drawn: (section key, page number).
HeadingRecorder = Callable[[str, int], bool]


def toc_form_name(key: str) -> str:
    """The name of the form holding the page number of a contents entry."""
    return f"bbToc{key}"


def page_form_name(page: int) -> str:
    """The name of the form holding a page's "Page X of Y" text."""
    return f"bbPage{page}"


def define_number_form(
    canv: Canvas, name: str, text: str, font: str, size: float, color: Color
) -> None:
    """Define a form that draws ``text`` right-aligned, ending at the form's origin."""
    width = canv.stringWidth(text, font, size) + 2
    canv.beginForm(name, lowerx=-width, lowery=-size, upperx=1, uppery=size * 1.5)
    canv.setFont(font, size)
    canv.setFillColor(color)
    canv.drawRightString(0, 0, text)
    canv.endForm()


def draw_form_at(canv: Canvas, name: str, x: float, y: float) -> None:
    """Draw a (possibly not yet defined) form with its origin at ``(x, y)``."""
    canv.saveState()
    canv.translate(x, y)
    canv.doForm(name)
    canv.restoreState()


class TextParagraph(Paragraph):
    """A Paragraph that joins the neighbouring text runs its parser leaves apart.

    ReportLab's parser splits text at every entity, so escaped user text
    (``&lt;``, ``&amp;``) becomes many same-styled runs and loses the fast
    single-run line breaking: a long escaped paragraph lays out about seven times
    slower. Joining runs that ``sameFrag`` calls equal changes nothing visible.
    """

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        parsed = frags is None
        super()._setup(text, style, bulletText, frags, cleaner)
        if parsed and len(self.frags) > 1:
            self.frags = join_runs(self.frags)


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


class Heading(Flowable):
    """A section heading: a paragraph that adds a PDF destination and outline entry.

    It is kept with what follows it, and it records the page it lands on.
    A heading too tall for a page (a pathological title) splits like a paragraph;
    the first part carries the destination.
    """

    def __init__(
        self,
        para: Paragraph,
        key: str,
        outline_title: str,
        level: int,
        record: HeadingRecorder,
    ) -> None:
        super().__init__()
        self.para = para
        self.key = key
        self.outline_title = outline_title
        self.level = level
        self.record = record
        self.keepWithNext = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.para.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.para.split(availWidth, availHeight)
        if len(parts) < 2:
            return []
        first = Heading(parts[0], self.key, self.outline_title, self.level, self.record)
        return [first, *parts[1:]]

    def getSpaceBefore(self) -> float:
        return self.para.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.para.getSpaceAfter()

    def draw(self) -> None:
        canv = self.canv
        if self.record(self.key, canv.getPageNumber()):
            canv.bookmarkHorizontal(self.key, 0, self.height + 4)
            canv.addOutlineEntry(self.outline_title, self.key, level=self.level, closed=False)
        self.para.drawOn(canv, 0, 0)


class TocEntry(Flowable):
    """One line of the contents: number, title, dotted leader, page number; all a link.

    The page number is a form defined after the last page, so the entry's size
    never depends on it: room for ``number_width`` points is kept on the right.
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
    ) -> None:
        super().__init__()
        self.para = para
        self.key = key
        self.label = label
        self.label_x = label_x
        self.number_width = number_width
        self.leader_color = leader_color

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
        line_end = style.leftIndent + text_width - extra
        dots_from = line_end + 5
        dots_to = self.width - self.number_width + 6
        if dots_to - dots_from > 6:
            canv.saveState()
            canv.setStrokeColor(self.leader_color)
            canv.setLineWidth(0.9)
            canv.setLineCap(1)
            canv.setDash([0.01, 3.2])
            canv.line(dots_from, baseline + 1, dots_to, baseline + 1)
            canv.restoreState()
        draw_form_at(canv, toc_form_name(self.key), self.width, baseline)
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

    def _text_width(self) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(self.text, self.font, self.size)

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.color)
        canv.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
        canv.setFillColorRGB(1, 1, 1)
        canv.setFont(self.font, self.size)
        canv.drawCentredString(self.width / 2, 3.4, self.text)
        canv.restoreState()
