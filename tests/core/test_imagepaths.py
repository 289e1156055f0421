"""Picture paths: inside or outside the brief's folder, and following a brief to a new one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefbook.core import model as m
from briefbook.core.imagepaths import (
    expand_home,
    image_refs,
    is_inside,
    outside_images,
    relocate_images,
    relocated_path,
)


@pytest.mark.parametrize(
    ("path", "inside"),
    [
        ("map.png", True),
        ("images/map.png", True),
        ("./images/../map.png", True),
        ("images/../../map.png", False),
        ("../map.png", False),
        ("/etc/passwd", False),
        ("~/x.png", False),
        ("~nosuchuser0/x.png", True),
        ("~0", True),
        ("", True),
    ],
)
def test_inside_or_outside(tmp_path: Path, path: str, inside: bool) -> None:
    assert is_inside(path, tmp_path / "brief") is inside


def test_an_absolute_path_inside_the_folder_is_inside(tmp_path: Path) -> None:
    assert is_inside(str(tmp_path / "images" / "map.png"), tmp_path)


def test_unknown_users_home_stays_as_written() -> None:
    assert expand_home("~nosuchuser0/a.png") == Path("~nosuchuser0/a.png")
    assert expand_home("~/a.png") == Path.home() / "a.png"


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        ("images/map.png", "/a/visit", "/a/archive/2025", "../../visit/images/map.png"),
        ("images/map.png", "/a/visit", "/a", "visit/images/map.png"),
        ("images/map.png", "/a/visit", "/a/visit/sub", "../images/map.png"),
        ("../shared/logo.png", "/a/visit", "/a", "shared/logo.png"),
        ("/a/visit/images/map.png", "/a/visit", "/a", "visit/images/map.png"),
        ("/elsewhere/map.png", "/a/visit", "/a", "/elsewhere/map.png"),
        ("images/map.png", None, "/a", "images/map.png"),
        ("", "/a/visit", "/a", ""),
    ],
)
def test_relocated_paths_name_the_same_file(
    path: str, old: str | None, new: str, expected: str
) -> None:
    if os.name == "nt":
        pytest.skip("POSIX paths")
    assert relocated_path(path, Path(old) if old else None, Path(new)) == expected


def test_relocate_a_whole_brief(tmp_path: Path) -> None:
    brief = m.Brief(
        meta=m.Meta(logo="images/logo.png"),
        sections=[
            m.Section(
                "Maps",
                [
                    m.ImageBlock("images/map.png"),
                    m.PeopleBlock([m.Person("A", photo="face.png"), m.Person("B")]),
                ],
                subsections=[m.Section("Sub", [m.ImageBlock("/abs/x.png")])],
            )
        ],
    )
    assert [(r.kind, r.where) for r in image_refs(brief)] == [
        ("logo", "meta"),
        ("image", "section 'Maps', block 1"),
        ("photo", "section 'Maps', block 2"),
        ("image", "section 'Sub', block 1"),
    ]
    old, new = tmp_path / "visit", tmp_path / "archive"
    moved = relocate_images(brief, old, new)
    assert brief.meta.logo == "../visit/images/logo.png"
    assert brief.sections[0].blocks[0].path == "../visit/images/map.png"
    assert brief.sections[0].blocks[1].people[0].photo == "../visit/face.png"
    assert brief.sections[0].blocks[1].people[1].photo == ""
    assert len(moved.changed) == 3
    assert [ref.path for ref in moved.now_outside] == [
        "../visit/images/logo.png",
        "../visit/images/map.png",
        "../visit/face.png",
        "/abs/x.png",
    ]
    assert outside_images(brief, new) == moved.now_outside
