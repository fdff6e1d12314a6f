"""Run network jobs in parallel: a few at once, at most two per server, each with a feedback of its own.

The transport blocks its thread with a local event loop, so parallel fetching means threads: each job (a
source's fetch, say) runs in a worker thread, where QGIS gives it a network manager and an event loop of
its own. The caller's thread stays the conductor: it starts the jobs (bounded, `workers` at once, no more
than `per_host` on one server, the others taking the free places), forwards what the jobs report to the
caller's feedback (progress, one progress text naming what each running job is doing, messages in the
order they came), passes a cancel on to every job at once, and hands the results back in the jobs' order
(`run_in_order` yields job 0's result first, as soon as it is there, then job 1's...), so that what the
caller writes with them is written one at a time, in a fixed order.

Cancel: the caller's feedback cancels each job's feedback directly (a Qt direct connection, no event loop
needed); a job's transport notices within its tick (50 ms). The generator then raises Cancelled.
"""

from __future__ import annotations

import queue
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qgis.core import QgsProcessingFeedback
from qgis.PyQt.QtCore import QCoreApplication, Qt, QThread

from .errors import Cancelled
from .i18n import tr
from .redaction import redact_text

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable, Iterator

    from qgis.core import QgsFeedback

WORKERS = 4
PER_HOST = 2  # the transport's own limit too (host_slots.py): here it keeps the free places for other hosts
TICK_SECONDS = 0.1
INFO, WARNING = "info", "warning"


class JobFeedback(QgsProcessingFeedback):
    """What one job reports into: its progress (read by the conductor), its last progress text, and its
    messages, queued for the conductor's thread to pass on (the caller's feedback belongs to that thread)."""

    def __init__(self, label: str):
        super().__init__(False)
        self.label = label
        self.text = ""
        self.messages = queue.SimpleQueue()

    def setProgressText(self, text: str) -> None:  # noqa: N802 - QGIS's name
        self.text = text

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.messages.put((INFO, info))

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.messages.put((WARNING, warning))

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.messages.put((WARNING, error))

    def pushCommandInfo(self, info: str) -> None:  # noqa: N802
        self.messages.put((INFO, info))

    pushDebugInfo = pushConsoleInfo = pushCommandInfo  # noqa: N815


@dataclass
class Job:
    label: str  # what the user reads for it ("parkings")
    host: str  # the server it mostly talks to (host[:port]), for the per-host limit
    run: Callable[[JobFeedback], object]


class Conductor:
    """The jobs under way, from the caller's thread (see the module's docstring)."""

    def __init__(self, jobs: list, feedback: QgsFeedback | None, workers: int, per_host: int, share: tuple):
        self.jobs = jobs
        self.feedback = feedback
        self.workers = max(1, workers)
        self.per_host = max(1, per_host)
        self.share = share  # (start, end) of the caller's progress bar that the jobs fill
        self.children = [JobFeedback(job.label) for job in jobs]
        self.pending = list(range(len(jobs)))
        self.running = {}  # Future -> index
        self.done = {}  # index -> (result, error), until handed back
        self.ended = set()
        self.text = ""
        if feedback is not None:
            for child in self.children:
                feedback.canceled.connect(child.cancel, Qt.DirectConnection)
                if feedback.isCanceled():
                    child.cancel()

    def cancelled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def start_jobs(self, pool: ThreadPoolExecutor) -> None:
        """Start pending jobs while places are free, skipping those whose host already has its share."""
        while self.pending and len(self.running) < self.workers and not self.cancelled():
            busy = [self.jobs[index].host for index in self.running.values()]
            ready = [index for index in self.pending if busy.count(self.jobs[index].host) < self.per_host]
            if not ready:
                return
            index = ready[0]
            self.pending.remove(index)
            self.running[pool.submit(self.jobs[index].run, self.children[index])] = index

    def collect(self) -> None:
        """Wait a tick for a job to end; record the ended ones."""
        if not self.running:
            return
        if QThread.currentThread() == QCoreApplication.instance().thread():
            # The conductor is QGIS's main thread (qgis_process, a test): keep its events flowing, for the
            # workers' network managers that hand some signals to the main one.
            QCoreApplication.processEvents()
        ended, _ = wait(list(self.running), timeout=TICK_SECONDS, return_when=FIRST_COMPLETED)
        for future in ended:
            index = self.running.pop(future)
            self.done[index] = outcome(future)
            self.ended.add(index)

    def report(self) -> None:
        """Pass the jobs' messages, progress and texts on to the caller's feedback."""
        if self.feedback is None:
            return
        for child in self.children:
            while not child.messages.empty():
                kind, text = child.messages.get()
                (self.feedback.pushWarning if kind == WARNING else self.feedback.pushInfo)(redact_text(text))
        count = len(self.jobs)
        filled = sum(100.0 if index in self.ended else self.children[index].progress() for index in range(count))
        start, end = self.share
        self.feedback.setProgress(start + (end - start) * filled / (100.0 * max(1, count)))
        text = self.progress_text()
        if text != self.text:
            self.text = text
            setter = getattr(self.feedback, "setProgressText", None)
            if setter is not None:
                setter(text)

    def progress_text(self) -> str:
        done = tr("Sources fetched: {done} of {count}").format(done=len(self.ended), count=len(self.jobs))
        running = [
            f"{self.children[index].label} — {self.children[index].text or self.jobs[index].host}"
            for index in sorted(self.running.values())
        ]
        return "\n".join([done, *running])  # one line per running fetch

    def stop(self) -> None:
        """Cancel whatever still runs (the caller stopped early: its own error, a cancel)."""
        for child in self.children:
            child.cancel()
        if self.feedback is not None:
            for child in self.children:
                try:
                    self.feedback.canceled.disconnect(child.cancel)
                except TypeError:  # already gone
                    pass


def outcome(future: Future) -> tuple:
    """(result, None) or (None, the exception) of an ended job."""
    error = future.exception()
    return (None, error) if error is not None else (future.result(), None)


def run_in_order(
    jobs: list,
    feedback: QgsFeedback | None = None,
    workers: int = WORKERS,
    per_host: int = PER_HOST,
    share: tuple = (0.0, 100.0),
) -> Iterator[tuple]:
    """Run `jobs` (Job) in worker threads and yield (index, result, error) in the jobs' order, each as soon
    as it and the ones before it have ended: `error` is the exception a job raised (None on success). The
    jobs fill `share` of the feedback's progress bar. Raises Cancelled when the feedback is cancelled (the
    jobs under way are cancelled and waited for first)."""
    conductor = Conductor(jobs, feedback, workers, per_host, share)
    pool = ThreadPoolExecutor(max_workers=conductor.workers, thread_name_prefix="open-territory-fetch")
    try:
        following = 0
        while following < len(jobs):
            conductor.start_jobs(pool)
            conductor.collect()
            conductor.report()
            if conductor.cancelled() and not conductor.running:
                raise Cancelled()
            while following in conductor.done:
                result, error = conductor.done.pop(following)
                yield following, result, error
                following += 1
    finally:
        conductor.stop()
        pool.shutdown(wait=True)
