"""Steps of a job report through QGIS's QgsProcessingMultiStepFeedback: progress shares, messages, cancel."""

from open_territory.plugin.toolbelt.tasks import FeedbackTask, steps_feedback
from qgis.core import QgsProcessingFeedback


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__(False)
        self.messages, self.progress = [], []
        self.progressChanged.connect(self.progress.append)

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(("info", info))

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(("warning", warning))


def test_each_step_fills_its_share_and_messages_reach_the_job():
    job = Recorder()
    steps = steps_feedback(job, 4)
    steps.setCurrentStep(2)
    steps.setProgress(50)
    assert job.progress[-1] == 62.5
    steps.pushInfo("downloading")
    steps.pushWarning("large download")
    assert job.messages == [("info", "downloading"), ("warning", "large download")]


def test_cancelling_the_job_cancels_the_steps_made_before_and_after():
    job = QgsProcessingFeedback(False)
    before = steps_feedback(job, 2)
    assert not before.isCanceled()
    job.cancel()
    assert before.isCanceled()
    assert steps_feedback(job, 2).isCanceled()  # QGIS 3.22 alone would not say it
    assert steps_feedback(None, 2) is None


def test_the_dock_tasks_feedback_takes_steps():
    task = FeedbackTask("steps", lambda feedback: None)
    assert isinstance(task.feedback, QgsProcessingFeedback)
    steps = steps_feedback(task.feedback, 2)
    steps.setCurrentStep(1)
    assert task.feedback.progress() == 50


def test_what_the_work_says_reaches_the_dock_as_text(qgis_app):
    """The task's feedback emits the work's progress text and messages (through QGIS's multi-step feedback too),
    which the dock shows beside its progress bar."""
    from open_territory.plugin.toolbelt.tasks import TextFeedback, steps_feedback

    feedback = TextFeedback(False)
    said = []
    feedback.textChanged.connect(said.append)
    steps = steps_feedback(feedback, 2)
    steps.setCurrentStep(1)
    steps.setProgressText("Asking the portal…")
    steps.pushInfo("  bus_stop: 12 features\n")
    assert said == ["Asking the portal…", "bus_stop: 12 features"]
