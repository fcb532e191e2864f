"""Nothing kehoach does reads from or writes to the network: neither the command nor the module
links a network function, and a whole workflow runs with Python's sockets made to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kehoach
from kehoach import _core

from conftest import IA_MO_LOG, IA_MO_PLAN

# What a program calls to reach another machine, by name resolution, socket or a client library.
NETWORK = {"socket", "socketpair", "connect", "bind", "listen", "accept", "accept4", "send", "sendto", "sendmsg",
           "recv", "recvfrom", "recvmsg", "getaddrinfo", "getnameinfo", "gethostbyname", "gethostbyname2",
           "gethostbyaddr", "gethostbyname_r", "res_query", "res_search", "inet_pton", "inet_aton"}


def undefined_symbols(binary: Path) -> set[str]:
    listed = subprocess.run(["nm", "-D", "--undefined-only", str(binary)], capture_output=True, text=True, check=True)
    return {line.split()[-1].split("@")[0] for line in listed.stdout.splitlines() if line.strip()}


@pytest.mark.parametrize("which", ["command", "module"])
def test_no_network_function_is_linked(which, cli):
    binary = Path(cli) if which == "command" else Path(_core.__file__)
    symbols = undefined_symbols(binary)
    assert "fopen" in symbols or "open" in symbols or "fopen64" in symbols  # the list is real: files are opened
    assert not symbols & NETWORK, sorted(symbols & NETWORK)
    assert not {s for s in symbols if s.startswith(("curl_", "SSL_"))}


WORKFLOW = f"""
import socket, warnings

def refuse(*args, **kwargs):
    raise AssertionError("kehoach reached for the network")

socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import kehoach

warnings.simplefilter("ignore", kehoach.ExportWarning)
plan = kehoach.read_plan({str(IA_MO_PLAN)!r})
schedule = plan.schedule()
findings = plan.lint()
snapshot = plan.snapshot({str(IA_MO_LOG)!r}, "2023-06-15")
report = kehoach.monthly_report(plan, {str(IA_MO_LOG)!r}, "2023-06", "2023-06-15", format="html", redact=True)
exports = [plan.to_json(), plan.to_ics(), plan.to_dot(schedule), plan.to_frame().to_csv(), snapshot.to_pandas().to_csv()]
print(len(plan), len(schedule), len(findings), len(snapshot), len(report) > 0, all(exports))
"""


def test_a_workflow_runs_with_sockets_refused():
    env_path = str(Path(kehoach.__file__).parents[1])
    # A sanitizer build's runtime and its options go along; nothing else of this environment does.
    kept = {name: os.environ[name] for name in ("LD_PRELOAD", "ASAN_OPTIONS") if name in os.environ}
    done = subprocess.run([sys.executable, "-c", WORKFLOW], capture_output=True, text=True, encoding="utf-8",
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", **kept})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["True", "True"]
