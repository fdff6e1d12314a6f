"""Jobs in worker threads: bounded, two per host, results handed back in the jobs' order, messages and
progress passed on in the caller's thread, a cancel reaching every job."""

import threading
import time

import pytest
from open_territory.plugin.toolbelt.errors import Cancelled
from open_territory.plugin.toolbelt.parallel import Job, run_in_order
from qgis.core import QgsProcessingFeedback


class Recording(QgsProcessingFeedback):
    def __init__(self):
        super().__init__(False)
        self.infos, self.texts, self.threads = [], [], set()

    def pushInfo(self, text):  # noqa: N802 - QGIS's names
        self.infos.append(text)
        self.threads.add(threading.get_ident())

    def setProgressText(self, text):  # noqa: N802
        self.texts.append(text)


class Counter:
    """How many jobs run at once, in all and per host."""

    def __init__(self):
        self.lock = threading.Lock()
        self.now, self.most, self.by_host, self.most_by_host = 0, 0, {}, {}

    def job(self, label, host, seconds, fail=False):
        def run(feedback):
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
                self.by_host[host] = self.by_host.get(host, 0) + 1
                self.most_by_host[host] = max(self.most_by_host.get(host, 0), self.by_host[host])
            feedback.pushInfo(f"{label} starts")
            feedback.setProgressText(f"{host}: working")
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not feedback.isCanceled():
                time.sleep(0.01)
            with self.lock:
                self.now -= 1
                self.by_host[host] -= 1
            if feedback.isCanceled():
                raise Cancelled()
            if fail:
                raise ValueError(f"{label} broke")
            return label

        return Job(label, host, run)


def test_results_in_order_bounded_and_two_per_host():
    counter = Counter()
    hosts = ["a", "a", "a", "a", "b", "c", "d", "e"]
    durations = [0.3, 0.1, 0.2, 0.05, 0.3, 0.1, 0.2, 0.05]
    jobs = [
        counter.job(f"job{i}", host, seconds, fail=i == 5) for i, (host, seconds) in enumerate(zip(hosts, durations))
    ]
    feedback = Recording()
    start = time.monotonic()
    seen = list(run_in_order(jobs, feedback, workers=4, per_host=2))
    assert [index for index, _result, _error in seen] == list(range(8))
    assert [result for _index, result, _error in seen] == [None if i == 5 else f"job{i}" for i in range(8)]
    assert isinstance(seen[5][2], ValueError)
    assert counter.most == 4 and counter.most_by_host["a"] == 2
    assert time.monotonic() - start < sum(durations)  # in parallel
    assert sorted(feedback.infos) == sorted(f"job{i} starts" for i in range(8))
    assert feedback.threads == {threading.get_ident()}  # passed on in the caller's thread
    assert feedback.texts[-1] == "Sources fetched: 8 of 8" and feedback.progress() == 100


def test_a_cancel_reaches_every_running_job_and_raises():
    counter = Counter()
    jobs = [counter.job(f"job{i}", f"host{i}", 30) for i in range(6)]
    feedback = QgsProcessingFeedback(False)
    threading.Timer(0.3, feedback.cancel).start()
    start = time.monotonic()
    with pytest.raises(Cancelled):
        list(run_in_order(jobs, feedback))
    assert time.monotonic() - start < 1.5
    assert counter.now == 0 and counter.most == 4  # the four running were stopped, the other two never began
