"""One download's clocks: when the transport stops it, and what the user reads meanwhile."""

from open_territory.plugin.toolbelt.download import (
    CANCELLED,
    NO_ANSWER,
    STALL,
    TOO_LARGE,
    Download,
    human_size,
)


def download(**limits) -> Download:
    values = {"first_byte": 10, "stall": 5, "max_bytes": 1000, **limits}
    return Download("data.example.fr", values["first_byte"], values["stall"], values["max_bytes"], started=0.0)


def test_no_answer_within_the_first_byte_timeout():
    d = download()
    assert d.reason_to_stop(False, now=9.9) == ""
    assert d.reason_to_stop(False, now=10.1) == NO_ANSWER
    assert d.reason_to_stop(True, now=1) == CANCELLED


def test_a_stall_once_the_reply_streams_silence_or_a_drip():
    silent = download(max_bytes=0)
    silent.answered(None, now=1.0)
    assert silent.reason_to_stop(False, now=5.9) == ""
    assert silent.reason_to_stop(False, now=6.1) == STALL
    drip = download(max_bytes=0)
    drip.answered(None, now=1.0)
    for second in range(2, 7):  # a byte a second keeps the silence short, not the window full
        drip.got(1, now=float(second))
        assert drip.reason_to_stop(False, now=second + 0.5) == ("" if second < 6 else STALL)
    steady = download(max_bytes=0)
    steady.answered(None, now=1.0)
    for second in range(2, 30):
        steady.got(4096, now=float(second))
        assert steady.reason_to_stop(False, now=second + 0.5) == ""


def test_the_size_limit_from_the_announced_length_or_the_bytes_received():
    announced = download()
    announced.answered(5000, now=1.0)
    assert announced.reason_to_stop(False, now=1.1) == TOO_LARGE
    received = download()
    received.answered(None, now=1.0)
    received.got(1001, now=1.1)
    assert received.reason_to_stop(False, now=1.2) == TOO_LARGE
    unlimited = download(max_bytes=0)
    unlimited.answered(10**12, now=1.0)
    assert unlimited.reason_to_stop(False, now=1.1) == ""


def test_progress_text_throttled():
    d = download()
    assert d.progress_text(now=0.0) == "data.example.fr: waiting for an answer…"
    assert d.progress_text(now=0.1) == ""  # too soon
    assert d.progress_text(now=3.0) == "data.example.fr: waiting for an answer (3 s)"
    d.answered(10 * 1024 * 1024, now=3.1)
    d.got(3 * 1024 * 1024 + 300 * 1024, now=3.2)
    assert d.progress_text(now=3.5) == "data.example.fr: 3.3\u00a0MB of 10.0\u00a0MB"
    assert human_size(0) == "" and human_size(512) == "512\u00a0B" and human_size(5 * 1024**3) == "5.0\u00a0GB"
