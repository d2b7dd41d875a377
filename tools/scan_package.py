"""The plugin repository's security scan, run on our own zip before it is uploaded.

plugins.qgis.org unpacks each uploaded zip and runs, in that folder (its
``plugins/security_scanner.py``):

- ``bandit -r DIR -f json --quiet -ll``: medium and high findings (``# nosec`` honoured);
- ``detect-secrets scan --all-files --exclude-files metadata\\.txt .``.

This runs the same two commands (at once: detect-secrets takes about 30 s on the 8 MB of probe
files) on ``make package``'s zip. It fails on any Bandit finding of medium or high severity, and
on any detect-secrets finding that is not in :data:`ALLOWLIST` — audited false positives, each with
the reason it is no secret. Low Bandit findings are printed, not fatal (the repository filters
them out with ``-ll``).

    python tools/scan_package.py                 # builds the zip in a temporary folder first
    python tools/scan_package.py --zip dist/moemae_qgis-0.2.0.zip
"""
from __future__ import annotations

import argparse
import json
import subprocess  # nosec B404 # runs bandit and detect-secrets: argument lists, never a shell
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ALLOWLIST = REPO / "tools" / "secrets-allowlist.json"
BANDIT = ["-m", "bandit", "-r", ".", "-f", "json", "--quiet"]
DETECT_SECRETS = ["-m", "detect_secrets", "scan", "--all-files", "--exclude-files", r"metadata\.txt", "."]
FATAL_SEVERITIES = ("MEDIUM", "HIGH")


def run_scanners(folder: Path) -> tuple[dict, dict]:
    """(Bandit's JSON report, detect-secrets' JSON report) of the unpacked plugin in ``folder``."""
    started = [subprocess.Popen([sys.executable, *arguments], cwd=folder,  # nosec B603 # see the import
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for arguments in (BANDIT, DETECT_SECRETS)]
    reports = []
    for process, name in zip(started, ("bandit", "detect-secrets")):
        out, err = process.communicate(timeout=300)
        if not out.strip():  # bandit exits 1 when it finds anything: only no report is a failure
            raise RuntimeError(f"{name} gave no report (exit {process.returncode}): {err.strip()[-500:]}")
        reports.append(json.loads(out))
    return reports[0], reports[1]


def bandit_findings(report: dict) -> tuple[list[str], list[str]]:
    """(fatal, low): one line each, ``path:line test severity: text``."""
    fatal, low = [], []
    for issue in report.get("results", []):
        line = (f"{Path(issue['filename']).as_posix().removeprefix('./')}:{issue['line_number']} "
                f"{issue['test_id']} {issue['issue_severity']}: {issue['issue_text']}")
        (fatal if issue["issue_severity"] in FATAL_SEVERITIES else low).append(line)
    return fatal, low


def secret_findings(report: dict, allowlist: list[dict]) -> tuple[list[str], list[str]]:
    """(not allowed, allowed): detect-secrets findings, matched to the allowlist by file and hash."""
    allowed_keys = {(entry["file"], entry["hashed_secret"]): entry["reason"] for entry in allowlist}
    refused, allowed = [], []
    for filename, secrets in report.get("results", {}).items():
        name = Path(filename).as_posix().removeprefix("./")
        for secret in secrets:
            line = f"{name}:{secret['line_number']} {secret['type']} ({secret['hashed_secret']})"
            reason = allowed_keys.get((name, secret["hashed_secret"]))
            (allowed if reason else refused).append(line + (f": allowed, {reason}" if reason else ""))
    return refused, allowed


def scan_zip(zip_path: Path) -> list[str]:
    """Unpack the zip and scan it; returns the failures (empty: the repository will find nothing
    to block), after printing every finding."""
    with tempfile.TemporaryDirectory(prefix="moemae-scan-") as tmp:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(tmp)
        bandit, secrets = run_scanners(Path(tmp))
    fatal, low = bandit_findings(bandit)
    refused, allowed = secret_findings(secrets, json.loads(ALLOWLIST.read_text(encoding="utf-8")))
    skipped = bandit.get("metrics", {}).get("_totals", {}).get("skipped_tests", 0)
    for line in low + allowed:
        print(f"  info: {line}")
    print(f"bandit: {len(fatal)} medium or high, {len(low)} low, {skipped} skipped by # nosec (each with "
          f"its reason); detect-secrets: {len(refused)} findings, {len(allowed)} audited false positives")
    return [f"bandit: {line}" for line in fatal] + [f"detect-secrets: {line}" for line in refused]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", type=Path, help="the plugin zip (default: build one now)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="moemae-package-") as tmp:
        zip_path = args.zip
        if zip_path is None:
            sys.path.insert(0, str(REPO / "tools"))
            import package

            zip_path = package.build_zip(Path(tmp) / "moemae_qgis.zip")
        failures = scan_zip(zip_path)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
