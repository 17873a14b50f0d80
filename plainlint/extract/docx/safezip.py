"""Read members of an untrusted zip archive (DOCX, and any other zip-based
format) without letting it exhaust memory.

A zip bomb is a small archive that expands to gigabytes. We refuse one twice:
first from the sizes its central directory declares, before inflating a byte,
then while inflating, by counting what actually comes out (a directory can
lie). Every failure is an `InputError` with one sentence for the user.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from plainlint.errors import InputError
from plainlint.limits import ZIP_MEMBERS, ZIP_MIN_BUDGET, ZIP_RATIO, ZIP_UNPACKED_BYTES

#: No input may inflate to more than MAX_TOTAL, whatever its compressed
#: size. Real documents compress about 3-20x, so more than MAX_RATIO overall
#: is a bomb, except that a small archive may always inflate to MIN_BUDGET
#: (tiny files have unreliable ratios). A directory of millions of empty
#: entries is a bomb of another kind. The values are in plainlint.limits.
MAX_TOTAL = ZIP_UNPACKED_BYTES
MAX_RATIO = ZIP_RATIO
MIN_BUDGET = ZIP_MIN_BUDGET
MAX_MEMBERS = ZIP_MEMBERS

_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
#: What `sniff` may inflate from the head of a file.
_PEEK_BYTES = 64 * 1024
#: What zipfile and zlib raise on damaged or unsupported archives.
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
)


class SafeZip:
    """An archive opened from bytes whose members are read under one shared
    byte budget. `kind` names the format in messages ("not a valid DOCX")."""

    def __init__(self, data: bytes, kind: str = "zip archive", max_total: int = MAX_TOTAL):
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as error:
            raise InputError(f"not a valid {kind}: {_reason(error)}") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(
                f"{kind} has {len(infos):,} entries, over the {MAX_MEMBERS:,}-entry limit"
            )
        self.budget = min(max_total, max(MIN_BUDGET, MAX_RATIO * len(data)))
        declared = sum(info.file_size for info in infos)
        if declared > self.budget:
            raise self._too_big(declared)
        self._members = {info.filename: info for info in infos}
        self._inflated = 0

    def __contains__(self, name: str) -> bool:
        return name in self._members

    def names(self) -> list[str]:
        return list(self._members)

    def read(self, name: str) -> bytes:
        """The member's bytes, counted against the budget as they inflate."""
        info = self._members[name]
        if info.flag_bits & 0x1:
            raise InputError(f"{self.kind} is encrypted ({name} needs a password)")
        chunks = []
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    self._inflated += len(chunk)
                    if self._inflated > self.budget:
                        raise self._too_big(self._inflated)
                    chunks.append(chunk)
        except _ZIP_ERRORS as error:
            reason = _reason(error)
            raise InputError(f"not a valid {self.kind}: {name} is damaged ({reason})") from None
        return b"".join(chunks)

    def _too_big(self, size: int) -> InputError:
        return InputError(
            f"{self.kind} expands to over {size:,} bytes, past the {self.budget:,}-byte limit"
            " for its size (a possible zip bomb)"
        )


def local_entries(head: bytes) -> Iterator[tuple[str, bytes]]:
    """Names and (possibly truncated) contents of the entries that begin in
    `head`, the first bytes of a file. Content sniffing sees only a few KB,
    never the central directory at the end, so it reads the local headers."""
    position = 0
    while head.startswith(_LOCAL_SIGNATURE, position) and len(head) >= position + _LOCAL_HEADER.size:
        fields = _LOCAL_HEADER.unpack_from(head, position)
        flags, method, compressed = fields[2], fields[3], fields[7]
        name_start = position + _LOCAL_HEADER.size
        data_start = name_start + fields[9] + fields[10]  # + name and extra-field lengths
        encoding = "utf-8" if flags & 0x800 else "cp437"
        name = head[name_start : name_start + fields[9]].decode(encoding, "replace")
        data = head[data_start : data_start + compressed] if compressed else head[data_start:]
        yield name, _peek(data, method)
        if compressed:
            position = data_start + compressed
        else:  # sizes follow the data (a data descriptor): look for the next header
            position = head.find(_LOCAL_SIGNATURE, data_start)
            if position < 0:
                return


def _peek(data: bytes, method: int) -> bytes:
    """Inflate as much of a member's start as is there (bounded)."""
    if method == zipfile.ZIP_STORED:
        return data[:_PEEK_BYTES]
    if method != zipfile.ZIP_DEFLATED:
        return b""
    try:
        return zlib.decompressobj(-zlib.MAX_WBITS).decompress(data, _PEEK_BYTES)
    except zlib.error:
        return b""


def _reason(error: Exception) -> str:
    text = str(error).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else type(error).__name__
