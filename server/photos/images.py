"""Turning an uploaded photo into what the portal serves (docs/api.md, "Photos").

`prepare(data, limits)` is plain, synchronous Pillow work, run off the event loop by
`server.photos.workers`. It decides the type by content (never by name), refuses what it
must with the problem code of the reason, applies the EXIF orientation and re-encodes every
rendition from the pixels alone: no EXIF, GPS, XMP, ICC-embedded maker notes or comments
survive, whatever the phone wrote.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from server.models import Rendition
from server.problems import Problem

# Types accepted by their content; HEIC/HEIF (phones) is converted to JPEG.
ACCEPTED = {"image/jpeg", "image/png", "image/heic", "image/heif"}
# Longest side of each rendition (the original keeps its own size).
THUMBNAIL_SIDE = 320
SCREEN_SIDE = 1600
JPEG_QUALITY = {Rendition.THUMBNAIL: 80, Rendition.SCREEN: 85, Rendition.ORIGINAL: 92}


@dataclass(frozen=True)
class Limits:
    """What one upload may be: bytes and pixels (a small file can decode to gigabytes)."""

    max_bytes: int
    max_pixels: int


@dataclass(frozen=True)
class Encoded:
    """One rendition's bytes, ready for the blob store."""

    rendition: Rendition
    data: bytes
    media_type: str
    sha256: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return "png" if self.media_type == "image/png" else "jpg"


@dataclass(frozen=True)
class Prepared:
    """The renditions of one photo and the size of the upright original in pixels."""

    width: int
    height: int
    files: tuple[Encoded, ...]

    def file(self, rendition: Rendition) -> Encoded:
        return next(f for f in self.files if f.rendition is rendition)


_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_registered = True


def content_type(data: bytes) -> str | None:
    """The type the bytes really are (their signature), or None when unknown."""
    return filetype.guess_mime(data[:8192])


def prepare(data: bytes, limits: Limits) -> Prepared:
    """The three renditions of an upload, or a `Problem`: `photo_too_large`,
    `photo_type_not_supported`, `photo_too_many_pixels` or `photo_damaged`."""
    if len(data) > limits.max_bytes:
        raise Problem("photo_too_large", max_megabytes=limits.max_bytes // (1024 * 1024))
    kind = content_type(data)
    if kind not in ACCEPTED:
        raise Problem("photo_type_not_supported", found=kind)
    if kind in ("image/heic", "image/heif"):
        _register_heif()
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its own limit refuses) on huge images; ours is lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > limits.max_pixels:
                raise Problem("photo_too_many_pixels",
                              max_megapixels=limits.max_pixels // 1_000_000)
            image.load()
            upright = ImageOps.exif_transpose(image)
    except Image.DecompressionBombError:
        raise Problem("photo_too_many_pixels",
                      max_megapixels=limits.max_pixels // 1_000_000) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # Pillow's "image file is truncated", a broken header, an unreadable HEIC.
        raise Problem("photo_damaged") from None
    keep_png = kind == "image/png"
    files = (
        _encode(_scaled(upright, THUMBNAIL_SIDE), Rendition.THUMBNAIL, png=False),
        _encode(_scaled(upright, SCREEN_SIDE), Rendition.SCREEN, png=False),
        _encode(upright, Rendition.ORIGINAL, png=keep_png),
    )
    return Prepared(upright.width, upright.height, files)


def _scaled(image: Image.Image, side: int) -> Image.Image:
    if max(image.size) <= side:
        return image
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return copy


def _flattened(image: Image.Image) -> Image.Image:
    """RGB for JPEG: transparency on white (a PNG with an alpha channel), palettes expanded."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in
                                                image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, "white")
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image if image.mode == "RGB" else image.convert("RGB")


def _encode(image: Image.Image, rendition: Rendition, *, png: bool) -> Encoded:
    # A fresh image from the pixels alone: no info dict, so no EXIF, XMP, ICC or comments.
    out = io.BytesIO()
    if png:
        bare = Image.frombytes(image.mode, image.size, image.tobytes()) \
            if image.mode in ("RGB", "RGBA", "L", "LA") else _flattened(image)
        bare.save(out, "PNG", optimize=False)
        media_type = "image/png"
    else:
        pixels = _flattened(image)
        bare = Image.frombytes("RGB", pixels.size, pixels.tobytes())
        bare.save(out, "JPEG", quality=JPEG_QUALITY[rendition], optimize=True,
                  progressive=rendition is not Rendition.THUMBNAIL)
        media_type = "image/jpeg"
    data = out.getvalue()
    return Encoded(rendition, data, media_type, hashlib.sha256(data).hexdigest(), *bare.size)
