"""Read a CSV of comments from elsewhere: a typed-up paper survey, another tool's export."""

import csv
import io
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
# Spreadsheets save UTF-8 with a byte-order mark, or Windows-1252 on older council PCs.
ENCODINGS = ("utf-8-sig", "cp1252")


class CsvProblem(ValueError):
    """The file cannot be read as asked; the message says why and what to do."""


def decode(data: bytes) -> str:
    """Return the file's text, trying UTF-8 (with or without a BOM) then Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvProblem("The file is not text in UTF-8 or Windows-1252. Save it as CSV UTF-8.")


def read_rows(path: Path, column: str) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and rows of a CSV that has this column, or raise CsvProblem."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CsvProblem(
            f"The file is {size / 1024 / 1024:.0f} MB; the limit is {MAX_BYTES // 1024 // 1024}"
            " MB. Split it into smaller files."
        )
    text = decode(path.read_bytes())
    if not text.strip():
        raise CsvProblem("The file is empty.")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = list(reader.fieldnames or [])
    if column not in header:
        found = ", ".join(header) or "none"
        raise CsvProblem(f'The file has no column called "{column}". Its columns are: {found}.')
    return header, list(reader)
