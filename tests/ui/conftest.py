"""What the tests of the dock share: running a panel's background work at once in the test's thread."""

import pytest
from qgis.core import QgsProcessingFeedback


def _sync_runner(description, function, on_done):
    try:
        result = function(QgsProcessingFeedback(False))
    except Exception as error:  # noqa: BLE001 - handed to the panel like FeedbackTask does
        on_done(None, error)
        return None
    on_done(result, None)
    return None


@pytest.fixture()
def sync_runner():
    """A runner (as start_task) that runs the work at once in the test's thread, reporting like FeedbackTask."""
    return _sync_runner
