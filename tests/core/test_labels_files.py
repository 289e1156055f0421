"""The label files: every complete file holds every English key with the same fields;
the languages the issue asks for are there; overrides are checked."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from briefbook.assets_path import assets_dir
from briefbook.core.labels import fields, label, languages, override_problem

FOLDER = assets_dir() / "labels"
REQUIRED = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "fi",
    "pl",
    "cs",
    "el",
    "tr",
)


def _load(code: str) -> dict[str, Any]:
    data: Any = yaml.safe_load((FOLDER / f"{code}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


ENGLISH = {k: v for k, v in _load("en").items() if not k.startswith("_")}


def test_the_languages_are_there() -> None:
    assert set(REQUIRED) <= set(languages())


@pytest.mark.parametrize("code", languages())
def test_a_complete_file_has_every_label(code: str) -> None:
    data = _load(code)
    if data.get("_complete") is not True:
        pytest.skip(f"{code}.yaml does not claim to be complete")
    missing = sorted(set(ENGLISH) - set(data))
    assert not missing, f"{code}.yaml claims to be complete but lacks {missing}"


@pytest.mark.parametrize("code", languages())
def test_every_label_fills_the_english_fields(code: str) -> None:
    for key, text in _load(code).items():
        if key in ENGLISH:
            assert fields(str(text)) == fields(ENGLISH[key]), (code, key, text)
            label(key, code, **{name: "x" for name in fields(ENGLISH[key])})


def test_every_label_is_one_line_of_text() -> None:
    for code in languages():
        for key, text in _load(code).items():
            assert key.startswith("_") or (isinstance(text, str) and "\n" not in text), (code, key)


def test_overrides_are_checked() -> None:
    assert override_problem("contents", "Table des matières") == ""
    assert "did you mean 'contents'" in override_problem("contnets", "x")
    assert "{page}" in override_problem("page_number", "Seite {seite}")
    # a text the brief gets wrong never breaks the print: the file's word is used
    assert label("page_number", "de", {"page_number": "S. {x}"}, page=1, pages=2) == (
        "Seite 1 von 2"
    )


def test_a_region_falls_back_to_its_language() -> None:
    assert label("contents", "fr-CA") == "Sommaire"
    assert label("contents", "pt-BR") == "Índice"
