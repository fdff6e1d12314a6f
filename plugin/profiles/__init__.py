"""Territory profiles: one JSON file describes a territory's whole set-up (see resources/profiles/)."""
