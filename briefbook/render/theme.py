"""The dossier's look as data: page sizes, margins, fonts, colours and paragraph styles.

Drawing code reads every size and colour from a :class:`Theme`; nothing is
scattered through it. Fonts are the Noto families shipped in
the top-level ``assets/fonts`` and are registered with ReportLab once per process.
"""

# ReportLab colours are never mutated, so sharing them as dataclass defaults is safe.
# ruff: noqa: RUF009

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefbook.assets_path import assets_dir
from briefbook.errors import RenderError

#: Page sizes by the name a brief uses, in points (width, height).
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}

#: Our registered font names -> the file in the top-level ``assets/fonts``.
FONT_FILES: dict[str, str] = {
    "BB-Serif": "NotoSerif-Regular.ttf",
    "BB-Serif-Bold": "NotoSerif-Bold.ttf",
    "BB-Serif-Italic": "NotoSerif-Italic.ttf",
    "BB-Serif-BoldItalic": "NotoSerif-BoldItalic.ttf",
    "BB-Sans": "NotoSans-Regular.ttf",
    "BB-Sans-Bold": "NotoSans-Bold.ttf",
    "BB-Sans-Italic": "NotoSans-Italic.ttf",
    "BB-Sans-BoldItalic": "NotoSans-BoldItalic.ttf",
}

_font_lock = threading.Lock()


def fonts_dir() -> Path:
    """The folder holding the bundled fonts (works from a checkout and from a wheel)."""
    return assets_dir() / "fonts"


def register_fonts() -> None:
    """Register the Noto families with ReportLab (idempotent, thread-safe).

    ReportLab's font registry is process-wide; registering the same immutable
    faces once is the only global state the renderer touches.
    """
    with _font_lock:
        if "BB-Serif" in pdfmetrics.getRegisteredFontNames():
            return
        folder = fonts_dir()
        for name, filename in FONT_FILES.items():
            path = folder / filename
            if not path.is_file():
                raise RenderError(f"font file missing from the installation: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for family in ("BB-Serif", "BB-Sans"):
            pdfmetrics.registerFontFamily(
                family,
                normal=family,
                bold=f"{family}-Bold",
                italic=f"{family}-Italic",
                boldItalic=f"{family}-BoldItalic",
            )


@dataclass(frozen=True)
class Palette:
    """The few colours of the dossier: navy and greys, with muted signal colours."""

    ink: colors.Color = colors.HexColor("#1b1f24")
    navy: colors.Color = colors.HexColor("#1f3a5f")
    navy_light: colors.Color = colors.HexColor("#e8edf4")
    grey: colors.Color = colors.HexColor("#5f6670")
    grey_light: colors.Color = colors.HexColor("#f3f4f6")
    rule: colors.Color = colors.HexColor("#b9c0c8")
    link: colors.Color = colors.HexColor("#1f4e8c")
    watermark: colors.Color = colors.HexColor("#9aa3ad")
    high: colors.Color = colors.HexColor("#a4262c")
    medium: colors.Color = colors.HexColor("#b36b00")
    low: colors.Color = colors.HexColor("#4d7a52")
    press_open: colors.Color = colors.HexColor("#2f6b3a")
    press_closed: colors.Color = colors.HexColor("#6b6f76")
    info: colors.Color = colors.HexColor("#1f3a5f")
    important: colors.Color = colors.HexColor("#b36b00")
    warning: colors.Color = colors.HexColor("#a4262c")
    placeholder: colors.Color = colors.HexColor("#a4262c")


_WHITE, _BLACK = colors.white, colors.HexColor("#111111")
_GREEN, _PURPLE = colors.HexColor("#007a33"), colors.HexColor("#502b85")
_BLUE, _RED = colors.HexColor("#0033a0"), colors.HexColor("#c8102e")
_ORANGE, _YELLOW = colors.HexColor("#ff8c00"), colors.HexColor("#fce83a")

#: Banner colours as US practice has them (green UNCLASSIFIED, purple CUI, blue
#: CONFIDENTIAL, red SECRET, orange TOP SECRET, yellow TOP SECRET//SCI), and the UK,
#: NATO and default-scheme levels at the same steps. Never red below SECRET.
MARKING_COLOURS: tuple[tuple[str, colors.Color, colors.Color], ...] = (
    ("TOP SECRET//SCI", _YELLOW, _BLACK),
    ("UNCLASSIFIED", _GREEN, _WHITE),
    ("CUI", _PURPLE, _WHITE),
    ("CONFIDENTIAL", _BLUE, _WHITE),
    ("SECRET", _RED, _WHITE),
    ("TOP SECRET", _ORANGE, _BLACK),
    ("PUBLIC", _GREEN, _WHITE),
    ("OFFICIAL", _GREEN, _WHITE),
    ("OFFICIAL-SENSITIVE", _BLUE, _WHITE),
    ("NATO UNCLASSIFIED", _GREEN, _WHITE),
    ("NATO RESTRICTED", _PURPLE, _WHITE),
    ("NATO CONFIDENTIAL", _BLUE, _WHITE),
    ("NATO SECRET", _RED, _WHITE),
    ("COSMIC TOP SECRET", _ORANGE, _BLACK),
)


@dataclass(frozen=True)
class Fonts:
    """Font names (as registered by :func:`register_fonts`)."""

    body: str = "BB-Serif"
    body_bold: str = "BB-Serif-Bold"
    body_italic: str = "BB-Serif-Italic"
    sans: str = "BB-Sans"
    sans_bold: str = "BB-Sans-Bold"
    sans_italic: str = "BB-Sans-Italic"


@dataclass(frozen=True)
class Theme:
    """Every measure of the dossier. Sizes are in points unless named otherwise."""

    palette: Palette = field(default_factory=Palette)
    fonts: Fonts = field(default_factory=Fonts)
    margin_left: float = 2.2 * cm
    margin_right: float = 2.2 * cm
    margin_top: float = 2.6 * cm
    margin_bottom: float = 2.4 * cm
    #: Distance of the marking line from the page's top and bottom edges (baseline).
    marking_inset: float = 0.9 * cm
    #: Baseline of the running header below the top edge, and of the footer above the bottom.
    header_inset: float = 1.65 * cm
    body_size: float = 10.5
    body_leading: float = 14.5
    small_size: float = 8.5
    table_size: float = 9.0
    table_leading: float = 11.8
    running_size: float = 8.0
    #: The banner's size: never smaller than the body text.
    marking_size: float = 11.0
    #: Room around the banner's text inside its coloured box.
    marking_pad_x: float = 7.0
    marking_pad_y: float = 2.6
    #: The banner's colours (box, text) by marking, then by level (the part before "//");
    #: a marking found in neither prints in ink without a box.
    marking_colours: tuple[tuple[str, colors.Color, colors.Color], ...] = MARKING_COLOURS
    #: The classification authority block on the cover (32 CFR 2001.21).
    authority_size: float = 9.0
    authority_leading: float = 11.5
    #: A numbered copy's stamp on the cover: its size and the padding of its box.
    stamp_size: float = 10.0
    stamp_padding: float = 4.0
    h1_size: float = 17.0
    h2_size: float = 13.0
    cover_title_size: float = 30.0
    #: The navy band along the cover's left edge.
    cover_band_width: float = 0.75 * cm
    watermark_size: float = 120.0
    watermark_alpha: float = 0.13
    cell_padding: float = 4.0
    #: Space after a block, by kind (text paragraphs carry their own space after).
    gap_after_text: float = 2.0
    gap_after_list: float = 7.0
    gap_after_box: float = 12.0
    #: Top-level sections start on a new page, as the tabs of a printed dossier do.
    section_starts_page: bool = True
    #: Width reserved for a page number in the contents (fits five digits).
    toc_number_width: float = 1.4 * cm
    #: Room for a section number ("12") and a subsection number ("12.3") in the contents.
    toc_label_width: float = 0.85 * cm
    toc_sub_label_width: float = 1.0 * cm
    image_dpi: float = 150.0
    photo_width: float = 2.3 * cm
    #: Room between a person's photo and their text.
    photo_gap: float = 10.0
    #: Height of the box standing in for a picture that could not be used.
    placeholder_height: float = 3 * 28.35
    #: The cover: the width of its facts' labels, the tallest a logo prints.
    cover_label_width: float = 3.2 * 28.35
    cover_logo_height: float = 2.6 * 28.35
    #: Fixed columns of the schedule (time, press) and recommendations (number, priority).
    schedule_time_width: float = 2.35 * 28.35
    schedule_press_width: float = 1.75 * 28.35
    recommendation_number_width: float = 0.9 * 28.35
    recommendation_priority_width: float = 2.0 * 28.35
    #: The forms: a memo label's column; a scenario step's number-and-time and minutes.
    memo_label_width: float = 2.6 * 28.35
    step_time_width: float = 1.9 * 28.35
    step_duration_width: float = 1.7 * 28.35
    #: Raw text longer than this is laid out as several paragraphs (no quadratic splitting).
    max_paragraph_chars: int = 6000

    def marking_colour(self, marking: str) -> tuple[colors.Color | None, colors.Color]:
        """The banner's (box, text) colours for a marking: by its whole name, else by a
        listed name it starts with followed by "//", else by its level; else no box, ink."""
        name = marking.strip().upper()
        level = name.split("//", 1)[0].strip()
        table = {key: (fill, ink) for key, fill, ink in self.marking_colours}
        for key in (name, *(k for k in table if name.startswith(k + "//")), level):
            if key in table:
                return table[key]
        return None, self.palette.ink

    def page_size(self, name: str) -> tuple[float, float]:
        """The (width, height) of a page size name such as ``"A4"`` or ``"Letter"``."""
        try:
            return PAGE_SIZES[name.strip().upper()]
        except KeyError:
            known = ", ".join(("A4", "Letter"))
            raise RenderError(f"unknown page size {name!r} (use {known})") from None

    @cached_property
    def styles(self) -> dict[str, ParagraphStyle]:
        """The paragraph styles by name."""
        return _make_styles(self)


def _make_styles(t: Theme) -> dict[str, ParagraphStyle]:
    p, f = t.palette, t.fonts
    body = ParagraphStyle(
        "body",
        fontName=f.body,
        fontSize=t.body_size,
        leading=t.body_leading,
        textColor=p.ink,
        spaceAfter=5,
        alignment=TA_LEFT,
        splitLongWords=1,
    )
    styles: dict[str, ParagraphStyle] = {"body": body}

    def add(name: str, parent: ParagraphStyle, **kw: Any) -> None:
        styles[name] = ParagraphStyle(name, parent=parent, **kw)

    add("body_cont", body, spaceBefore=0, spaceAfter=0)
    add("list", body, spaceAfter=2)
    add(
        "h1",
        body,
        fontName=f.sans_bold,
        fontSize=t.h1_size,
        leading=t.h1_size * 1.25,
        textColor=p.navy,
        spaceBefore=0,
        spaceAfter=10,
    )
    add(
        "h2",
        body,
        fontName=f.sans_bold,
        fontSize=t.h2_size,
        leading=t.h2_size * 1.3,
        textColor=p.navy,
        spaceBefore=12,
        spaceAfter=6,
    )
    add(
        "h3",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size + 0.5,
        leading=t.body_leading,
        textColor=p.navy,
        spaceBefore=8,
        spaceAfter=4,
    )
    add("cell", body, fontName=f.sans, fontSize=t.table_size, leading=t.table_leading, spaceAfter=0)
    add("cell_bold", styles["cell"], fontName=f.sans_bold)
    add("cell_head", styles["cell"], fontName=f.sans_bold, textColor=colors.white)
    add(
        "cell_small",
        styles["cell"],
        fontSize=t.small_size,
        leading=t.small_size * 1.3,
        textColor=p.grey,
    )
    add("cell_center", styles["cell"], alignment=TA_CENTER)
    add(
        "tag",
        styles["cell"],
        fontName=f.sans_bold,
        fontSize=7.5,
        leading=9.5,
        textColor=colors.white,
        alignment=TA_CENTER,
    )
    add(
        "caption",
        body,
        fontName=f.sans_italic,
        fontSize=t.small_size,
        leading=t.small_size * 1.35,
        textColor=p.grey,
        spaceBefore=3,
        spaceAfter=0,
    )
    add(
        "table_caption",
        styles["caption"],
        fontSize=t.small_size + 0.5,
        spaceBefore=4,
        spaceAfter=3,
        textColor=p.navy,
    )
    add("image_caption", styles["caption"], alignment=TA_CENTER, spaceBefore=4)
    add(
        "note_title",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size - 0.5,
        leading=t.body_leading,
        spaceAfter=2,
    )
    add("note", body, spaceAfter=3)
    add(
        "placeholder",
        body,
        fontName=f.sans,
        fontSize=t.small_size + 0.5,
        leading=t.small_size * 1.5,
        textColor=p.placeholder,
        alignment=TA_CENTER,
    )
    add("toc_title", styles["h1"])
    add(
        "toc1",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size,
        leading=t.body_size * 1.35,
        textColor=p.ink,
        spaceBefore=6,
    )
    add(
        "toc2",
        body,
        fontName=f.sans,
        fontSize=t.body_size - 0.5,
        leading=(t.body_size - 0.5) * 1.35,
        textColor=p.ink,
        spaceBefore=1.5,
    )
    add("toc_empty", body, fontName=f.sans_italic, textColor=p.grey)
    add("cover_org", body, fontName=f.sans_bold, fontSize=10.5, leading=14, textColor=p.navy)
    add(
        "cover_title",
        body,
        fontName=f.body_bold,
        fontSize=t.cover_title_size,
        leading=t.cover_title_size * 1.18,
        textColor=p.navy,
        spaceAfter=0,
    )
    add(
        "cover_subtitle",
        body,
        fontName=f.body,
        fontSize=16,
        leading=21,
        textColor=p.grey,
        spaceAfter=0,
    )
    add("cover_label", body, fontName=f.sans, fontSize=8.5, leading=12, textColor=p.grey)
    add(
        "cover_value",
        body,
        fontName=f.sans,
        fontSize=10.5,
        leading=14,
        textColor=p.ink,
        spaceAfter=0,
    )
    add(
        "day",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size + 0.5,
        leading=t.body_leading,
        textColor=p.navy,
        spaceBefore=6,
        spaceAfter=4,
    )
    add(
        "person_name",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size + 0.5,
        leading=t.body_leading,
        textColor=p.navy,
        spaceAfter=1,
    )
    add(
        "person_line",
        body,
        fontName=f.sans,
        fontSize=t.table_size,
        leading=t.table_leading,
        textColor=p.grey,
        spaceAfter=1,
    )
    # The forms: a memo's header, a scenario's steps, points to make, if-asked lines.
    small = {"fontName": f.sans_bold, "fontSize": t.small_size, "leading": t.small_size * 1.45}
    add("form_label", body, textColor=p.navy, spaceAfter=3, **small)
    add("memo_label", body, textColor=p.grey, spaceAfter=0, **small)
    add("memo_value", styles["cell"], fontSize=t.body_size - 0.5, leading=t.body_leading - 1)
    add("memo_subject", styles["memo_value"], fontName=f.sans_bold)
    add(
        "asked",
        body,
        fontName=f.sans_bold,
        fontSize=t.body_size - 0.5,
        textColor=p.navy,
        spaceAfter=1,
    )
    add("answer", body, spaceAfter=6)
    add("step_number", styles["cell_bold"], fontSize=t.body_size + 1, textColor=p.navy)
    add("step_title", styles["cell_bold"], fontSize=t.body_size - 0.5, leading=t.body_leading - 1)
    add("step_duration", styles["cell"], alignment=TA_RIGHT)
    add("step_total", styles["cell_bold"], alignment=TA_RIGHT)
    add("step_point", styles["cell"], spaceAfter=1.5)
    return styles


DEFAULT_THEME = Theme()
