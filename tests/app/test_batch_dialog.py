"""File › Apply Look to Files…: the current look onto many files in a background queue,
with progress, one line per file, a broken file passed, and cancel."""

from __future__ import annotations

import shutil

import numpy as np
from PIL import Image

from editor.samples import sample_photo, sample_video


def test_the_queue_grades_the_files_and_lists_the_broken_one(window, qtbot, tmp_path):
    assert window.open_media(sample_photo())
    window._on_value_edited("adjust.exposure", 40, None)
    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((30, 40, 3), 90, np.uint8)).save(grey)
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video at all")
    out = tmp_path / "out"
    out.mkdir()
    dialog = window.files.start_batch([grey, broken, sample_photo()], out)
    assert dialog.isVisible() and dialog.lines.count() == 3
    dialog.start_button.click()
    # The window stays usable while the queue runs.
    window._on_value_edited("adjust.contrast", 10, None)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    lines = [dialog.lines.item(i).text() for i in range(3)]
    assert lines[0] == "done: grey.png \u2192 grey.png"
    assert lines[1].startswith("failed: broken.mp4: ") and "broken.mp4" in lines[1][20:]
    assert lines[2].startswith("done: ")
    assert "Graded 2 of 3 file(s); 1 failed" in dialog.current.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert sorted(p.name for p in out.iterdir()) == sorted(["grey.png", sample_photo().name.lower()])
    # The look at the time of Apply: exposure only, not the later contrast.
    assert np.asarray(Image.open(out / "grey.png")).mean() > 100
    assert dialog.cancel_button.text() == "Close"
    assert "Graded 2 of 3" in window.statusBar().currentMessage()


def test_an_existing_file_is_kept_unless_replace_is_ticked(window, qtbot, tmp_path):
    assert window.open_media(sample_photo())
    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((30, 40, 3), 90, np.uint8)).save(grey)
    out = tmp_path / "out"
    out.mkdir()
    (out / "grey.png").write_bytes(b"the user's file")
    dialog = window.files.start_batch([grey], out)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert "tick Replace files that exist" in dialog.lines.item(0).text()
    assert (out / "grey.png").read_bytes() == b"the user's file"
    dialog.close()
    dialog = window.files.start_batch([grey], out)
    dialog.overwrite.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    assert dialog.report.written and (out / "grey.png").read_bytes() != b"the user's file"


def test_cancel_stops_the_queue_and_leaves_no_partial_file(window, qtbot, tmp_path):
    assert window.open_media(sample_photo())
    window._on_value_edited("adjust.exposure", 40, None)
    clips = []
    for n in range(3):
        clips.append(tmp_path / f"clip{n}.mp4")
        shutil.copyfile(sample_video(), clips[-1])
    out = tmp_path / "out"
    out.mkdir()
    dialog = window.files.start_batch(clips, out)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.current.text().startswith("Cancelled"), timeout=5_000)
    assert dialog.report is None
    assert any(dialog.lines.item(i).text().startswith("cancelled: ") for i in range(3))
    assert all(p.suffix == ".mp4" and not p.name.startswith(".") for p in out.iterdir())
    assert len(list(out.iterdir())) < 3
