"""GTFS static feeds: a zip read in one streaming pass into the network's stops (with their level of
service on a service day) and routes, written as a scratch GeoPackage. See network.py for the layers
and their rules, stop_times.py for the streaming pass."""

from .network import ROUTES_LAYER, STOPS_LAYER, NetworkResult, build_network

__all__ = ["ROUTES_LAYER", "STOPS_LAYER", "NetworkResult", "build_network"]
