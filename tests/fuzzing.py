"""Property-based tests of the parsers (hypothesis, a test dependency only): what a parser may let escape.

The property every parser keeps, whatever bytes or JSON it is handed: it returns, or raises one of the
plugin's own errors (plugin/toolbelt/errors.py); a TypeError, an OverflowError, a csv.Error, a
RecursionError... is a bug that would reach the user as a traceback.

    from fuzzing import fuzz, json_values, only_plugin_errors

    @fuzz(json_values())
    def test_reader(value):
        only_plugin_errors(reader, value)

`make test` runs each property on FUZZ_EXAMPLES examples, derandomized (the same ones every run, so a
failure is reproducible and the suite stays fast). The long mode, `OT_FUZZ_SECONDS=120 make fuzz` (or the
variable before any pytest command), searches each property afresh for that many seconds, round after
round of random examples.
"""

from __future__ import annotations

import math
import os
import string
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ_EXAMPLES = int(os.environ.get("OT_FUZZ_EXAMPLES", "40"))
LONG_SECONDS = float(os.environ.get("OT_FUZZ_SECONDS", "0") or 0)
ROUND_EXAMPLES = 500  # examples per round of the long mode


def fuzz(*strategies, examples: int = FUZZ_EXAMPLES, **named_strategies):
    """Decorator making `function` a property test over `strategies` (see the module's docstring)."""

    def decorate(function):
        common = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))
        if not LONG_SECONDS:
            tuned = settings(max_examples=examples, derandomize=True, **common)
            return tuned(given(*strategies, **named_strategies)(function))
        search = settings(max_examples=ROUND_EXAMPLES, **common)(given(*strategies, **named_strategies)(function))

        def for_a_while():
            deadline = time.monotonic() + LONG_SECONDS
            rounds = 0
            while time.monotonic() < deadline:
                search()
                rounds += 1
            print(f"{function.__name__}: {rounds} rounds of {ROUND_EXAMPLES} examples in {LONG_SECONDS:.0f} s")

        # pytest sees a test without arguments (not the parameters hypothesis fills).
        for_a_while.__name__ = function.__name__
        for_a_while.__doc__ = function.__doc__
        for_a_while.__module__ = function.__module__
        return for_a_while

    return decorate


def only_plugin_errors(function, *args, **kwargs):
    """Call `function`; the plugin's own errors are a parser's answer to bad input, anything else escapes (and
    hypothesis shrinks the input that raised it). Returns the result, None after a plugin error."""
    from open_territory.plugin.toolbelt.errors import OpenTerritoryError

    try:
        return function(*args, **kwargs)
    except OpenTerritoryError:
        return None


# -- strategies ---------------------------------------------------------------------------------------

# Numbers as servers write them, the hostile ones included: huge integers (above what a float holds), NaN,
# infinities, 1e308, negative zero, numeric strings with decimal commas.
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -0.0, 1e308, -1e308, 1.8e308, float("inf"), float("-inf"), math.nan, 2**63, 2**64 + 1]),
)
NUMERIC_TEXT = st.one_of(
    st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "1e308", "1e999", "", " ", "0", "-0", "1,5", "48,1"]),
    NUMBERS.map(str),
    st.text(alphabet="0123456789.,-+eE ", max_size=30),
)
TEXT = st.one_of(st.text(max_size=20), NUMERIC_TEXT)
# What breaks parsers most often, tried first where a real value stood.
HOSTILE = st.sampled_from(
    [None, True, False, 0, -1, math.nan, math.inf, -math.inf, 1e308, 10**400, "", " ", "nan", "inf", "1e999", [], {}]
)


def json_values(keys=(), max_leaves: int = 40):
    """Any JSON value (None, booleans, hostile numbers, texts, lists, objects), objects keyed mostly by `keys`
    (the names a parser looks for) so that the search reaches past the parser's first checks."""
    key = st.one_of(st.sampled_from(tuple(keys)), st.text(max_size=8)) if keys else st.text(max_size=8)
    scalar = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
    return st.recursive(
        scalar,
        lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(key, children, max_size=8)),
        max_leaves=max_leaves,
    )


def json_objects(keys, max_leaves: int = 40):
    """A JSON object keyed mostly by `keys`, any values (see json_values)."""
    return st.dictionaries(
        st.one_of(st.sampled_from(tuple(keys)), st.text(max_size=8)), json_values(keys, max_leaves), max_size=10
    )


def mutated(document, keys=()):
    """`document` (a real-shaped JSON value) with some of its values replaced by anything: the search starts
    from what servers send and wanders off from it."""

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for name, child in value.items():
                yield from paths(child, (*prefix, name))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from paths(child, (*prefix, index))

    every = list(paths(document))

    def replace(value, path, new):
        if not path:
            return new
        copy = dict(value) if isinstance(value, dict) else list(value)
        copy[path[0]] = replace(value[path[0]], path[1:], new)
        return copy

    @st.composite
    def build(draw):
        result = document
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            path = draw(st.sampled_from(every))
            try:
                result = replace(result, path, draw(st.one_of(HOSTILE, json_values(keys, max_leaves=10))))
            except (KeyError, IndexError, TypeError):  # the path went away with an earlier replacement
                continue
        return result

    return build()


CSV_ALPHABET = string.ascii_letters + string.digits + ";,\t|\"'\r\n .-+[](){}:éèàÉ°\x00"
