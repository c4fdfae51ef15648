"""Shared test helpers: paths to samples and goldens."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
FRAGMENTS = Path(__file__).resolve().parent / "fragments"
