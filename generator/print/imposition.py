"""An A5 flyer two to an A4 sheet, for an ordinary office or home printer.

Sheet 1 holds the front twice and sheet 2 the back twice, side by side on A4
landscape: print both sides (flip on the short edge), then cut down the middle. As
both halves are the same, either flip direction gives matching backs.
"""

from __future__ import annotations

from io import BytesIO

A4_LANDSCAPE = (841.89, 595.28)  # points (297 x 210 mm)


def two_up_a4(pdf: bytes) -> bytes:
    """Every page of an A5 PDF, twice, on one A4 landscape sheet each."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    reader = PdfReader(BytesIO(pdf))
    writer = PdfWriter()
    width, height = A4_LANDSCAPE
    half = width / 2
    for page in reader.pages:
        box = page.trimbox
        w, h = float(box.width), float(box.height)
        sheet = PageObject.create_blank_page(width=width, height=height)
        for left in (0.0, half):
            dx = left + (half - w) / 2 - float(box.left)
            dy = (height - h) / 2 - float(box.bottom)
            sheet.merge_transformed_page(page, Transformation().translate(dx, dy))
        writer.add_page(sheet)
    title = reader.metadata.title if reader.metadata else None
    writer.add_metadata({"/Title": str(title or "") + " (2 per A4)"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
