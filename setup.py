"""Packaging that pyproject.toml cannot say: the top-level ``prompts/`` folder ships inside the
wheel as ``chatrec/prompts`` (package data), so an installed chatrec finds its templates."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["chatrec", "chatrec.*"]), "chatrec.prompts"],
    package_dir={"chatrec.prompts": "prompts"},
)
