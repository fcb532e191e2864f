"""Builds kehoach._core with CMake (pybind/cmake_example, trimmed)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pybind11
from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def version() -> str:
    header = (ROOT / "include" / "kehoach" / "version.hpp").read_text(encoding="utf-8")
    return re.search(r'#define KEHOACH_VERSION "([^"]+)"', header).group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: CMakeExtension) -> None:
        output_dir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_temp = Path(self.build_temp) / ext.name
        build_temp.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_temp),
            f"-DPython_EXECUTABLE={sys.executable}",
            f"-Dpybind11_DIR={pybind11.get_cmake_dir()}",
            "-DCMAKE_BUILD_TYPE=Release",
            "-DKEHOACH_BUILD_PYTHON=ON",
            "-DKEHOACH_BUILD_TESTS=OFF", "-DKEHOACH_BUILD_EXAMPLES=OFF",
            "-DKEHOACH_BUILD_CLI=OFF", "-DKEHOACH_INSTALL=OFF",
            f"-DKEHOACH_PYTHON_OUTPUT_DIR={output_dir}",
        ]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        configure += [arg for arg in os.environ.get("CMAKE_ARGS", "").split() if arg]
        subprocess.run(configure, check=True)
        jobs = str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build_temp), "--target", "_core", "--parallel", jobs], check=True)


setup(
    version=version(),
    packages=["kehoach"],
    package_dir={"": "python"},
    package_data={"kehoach": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("kehoach._core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
