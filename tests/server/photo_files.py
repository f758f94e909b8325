"""Image files as phones and careless uploads make them, for the photo tests."""

from __future__ import annotations

import io

from PIL import Image

# EXIF tags: Orientation, GPSInfo, Make, the GPS latitude.
ORIENTATION, GPS_INFO, MAKE = 0x0112, 0x8825, 0x010F


def jpeg(width: int = 120, height: int = 80, *, orientation: int | None = None,
         gps: bool = False, colour: str = "red") -> bytes:
    """A JPEG whose left half is `colour` and right half blue; with EXIF as asked."""
    image = Image.new("RGB", (width, height), "blue")
    image.paste(Image.new("RGB", (width // 2, height), colour), (0, 0))
    exif = Image.Exif()
    exif[MAKE] = "Telefoonmerk"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    if gps:
        exif.get_ifd(GPS_INFO).update({1: "N", 2: (52.0, 5.0, 0.0), 3: "E", 4: (4.0, 53.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"geheime opmerking")
    return out.getvalue()


def png(width: int = 64, height: int = 64, *, alpha: bool = False) -> bytes:
    image = Image.new("RGBA" if alpha else "RGB", (width, height), (0, 128, 0, 100))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def heic(width: int = 96, height: int = 64) -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (width, height), "orange").save(out, "HEIF")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image
