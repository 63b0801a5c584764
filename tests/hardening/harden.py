"""Helpers for the hardening tests: running `kg`, its environment, invented articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

from corpgraph.settings import Settings

PROJECT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def kg(*args: str):
    """Run `kg` in this process (the spaCy pipeline stays loaded between calls)."""
    from corpgraph.cli.app import app

    return runner.invoke(app, list(args))


def cli_environment(settings: Settings, project_dir: Path) -> dict[str, str]:
    """Environment variables that point `kg` at ``settings``' server, from an empty project folder."""
    return {
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "NEO4J_DATABASE": settings.neo4j_database,
        "KG_PROJECT_DIR": str(project_dir),
    }


def subprocess_environment(settings: Settings, project_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a `kg` subprocess: the test's server and no terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(cli_environment(settings, project_dir))
    env.update(extra)
    env["PYTHONUNBUFFERED"] = "1"
    return env


# The installed `kg` script beside this interpreter (the venv's).
KG = [str(Path(sys.executable).with_name("kg"))]


# Invented articles (no names from the seed articles): each states a move and a job.
ARTICLES = {
    "harbor.txt": (
        "Harbor Dynamics names new chief executive\n\n"
        "Harbor Dynamics said on Monday that Ilse Maren will become its chief executive. "
        "Maren previously worked at Corvid Analytics for six years.\n"
    ),
    "quarry.txt": (
        "Orla Vance left Stellan Freight and joined Quarry Labs in 2019. "
        "Quarry Labs makes the Pebble scanner.\n"
    ),
    "norvik.txt": (
        "Norvik Energy hired Petra Lund, formerly of Solace Grid, as chief financial officer in 2021.\n"
    ),
}


def write_articles(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(ARTICLES):
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder
