"""A QR code as inline SVG (segno): sharp at any size, no image request, nothing inline-styled."""

import segno


def qr_svg(url: str, *, label: str) -> str:
    """Return an SVG QR code for a URL, scaled by CSS, named for screen readers."""
    code = segno.make(url, error="m", micro=False)
    # omitsize writes a viewBox instead of a fixed size, so the stylesheet sets how large.
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None, title=label
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)
