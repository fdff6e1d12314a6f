"""File formats the sources read and write: French CSVs, zip archives, whatever file a catalog serves,
small JSON point feeds."""
