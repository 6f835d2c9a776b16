"""The export dialog: quality in plain words (the encoder's number only in the tooltip),
and the usual question before an existing file is replaced."""

from PIL import Image
from PySide6.QtWidgets import QLabel, QPushButton

from editor.app import export_dialog
from editor.export import ExportSettings
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
