# SPDX-License-Identifier: MIT
# The labelled fixtures the Python end-to-end checks run over.
import os


def c_files(ctx):
    """The .c files of a context, relative to it, in walk order."""
    out = []
    for root, dirs, files in os.walk(ctx):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".c"):
                out.append(os.path.relpath(os.path.join(root, f), ctx))
    return out


def multi_file_fixtures(root):
    """Every taint and memory fixture (a directory with expected.findings)
    with two or more C files: where flows cross translation units."""
    cases = []
    for base in ("testdata/taint", "testdata/mem"):
        for dirpath, _, files in os.walk(os.path.join(root, base)):
            if "expected.findings" in files and len(c_files(dirpath)) >= 2:
                cases.append(dirpath)
    return sorted(cases)
