"""The status-bar strip of a running job: what it does, a progress bar and a 取消 button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.worker import JobRunner, TaskState


class JobBar(QWidget):
    """Shows the most recent running job of ``runner``; hidden when nothing runs."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.state: TaskState | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setFixedWidth(200)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止当前任务"))
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)
        runner.started.connect(self.track)

    def track(self, state: TaskState) -> None:
        self.state = state
        self.label.setText(state.title)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        state.progress.connect(lambda f, s=state: self._progress(s, f))
        state.status.connect(lambda text, s=state: self._status(s, text))
        state.done.connect(lambda s=state: self._done(s))
        self.setVisible(True)

    def _progress(self, state: TaskState, fraction: float) -> None:
        if state is self.state:
            self.bar.setValue(int(fraction * 1000))

    def _status(self, state: TaskState, text: str) -> None:
        if state is self.state:
            self.label.setText(f"{state.title}：{text}")

    def _done(self, state: TaskState) -> None:
        if state is not self.state:
            return
        others = self.runner.running()
        if others:
            self.track(others[-1])
        else:
            self.state = None
            self.setVisible(False)

    def cancel(self) -> None:
        if self.state is not None:
            self.state.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(f"{self.state.title}：正在取消…")
