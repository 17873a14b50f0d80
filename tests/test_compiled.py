"""Data built once per version and read back from the cache folder."""

from __future__ import annotations

from plainlint.compiled import compiled


def test_built_once_per_version_and_rebuilt_when_damaged(own_cache):
    builds = []

    def build():
        builds.append(1)
        return {"word": "W ER1 D"}

    assert compiled("words", "1.0", build) == {"word": "W ER1 D"}
    assert compiled("words", "1.0", build) == {"word": "W ER1 D"}
    assert len(builds) == 1
    compiled("words", "2.0", build)
    assert len(builds) == 2
    for stored in (own_cache / "compiled").glob("words-*.marshal"):
        stored.write_bytes(b"\x00garbage")
    assert compiled("words", "1.0", build) == {"word": "W ER1 D"} and len(builds) == 3


def test_a_folder_that_cannot_be_written_still_gives_the_data(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("PLAINLINT_CACHE_DIR", str(blocker))
    assert compiled("words", "1.0", lambda: {"a": "AH0"}) == {"a": "AH0"}
