# SPDX-License-Identifier: MIT
# TAP-like results for the Python end-to-end checks: `ok - NAME` or
# `not ok - NAME` with the detail as `#` lines, and a closing count.
failures = []
passed = 0


def check(ok, name, detail="", max_lines=40):
    """Record one result; `detail` is printed when it failed."""
    global passed
    if ok:
        passed += 1
        print("ok - " + name)
        return True
    failures.append(name)
    print("not ok - " + name)
    for line in str(detail).splitlines()[:max_lines]:
        print("#   " + line)
    return False


def finish():
    """Print the counts; the exit status for sys.exit."""
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0
