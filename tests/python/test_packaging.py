"""kehoach installs offline with pip into a fresh virtual environment, as a user would install it."""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

# Not conftest's: this test runs without it (--noconftest), on a tree whose kehoach is not built, as
# scripts/test.sh's first step does; only the pip install is tried.
ROOT = Path(__file__).resolve().parents[2]
FOUNDING_PLAN = ROOT / "examples" / "plans" / "chu-rang-2023.plan.json"

# What a source distribution holds: enough to build, nothing of this checkout's build trees.
SOURCES = ["CMakeLists.txt", "setup.py", "pyproject.toml", "README.md", "cmake", "data", "include", "src", "python"]


def test_pip_installs_offline_into_a_venv_and_imports(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(origin, source / name)
    # Made from the interpreter running the tests (Debian's), whose packages the venv sees.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # What is proven here is the packaging; the optimized code is the build tree's, tested by the rest of
    # the suite. Unoptimized, the extension compiles in half the time. In scripts/test.sh this is the
    # one build with g++, so its warnings are errors.
    environment = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                   "CMAKE_ARGS": "-DCMAKE_CXX_FLAGS_RELEASE=-O0 -DKEHOACH_WERROR=ON " + os.environ.get("CMAKE_ARGS", "")}
    environment.pop("PYTHONPATH", None)  # the installed package, not the build tree's
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps", str(source)],
        capture_output=True, text=True, env=environment, cwd=tmp_path, check=False,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    check = subprocess.run(
        [str(python), "-c",
         "import kehoach, sys; p = kehoach.Plan.from_json(sys.argv[1]);"
         "print(kehoach.__file__); print(p.number, len(p), kehoach.__version__)",
         str(FOUNDING_PLAN)],
        capture_output=True, text=True, env=environment, cwd=tmp_path, check=False,
    )
    assert check.returncode == 0, check.stderr
    location, summary = check.stdout.splitlines()
    assert location.startswith(str(env_dir)), f"imported from {location}, not from the venv"
    assert summary.startswith("24/KH-UBND 61 0.")
