"""Run every benchmark and print the tables (python -m benchmarks)."""

import sys

from benchmarks import dashboard, pages, server


def main() -> None:
    print(pages.report())
    print()
    print(server.report(sys.argv[1:]))
    print()
    print(dashboard.report())


main()
