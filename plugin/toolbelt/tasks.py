"""Background work for the dock: a QgsTask that runs a function with a QgsProcessingFeedback.

The same source code serves Processing (which passes its own feedback) and the dock (which runs it
here): the function takes a feedback, reports progress and messages on it and checks `isCanceled()`.
Work made of steps reports through QGIS's QgsProcessingMultiStepFeedback (`steps_feedback`). What the
work says it is doing (`setProgressText`: "data.example.fr: 3.2 MB", the transport's words) reaches the
panel through the task's feedback's `textChanged` signal, at most a few times a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProcessingMultiStepFeedback, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .errors import Cancelled
from .gdal_errors import gdal_exceptions
from .logger import log

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable


class TextFeedback(QgsProcessingFeedback):
    """The task's feedback: what the work says it is doing (`setProgressText`, `pushInfo`, from whichever thread)
    is also emitted as `textChanged`, so that the dock shows it beside the progress bar (queued to the main thread
    by Qt when the receiver lives there). QGIS 3.22's own feedback drops the progress text."""

    textChanged = pyqtSignal(str)  # noqa: N815 - Qt's naming

    def setProgressText(self, text: str) -> None:  # noqa: N802
        super().setProgressText(text)
        self.textChanged.emit(text)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        super().pushInfo(info)
        self.textChanged.emit(info.strip())


class FeedbackTask(QgsTask):
    """Runs `function(feedback)` in a worker thread; `on_done(result, error)` runs in the main thread.

    `error` is the exception raised by the function (None on success); a cancelled task, or a function
    that raised Cancelled, reports `error=None, result=None` with `task.cancelled` True.
    """

    def __init__(self, description: str, function, on_done=None):
        super().__init__(description, QgsTask.CanCancel)
        self.function = function
        self.on_done = on_done
        # Not logged to QGIS's Processing log: the dock shows what matters itself.
        self.feedback = TextFeedback(False)
        self.feedback.progressChanged.connect(self.setProgress)
        self.result = None
        self.error = None
        self.cancelled = False

    def run(self) -> bool:
        try:
            with gdal_exceptions():
                self.result = self.function(self.feedback)
        except Cancelled:
            self.cancelled = True
            return False
        except Exception as error:  # noqa: BLE001 - reported to the user in finished()
            self.error = error
            return False
        return not self.feedback.isCanceled()

    def cancel(self) -> None:
        self.cancelled = True
        self.feedback.cancel()
        super().cancel()

    def finished(self, ok: bool) -> None:
        if self.error is not None and not self.cancelled:
            log(f"{self.description()}: {self.error}", "critical")
        if self.on_done is not None:
            self.on_done(self.result if ok else None, None if self.cancelled else self.error)


_running = set()  # the tasks start_task started, alive until they end: a caller need not hold on to them


def start_task(description: str, function: Callable, on_done: Callable | None = None) -> FeedbackTask:
    task = FeedbackTask(description, function, on_done)
    # Without a Python reference, the task's Python half (run, finished) would go while QGIS still runs it.
    _running.add(task)
    task.taskCompleted.connect(lambda: _running.discard(task))
    task.taskTerminated.connect(lambda: _running.discard(task))
    QgsApplication.taskManager().addTask(task)
    return task


def steps_feedback(feedback: QgsProcessingFeedback, count: int) -> QgsProcessingMultiStepFeedback:
    """QGIS's multi-step feedback over `feedback` (None gives None): after `setCurrentStep(i)`, a step's
    0-100 progress fills its share of the whole; messages go to `feedback`, and cancelling it cancels
    the steps. QGIS 3.22 passes on a cancel that comes later only: a parent cancelled already is said
    here."""
    if feedback is None:
        return None
    steps = QgsProcessingMultiStepFeedback(count, feedback)
    if feedback.isCanceled():
        steps.cancel()
    return steps
