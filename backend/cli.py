"""``python -m backend``: the headless command line, a thin adapter over the backend functions.

Each command is a function ``cmd_<name>(args)`` registered in :func:`build_parser`. A
:class:`~backend.errors.UserError` becomes one clear line on stderr and exit status 2; any
other exception is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import sys
import textwrap

from . import __version__
from .errors import UserError


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def cmd_info(args: argparse.Namespace) -> int:
    from . import environment

    report = environment.collect()
    print("\n".join(report.lines()))
    if report.missing:
        names = " ".join(m.package for m in report.missing)
        print(f"\nMissing: {names}. Install them with: python -m pip install -r "
              "resources/requirements-runtime.txt", file=sys.stderr)
        return 1
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from . import bench

    return bench.main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m backend",
        description=textwrap.dedent("""\
            moemae-qgis backend: the MoE-MAE land-cover model without QGIS.
            Run a command with --help for its options and examples."""),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_examples("python -m backend info", "python -m backend bench --device cpu"),
    )
    parser.add_argument("--version", action="version", version=f"moemae-qgis backend {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    info = commands.add_parser(
        "info", help="report Python packages, devices and model folders",
        description="Report what this Python has: PyTorch, scikit-learn, platformdirs, NumPy and "
                    "GDAL versions, the devices PyTorch sees, and where models live. Exits 1 when "
                    "a required package is missing.",
        epilog=_examples("python -m backend info"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    info.set_defaults(func=cmd_info)

    bench = commands.add_parser(
        "bench", help="measure this machine: matrix-product roof and model throughput",
        description="Measure the machine's float32 and bfloat16 matrix-product rate (the roof) "
                    "and print a table.",
        epilog=_examples("python -m backend bench", "python -m backend bench --device cuda --seconds 5"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from .bench import add_arguments as add_bench_arguments

    add_bench_arguments(bench)
    bench.set_defaults(func=cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
