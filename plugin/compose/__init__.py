"""The profile composer: any French territory's profile, composed from the national bases, no file to write.

A commune or an EPCI, given by name or by code, is looked up through geo.api.gouv.fr; its profile is then
assembled from what France's national access points publish for it: the communes' outlines, the
OpenStreetMap presets of every category, the GBFS feeds and public-transport datasets that
transport.data.gouv.fr lists for the territory, its communes or its AOM, the national bases (parkings,
carpooling areas, charging points, cycle facilities, road accidents) filtered to its communes, its own
organisation's datasets on data.gouv.fr (to be ticked), and sensor.community. Every entry says where it
came from and why it was chosen; a catalog that is down is reported in the profile's `notes`.

Modules, each doing one thing:
    names               how geo.api.gouv.fr compares names; what a code typed by the user is
    services            the three APIs' base URLs and the one way to ask them for JSON
    geo_api             geo.api.gouv.fr: communes and EPCIs by name, code, SIREN or postcode
    territory           the Territory found (a commune or an EPCI) and how it is shown
    lookup              the user's text -> one Territory, or the candidates, or the closest names
    outline             the boundary: the communes' outlines, their codes and the extent
    crs                 the projected CRS of mainland France, Corsica and each overseas department
    transport_catalog   transport.data.gouv.fr's catalog: the datasets of a territory, its GBFS and GTFS
    schema_catalog      data.gouv.fr's catalog of Etalab schemas and the field types they give
    national_bases      the national bases (BNLS, BNLC, IRVE, cycle facilities) found in the catalogs, as
                        entries of the `national_file` source (plugin/sources/national_file/)
    accidents           the latest yearly road-accident file ("caractéristiques") on data.gouv.fr
    datagouv_org        the territory's own organisation on data.gouv.fr and its geographic datasets
    common_entries      what every territory gets: OpenStreetMap presets, sensor.community
    assemble            the steps above in order, into one profile document, written atomically
"""
