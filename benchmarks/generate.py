"""A deterministic generator of realistic briefs at about 30, 300 and 1,500 pages.

Each top-level section follows one of a few recipes taken from real dossiers
(issue brief, programme, initiatives table, expert recommendations,
background with a map or photo), so the mix of paragraphs, lists, 3-5 column
tables, schedules, recommendations and images stays the same at every size.
Section ``i`` is drawn from its own seeded RNG, so a smaller brief is the start
of a larger one and the same seed always gives the same file.

    python -m benchmarks.generate 300 -o /tmp/bench     # writes bench-300.brief.yaml + images/
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus import OWNERS, PLACES, ROLES, TIMELINES, Prose
from benchmarks.images import IMAGE_FILES, write_images
from briefbook.core import model as m
from briefbook.core.fileformat import save

SEED = 20250612
#: Target page count -> number of top-level sections, calibrated on briefbook's own export
#: (see README.md; re-calibrate with ``python -m benchmarks.generate --calibrate``).
SECTIONS: dict[int, int] = {30: 17, 100: 56, 300: 169, 1500: 840}
#: The sizes exports are measured on (the ~100-page brief is for the preview's cover edit).
SIZES: tuple[int, ...] = (30, 300, 1500)

Recipe = Callable[[Prose, int], m.Section]


def _items(prose: Prose, low: int, high: int, nested: bool) -> list[m.ListItem]:
    items = []
    for _ in range(prose.rng.randint(low, high)):
        item = m.ListItem(prose.sentence())
        if nested and prose.rng.random() < 0.2:
            item.items = [m.ListItem(prose.short((3, 8))) for _ in range(prose.rng.randint(2, 3))]
        items.append(item)
    return items


def issue_brief(prose: Prose, index: int) -> m.Section:
    """Points to make, background and defensive lines."""
    return m.Section(
        title=f"Issue brief: {prose.title()} ({index + 1})",
        blocks=[
            m.TextBlock(prose.text((1, 2))),
            m.BulletsBlock(_items(prose, 4, 8, nested=True)),
        ],
        subsections=[
            m.Section("Background", blocks=[m.TextBlock(prose.text((2, 4)))]),
            m.Section("Defensive lines", blocks=[m.NumberedBlock(_items(prose, 3, 6, False))]),
        ],
    )


def programme(prose: Prose, index: int) -> m.Section:
    """A one- or two-day schedule."""
    r = prose.rng
    start = dt.date(2025, 6, 12) + dt.timedelta(days=index % 20)
    entries = []
    for day in range(r.randint(1, 2)):
        minute = 8 * 60
        for _ in range(r.randint(6, 11)):
            length = r.choice((30, 45, 60, 90))
            entries.append(
                m.ScheduleEntry(
                    date=start + dt.timedelta(days=day),
                    time=dt.time(minute // 60, minute % 60),
                    end=dt.time((minute + length) // 60, (minute + length) % 60),
                    title=f"Meeting on {prose.short((3, 6)).lower()}",
                    place=prose.pick(PLACES),
                    participants=[prose.pick(ROLES) for _ in range(r.randint(1, 4))],
                    press=r.choice(("open", "closed", "pool", "")),
                    notes=prose.sentence(markup=False) if r.random() < 0.6 else "",
                )
            )
            minute += length + r.choice((15, 15, 30))
    return m.Section(title=f"Programme, visit {index + 1}", blocks=[m.ScheduleBlock(entries)])


def initiatives(prose: Prose, index: int) -> m.Section:
    """An introduction and a 3-5 column table of initiatives."""
    r = prose.rng
    columns = ["Initiative", "Objective", "Timeline", "Lead", "Status"][: r.randint(3, 5)]
    rows = []
    for _ in range(r.randint(8, 28)):
        row = [
            prose.short((2, 5)),
            prose.sentence(markup=False),
            prose.pick(TIMELINES),
            prose.pick(OWNERS),
            r.choice(("On track", "Delayed", "New", "Completed")),
        ]
        rows.append(row[: len(columns)])
    return m.Section(
        title=f"Initiatives: {prose.title()}",
        blocks=[
            m.TextBlock(prose.paragraph()),
            m.TableBlock(columns=columns, rows=rows, caption="Initiatives under way"),
        ],
    )


def recommendations(prose: Prose, index: int) -> m.Section:
    """Expert recommendations with rationale, owner and priority."""
    r = prose.rng
    items = [
        m.Recommendation(
            text=prose.sentence(markup=False),
            rationale=prose.paragraph((1, 3)),
            owner=prose.pick(OWNERS),
            priority=r.choice(("high", "medium", "low")),
        )
        for _ in range(r.randint(4, 9))
    ]
    return m.Section(
        title=f"Expert recommendations ({index + 1})", blocks=[m.RecommendationsBlock(items)]
    )


def background(prose: Prose, index: int) -> m.Section:
    """State of play: paragraphs, a bullet list and (in some sections) a picture."""
    blocks: list[m.Block] = [m.TextBlock(prose.text((2, 4)))]
    if index % 3 == 1:
        image = IMAGE_FILES[(index // 3) % len(IMAGE_FILES)]
        blocks.append(m.ImageBlock(path=f"images/{image}", caption=prose.sentence(False)))
    blocks += [m.BulletsBlock(_items(prose, 3, 6, nested=False)), m.TextBlock(prose.text())]
    return m.Section(title=f"State of play: {prose.title()}", blocks=blocks)


RECIPES: tuple[Recipe, ...] = (
    issue_brief,
    programme,
    initiatives,
    background,
    recommendations,
    issue_brief,
    initiatives,
    background,
)


def generate(sections: int, seed: int = SEED) -> m.Brief:
    """A brief of ``sections`` top-level sections (about three pages each)."""
    meta = m.Meta(
        title="Benchmark visit",
        subtitle="Generated briefing book (benchmark content)",
        dates=m.DateRange(dt.date(2025, 6, 12), dt.date(2025, 6, 13)),
        location="Rome",
        organisation="Private Office",
        prepared_by="Policy Planning Unit",
        marking="RESTRICTED",
        version="3",
        status="draft",
        page_size="A4",
        timezone="Europe/Rome",
        keywords=["benchmark"],
    )
    found = []
    for i in range(sections):
        prose = Prose(random.Random(f"{seed}:{i}"))
        found.append(RECIPES[i % len(RECIPES)](prose, i))
    return m.Brief(meta=meta, sections=found)


def write_brief(pages: int, folder: Path, seed: int = SEED) -> Path:
    """Write ``bench-PAGES.brief.yaml`` and its pictures (``images/``) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_images(folder / "images")
    path = folder / f"bench-{pages}.brief.yaml"
    save(generate(SECTIONS[pages], seed), path, backup=False)
    return path


def calibrate(folder: Path, seed: int = SEED) -> dict[int, int]:
    """Section counts that make briefbook's export land on each target page count.

    Pages grow about linearly with sections (every top-level section starts a
    page), so each size is guessed from the pages per section seen so far,
    rendered, and corrected once. Takes about a minute (one ~1,500-page render).
    """
    from briefbook.render import render_pdf

    write_images(folder / "images")

    def pages_of(sections: int) -> int:
        brief = generate(sections, seed)
        brief.source = folder / "calibrate.brief.yaml"
        return render_pdf(brief).page_count

    per_section = pages_of(60) / 60
    found = {}
    for target in SIZES:
        guess = max(1, round(target / per_section))
        per_section = pages_of(guess) / guess
        found[target] = max(1, round(target / per_section))
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "pages",
        type=int,
        nargs="*",
        default=list(SIZES),
        help=f"target sizes, of {', '.join(map(str, SIZES))}",
    )
    parser.add_argument("-o", "--out", type=Path, default=Path("bench-briefs"))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--calibrate",
        action="store_true",
        help="print the section counts to put in SECTIONS, then stop",
    )
    args = parser.parse_args(argv)
    if args.calibrate:
        print(calibrate(args.out, args.seed))
        return
    for pages in args.pages:
        if pages not in SECTIONS:
            parser.error(f"no calibrated size {pages}; use one of {SIZES}")
        print(write_brief(pages, args.out, args.seed))


if __name__ == "__main__":
    main()
