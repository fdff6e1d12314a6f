"""Places by name: French communes and EPCIs found through geo.api.gouv.fr, for the locator bar and the panels."""
