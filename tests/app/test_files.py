"""Files as in other desktop apps: Open dialogs start in the folder last used, opening
another file over unsaved changes asks first, and each window has its own autosave, so
that two running copies never overwrite or delete each other's."""

import os
import subprocess
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from editor.app.appsettings import AppSettings
from editor.app.autosave import autosave_dir
from editor.app.window import MainWindow
from editor.samples import sample_photo, sample_video


def test_the_open_dialog_starts_in_the_last_folder(window, tmp_path, monkeypatch):
    photo = tmp_path / "shoot" / "day1.jpg"
    photo.parent.mkdir()
    photo.write_bytes(sample_photo().read_bytes())
    asked = []

    def dialog(parent, title, folder, filter_):
        asked.append(folder)
        return str(photo), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    window.files.open_dialog()
    assert window.project.source == photo.resolve()
    window.files.open_dialog()
    assert asked == ["", str(photo.parent)]
    reopened = AppSettings(QSettings(window.settings.q.fileName(), QSettings.IniFormat))
    window.settings.sync()
    assert reopened.last_folder("media") == str(photo.parent)


def test_opening_another_file_over_changes_asks_first(window, answer, tmp_path):
    assert window.open_media(sample_photo())
    window.push_state(window.state.with_value("adjust.contrast", 30), "edit")
    question = answer("Cancel")
    assert not window.open_media(sample_video())
    assert set(question.buttons) == {"Save", "Don't Save", "Cancel"}
    assert window.info.kind == "photo" and window.state.value("adjust.contrast") == 30

    question = answer("Don't Save")
    assert window.open_media(sample_video())
    assert question.text and window.info.kind == "video" and not window.isWindowModified()

    path = tmp_path / "p.moodgrade"
    assert window.save_project(path)
    window.push_state(window.state.with_value("adjust.contrast", 10), "edit")
    answer("Save")
    assert window.open_project(path)
    assert window.state.value("adjust.contrast") == 10


def test_two_windows_keep_their_own_autosaves(window, qtbot, tmp_path):
    other = MainWindow(AppSettings(QSettings(str(tmp_path / "other.ini"), QSettings.IniFormat)))
    qtbot.addWidget(other)
    assert window.open_media(sample_photo()) and other.open_media(sample_video())
    window.autosave()
    other.autosave()
    assert window.autosaver.path != other.autosaver.path
    assert window.autosaver.path.is_file() and other.autosaver.path.is_file()
    assert not window.recovery_available() and not other.recovery_available()

    other.close()
    assert window.autosaver.path.is_file() and not other.autosaver.path.exists()
    assert sorted(autosave_dir().glob("*.moodgrade")) == [window.autosaver.path]


def test_the_preferences_from_before_the_rename_are_carried_over(tmp_path):
    # In a process of its own: Qt fixes the settings folder the first time it is used.
    code = (
        "from PySide6.QtCore import QSettings\n"
        "old = QSettings('editor', 'editor'); old.setValue('folders/export', '/films'); old.sync()\n"
        "from editor.app.appsettings import AppSettings\n"
        "print(AppSettings().q.value('folders/export'), QSettings('moodgrade', 'moodgrade').fileName())\n"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["/films", str(tmp_path / "moodgrade" / "moodgrade.conf")]
