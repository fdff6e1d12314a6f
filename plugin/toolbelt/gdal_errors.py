"""GDAL errors as Python exceptions while the plugin's own GDAL work runs, and only then.

GDAL's Python bindings (3.6 in QGIS 3.22 on Debian 12) keep one process-wide switch between raising
RuntimeError and returning None. The plugin's code is written for exceptions, but QGIS's own Processing
GDAL tools and other plugins expect None (`if not ogr.Open(path)`), so switching it on for good at import
time breaks them. `gdal_exceptions()` switches it on while at least one piece of the plugin's GDAL work
runs (in any thread: a count shared under a lock) and puts back what was there when the last one ends.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import TYPE_CHECKING

from osgeo import gdal, ogr, osr

from .logger import log

if TYPE_CHECKING:  # names used in annotations only
    from typing import Callable, Iterator

_MODULES = (gdal, ogr, osr)
_lock = threading.Lock()
_depth = 0
_previous = None  # each module's own switch before the outermost block


@contextlib.contextmanager
def gdal_exceptions() -> Iterator[None]:
    global _depth, _previous
    with _lock:
        if _depth == 0:
            _previous = [module.GetUseExceptions() for module in _MODULES]
            for module in _MODULES:
                module.UseExceptions()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                # The bindings chain their error handlers: they are taken off in the reverse order.
                for module, was_on in reversed(list(zip(_MODULES, _previous))):
                    if not was_on:
                        try:
                            module.DontUseExceptions()
                        except RuntimeError as error:  # another library switched it meanwhile: leave it
                            log(f"GDAL exceptions left on for {module.__name__}: {error}", "warning")


def with_gdal_exceptions(function: Callable) -> Callable:
    """Decorator: `function` runs inside gdal_exceptions()."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with gdal_exceptions():
            return function(*args, **kwargs)

    return wrapper


def raising_gdal_exceptions(iterator_function: Callable) -> Callable:
    """Decorator for a generator function: GDAL raises while the generator runs, between its yields too."""

    @functools.wraps(iterator_function)
    def wrapper(*args, **kwargs):
        with gdal_exceptions():
            yield from iterator_function(*args, **kwargs)

    return wrapper


def wrap_own_methods(cls, *names) -> None:
    """For `__init_subclass__`: the methods `names` that `cls` itself defines run inside gdal_exceptions()."""
    for name in names:
        if name in cls.__dict__:
            setattr(cls, name, with_gdal_exceptions(cls.__dict__[name]))
