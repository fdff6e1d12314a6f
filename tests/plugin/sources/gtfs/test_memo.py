"""The network kept for the process: computed once for entries of the same feed, even at once, and its scratch
folder removed only when nobody reads it any more."""

import os
import threading
import time

from open_territory.plugin.formats.gtfs import NetworkResult
from open_territory.plugin.sources.gtfs.memo import NetworkMemo


def builder(calls: list, pause: float = 0.0):
    def build(folder: str) -> NetworkResult:
        calls.append(folder)
        time.sleep(pause)
        path = os.path.join(folder, "network.gpkg")
        with open(path, "w") as handle:
            handle.write("network")
        return NetworkResult(path, None)

    return build


def test_two_entries_of_one_feed_at_once_compute_it_once():
    memo, calls, seen = NetworkMemo(), [], []

    def entry():
        with memo.network(("feed.zip", "2026-11-24"), builder(calls, pause=0.2)) as network:
            seen.append(network.path)
            time.sleep(0.05)

    threads = [threading.Thread(target=entry) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(seen) == 2 and seen[0] == seen[1] and os.path.exists(seen[0])
    memo.forget()
    assert not os.path.exists(calls[0])


def test_a_network_replaced_while_read_stays_until_its_reader_ends():
    memo, calls = NetworkMemo(), []
    with memo.network(("a.zip",), builder(calls)) as first:
        with memo.network(("b.zip",), builder(calls)) as second:
            assert os.path.exists(first.path) and os.path.exists(second.path)
        assert os.path.exists(first.path)  # still read by the outer block
    assert not os.path.exists(first.path) and os.path.exists(second.path)
    memo.forget()
    assert not os.path.exists(second.path)


def test_a_failed_build_leaves_no_folder_and_keeps_the_previous_network():
    memo, calls = NetworkMemo(), []
    with memo.network(("a.zip",), builder(calls)):
        pass

    def failing(folder):
        calls.append(folder)
        raise ValueError("broken")

    try:
        with memo.network(("b.zip",), failing):
            pass
    except ValueError:
        pass
    assert not os.path.exists(calls[1])
    with memo.network(("a.zip",), builder(calls)) as again:
        assert again.path.startswith(calls[0])
    assert len(calls) == 2
    memo.forget()
