"""Every command and option has help, and every command a README section."""

from __future__ import annotations

from pathlib import Path

import click
import typer.main

from corpgraph.cli.app import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "kg"):
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


def test_every_command_and_option_has_help():
    root = typer.main.get_command(app)
    for path, command in commands(root):
        assert (command.help or command.short_help or "").strip(), f"{path} has no help"
        for param in command.params:
            if isinstance(param, click.Option) and param.name not in ("help",):
                assert (param.help or "").strip(), f"{path} {param.opts[0]} has no help"


def test_every_command_has_a_readme_section():
    root = typer.main.get_command(app)
    for path, command in commands(root):
        top = " ".join(path.split()[:2])
        assert f"## `{top}`" in README or f"## `{path}`" in README, f"README has no section for {path}"
        assert f"`{path}" in README, f"README never shows {path}"
