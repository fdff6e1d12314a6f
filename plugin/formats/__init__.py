"""Readers of file formats (GTFS, GTFS-RT, ...): bytes or files in, plain rows or scratch layers out, no network."""
