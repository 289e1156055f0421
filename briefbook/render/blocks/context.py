"""What every block builder shares: the render context and safe paragraph makers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from briefbook.core.timezones import ZonePair
from briefbook.core.wording import ENGLISH, Wording
from briefbook.errors import Problem
from briefbook.render.annexes.plan import AnnexPlan
from briefbook.render.dossier.marks import Marks
from briefbook.render.flowables import TextParagraph, plain_text_paragraph
from briefbook.render.pictures.downsample import PicturePrep
from briefbook.render.pictures.loading import ImageFailure, ImagePolicy, LoadedImage, load_image
from briefbook.render.text import markup as tx
from briefbook.render.theme import Theme


@dataclass
class BlockContext:
    """What block functions need: the theme, the frame's size and a place for warnings."""

    theme: Theme
    frame_width: float
    frame_height: float
    base_dir: Path | None = None
    source: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    #: The place being rendered, in words (``section "Schedule", block 2 (table)``).
    where: str = ""
    images: dict[str, LoadedImage | ImageFailure] = field(default_factory=dict)
    #: Local and home time zones, when schedules print home times too.
    zones: ZonePair | None = None
    #: The day an undated schedule entry is taken to be on (for its home time).
    fallback_date: dt.date | None = None
    #: Which picture files may be read (None: any, for callers that check themselves).
    image_policy: ImagePolicy | None = None
    #: Downsampling and recompression of pictures (None: embed the files as they are).
    pictures: PicturePrep | None = None
    #: The marking scheme, the block's marking and the page's: portion marks and banners.
    marks: Marks = field(default_factory=Marks)
    #: The brief's language: the words, dates and times briefbook prints.
    words: Wording = ENGLISH

    #: The render's annexes (None: annex blocks print nothing, as in a pocket card).
    annexes: AnnexPlan | None = None
    #: The outline key of the section being laid out ("s2_1").
    section_key: str = ""

    def warn(self, message: str) -> None:
        """Record a warning about the current place."""
        self.warnings.append(Problem(message, path=self.source, where=self.where))

    def image(self, path: str) -> LoadedImage | ImageFailure:
        """Load (once per render) and fully decode a picture of the brief."""
        if path not in self.images:
            self.images[path] = load_image(path, self.base_dir, self.image_policy)
        return self.images[path]

    def picture_data(self, loaded: LoadedImage, width: float, height: float) -> bytes:
        """The bytes to embed for a picture printed ``width`` x ``height`` points."""
        if self.pictures is None:
            return loaded.data
        return self.pictures.data_for(loaded, width, height)


def paragraphs(
    text: str,
    style: ParagraphStyle,
    ctx: BlockContext,
    lead_markup: str = "",
    portion: str = "",
) -> list[Flowable]:
    """User text (with inline markup) as Paragraph flowables, one per paragraph.

    ``lead_markup`` is markup of ours (never user text) put before the first
    paragraph, e.g. ``<i>Rationale:</i>``. ``portion`` is the portion mark printed
    before every paragraph ("(S) ", plain text). Paragraphs without markup
    characters skip ReportLab's parser altogether.
    """
    link = ctx.theme.palette.link.hexval().replace("0x", "#")
    found: list[Flowable] = []
    for raw in tx.split_paragraphs(text, ctx.theme.max_paragraph_chars):
        raw = portion + raw
        if lead_markup and not found:
            found.append(safe_paragraph(lead_markup + tx.to_markup(raw, link), style))
        elif tx.has_markup(raw):
            found.append(safe_paragraph(tx.to_markup(raw, link), style))
        else:
            found.append(plain_text_paragraph(raw, style))
    return found


def paragraph(text: str, style: ParagraphStyle, ctx: BlockContext) -> Paragraph:
    """User text as a single Paragraph (blank lines become line breaks)."""
    link = ctx.theme.palette.link.hexval().replace("0x", "#")
    chunks = tx.paragraphs_markup(text, ctx.theme.max_paragraph_chars, link)
    return safe_paragraph("<br/><br/>".join(chunks), style)


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Text with no markup at all (names, places, numbers) as a Paragraph."""
    return plain_text_paragraph(tx.clean(text), style)


def safe_paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from markup we produced; should ReportLab still refuse it,
    the text is printed fully escaped instead."""
    try:
        return TextParagraph(markup, style)
    except ValueError:
        return TextParagraph(tx.escape(markup), style)
