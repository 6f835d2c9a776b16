"""The openai teacher's settings from the environment, under the new names and the old."""

from editor.teacher.openai import OpenAITeacher


def test_the_moodgrade_names_win_and_the_editor_names_still_work(monkeypatch):
    monkeypatch.setenv("EDITOR_TEACHER_URL", "http://old:1/v1/")
    monkeypatch.setenv("EDITOR_TEACHER_MODEL", "old-model")
    monkeypatch.setenv("EDITOR_TEACHER_KEY", "old-key")
    teacher = OpenAITeacher()
    assert (teacher.url, teacher.model, teacher.api_key) == ("http://old:1/v1", "old-model", "old-key")
    monkeypatch.setenv("MOODGRADE_TEACHER_URL", "http://new:1/v1")
    monkeypatch.setenv("MOODGRADE_TEACHER_MODEL", "new-model")
    monkeypatch.setenv("MOODGRADE_TEACHER_KEY", "new-key")
    teacher = OpenAITeacher()
    assert (teacher.url, teacher.model, teacher.api_key) == ("http://new:1/v1", "new-model", "new-key")
