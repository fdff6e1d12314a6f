"""The errors of a council map export (council_map.py and the modules it fills the layout with)."""


class CouncilMapError(Exception):
    """A council map cannot be made; the message says what was wrong."""


class CouncilMapCancelledError(CouncilMapError):
    pass
