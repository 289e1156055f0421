"""What prints nothing: empty blocks and sections (a template's skeleton, a heading
typed but not yet filled). An empty section is left out of the PDF, heading and
contents line included, and ``briefbook validate`` says so as a warning."""

from __future__ import annotations

from briefbook.core import model as m


def _items_empty(items: list[m.ListItem]) -> bool:
    return all(not item.text.strip() and _items_empty(item.items) for item in items)


def block_is_empty(block: m.Block) -> bool:
    """Whether ``block`` puts nothing a reader could read on the page."""
    if isinstance(block, m.TextBlock):
        return not block.text.strip()
    if isinstance(block, (m.BulletsBlock, m.NumberedBlock)):
        return _items_empty(block.items)
    if isinstance(block, m.TableBlock):
        return not any(cell.strip() for row in block.rows for cell in row)
    if isinstance(block, m.ScheduleBlock):
        return not block.entries
    if isinstance(block, m.RecommendationsBlock):
        return not block.items
    if isinstance(block, m.PeopleBlock):
        return not block.people
    if isinstance(block, m.ContactsBlock):
        return not block.contacts
    if isinstance(block, m.ImageBlock | m.PdfBlock):
        return not block.path.strip()
    if isinstance(block, m.NoteBlock):
        return not block.text.strip()
    if isinstance(block, m.TalkingPointsBlock):
        return _items_empty(block.items)
    if isinstance(block, m.IfAskedBlock):
        return not any(item.question.strip() or item.answer.strip() for item in block.items)
    if isinstance(block, m.MemoBlock):
        return not any(text.strip() for text in m.kind_of(block).words(block)[0].texts)
    if isinstance(block, m.ScenarioBlock):
        return not block.steps
    return True  # a page break alone prints nothing


def section_is_empty(section: m.Section) -> bool:
    """A section with no block that prints and no subsection that does."""
    return all(block_is_empty(block) for block in section.blocks) and all(
        section_is_empty(sub) for sub in section.subsections
    )
