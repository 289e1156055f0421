"""The dossier's entry point: one render, laid out in a single pass.

:mod:`.story` says what goes into the dossier, :mod:`.template` holds the
ReportLab document template. The layout runs once: the contents come before the
body and their length does not depend on page numbers (each entry reserves room
for its number), so they can be laid out first. Numbers known only at the end,
the contents' page numbers and the "of Y" of every page, are named forms that
the pages reference as they are drawn and that are defined after the last page,
just before the file is saved. Links and outline entries use named
destinations, which ReportLab also resolves on saving.
"""

from __future__ import annotations

import io

from briefbook.core import markings
from briefbook.core.imagepaths import image_folder
from briefbook.core.labels import no_words_message
from briefbook.core.model import Brief
from briefbook.core.wording import Wording
from briefbook.errors import Problem
from briefbook.render.annexes.placing import place_annexes
from briefbook.render.annexes.plan import AnnexPlan
from briefbook.render.blocks.context import BlockContext
from briefbook.render.dossier.marks import Marks
from briefbook.render.dossier.numbering import outline_title, page_number_format
from briefbook.render.dossier.pages import WIDE_FORMS, PageDecorator
from briefbook.render.dossier.story import build_story, metadata, running_text, set_zones
from briefbook.render.dossier.template import (
    BuildState,
    DossierTemplate,
    ProgressAborted,
    layout_errors,
    reproducible_time,
)
from briefbook.render.options import RenderOptions, RenderResult
from briefbook.render.pictures.downsample import PicturePrep
from briefbook.render.pictures.loading import ImagePolicy
from briefbook.render.rlsettings import binary_streams, render_session
from briefbook.render.tagging.writing import TaggedLayout, TagInfo, write_tags
from briefbook.render.text.scripts import missing_message, report_missing
from briefbook.render.theme import DEFAULT_THEME, register_fonts


def image_policy(brief: Brief, options: RenderOptions) -> ImagePolicy:
    """Pictures come from the brief's folder, or are ones the options allow."""
    return ImagePolicy(
        image_folder(brief), frozenset(options.allowed_images), options.allow_outside_images
    )


def build_pdf(brief: Brief, options: RenderOptions) -> RenderResult:
    """Lay the brief out in one pass and return the PDF with its report.

    Raises :class:`RenderError` naming the section and block for any layout
    failure. An exception raised by ``options.progress`` propagates unchanged
    (a caller may use that to cancel). Renders run one at a time, each from the
    shaping state of a fresh process (see :func:`render_session`).
    """
    register_fonts()
    plan = AnnexPlan(tagged=options.tagged or options.pdfa)
    try:
        with render_session():
            return _build_pdf(brief, options, plan)
    finally:
        plan.close()


def _build_pdf(brief: Brief, options: RenderOptions, plan: AnnexPlan) -> RenderResult:
    theme = DEFAULT_THEME
    meta = brief.meta
    page_size = theme.page_size(options.page_size or meta.page_size or "A4")
    reproducible, fixed_time = reproducible_time(brief, options.reproducible)
    frame_w = page_size[0] - theme.margin_left - theme.margin_right
    frame_h = page_size[1] - theme.margin_top - theme.margin_bottom
    ctx = BlockContext(
        theme,
        frame_w,
        frame_h,
        brief.base_dir,
        brief.source,
        image_policy=image_policy(brief, options),
        pictures=PicturePrep(options.images) if options.images else None,
        words=Wording.of(meta),
        annexes=plan,
    )
    state = BuildState()
    state.numbers.page_format = page_number_format(meta)
    set_zones(brief, ctx, options.home_times is not False)
    if not ctx.words.has_labels:
        ctx.warnings.append(
            Problem(no_words_message(meta.language), path=brief.source, where="meta 'language'")
        )
    scheme = markings.scheme_of(brief)
    ctx.marks = Marks(scheme, brief.meta.portion_marks, page=state.page_marks)
    if options.only_section is not None:
        state.numbers.offset = max(0, options.first_page - 1)
    running = running_text(brief, options, ctx.words)
    decorator = PageDecorator(theme, running, page_size, state.numbers)
    landscape = PageDecorator(
        theme, running, (page_size[1], page_size[0]), state.numbers, forms=WIDE_FORMS
    )
    buffer = io.BytesIO()
    seen: set[tuple[str, str]] = set()

    def missing_glyph(ch: str) -> None:
        if (ch, ctx.where) not in seen:
            seen.add((ch, ctx.where))
            ctx.warn(missing_message(ch))

    try:
        with layout_errors("the page layout", lambda: state.where, passing=(ProgressAborted,)):
            with report_missing(missing_glyph):
                story = build_story(brief, ctx, state, options)
            doc = DossierTemplate(
                buffer,
                theme=theme,
                page_size=page_size,
                decorator=decorator,
                state=state,
                page_marking=scheme.highest,
                progress=options.progress,
                metadata=metadata(brief, ctx.words),
                reproducible=reproducible,
                with_cover=options.only_section is None and (meta.cover or options.only_cover),
                fixed_time=fixed_time,
                cover_reserve=running.authority_height(theme.authority_leading),
                first_reserve=(
                    running.authority_height(theme.authority_leading)
                    if not meta.cover and state.numbers.offset == 0
                    else 0.0
                ),
                landscape=landscape,
            )
            if options.tagged or options.pdfa:
                doc.tag_language = meta.language or "en"
            with binary_streams(), report_missing(missing_glyph):
                canv = doc.lay_out(story)
                state.numbers.define_forms(canv, state.page_count, options.total_pages)
                canv.save()
            pdf = buffer.getvalue()
            tagging = None
            if doc.recorder is not None:  # first: it reads the file as ReportLab wrote it
                info = TagInfo(
                    metadata(brief, ctx.words)["title"],
                    doc.tag_language or "en",
                    options.pdfa,
                    reproducible,
                )
                tagging = TaggedLayout(pdf, doc.recorder.root, info)
                numbers: dict[int, int] = {}  # kept only for a tagged annex to nest
                pdf = write_tags(pdf, doc.recorder.root, info, numbers if plan.anchors else None)
                for source, (element, index) in plan.anchors.items():
                    if id(element) in numbers:
                        plan.anchor_objects[source] = (numbers[id(element)], index)
            if plan.placements:
                with layout_errors("placing the annexes"):
                    pdf = place_annexes(pdf, _with_headings(plan, state))
    except ProgressAborted as exc:
        raise exc.original from None
    pages = state.numbers.heading_pages
    section_pages = {ref.path: pages[key] for key, ref in state.sections.items() if key in pages}
    return RenderResult(
        pdf=pdf,
        page_count=state.page_count,
        warnings=list(ctx.warnings),
        section_pages=section_pages,
        tagging=tagging if not plan.placements else None,
    )


def _with_headings(plan: AnnexPlan, state: BuildState) -> AnnexPlan:
    """``plan`` told where each section's outline entry points (its heading's page)."""
    offset = state.numbers.offset
    for key, page in state.numbers.heading_pages.items():
        ref = state.sections.get(key)
        if ref is not None:
            plan.headings[key] = (page - offset - 1, outline_title(ref.number, ref.title))
    return plan


__all__ = ["DossierTemplate", "build_pdf"]
