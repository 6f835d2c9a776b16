"""Snapshots: keep states of the grade while trying things, and compare any two (A/B).

Take Snapshot keeps the whole edit state (AI look, the sliders set by hand, strength) of
the clip in this window, as Lightroom's snapshots and Resolve's stills do. Compare shows
snapshot A on the picture, and the A/B button (or Ctrl+Shift+B) flips to B and back;
the project itself does not change until Restore makes a snapshot the current state
(one undo step). Any edit ends the comparison, so the picture never shows a state the
sliders do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.project import EditState

from .actions import add_action

TAB_TITLE = "Snapshots"


@dataclass(frozen=True)
class Snapshot:
    name: str
    state: EditState


class SnapshotsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setToolTip("States of the grade you kept; pick one to restore or delete it")
        self.take_button = QPushButton("Take Snapshot")
        self.take_button.setToolTip("Keep the grade as it is now, to come back to or compare (Ctrl+Shift+N)")
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Make the selected snapshot the current grade (Ctrl+Z undoes it)")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Forget the selected snapshot")
        self.a_box, self.b_box = QComboBox(), QComboBox()
        self.a_box.setToolTip("The snapshot shown as A")
        self.b_box.setToolTip("The snapshot shown as B")
        self.compare_button = QPushButton("Compare")
        self.compare_button.setCheckable(True)
        self.compare_button.setToolTip("Show snapshot A on the picture instead of the current grade")
        self.flip_button = QPushButton("A / B")
        self.flip_button.setToolTip("Flip the picture between snapshot A and snapshot B (Ctrl+Shift+B)")
        self.showing = QLabel("")
        grid = QGridLayout()
        grid.addWidget(QLabel("A"), 0, 0)
        grid.addWidget(self.a_box, 0, 1)
        grid.addWidget(QLabel("B"), 1, 0)
        grid.addWidget(self.b_box, 1, 1)
        grid.addWidget(self.compare_button, 2, 0, 1, 2)
        grid.addWidget(self.flip_button, 3, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.take_button)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.delete_button)
        layout.addLayout(grid)
        layout.addWidget(self.showing)

    def show_snapshots(self, snapshots: list[Snapshot]) -> None:
        """List ``snapshots``; A and B stay where they were unless the list grew, when they
        become the last two (the comparison one wants right after taking a snapshot)."""
        grew = len(snapshots) > self.list.count()
        a, b = self.a_box.currentIndex(), self.b_box.currentIndex()
        if grew or not (0 <= a < len(snapshots) and 0 <= b < len(snapshots)):
            a, b = max(0, len(snapshots) - 2), len(snapshots) - 1
        self.list.clear()
        self.list.addItems([s.name for s in snapshots])
        for box, index in ((self.a_box, a), (self.b_box, b)):
            box.blockSignals(True)
            box.clear()
            box.addItems([s.name for s in snapshots])
            box.setCurrentIndex(index)
            box.blockSignals(False)
        if snapshots:
            self.list.setCurrentRow(len(snapshots) - 1)
        has, pair = bool(snapshots), len(snapshots) >= 2
        self.restore_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.compare_button.setEnabled(has)
        self.flip_button.setEnabled(pair)


class Snapshots:
    """The snapshots of the window's clip, their tab and their menu entries."""

    def __init__(self, window, menu: QMenu) -> None:
        self.window = window
        self.snapshots: list[Snapshot] = []
        self._taken = 0
        self.panel = SnapshotsPanel()
        tabs = window.tools.tabs
        tabs.addTab(self.panel, TAB_TITLE)
        tabs.setTabToolTip(tabs.count() - 1, "Keep states of the grade and compare two of them (A/B)")
        #: "A" or "B" while a snapshot is on the picture instead of the current grade.
        self.showing: str | None = None
        menu.addSeparator()
        add_action(menu, "Take S&napshot", self.take, "Ctrl+Shift+N")
        add_action(menu, "Flip Snapshots &A/B", self.flip, "Ctrl+Shift+B")
        panel = self.panel
        panel.take_button.clicked.connect(self.take)
        panel.restore_button.clicked.connect(lambda: self.restore(panel.list.currentRow()))
        panel.delete_button.clicked.connect(lambda: self.delete(panel.list.currentRow()))
        panel.compare_button.toggled.connect(lambda on: self.compare("A") if on else self.stop())
        panel.flip_button.clicked.connect(self.flip)
        panel.a_box.currentIndexChanged.connect(lambda _i: self.showing and self.compare(self.showing))
        panel.b_box.currentIndexChanged.connect(lambda _i: self.showing and self.compare(self.showing))
        panel.show_snapshots([])

    def take(self) -> Snapshot | None:
        if self.window.project is None:
            self.window.show_error("Open a video or photo to take snapshots of its grade.")
            return None
        # Numbered in the order taken, so that a name never comes back after a delete.
        self._taken += 1
        snapshot = Snapshot(f"Snapshot {self._taken}", self.window.state)
        self.snapshots.append(snapshot)
        self.panel.show_snapshots(self.snapshots)
        self.window.show_status(f"Took {snapshot.name}.")
        return snapshot

    def restore(self, index: int) -> bool:
        if not 0 <= index < len(self.snapshots):
            return False
        snapshot = self.snapshots[index]
        self.stop()
        self.window.push_state(snapshot.state, f"Restore {snapshot.name}")
        self.window.show_status(f"Restored {snapshot.name}.")
        return True

    def delete(self, index: int) -> bool:
        if not 0 <= index < len(self.snapshots):
            return False
        self.stop()
        del self.snapshots[index]
        self.panel.show_snapshots(self.snapshots)
        return True

    def _chosen(self, which: str) -> Snapshot | None:
        box = self.panel.a_box if which == "A" else self.panel.b_box
        index = box.currentIndex()
        return self.snapshots[index] if 0 <= index < len(self.snapshots) else None

    def compare(self, which: str = "A") -> bool:
        """Show snapshot A or B on the picture; the project's state stays as it is."""
        snapshot = self._chosen(which)
        if snapshot is None:
            return False
        self.showing = which
        self.window.preview.set_look(self.window.luts.shown(snapshot.state.look()))
        self.panel.showing.setText(f"Showing {which}: {snapshot.name}")
        self._check(True)
        return True

    def flip(self) -> bool:
        if len(self.snapshots) < 2:
            return False
        return self.compare("B" if self.showing == "A" else "A")

    def stop(self) -> None:
        """Back to the current grade on the picture."""
        if self.showing is None:
            return
        self.showing = None
        self.panel.showing.setText("")
        self._check(False)
        self.window.refresh_look()

    def state_changed(self) -> None:
        """An edit: the picture shows the current grade again."""
        if self.showing is not None:
            self.showing = None
            self.panel.showing.setText("")
            self._check(False)

    def clear(self) -> None:
        """Another clip is open: its grade has no snapshots yet."""
        self.state_changed()
        self.snapshots.clear()
        self._taken = 0
        self.panel.show_snapshots([])

    def _check(self, on: bool) -> None:
        button = self.panel.compare_button
        blocked = button.blockSignals(True)
        button.setChecked(on)
        button.blockSignals(blocked)
