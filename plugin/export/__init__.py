"""Exports of the current map: council maps (print layouts to PDF or PNG, one page per commune on demand)."""
