"""Run every benchmark and print the tables (python -m benchmarks)."""

import sys

from benchmarks import (
    board_charts,
    dashboard,
    load,
    pages,
    pdfs,
    reports,
    server,
    signin,
    sync,
    text,
)


def main() -> None:
    print(pages.report())
    print()
    print(server.report(sys.argv[1:]))
    print()
    print(load.report())
    print()
    print(dashboard.report())
    print()
    print(board_charts.report())
    print()
    print(text.report(sys.argv[1:]))
    print()
    print(reports.report())
    print()
    print(pdfs.report())
    print()
    print(signin.report())
    print(sync.report())


main()
