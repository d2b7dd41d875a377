"""backend.work_cache: entries found whole, damaged ones made again, killed builds leave nothing."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from backend import work_cache
from backend.errors import UserError


def build_text(text):
    def build(folder):
        (folder / "result.txt").write_text(text)
        (folder / "result.txt.aux.xml").write_text("<PAMDataset/>")
    return build


def test_an_entry_is_made_once_and_found_again(tmp_path):
    work = work_cache.WorkFolder(tmp_path / "work")
    key = work_cache.entry_key({"input": "a", "model": "0" * 64})
    made = []

    def build(folder):
        made.append(folder)
        build_text("map")(folder)

    entry = work.make(key, {"input": "a"}, build)
    assert work.make(key, {"input": "a"}, build) == entry and len(made) == 1
    assert (entry / "result.txt").read_text() == "map" and (entry / work_cache.MANIFEST).is_file()
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == [key]  # nothing else left


def test_keys_differ_with_any_part_and_not_with_order():
    scene = [["/a", 1, 2]]
    a = work_cache.entry_key({"input": scene, "model": "x", "settings": {"stride": 40, "mask": "cloud"}})
    b = work_cache.entry_key({"settings": {"mask": "cloud", "stride": 40}, "model": "x", "input": scene})
    c = work_cache.entry_key({"input": scene, "model": "x", "settings": {"stride": 20, "mask": "cloud"}})
    assert a == b != c


@pytest.mark.parametrize("damage", ["flip", "truncate", "remove", "manifest"])
def test_a_damaged_entry_is_made_again(tmp_path, damage):
    work = work_cache.WorkFolder(tmp_path)
    key = work_cache.entry_key({"n": 1})
    entry = work.make(key, {"n": 1}, build_text("the map"))
    result = entry / "result.txt"
    stat = result.stat()
    if damage == "flip":
        result.write_text("THE map")
        os.utime(result, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time: only the bytes tell
    elif damage == "truncate":
        result.write_text("the")
    elif damage == "remove":
        result.unlink()
    else:
        (entry / work_cache.MANIFEST).write_text("{not json")
    assert work.find(key) is None and not entry.exists()
    entry = work.make(key, {"n": 1}, build_text("the map"))
    assert (entry / "result.txt").read_text() == "the map"


def test_a_failed_build_leaves_nothing(tmp_path):
    work = work_cache.WorkFolder(tmp_path)

    def build(folder):
        (folder / "half.tif").write_bytes(b"II*")
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        work.make("k", {}, build)
    assert list(tmp_path.iterdir()) == []


def test_a_killed_build_leaves_no_entry_and_its_leftovers_are_cleared(tmp_path):
    script = textwrap.dedent(f"""
        import os, signal
        from backend import work_cache
        def build(folder):
            (folder / "half.tif").write_bytes(b"II*")
            os.kill(os.getpid(), signal.SIGKILL)
        work_cache.WorkFolder({str(tmp_path)!r}).make("k", {{}}, build)
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=os.getcwd(), capture_output=True)
    assert result.returncode == -9
    work = work_cache.WorkFolder(tmp_path)
    assert work.find("k") is None  # only a temporary folder of a dead process is there
    entry = work.make("k", {}, build_text("whole"))
    assert [p.name for p in tmp_path.iterdir()] == ["k"] and (entry / "result.txt").read_text() == "whole"


def test_file_identity_changes_with_the_file_and_refuses_a_missing_one(tmp_path):
    path = tmp_path / "scene.tif"
    path.write_bytes(b"1234")
    first = work_cache.file_identity([path, str(path)])
    assert len(first) == 1 and first[0][1] == 4
    path.write_bytes(b"12345")
    assert work_cache.file_identity([path]) != first
    with pytest.raises(UserError, match="still there"):
        work_cache.file_identity([tmp_path / "gone.tif"])


def test_a_work_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "work").write_text("")
    with pytest.raises(UserError, match="is a file"):
        work_cache.WorkFolder(tmp_path / "work")


@pytest.mark.parametrize("stranger", ["file", "link"])
def test_a_stranger_at_an_entry_s_name_is_replaced_not_a_dead_end(tmp_path, stranger):
    work = work_cache.WorkFolder(tmp_path / "work")
    key = work_cache.entry_key({"n": 1})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the work folder's")
    if stranger == "file":
        work.path(key).write_text("junk")
    else:
        work.path(key).symlink_to(elsewhere, target_is_directory=True)

    def build(folder):
        (folder / "result.txt").write_text("the map")
    entry = work.make(key, {"n": 1}, build)
    assert entry.is_dir() and not entry.is_symlink() and (entry / "result.txt").read_text() == "the map"
    assert work.find(key) == entry
    assert (elsewhere / "keep.txt").read_text() == "not the work folder's"  # a link is removed, not followed
