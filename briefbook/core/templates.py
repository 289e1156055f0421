"""The bundled brief templates (example, the visit book, the forms, blank) and the
section templates."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

from briefbook.assets_path import assets_dir as bundled_assets_dir
from briefbook.core import model as m
from briefbook.errors import TemplateError

#: name -> (file in assets/templates, one-line description)
TEMPLATES: dict[str, tuple[str, str]] = {
    "example": (
        "example.brief.yaml",
        "a complete sample dossier for a one-day visit (fictional content)",
    ),
    "visit": (
        "visit.brief.yaml",
        "the skeleton of a visit book: every usual section with a line of guidance",
    ),
    "read-ahead": (
        "read-ahead.brief.yaml",
        "one page: the memo header, the purpose, points to make, if asked",
    ),
    "issue-brief": (
        "issue-brief.brief.yaml",
        "objectives, points to make, if asked, background and the press line",
    ),
    "scenario": (
        "scenario.brief.yaml",
        "the numbered steps of an event with minutes, lead, press and points",
    ),
    "blank": ("blank.brief.yaml", "an empty brief with a cover and nothing else"),
}

#: How the app names each template.
TITLES: dict[str, str] = {
    "example": "Example",
    "visit": "Visit book",
    "read-ahead": "Read-ahead memo",
    "issue-brief": "Issue brief",
    "scenario": "Scenario",
    "blank": "Blank",
}


def assets_dir() -> Path:
    """The folder of bundled assets (fonts, templates), installed or in a checkout."""
    return bundled_assets_dir()


def template_path(name: str) -> Path:
    """The file of a bundled template."""
    if name not in TEMPLATES:
        known = ", ".join(TEMPLATES)
        raise TemplateError(f"there is no template {name!r}; the templates are: {known}")
    return assets_dir() / "templates" / TEMPLATES[name][0]


def example_path() -> Path:
    """The bundled example brief, opened on the app's first start."""
    return template_path("example")


def template_title(name: str) -> str:
    """What the app calls a template ("Read-ahead memo")."""
    return TITLES.get(name, name.capitalize())


def template_names() -> list[tuple[str, str]]:
    """Every template as (name, description), in the order to offer them."""
    return [(name, description) for name, (_, description) in TEMPLATES.items()]


@cache
def _template(name: str) -> m.Brief:
    # Imported here: naming the templates (the app's menus at start-up) needs no YAML reader.
    from briefbook.core.fileformat import loads

    path = template_path(name)
    return loads(path.read_text(encoding="utf-8"), path)


def new_brief(name: str = "blank") -> m.Brief:
    """A fresh brief from a template; it has no file yet."""
    brief = copy.deepcopy(_template(name))
    brief.source = None
    return brief


def section_templates() -> list[tuple[str, m.Section]]:
    """The section kinds offered by "Add section", as (label, fresh section)."""
    return [(section.title, copy.deepcopy(section)) for section in _template("visit").sections]
