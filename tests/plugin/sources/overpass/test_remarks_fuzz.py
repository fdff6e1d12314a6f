"""Property-based test of the Overpass reply check: whatever bytes the server sent (XML with remarks, JSON, HTML,
a cut file), warnings or the plugin's own errors."""

import os
import tempfile

from hypothesis import strategies as st
from open_territory.plugin.sources.overpass import check_reply

from ....fuzzing import fuzz, only_plugin_errors

PIECES = st.sampled_from(
    [
        b'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API">',
        b"<note>The data included in this document is from www.openstreetmap.org.</note>",
        b'<node id="1" lat="48.1" lon="-1.6"><tag k="amenity" v="bicycle_parking"/></node>',
        b'<remark> runtime error: Query timed out in "query" at line 3 after 26 seconds. </remark>',
        b"<remark> runtime remark: Timeout is 180 and maxsize is 536870912. </remark>",
        b"<remark>",
        b"</osm>",
        b'{"version": 0.6, "elements": [], "remark": "runtime error: out of memory \\" quoted"}',
        b'{"remark": "',
        b"<!DOCTYPE html><html><body><p>The server is probably too busy to handle your request.</p></body></html>",
        b"\xff\xfe\x00",
        b"\n",
    ]
)


@fuzz(st.lists(st.one_of(PIECES, st.binary(max_size=40)), max_size=8), st.integers(min_value=0, max_value=300000))
def test_any_reply(pieces, padding):
    with tempfile.TemporaryDirectory(prefix="ot-fuzz-overpass-") as folder:
        path = os.path.join(folder, "reply.osm")
        with open(path, "wb") as handle:
            handle.write(b"".join(pieces[:4]) + b" " * padding + b"".join(pieces[4:]))  # head and tail apart
        warnings = only_plugin_errors(check_reply, path, 180)
        assert warnings is None or all(isinstance(w, str) for w in warnings)
