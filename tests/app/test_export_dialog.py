"""The export dialog: quality in plain words (the encoder's number only in the tooltip),
and the usual question before an existing file is replaced."""

import re
from dataclasses import replace

from PIL import Image
from PySide6.QtWidgets import QLabel, QPushButton

from editor.app import export_dialog
from editor.export import ExportResult, ExportSettings
from editor.samples import sample_photo, sample_video


def _dialog(window, media):
    assert window.open_media(media)
    dialog = window.open_export_dialog()
    dialog.open_folder.setChecked(False)
    return dialog


def test_video_quality_is_in_plain_words_with_the_crf_in_the_tooltip(window):
    dialog = _dialog(window, sample_video())
    words = [dialog.quality.itemText(i) for i in range(dialog.quality.count())]
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert words[0].startswith("Best") and not any("CRF" in text for text in words + labels)
    assert dialog.export_settings().crf == ExportSettings.crf
    assert f"CRF {ExportSettings.crf}" in dialog.quality.toolTip()
    dialog.quality.setCurrentIndex(0)
    assert dialog.export_settings().crf < ExportSettings.crf
    assert f"CRF {dialog.export_settings().crf}" in dialog.quality.toolTip()
    dialog.reject()


def test_photo_quality_levels_are_jpeg_qualities(window):
    dialog = _dialog(window, sample_photo())
    assert dialog.export_settings().photo_quality == ExportSettings.photo_quality
    dialog.quality.setCurrentIndex(dialog.quality.count() - 1)
    assert dialog.export_settings().photo_quality < ExportSettings.photo_quality
    assert f"JPEG quality {dialog.export_settings().photo_quality}" in dialog.quality.toolTip()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".png"))
    assert not dialog.quality.isEnabled()
    dialog.reject()


def test_typing_an_existing_name_asks_before_replacing_it(window, qtbot, answer, tmp_path):
    existing = tmp_path / "graded.jpg"
    existing.write_bytes(b"the user's earlier export")
    dialog = _dialog(window, sample_photo())
    dialog.target.setText(str(existing))

    question = answer("Cancel")
    dialog.export_button.click()
    assert question.text == "\u201cgraded.jpg\u201d already exists. Do you want to replace it?"
    assert set(question.buttons) == {"Replace", "Cancel"}
    assert dialog.job is None and "Not exported" in dialog.status.text()
    assert existing.read_bytes() == b"the user's earlier export"

    question = answer("Replace")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert question.text
    with Image.open(existing) as image:
        assert image.format == "JPEG"


def test_a_name_chosen_with_browse_is_not_asked_about_twice(window, qtbot, answer, tmp_path, monkeypatch):
    existing = tmp_path / "graded.jpg"
    existing.write_bytes(b"old")
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", lambda *args: (str(existing), ""))
    dialog = _dialog(window, sample_photo())
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("Browse"))
    browse.click()
    assert dialog.target.text() == str(existing)
    question = answer("Cancel")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert question.text == "" and existing.read_bytes() != b"old"


def test_a_file_is_replaced_only_when_the_user_agreed(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "graded.jpg"
    start = export_dialog.ExportJob.start

    def appear_first(job):
        target.write_bytes(b"written meanwhile by another program")
        start(job)

    monkeypatch.setattr(export_dialog.ExportJob, "start", appear_first)
    dialog = _dialog(window, sample_photo())
    dialog.target.setText(str(target))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "already exists" in dialog.status.text(), timeout=60_000)
    assert not dialog.job.overwrite and target.read_bytes() == b"written meanwhile by another program"


def test_video_speed_is_in_words_balanced_by_default_on_the_best_encoder_here(window):
    dialog = _dialog(window, sample_video())
    words = [dialog.speed_box.itemText(i) for i in range(dialog.speed_box.count())]
    assert [w.split()[0] for w in words] == ["Fast", "Balanced", "Best"]
    settings = dialog.export_settings()
    assert (settings.preset, settings.encoder) == (ExportSettings.preset, "auto")
    dialog.speed_box.setCurrentIndex(0)
    assert dialog.export_settings().preset == "veryfast"
    dialog.speed_box.setCurrentIndex(2)
    assert dialog.export_settings().preset == "slow"
    dialog.reject()


def test_the_finish_message_gives_the_size_and_the_time(tmp_path):
    result = ExportResult(tmp_path / "clip.mp4", "video", 1920, 1080, 150, 5.0, "copied", 12.34,
                          encoder="libx264", size_bytes=8_765_432)
    assert export_dialog.finish_message(result) == f"Exported {tmp_path / 'clip.mp4'}: 8.8 MB in 12.3 s."
    on_gpu = replace(result, encoder="h264_nvenc")
    assert export_dialog.finish_message(on_gpu).endswith("in 12.3 s, on the graphics hardware (NVENC).")


def test_a_finished_export_says_its_size_and_time_on_the_status_line(window, qtbot, tmp_path):
    dialog = _dialog(window, sample_photo())
    dialog.target.setText(str(tmp_path / "graded.jpg"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        dialog.export_button.click()
    message = export_dialog.finish_message(done.args[0])
    target = re.escape(str(tmp_path / "graded.jpg"))
    assert re.fullmatch(rf"Exported {target}: \d+\.\d KB in \d+\.\d s\.", message), message
    assert window.statusBar().currentMessage() == message
