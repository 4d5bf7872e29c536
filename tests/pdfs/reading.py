"""Read a PDF back as a reader's software would: its text, bookmarks, tags, language, images."""

import io
from dataclasses import dataclass

from pypdf import PdfReader

from tests.pages import squash


@dataclass(frozen=True)
class Pdf:
    text: str  # every page's text, white space folded
    title: str | None
    lang: str | None
    marked: bool  # /MarkInfo /Marked: the file says it is tagged
    tags: list[tuple[str, str | None]]  # every structure element's type and /Alt, in order
    outline: list[tuple[int, str]]  # (depth, title) of each bookmark, in order
    images: int  # raster images anywhere in the file
    pages: int


def read(response) -> Pdf:
    """Read a PDF response, checking it is one."""
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    root = reader.trailer["/Root"]
    marked = bool(root.get("/MarkInfo", {}).get("/Marked"))
    tree = root.get("/StructTreeRoot")
    return Pdf(
        text=squash(" ".join(page.extract_text() for page in reader.pages)),
        title=reader.metadata.title if reader.metadata else None,
        lang=str(root["/Lang"]) if "/Lang" in root else None,
        marked=marked,
        tags=list(_tags(tree)) if tree is not None else [],
        outline=list(_outline(reader.outline)),
        images=_images_in(reader),
        pages=len(reader.pages),
    )


def _tags(element):
    element = element.get_object()
    if "/S" in element:
        yield str(element["/S"]), element.get("/Alt")
    kids = element.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()
        # A kid is an element, or marked content (a number) or an annotation (/OBJR).
        if isinstance(kid, dict) and "/S" in kid:
            yield from _tags(kid)


def _outline(items, depth=0):
    for item in items:
        if isinstance(item, list):
            yield from _outline(item, depth + 1)
        else:
            yield depth, str(item["/Title"])


def _images_in(reader: PdfReader) -> int:
    seen: set[int] = set()
    return sum(_images(page.get("/Resources"), seen) for page in reader.pages)


def _images(resources, seen: set[int]) -> int:
    # Charts drawn as vectors are Form XObjects; a rasterised one would be an /Image.
    if resources is None:
        return 0
    found = 0
    for xobject in resources.get_object().get("/XObject", {}).values():
        if xobject.indirect_reference and xobject.indirect_reference.idnum in seen:
            continue
        if xobject.indirect_reference:
            seen.add(xobject.indirect_reference.idnum)
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Image":
            found += 1
        elif xobject.get("/Subtype") == "/Form":
            found += _images(xobject.get("/Resources"), seen)
    return found


def figures(pdf: Pdf) -> list[str | None]:
    """Return the alternative text of every figure, in reading order."""
    return [alt for kind, alt in pdf.tags if kind == "/Figure"]
