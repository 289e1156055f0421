"""The fair baseline: a plain ReportLab platypus script laying out the same content.

Same fonts (the Noto TTFs shipped in ``assets/fonts``), same page size
and margins, same kinds of flowables (Paragraph text with bold and italic,
ListFlowable lists, Table with Paragraph cells, a repeated header row and
zebra stripes, the same pictures), top-level sections on a new page, one
``SimpleDocTemplate.build`` pass. No cover, no contents, no outline, no running
header or footer, no "Page X of Y": that is what briefbook adds on top.

    python -m benchmarks.baseline bench-300.brief.yaml -o baseline.pdf
"""

from __future__ import annotations

import argparse
import io
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

import briefbook
from briefbook.core import model as m

FONTS_DIR = Path(briefbook.__file__).parent.parent / "assets" / "fonts"
NAVY, RULE, STRIPE = (
    colors.HexColor("#1f3a5f"),
    colors.HexColor("#b9c0c8"),
    colors.HexColor("#f3f4f6"),
)
#: Share of the width for each table column (the objective, second, gets the most).
COLUMN_WEIGHTS = (1.2, 2.4, 1.0, 1.0, 0.8)


def register_fonts() -> None:
    """Register the Noto serif and sans families under the baseline's own names."""
    if "BL-Serif" in pdfmetrics.getRegisteredFontNames():
        return
    for family, stem in (("BL-Serif", "NotoSerif"), ("BL-Sans", "NotoSans")):
        for suffix, face in (
            ("", "Regular"),
            ("-Bold", "Bold"),
            ("-Italic", "Italic"),
            ("-BoldItalic", "BoldItalic"),
        ):
            pdfmetrics.registerFont(TTFont(family + suffix, str(FONTS_DIR / f"{stem}-{face}.ttf")))
        pdfmetrics.registerFontFamily(
            family,
            normal=family,
            bold=f"{family}-Bold",
            italic=f"{family}-Italic",
            boldItalic=f"{family}-BoldItalic",
        )


def make_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName="BL-Serif", fontSize=10.5, leading=14.5, spaceAfter=5)
    cell = ParagraphStyle("cell", body, fontName="BL-Sans", fontSize=9, leading=11.8, spaceAfter=0)
    return {
        "body": body,
        "list": ParagraphStyle("list", body, spaceAfter=2),
        "h1": ParagraphStyle(
            "h1",
            body,
            fontName="BL-Sans-Bold",
            fontSize=17,
            leading=21,
            textColor=NAVY,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            body,
            fontName="BL-Sans-Bold",
            fontSize=13,
            leading=17,
            textColor=NAVY,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "day": ParagraphStyle(
            "day",
            body,
            fontName="BL-Sans-Bold",
            fontSize=11,
            textColor=NAVY,
            spaceBefore=6,
            spaceAfter=4,
        ),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", cell, fontName="BL-Sans-Bold"),
        "cell_head": ParagraphStyle(
            "cell_head", cell, fontName="BL-Sans-Bold", textColor=colors.white
        ),
        "cell_small": ParagraphStyle("cell_small", cell, fontSize=8.5, leading=11),
        "caption": ParagraphStyle(
            "caption", body, fontName="BL-Sans-Italic", fontSize=8.5, leading=11.5, spaceBefore=3
        ),
    }


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(\S(?:.*?\S)?)\*")


def markup(text: str) -> str:
    """Escape the text and turn ``**bold**`` and ``*italic*`` into ReportLab tags."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BOLD.sub(r"<b>\1</b>", text)
    return _ITALIC.sub(r"<i>\1</i>", text).replace("\n", "<br/>")


class Baseline:
    """Builds the story for one brief."""

    def __init__(self, brief: m.Brief, base_dir: Path) -> None:
        self.brief = brief
        self.base_dir = base_dir
        self.st = make_styles()
        page = LETTER if brief.meta.page_size == "Letter" else A4
        self.page = page
        self.width = page[0] - 4.4 * cm
        self.height = page[1] - 5.0 * cm

    def paras(self, text: str, style: str) -> list[Flowable]:
        return [
            Paragraph(markup(p), self.st[style]) for p in re.split(r"\n\s*\n", text) if p.strip()
        ]

    def table(self, head: list[str], body: list[list[Any]], widths: list[float]) -> Table:
        data = [[Paragraph(markup(h), self.st["cell_head"]) for h in head], *body]
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), NAVY),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table

    def cell(self, text: str, style: str = "cell", label: str = "") -> Paragraph:
        """A table cell; ``label`` is our own markup printed before the user's text."""
        return Paragraph(label + markup(text), self.st[style])

    def items(self, items: list[m.ListItem], numbered: bool) -> ListFlowable:
        entries = []
        for item in items:
            content: list[Flowable] = self.paras(item.text, "list")
            if item.items:
                content.append(self.items(item.items, numbered))
            entries.append(ListItem(content))
        kind = {"bulletType": "1"} if numbered else {"bulletType": "bullet", "start": "•"}
        return ListFlowable(entries, bulletFontName="BL-Sans", leftIndent=14, **kind)

    # --- one method per block kind -------------------------------------------------

    def text(self, b: m.TextBlock) -> list[Flowable]:
        return self.paras(b.text, "body")

    def bullets(self, b: m.BulletsBlock) -> list[Flowable]:
        return [self.items(b.items, False)]

    def numbered(self, b: m.NumberedBlock) -> list[Flowable]:
        return [self.items(b.items, True)]

    def table_block(self, b: m.TableBlock) -> list[Flowable]:
        n = len(b.columns)
        rows = [[self.cell(c) for c in [*r, *[""] * (n - len(r))][:n]] for r in b.rows]
        found: list[Flowable] = [self.cell(b.caption, "caption")] if b.caption else []
        weights = [*COLUMN_WEIGHTS, *[1.0] * n][:n]  # fixed shares, as a script would set
        widths = [self.width * w / sum(weights) for w in weights]
        return [*found, self.table(b.columns, rows, widths)]

    def schedule(self, b: m.ScheduleBlock) -> list[Flowable]:
        days: dict[Any, list[m.ScheduleEntry]] = {}
        for e in b.entries:
            days.setdefault(e.date, []).append(e)
        rest = self.width - 4.1 * cm
        widths = [2.35 * cm, rest * 0.64, rest * 0.36, 1.75 * cm]
        found: list[Flowable] = []
        for day, entries in days.items():
            found.append(Paragraph(day.strftime("%A %d %B %Y") if day else "TBC", self.st["day"]))
            rows = []
            for e in entries:
                span = f"{e.time:%H:%M}–{e.end:%H:%M}" if e.time and e.end else ""
                activity = [
                    self.cell(e.title, "cell_bold"),
                    self.cell(", ".join(e.participants), "cell_small", "<b>With:</b> "),
                ]
                if e.notes:
                    activity.append(self.cell(e.notes, "cell_small"))
                rows.append(
                    [
                        self.cell(span, "cell_bold"),
                        activity,
                        self.cell(e.place),
                        self.cell(e.press.upper()),
                    ]
                )
            found += [
                self.table(["Time", "Activity", "Place", "Press"], rows, widths),
                Spacer(1, 7),
            ]
        return found

    def recommendations(self, b: m.RecommendationsBlock) -> list[Flowable]:
        rest = self.width - 2.9 * cm
        rows = [
            [
                self.cell(str(i), "cell_bold"),
                [
                    self.cell(r.text, "cell_bold"),
                    self.cell(r.rationale, "cell_small", "<i>Rationale:</i> "),
                ],
                self.cell(r.owner),
                self.cell(r.priority.upper(), "cell_bold"),
            ]
            for i, r in enumerate(b.items, start=1)
        ]
        return [
            self.table(
                ["No.", "Recommendation", "Owner", "Priority"],
                rows,
                [0.9 * cm, rest * 0.76, rest * 0.24, 2.0 * cm],
            )
        ]

    def image(self, b: m.ImageBlock) -> list[Flowable]:
        path = self.base_dir / b.path
        reader = Image(str(path))
        w, h = reader.imageWidth * 72 / 150, reader.imageHeight * 72 / 150
        scale = min(1.0, self.width / w, self.height * 0.8 / h)
        picture = Image(str(path), width=w * scale, height=h * scale)
        return [KeepTogether([picture, *self.paras(b.caption, "caption")])]

    def other(self, b: Any) -> list[Flowable]:
        """Kinds the generator does not produce (notes, people, contacts): their text."""
        if isinstance(b, m.PageBreakBlock):
            return [PageBreak()]
        return self.paras(getattr(b, "text", "") or "", "body")

    def story(self) -> list[Flowable]:
        kinds: dict[type, Callable[[Any], list[Flowable]]] = {
            m.TextBlock: self.text,
            m.BulletsBlock: self.bullets,
            m.NumberedBlock: self.numbered,
            m.TableBlock: self.table_block,
            m.ScheduleBlock: self.schedule,
            m.RecommendationsBlock: self.recommendations,
            m.ImageBlock: self.image,
        }
        story: list[Flowable] = []
        for number, (path, section) in enumerate(self.brief.walk_sections()):
            if len(path) == 1 and number:
                story.append(PageBreak())
            style = self.st["h1" if len(path) == 1 else "h2"]
            story.append(Paragraph(markup(section.title), style))
            for block in section.blocks:
                story += kinds.get(type(block), self.other)(block)
                story.append(Spacer(1, 7))
        return story


def build(brief: m.Brief, base_dir: Path) -> tuple[bytes, int]:
    """Lay the brief out in one pass; return the PDF bytes and the page count."""
    register_fonts()
    maker = Baseline(brief, base_dir)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=maker.page,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.6 * cm,
        bottomMargin=2.4 * cm,
        title=brief.meta.title,
    )
    doc.build(maker.story())
    return out.getvalue(), doc.page


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("brief", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=Path("baseline.pdf"))
    args = parser.parse_args(argv)
    brief = briefbook.load(args.brief)
    start = time.perf_counter()
    pdf, pages = build(brief, args.brief.parent)
    args.out.write_bytes(pdf)
    print(
        f"{args.out}: {pages} pages, {len(pdf) / 1e6:.2f} MB, {time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main()
