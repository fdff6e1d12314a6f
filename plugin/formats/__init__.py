"""File formats the sources read and write: French CSVs, zip archives, whatever file a catalog serves,
small JSON point feeds, GTFS networks and GTFS-RT messages (bytes or files in, plain rows or scratch
layers out, no network)."""
