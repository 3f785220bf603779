#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Validates a JSON document against a JSON Schema (draft 2020-12 or older,
# chosen by the schema's "$schema") with python3-jsonschema, and prints
# every violation with its JSON path. By default the schema is the Bulkhead
# JSON report's, analyzer/report/report.schema.json.
#
#   tests/cli/validate_json.py FILE [SCHEMA]
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_json: python3-jsonschema missing: apt-get install python3-jsonschema (tests/setup.sh does)")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "analyzer", "report", "report.schema.json")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: validate_json.py FILE [SCHEMA]")
    path = sys.argv[1]
    schema_path = sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SCHEMA
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: error: not JSON: {e}")
        return 1

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e.absolute_path)
        print(f"{path}: error: ${where}: {e.message}")
    name = os.path.basename(schema_path)
    print(f"validate_json: {path}: {len(errors)} error(s) against {name}")
    return 1 if errors else 0


sys.exit(main())
