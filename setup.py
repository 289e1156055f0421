"""Packaging details pyproject.toml cannot express: the top-level ``assets/`` folder (fonts
with their licence, templates) travels in the wheel as ``briefbook/assets``;
``briefbook/assets_path.py`` finds it there or, in a checkout, beside the package."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["briefbook", "briefbook.*"]), "briefbook.assets"],
    package_dir={"briefbook.assets": "assets"},
    package_data={"briefbook.assets": ["**/*"]},
)
