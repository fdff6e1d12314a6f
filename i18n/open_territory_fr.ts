<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>OpenTerritory</name>
    <message>
      <location filename="../ui/options.py" />
      <source> MB</source>
      <translation> Mo</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source> days</source>
      <translation> jours</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source> or </source>
      <translation> ou </translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>(any case) or</source>
      <translation>(majuscules ou minuscules) ou</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>(required)</source>
      <translation>(obligatoire)</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>(unconfirmed)</source>
      <translation>(non confirmé)</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>1 - High</source>
      <translation>1 - Haute</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>2 - Medium</source>
      <translation>2 - Moyenne</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>3 - Low</source>
      <translation>3 - Basse</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/i18n.py" />
      <source>: </source>
      <translation> : </translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>; </source>
      <translation> ; </translation>
    </message>
    <message>
      <location filename="../ui/resources/place_field.py" />
      <source>A French commune or EPCI by name or code; the load covers its outline</source>
      <translation>Une commune ou un EPCI français, par son nom ou son code ; le chargement couvre son contour</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>A French commune or EPCI, by its name (accents optional) or its code (INSEE, SIREN): its profile is composed from the national open data</source>
      <translation>Une commune ou un EPCI français, par son nom (accents facultatifs) ou son code (INSEE, SIREN) : son profil est composé à partir des données ouvertes nationales</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>A GeoPackage file for one person, or a PostGIS schema the team shares.</source>
      <translation>Un fichier GeoPackage pour une personne, ou un schéma PostGIS partagé par l'équipe.</translation>
    </message>
    <message>
      <location filename="../ui/database_destination.py" />
      <source>A PostgreSQL connection saved in QGIS (Browser panel, PostgreSQL)</source>
      <translation>Une connexion PostgreSQL enregistrée dans QGIS (panneau Explorateur, PostgreSQL)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>A bundled profile id (such as rennes, nantes, demo) or the path of a profile JSON file</source>
      <translation>Identifiant d'un profil fourni (par exemple rennes, nantes, demo) ou chemin d'un fichier de profil JSON</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>A commune or an EPCI: its name (accents optional; 'Name (department)' for homonyms), its INSEE code or its SIREN</source>
      <translation>Une commune ou un EPCI : son nom (accents facultatifs ; « Nom (département) » pour les homonymes), son code INSEE ou son SIREN</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>A file appeared at the register's path meanwhile</source>
      <translation>Un fichier est apparu entre-temps à l'emplacement du registre</translation>
    </message>
    <message>
      <location filename="../plugin/export/background.py" />
      <source>A layer to show cannot be read for the export</source>
      <translation>Une couche à montrer ne peut pas être lue pour l'export</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>A layer to show is not valid</source>
      <translation>Une couche à montrer n'est pas valide</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>A name is required</source>
      <translation>Un nom est obligatoire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>A national file is only loaded for a territory: give its INSEE codes or its extent</source>
      <translation>Un fichier national ne se charge que pour un territoire : donnez ses codes INSEE ou son emprise</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>A public transport network's stops, with their departures and the time between buses at the morning peak, and its routes, from its GTFS zip (every French network publishes one on transport.data.gouv.fr); or where its vehicles are now, from its GTFS-RT feed.</source>
      <translation>Les arrêts d'un réseau de transport collectif, avec leurs départs et l'intervalle entre deux passages à l'heure de pointe du matin, et ses lignes, depuis son zip GTFS (chaque réseau français en publie un sur transport.data.gouv.fr) ; ou bien la position actuelle de ses véhicules, depuis son flux GTFS-RT.</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>A register already exists there; open it instead of creating it</source>
      <translation>Un registre existe déjà à cet endroit ; ouvrez-le au lieu de le créer</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>A reply larger than this is stopped while it downloads</source>
      <translation>Une réponse plus grosse que cette taille est arrêtée pendant son téléchargement</translation>
    </message>
    <message>
      <location filename="../plugin/planning/nearby.py" />
      <source>A resource layer has no category field</source>
      <translation>Une couche de ressources n'a pas de champ category</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>A table with one row per dataset found (a GeoPackage by default); an existing file is replaced only when the search succeeds</source>
      <translation>Une table avec une ligne par jeu de données trouvé (un GeoPackage par défaut) ; un fichier existant n'est remplacé que si la recherche aboutit</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>A title is required</source>
      <translation>Un titre est obligatoire</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>A value from the list</source>
      <translation>Une valeur de la liste</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>API key (authentication configuration)</source>
      <translation>Clé d'API (configuration d'authentification)</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Actor</source>
      <translation>Acteur</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Actors</source>
      <translation>Acteurs</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Actors are not located from an address: their location is an area of action</source>
      <translation>Les acteurs ne sont pas localisés d'après une adresse : leur emplacement est une zone d'action</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Actors layer (fields name, competences; geometry: area of action, optional)</source>
      <translation>Couche des acteurs (champs name, competences ; géométrie : zone d'action, facultative)</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Actors of the challenge</source>
      <translation>Acteurs du défi</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Add</source>
      <translation>Ajouter</translation>
    </message>
    <message>
      <location filename="../ui/database_destination.py" />
      <source>Add a PostgreSQL connection in QGIS's Browser panel first</source>
      <translation>Ajoutez d'abord une connexion PostgreSQL dans le panneau Explorateur de QGIS</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Add an existing register's layers to the project ("Register" group)</source>
      <translation>Ajouter au projet les couches d'un registre existant (groupe « Registre »)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Add on map</source>
      <translation>Ajouter sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Add this portal to the list</source>
      <translation>Ajouter ce portail à la liste</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Add to favourites</source>
      <translation>Ajouter aux favoris</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Adding cancelled</source>
      <translation>Ajout annulé</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Adding the layers to the map…</source>
      <translation>Ajout des couches à la carte…</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Address (URL)</source>
      <translation>Adresse (URL)</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>Address found with too little confidence</source>
      <translation>Adresse trouvée avec une confiance trop faible</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>Address not found</source>
      <translation>Adresse introuvable</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Adds the rows of a CSV, XLSX or ODS file to the register's challenges or actors. French column names and values are understood (titre, domaine, statut, priorité, nom, type, compétences, adresse...). Every row is checked first: if any row has an unknown domain, status, kind or priority, bad coordinates or geometry, or lacks a required value, nothing is imported and the error lists every invalid row (line, column, value, what was expected). Rows without coordinates are then located from their address by the Base Adresse Nationale: a row whose address cannot be found is left out and listed in the report, the other rows are imported. The rows are written together, or none of them. Rows already in the register are not added twice.</source>
      <translation>Ajoute les lignes d'un fichier CSV, XLSX ou ODS aux défis ou aux acteurs du registre. Les noms de colonnes et les valeurs en français sont compris (titre, domaine, statut, priorité, nom, type, compétences, adresse...). Toutes les lignes sont d'abord vérifiées : si une ligne a un domaine, un statut, un type ou une priorité inconnus, des coordonnées ou une géométrie incorrectes, ou s'il lui manque une valeur obligatoire, rien n'est importé et l'erreur liste chaque ligne invalide (ligne, colonne, valeur, ce qui était attendu). Les lignes sans coordonnées sont ensuite localisées d'après leur adresse par la Base Adresse Nationale : une ligne dont l'adresse est introuvable est écartée et listée dans le rapport, les autres lignes sont importées. Les lignes sont écrites ensemble, ou aucune. Les lignes déjà présentes dans le registre ne sont pas ajoutées deux fois.</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Air quality</source>
      <translation>Qualité de l'air</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Air quality sensors</source>
      <translation>Capteurs de qualité de l'air</translation>
    </message>
    <message>
      <location filename="../ui/resources/sensors_panel.py" />
      <source>Air-quality and noise sensors run by citizens (sensor.community, ODbL), in the current map extent, with their latest readings.</source>
      <translation>Capteurs de qualité de l'air et de bruit tenus par des citoyens (sensor.community, ODbL), dans l'emprise courante de la carte, avec leurs dernières mesures.</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>All domains</source>
      <translation>Tous les domaines</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>All files</source>
      <translation>Tous les fichiers</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>All kinds</source>
      <translation>Tous les types</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>All statuses</source>
      <translation>Tous les statuts</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_write.py" />
      <source>Already in the register</source>
      <translation>Déjà dans le registre</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Also add the map's layout to the project's layouts, to finish it by hand in the layout designer (the layers it shows are added to the project too)</source>
      <translation>Ajouter aussi la mise en page de la carte aux mises en page du projet, pour la finir à la main dans le composeur (les couches qu'elle montre sont aussi ajoutées au projet)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Also load the territory</source>
      <translation>Charger aussi le territoire</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>An actor's geometry is its area of action: a polygon is expected</source>
      <translation>La géométrie d'un acteur est sa zone d'action : un polygone est attendu</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>An atlas: one page per commune or district, named after it</source>
      <translation>Un atlas : une page par commune ou quartier, nommée d'après elle</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Answer from the replies already in the cache, without the network. Ticked at first when the offline mode of the plugin's settings is on</source>
      <translation>Répondre avec les réponses déjà en cache, sans le réseau. Coché au départ quand le mode hors ligne des paramètres de l'extension est actif</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Any commune or EPCI: name or code</source>
      <translation>Toute commune ou EPCI : nom ou code</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Area</source>
      <translation>Zone</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Area layer</source>
      <translation>Couche de zone</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Area of action on the map</source>
      <translation>Zone d'action sur la carte</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>Area of this page</source>
      <translation>Zone de cette page</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Area on the map</source>
      <translation>Zone sur la carte</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Area shown on the map; empty: the combined extent of the layers (ignored for an atlas)</source>
      <translation>Zone montrée sur la carte ; vide : l'emprise de l'ensemble des couches (sans effet pour un atlas)</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Areas as</source>
      <translation>Surfaces en</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Ask before downloading a file larger than this</source>
      <translation>Demander avant de télécharger un fichier plus gros que cette taille</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Asking</source>
      <translation>Interrogation de</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Asking the Overpass server how many features match…</source>
      <translation>Le serveur Overpass compte les objets correspondants…</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Asking the Overpass server…</source>
      <translation>Interrogation du serveur Overpass…</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Association</source>
      <translation>Association</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Auto-discovery URL (gbfs.json) of any GBFS 1.x, 2.x or 3.0 system</source>
      <translation>URL de découverte (gbfs.json) de tout système GBFS 1.x, 2.x ou 3.0</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>B</source>
      <translation>o</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>Bad coordinates</source>
      <translation>Coordonnées incorrectes</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>Bad coordinates: one of the two is missing</source>
      <translation>Coordonnées incorrectes : l'une des deux manque</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>Bad coordinates: outside Lambert-93 France</source>
      <translation>Coordonnées incorrectes : hors de la France en Lambert-93</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>Bad coordinates: outside longitude -180..180 / latitude -90..90</source>
      <translation>Coordonnées incorrectes : hors longitude -180..180 / latitude -90..90</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>Bad coordinates: the geometry cannot be read</source>
      <translation>Coordonnées incorrectes : la géométrie est illisible</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Base URL of a Base Adresse Nationale API (its /search/ endpoint is used)</source>
      <translation>URL de base d'une API Base Adresse Nationale (son point d'accès /search/ est utilisé)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Base URL of the Opendatasoft portal, such as https://data.rennesmetropole.fr</source>
      <translation>URL de base du portail Opendatasoft, par exemple https://data.rennesmetropole.fr</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Base URL of the Opendatasoft portal, such as https://data.rennesmetropole.fr (an API or dataset page URL of the portal works too)</source>
      <translation>URL de base du portail Opendatasoft, par exemple https://data.rennesmetropole.fr (une URL d'API ou de page de jeu de données du portail convient aussi)</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Base URL of the RUDI producer node</source>
      <translation>URL de base du nœud producteur RUDI</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Base URL of the RUDI producer node, for example https://&lt;node&gt;/ (the URL of its /api/v1/resources listing works too)</source>
      <translation>URL de base du nœud producteur RUDI, par exemple https://&lt;nœud&gt;/ (l'URL de sa liste /api/v1/resources convient aussi)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>Base URL of the sensor.community data API (http or https)</source>
      <translation>URL de base de l'API de données sensor.community (http ou https)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Base URL of the service (a mirror, or a local stand-in for tests)</source>
      <translation>URL de base du service (un miroir, ou une doublure locale pour les tests)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Base URL of the udata portal (data.gouv.fr or another udata instance)</source>
      <translation>URL de base du portail udata (data.gouv.fr ou une autre instance udata)</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Beyond this size, the least recently fetched replies are deleted from the cache (checked once per session)</source>
      <translation>Au-delà de cette taille, les réponses téléchargées le moins récemment sont supprimées du cache (vérifié une fois par session)</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Bicycle parking</source>
      <translation>Stationnement vélo</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Bike-share stations</source>
      <translation>Stations de vélos en libre-service</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Boundary failed</source>
      <translation>Échec du contour</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Boundary of</source>
      <translation>Contour de</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Bundled profiles:</source>
      <translation>Profils fournis :</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Bundled territories and the profile files opened in this session</source>
      <translation>Territoires fournis et fichiers de profil ouverts pendant cette session</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Bus stops</source>
      <translation>Arrêts de bus</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>CSV (any separator, UTF-8 or cp1252), XLSX or ODS file with one row per challenge or actor</source>
      <translation>Fichier CSV (tout séparateur, UTF-8 ou cp1252), XLSX ou ODS avec une ligne par défi ou par acteur</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>CSV (geometry as WKT)</source>
      <translation>CSV (géométrie en WKT)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>CSV file listing each row left out or already present, or each invalid row when nothing was imported: line number and reason</source>
      <translation>Fichier CSV listant chaque ligne écartée ou déjà présente, ou chaque ligne invalide quand rien n'a été importé : numéro de ligne et raison</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>CSV with a WKT geometry column, or GeoJSON (RFC 7946, WGS 84)</source>
      <translation>CSV avec une colonne de géométrie WKT, ou GeoJSON (RFC 7946, WGS 84)</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Cache folder</source>
      <translation>Dossier du cache</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Cache size limit</source>
      <translation>Taille maximale du cache</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/errors.py" />
      <source>Cancelled</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Cancelling the search…</source>
      <translation>Annulation de la recherche…</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>Cannot connect to the PostgreSQL database</source>
      <translation>Connexion impossible à la base PostgreSQL</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Cannot create the GeoPackage</source>
      <translation>Impossible de créer le GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/register/export.py" />
      <source>Cannot create the export folder</source>
      <translation>Impossible de créer le dossier d'export</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Cannot create the schema</source>
      <translation>Impossible de créer le schéma</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Cannot open the GeoPackage</source>
      <translation>Impossible d'ouvrir le GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Car parks</source>
      <translation>Parkings</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Car parks are drawn as polygons and the other areas (bicycle parking, charging stations...) as a point inside them, unless you choose here; what is mapped as a point stays a point</source>
      <translation>Les parkings sont dessinés en polygones et les autres surfaces (stationnement vélo, bornes de recharge…) par un point à l'intérieur, sauf choix ici ; ce qui est cartographié comme un point reste un point</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Car sharing</source>
      <translation>Autopartage</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Carpooling areas</source>
      <translation>Aires de covoiturage</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Catalog of Etalab schemas</source>
      <translation>Catalogue des schémas Etalab</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Catalog of Etalab schemas (data.gouv.fr)…</source>
      <translation>Catalogue des schémas Etalab (data.gouv.fr)…</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Catalog of transport.data.gouv.fr…</source>
      <translation>Catalogue de transport.data.gouv.fr…</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Category written in the 'category' field of the loaded layer</source>
      <translation>Catégorie écrite dans le champ « category » de la couche chargée</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Challenge</source>
      <translation>Défi</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Challenge actor</source>
      <translation>Acteur du défi</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenge actors</source>
      <translation>Acteurs des défis</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>Challenge context</source>
      <translation>Contexte des défis</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Challenge resource</source>
      <translation>Ressource du défi</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenge resources</source>
      <translation>Ressources des défis</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenges</source>
      <translation>Défis</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenges (areas)</source>
      <translation>Défis (surfaces)</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenges (lines)</source>
      <translation>Défis (lignes)</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenges (points)</source>
      <translation>Défis (points)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Challenges layer of the register (fields title, domain, status...)</source>
      <translation>Couche des défis du registre (champs title, domain, status…)</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Challenges without location</source>
      <translation>Défis sans localisation</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Charging stations</source>
      <translation>Bornes de recharge</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Checking the size of the file…</source>
      <translation>Vérification de la taille du fichier…</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Choose a PostgreSQL connection first</source>
      <translation>Choisissez d'abord une connexion PostgreSQL</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Choose a category or give tag conditions</source>
      <translation>Choisissez une catégorie ou donnez des conditions sur les attributs</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Choose a challenges layer first</source>
      <translation>Choisissez d'abord une couche de défis</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Choose a system or type the URL of its gbfs.json.</source>
      <translation>Choisissez un système ou saisissez l'URL de son gbfs.json.</translation>
    </message>
    <message>
      <location filename="../plugin/export/background.py" />
      <source>Choose at least one layer to show on the map</source>
      <translation>Choisissez au moins une couche à montrer sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Choose the GeoPackage file first</source>
      <translation>Choisissez d'abord le fichier GeoPackage</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Choose the communes or districts layer for one page per feature</source>
      <translation>Choisissez la couche des communes ou quartiers pour une page par entité</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Choose the export folder first</source>
      <translation>Choisissez d'abord le dossier d'export</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Choose the file to import first</source>
      <translation>Choisissez d'abord le fichier à importer</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>Choose the output file</source>
      <translation>Choisissez le fichier de sortie</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Citizen group</source>
      <translation>Collectif citoyen</translation>
    </message>
    <message>
      <location filename="../ui/resources/sensors_panel.py" />
      <source>Citizen sensors</source>
      <translation>Capteurs citoyens</translation>
    </message>
    <message>
      <location filename="../ui/resources/sensors_panel.py" />
      <source>Citizen sensors (sensor.community)</source>
      <translation>Capteurs citoyens (sensor.community)</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Clear the recent datasets</source>
      <translation>Vider la liste des jeux récents</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Click on the map where the challenge is (Esc cancels)</source>
      <translation>Cliquez sur la carte à l'endroit du défi (Échap pour annuler)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Click on the map where the challenge is, then fill its form (Esc cancels)</source>
      <translation>Cliquez sur la carte à l'endroit du défi, puis remplissez son formulaire (Échap pour annuler)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/lookup.py" />
      <source>Closest matches:</source>
      <translation>Les plus proches :</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Cluster</source>
      <translation>Pôle (cluster)</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_columns.py" />
      <source>Columns found</source>
      <translation>Colonnes trouvées</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>Comma-separated sensor types to keep, for instance SDS011,BME280; empty: every type. Common types:</source>
      <translation>Types de capteurs à garder, séparés par des virgules, par exemple SDS011,BME280 ; vide : tous les types. Types courants :</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Commons</source>
      <translation>Commun</translation>
    </message>
    <message>
      <location filename="../ui/resources/place_field.py" />
      <source>Commune or EPCI: Vitré, 35360…</source>
      <translation>Commune ou EPCI : Vitré, 35360…</translation>
    </message>
    <message>
      <location filename="../ui/place_locator.py" />
      <source>Communes</source>
      <translation>Communes</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Communes or districts for the gap layer; empty: a regular grid</source>
      <translation>Communes ou quartiers de la couche des manques ; vide : une grille régulière</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Communes or districts to count in; empty: a regular grid</source>
      <translation>Communes ou quartiers où compter ; vide : une grille régulière</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Communes or districts: one page per feature, the map centred on it, pages named by its name field (nom, name...); empty: a single page</source>
      <translation>Communes ou quartiers : une page par entité, la carte centrée sur elle, les pages nommées par son champ de nom (nom, name…) ; vide : une seule page</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Community</source>
      <translation>Communauté</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Company</source>
      <translation>Entreprise</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Competence</source>
      <translation>Compétence</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>Competence matrix</source>
      <translation>Matrice des compétences</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Competences</source>
      <translation>Compétences</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Competent actors</source>
      <translation>Acteurs compétents</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Compose</source>
      <translation>Composer</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Compose a territory profile</source>
      <translation>Composer le profil d'un territoire</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Compose any French territory's profile, or pick one, to load its resources.</source>
      <translation>Composez le profil de n'importe quel territoire français, ou choisissez-en un, pour charger ses ressources.</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Compose this territory's profile, then open it here</source>
      <translation>Composer le profil de ce territoire, puis l'ouvrir ici</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Composed by Open Territory from France's national open data on</source>
      <translation>Composé par Territoire ouvert à partir des données ouvertes nationales le</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Composes the profile of any French commune or EPCI from the national open data, with no file to write: the communes' outlines (geo.api.gouv.fr), the OpenStreetMap presets of every category, the GBFS feeds and public-transport networks transport.data.gouv.fr lists for the territory, its communes or its transport authority, the national bases (parkings, carpooling places, charging points, cycle facilities) and the latest road accidents filtered to its communes, its own organisation's datasets on data.gouv.fr (to be ticked) and sensor.community. Every entry says where it came from and why; a catalog that is down is reported in the profile's notes. The profile is an ordinary file: read it, edit it, share it, load it with load_territory. A name shared by several territories fails, listing them with their codes: give a code (INSEE, SIREN) or the name followed by its department in brackets.</source>
      <translation>Compose le profil de n'importe quelle commune ou EPCI français à partir des données ouvertes nationales, sans fichier à écrire : les contours des communes (geo.api.gouv.fr), les préréglages OpenStreetMap de chaque catégorie, les flux GBFS et les réseaux de transport en commun que transport.data.gouv.fr référence pour le territoire, ses communes ou son autorité organisatrice de la mobilité, les bases nationales (parkings, lieux de covoiturage, points de recharge, aménagements cyclables) et les derniers accidents de la route filtrés sur ses communes, les jeux de données de sa propre organisation sur data.gouv.fr (à cocher) et sensor.community. Chaque entrée dit d'où elle vient et pourquoi ; un catalogue indisponible est signalé dans les notes du profil. Le profil est un fichier ordinaire : lisez-le, modifiez-le, partagez-le, chargez-le avec load_territory. Un nom partagé par plusieurs territoires échoue en les listant avec leurs codes : indiquez un code (INSEE, SIREN) ou le nom suivi de son département entre parenthèses.</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Composing the profile of</source>
      <translation>Composition du profil de</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Connection</source>
      <translation>Connexion</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>Could not reach the server</source>
      <translation>Impossible de joindre le serveur</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>Could not write the layer</source>
      <translation>Impossible d'écrire la couche</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>Council map</source>
      <translation>Carte pour le conseil</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Council map added to the project's layouts</source>
      <translation>Carte pour le conseil ajoutée aux mises en page du projet</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Council map exported</source>
      <translation>Carte pour le conseil exportée</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Council map exported, one file per page</source>
      <translation>Carte pour le conseil exportée, un fichier par page</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Count the service of the next weekday (today included) on which the network runs, within its validity</source>
      <translation>Compter le service du prochain jour de semaine (aujourd'hui compris) où le réseau circule, dans sa période de validité</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Count, then load this query</source>
      <translation>Compter, puis charger cette requête</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Counts, per commune or district (ZONES) or per cell of a regular grid, the open challenges that have no competent actor or no resource of a related category within the distance. Ready for a heat map of where help is missing.</source>
      <translation>Compte, par commune ou quartier (ZONES) ou par cellule d'une grille régulière, les défis ouverts sans acteur compétent ou sans ressource d'une catégorie liée à moins de la distance. Prêt pour une carte de chaleur de là où l'aide manque.</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Create a register or open one: its layers come in the "Register" group</source>
      <translation>Créez un registre ou ouvrez-en un : ses couches arrivent dans le groupe « Registre »</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Create an empty register: a GeoPackage file or a schema in a PostgreSQL database</source>
      <translation>Créer un registre vide : un fichier GeoPackage ou un schéma dans une base PostgreSQL</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Create the register if it does not exist</source>
      <translation>Créer le registre s'il n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Created</source>
      <translation>Créé le</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Creating the register</source>
      <translation>Création du registre</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Cycleways</source>
      <translation>Aménagements cyclables</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Cycling</source>
      <translation>Vélo</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Data</source>
      <translation>Données</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Data set</source>
      <translation>Jeu de données</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Dataset</source>
      <translation>Jeu de données</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Dataset (id or slug)</source>
      <translation>Jeu de données (identifiant ou slug)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Dataset id</source>
      <translation>Identifiant du jeu de données</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Datasets found</source>
      <translation>Jeux de données trouvés</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Datasets listed</source>
      <translation>Jeux de données listés</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Datasets published for the AOM are missing</source>
      <translation>Les jeux de données publiés pour l'AOM manquent</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Distance (metres)</source>
      <translation>Distance (mètres)</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>Distances need a projected CRS, not</source>
      <translation>Les distances demandent un SCR projeté, pas</translation>
    </message>
    <message>
      <location filename="../ui/register/list_model.py" />
      <source>Domain</source>
      <translation>Domaine</translation>
    </message>
    <message>
      <location filename="../ui/resources/source_panel.py" />
      <source>Download it anyway?</source>
      <translation>La télécharger quand même ?</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Download not started</source>
      <translation>Téléchargement non lancé</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Downloaded replies are kept for offline use, then deleted this many days after they were fetched (checked once per session)</source>
      <translation>Les réponses téléchargées sont gardées pour le mode hors ligne, puis supprimées ce nombre de jours après leur téléchargement (vérifié une fois par session)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>Downloading</source>
      <translation>Téléchargement de</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Downloading…</source>
      <translation>Téléchargement…</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Draw it on the map (right click ends), fill its form, then save the layer's edits</source>
      <translation>Dessinez-le sur la carte (clic droit pour terminer), remplissez son formulaire, puis enregistrez les modifications de la couche</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Draw it with QGIS's digitizing tool (right click ends), then fill its form; save the layer's edits to write it to the register</source>
      <translation>Dessinez-le avec l'outil de numérisation de QGIS (clic droit pour terminer), puis remplissez son formulaire ; enregistrez les modifications de la couche pour l'écrire dans le registre</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/translate.py" />
      <source>Draw them as points to have every one.</source>
      <translation>Dessinez-les en points pour les avoir tous.</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Drawn as</source>
      <translation>Dessinés en</translation>
    </message>
    <message>
      <location filename="../plugin/compose/territory.py" />
      <source>EPCI</source>
      <translation>EPCI</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Each address is sent to the Base Adresse Nationale (api-adresse.data.gouv.fr); replies are cached</source>
      <translation>Chaque adresse est envoyée à la Base Adresse Nationale (api-adresse.data.gouv.fr) ; les réponses sont gardées en cache</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Each category's own</source>
      <translation>Selon chaque catégorie</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Edit…</source>
      <translation>Modifier…</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Empty: the project's title, else the territory's name</source>
      <translation>Vide : le titre du projet, sinon le nom du territoire</translation>
    </message>
    <message>
      <location filename="../ui/compose_options.py" />
      <source>Empty: the public service. A mirror, or a local stand-in for a demonstration</source>
      <translation>Vide : le service public. Un miroir, ou une doublure locale pour une démonstration</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Empty: the whole dataset</source>
      <translation>Vide : tout le jeu de données</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Entries in the profile</source>
      <translation>Entrées du profil</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Every 10 to 15 min</source>
      <translation>Toutes les 10 à 15 min</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Every 15 to 30 min</source>
      <translation>Toutes les 15 à 30 min</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Every 30 to 60 min</source>
      <translation>Toutes les 30 à 60 min</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Every 5 min or less (7-9 h)</source>
      <translation>Toutes les 5 min ou moins (7-9 h)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Every 5 to 10 min</source>
      <translation>Toutes les 5 à 10 min</translation>
    </message>
    <message>
      <location filename="../plugin/planning/register_challenges.py" />
      <source>Every challenge of the register</source>
      <translation>Tous les défis du registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Every row is checked first: if one has an unknown domain, status, kind or priority, bad coordinates or a missing title, domain or name, nothing is imported and every invalid row is listed. Rows whose address cannot be located are left out and listed after the import; the others are imported.</source>
      <translation>Toutes les lignes sont d'abord vérifiées : si l'une a un domaine, un statut, un type ou une priorité inconnus, des coordonnées incorrectes, ou s'il lui manque le titre, le domaine ou le nom, rien n'est importé et chaque ligne invalide est listée. Les lignes dont l'adresse est introuvable sont écartées et listées après l'import ; les autres sont importées.</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Every row was imported.</source>
      <translation>Toutes les lignes ont été importées.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" />
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Export as a profile file…</source>
      <translation>Exporter comme fichier de profil…</translation>
    </message>
    <message>
      <location filename="../plugin/export/background.py" />
      <source>Export cancelled</source>
      <translation>Export annulé</translation>
    </message>
    <message>
      <location filename="../plugin/register/export.py" />
      <source>Export cancelled; nothing was changed</source>
      <translation>Export annulé ; rien n'a été modifié</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>Export folder</source>
      <translation>Dossier d'export</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Export for council</source>
      <translation>Exporter pour le conseil</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Export the current map for a council meeting: the layers shown and the area in view, with title, legend, scale bar, north arrow, date and the sources and licences of every layer.</source>
      <translation>Exporter la carte courante pour une séance du conseil : les couches affichées et la zone visible, avec titre, légende, échelle, flèche du nord, date et les sources et licences de chaque couche.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>Export the register</source>
      <translation>Exporter le registre</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Export the territory profile</source>
      <translation>Exporter le profil du territoire</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Exporting the register</source>
      <translation>Export du registre</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Exports a print-ready map for a council meeting: title, subtitle, date, the map of the chosen layers, a legend of those layers, scale bar, north arrow, the territory's logo and a box listing the sources and licences of every layer shown (with the OpenStreetMap attribution when OSM data is shown). A4 or A3, landscape or portrait, vector PDF or PNG. With a coverage layer (communes, districts), one page per feature, named after the feature: a single PDF, or one PNG per page named &lt;output&gt;_&lt;page name&gt;.png. The file is replaced only when the export succeeds.</source>
      <translation>Exporte une carte prête à imprimer pour une séance du conseil : titre, sous-titre, date, la carte des couches choisies, une légende de ces couches, échelle graphique, flèche du nord, le logo du territoire et un encadré des sources et licences de chaque couche représentée (avec la mention OpenStreetMap quand des données OSM sont représentées). A4 ou A3, paysage ou portrait, PDF vectoriel ou PNG. Avec une couche de couverture (communes, quartiers), une page par entité, nommée d'après elle : un seul PDF, ou un PNG par page nommé &lt;sortie&gt;_&lt;nom de la page&gt;.png. Le fichier n'est remplacé que si l'export réussit.</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Export…</source>
      <translation>Exporter…</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Extent</source>
      <translation>Emprise</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Extremely poor (over 75 µg/m³)</source>
      <translation>Extrêmement mauvais (plus de 75 µg/m³)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Fair (10-20 µg/m³)</source>
      <translation>Moyen (10-20 µg/m³)</translation>
    </message>
    <message>
      <location filename="../ui/resources/remembered_row.py" />
      <source>Favourite (★) and recent datasets</source>
      <translation>Jeux de données favoris (★) et récents</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Favourites</source>
      <translation>Favoris</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Features found</source>
      <translation>Objets trouvés</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>Features left out for impossible coordinates (not finite, or beyond longitude ±180 / latitude ±90)</source>
      <translation>Entités écartées pour des coordonnées impossibles (non finies, ou au-delà de ±180 de longitude / ±90 de latitude)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Features written</source>
      <translation>Entités écrites</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Feed</source>
      <translation>Flux</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Fewer than 2 departures between 7 and 9 h</source>
      <translation>Moins de 2 départs entre 7 et 9 h</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Fields</source>
      <translation>Champs</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>File to import</source>
      <translation>Fichier à importer</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>Files written</source>
      <translation>Fichiers écrits</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Fill the form of a challenge without a location</source>
      <translation>Remplir le formulaire d'un défi sans localisation</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Fill the form of an actor without an area of action</source>
      <translation>Remplir le formulaire d'un acteur sans zone d'action</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Filter by title, description, theme or keyword</source>
      <translation>Filtrer par titre, description, thème ou mot-clé</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Filter the French systems (name, town)</source>
      <translation>Filtrer les systèmes français (nom, ville)</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Folder of the territories' GeoPackages when the project is not saved (else the project's folder)</source>
      <translation>Dossier des GeoPackages des territoires quand le projet n'est pas enregistré (sinon le dossier du projet)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>Folder receiving one file per table</source>
      <translation>Dossier qui reçoit un fichier par table</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Folder where downloaded replies are kept for offline use</source>
      <translation>Dossier où les réponses téléchargées sont conservées pour l'usage hors ligne</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>For every challenge: per resource category, the number of resources within the distance and the distance to the nearest one (metres, computed in a projected CRS whatever the layers' CRSs); the competent actors: those whose competences include the challenge's domain and whose area of action covers the whole challenge (a challenge on the edge of the area counts, a line or an area that goes beyond it does not), and those who have no area of action (competent everywhere); and a short summary in the user's language. A challenge without a location gets no counts and no distances (empty values) and only the competent actors without an area. The output keeps each challenge's own geometry (points, lines and polygons together in a GeoPackage). Spatial indexes keep it fast on large layers.</source>
      <translation>Pour chaque défi : par catégorie de ressource, le nombre de ressources à moins de la distance et la distance à la plus proche (en mètres, calculée dans un SCR projeté quels que soient les SCR des couches) ; les acteurs compétents : ceux dont les compétences incluent le domaine du défi et dont la zone d'action couvre le défi tout entier (un défi sur le bord de la zone compte, une ligne ou une zone qui en déborde ne compte pas), et ceux qui n'ont pas de zone d'action (compétents partout) ; et un court résumé dans la langue de l'utilisateur. Un défi sans localisation n'a ni comptes ni distances (valeurs vides) et seulement les acteurs compétents sans zone. La sortie garde la géométrie propre à chaque défi (points, lignes et polygones ensemble dans un GeoPackage). Des index spatiaux le gardent rapide sur de grandes couches.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>For private datasets: an authentication configuration holding the portal's API key, sent as 'Authorization: Apikey &lt;key&gt;' (Basic method: the password is the key)</source>
      <translation>Pour les jeux de données privés : une configuration d'authentification contenant la clé d'API du portail, envoyée en « Authorization: Apikey &lt;clé&gt; » (méthode Basic : le mot de passe est la clé)</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>For private datasets: the portal's API key, kept in QGIS's authentication database as a Basic configuration whose password is the key (the user name is not used). It is sent as 'Authorization: Apikey &lt;key&gt;' to the selected portal only, and is never written to the layer or the project. Choosing another portal clears it.</source>
      <translation>Pour les jeux de données privés : la clé d'API du portail, conservée dans la base d'authentification de QGIS comme configuration Basic dont le mot de passe est la clé (le nom d'utilisateur n'est pas utilisé). Elle est envoyée en « Authorization: Apikey &lt;clé&gt; » au seul portail choisi, et n'est jamais écrite dans la couche ni dans le projet. Choisir un autre portail l'efface.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Formats</source>
      <translation>Formats</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>France</source>
      <translation>la France</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Free-floating vehicles</source>
      <translation>Véhicules en free-floating</translation>
    </message>
    <message>
      <location filename="../ui/place_locator.py" />
      <source>French communes and EPCIs by name, through geo.api.gouv.fr</source>
      <translation>Communes et EPCI français par leur nom, via geo.api.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>GB</source>
      <translation>Go</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>GBFS</source>
      <translation>GBFS</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>GBFS feed</source>
      <translation>Flux GBFS</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>GBFS feed (gbfs.json URL)</source>
      <translation>Flux GBFS (URL du gbfs.json)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_vehicles.py" />
      <source>GBFS free-floating vehicles</source>
      <translation>Véhicules GBFS en free-floating</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>GBFS shared-vehicle stations</source>
      <translation>Stations de véhicules partagés GBFS</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>GBFS: 'kind' must be 'stations' or 'vehicles'</source>
      <translation>GBFS : 'kind' doit valoir 'stations' ou 'vehicles'</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>GBFS: the 'feed' key (URL of the system's gbfs.json) is missing</source>
      <translation>GBFS : la clé 'feed' (URL du gbfs.json du système) est absente</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>GBFS: the feed must be an http or https URL</source>
      <translation>GBFS : le flux doit être une URL http ou https</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/translate.py" />
      <source>GDAL cannot read the Overpass reply</source>
      <translation>GDAL ne peut pas lire la réponse d'Overpass</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>GDAL cannot read the downloaded file</source>
      <translation>GDAL ne peut pas lire le fichier téléchargé</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>GDAL reads other columns than the CSV header announces</source>
      <translation>GDAL lit d'autres colonnes que celles annoncées par l'en-tête du CSV</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>GTFS feed (URL or path of the zip)</source>
      <translation>Flux GTFS (URL ou chemin du zip)</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>GTFS network</source>
      <translation>Réseau GTFS</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>GTFS public transport</source>
      <translation>Transport collectif GTFS</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>GTFS public transport network</source>
      <translation>Réseau de transport collectif GTFS</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>GTFS zip or GTFS-RT reply</source>
      <translation>Zip GTFS ou réponse GTFS-RT</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_vehicles.py" />
      <source>GTFS-RT feed (VehiclePositions URL)</source>
      <translation>Flux GTFS-RT (URL VehiclePositions)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_vehicles.py" />
      <source>GTFS-RT vehicle positions</source>
      <translation>Positions des véhicules GTFS-RT</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>GTFS-RT vehicles</source>
      <translation>Véhicules GTFS-RT</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>GTFS: 'date' must be a date written YYYY-MM-DD</source>
      <translation>GTFS : 'date' doit être une date écrite AAAA-MM-JJ</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>GTFS: 'kind' must be 'network' or 'vehicles'</source>
      <translation>GTFS : 'kind' doit valoir 'network' ou 'vehicles'</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>GTFS: the 'feed' key (URL or path of the feed) is missing</source>
      <translation>GTFS : la clé 'feed' (URL ou chemin du flux) est absente</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>GTFS: the feed is neither an http(s) URL nor an existing file</source>
      <translation>GTFS : le flux n'est ni une URL http(s) ni un fichier existant</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Gap layer</source>
      <translation>Couche des manques</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Gaps</source>
      <translation>Manques</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Gaps: open challenges without help</source>
      <translation>Manques : défis ouverts sans appui</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>GeoJSON</source>
      <translation>GeoJSON</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>GeoPackage file</source>
      <translation>Fichier GeoPackage</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>GeoPackage path, or postgres:&lt;QGIS connection name&gt;[/&lt;schema&gt;] for a shared PostGIS register</source>
      <translation>Chemin d'un GeoPackage, ou postgres:&lt;nom de connexion QGIS&gt;[/&lt;schéma&gt;] pour un registre PostGIS partagé</translation>
    </message>
    <message>
      <location filename="../ui/resources/source_panel.py" />
      <source>GeoPackage to write; empty: a file in the plugin's data folder</source>
      <translation>GeoPackage à écrire ; vide : un fichier dans le dossier de données de l'extension</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Geocoder URL</source>
      <translation>URL du géocodeur</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>Geocoding failed</source>
      <translation>Échec du géocodage</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Geometry</source>
      <translation>Géométrie</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Give an extent or an area layer</source>
      <translation>Indiquez une emprise ou une couche de zone</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Give the RUDI producer node and the resource's global_id</source>
      <translation>Indiquez le nœud producteur RUDI et le global_id de la ressource</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Give the data.gouv.fr dataset (id or slug)</source>
      <translation>Indiquez le jeu de données data.gouv.fr (identifiant ou slug)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/lookup.py" />
      <source>Give the name or the code (INSEE, SIREN) of a commune or an EPCI</source>
      <translation>Indiquez le nom ou le code (INSEE, SIREN) d'une commune ou d'un EPCI</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Give the portal URL and the dataset id</source>
      <translation>Indiquez l'URL du portail et l'identifiant du jeu de données</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Give the producer node's URL</source>
      <translation>Indiquez l'URL du nœud producteur</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Good (0-10 µg/m³)</source>
      <translation>Bon (0-10 µg/m³)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Grid cell size (metres)</source>
      <translation>Taille des cellules (mètres)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>HTML files (*.html)</source>
      <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>HTML report</source>
      <translation>Rapport HTML</translation>
    </message>
    <message>
      <location filename="../main.py" />
      <source>Help</source>
      <translation>Aide</translation>
    </message>
    <message>
      <location filename="../ui/help.py" />
      <source>Help: the user guide's page of this tab</source>
      <translation>Aide : la page du guide d'utilisation pour cet onglet</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>How long a download may receive almost nothing before it is abandoned</source>
      <translation>Temps pendant lequel un téléchargement peut ne presque rien recevoir avant d'être abandonné</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>How long a server may take to start answering (connection and its own work) before the request is abandoned; an Overpass query waits its own timeout</source>
      <translation>Temps qu'un serveur peut mettre à commencer à répondre (connexion et son propre travail) avant que la requête soit abandonnée ; une requête Overpass attend son propre délai</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>How many datasets to list at most (fetched 100 at a time)</source>
      <translation>Nombre maximal de jeux de données à lister (récupérés 100 par 100)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>How the features are drawn: points (areas as a point inside them), polygons (the areas; what is mapped as a point is left out and counted) or lines; empty: the category's own (car parks as polygons, the others as points). Signals, lamps, stops and sensors stay points, cycleways lines. The values in order are:</source>
      <translation>Comment les objets sont dessinés : points (les surfaces par un point à l'intérieur), polygones (les surfaces ; ce qui est cartographié comme un point est laissé de côté et compté) ou lignes ; vide : le choix de la catégorie (parkings en polygones, les autres en points). Feux, lampadaires, arrêts et capteurs restent des points, les aménagements cyclables des lignes. Les valeurs dans l'ordre sont :</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Identified</source>
      <translation>Identifié</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Images</source>
      <translation>Images</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_csv.py" />
      <source>Import cancelled; nothing was written</source>
      <translation>Import annulé ; rien n'a été écrit</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Import challenges or actors from a CSV or spreadsheet file</source>
      <translation>Importer des défis ou des acteurs depuis un fichier CSV ou un tableur</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Import challenges or actors into the register</source>
      <translation>Importer des défis ou des acteurs dans le registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Import into the register</source>
      <translation>Importer dans le registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Import report</source>
      <translation>Compte rendu de l'import</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>Imported</source>
      <translation>Importées</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Importing into the register</source>
      <translation>Import dans le registre</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Import…</source>
      <translation>Importer…</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>In progress</source>
      <translation>En cours</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Instead of the category's preset: key=value, key=*, key!=value or key~expression, several joined by &amp; (all must hold), for instance amenity=parking &amp; fee=no</source>
      <translation>À la place du préréglage de la catégorie : clé=valeur, clé=*, clé!=valeur ou clé~expression, plusieurs reliées par &amp; (toutes doivent être vraies), par exemple amenity=parking &amp; fee=no</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Into</source>
      <translation>Dans</translation>
    </message>
    <message>
      <location filename="../ui/database_destination.py" />
      <source>Into a PostGIS database</source>
      <translation>Dans une base PostGIS</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Invalid</source>
      <translation>Invalide</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>Invalid PostgreSQL schema name (letters, digits and _ only)</source>
      <translation>Nom de schéma PostgreSQL invalide (lettres, chiffres et _ seulement)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>Invalid PostgreSQL table name (letters, digits, _ and -, at most 63)</source>
      <translation>Nom de table PostgreSQL invalide (lettres, chiffres, _ et -, 63 au plus)</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>Invalid date</source>
      <translation>Date invalide</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>Invalid priority</source>
      <translation>Priorité invalide</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>It cannot be shown in the map's coordinate reference system</source>
      <translation>Il ne peut pas être affiché dans le système de coordonnées de la carte</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>It has no location to zoom to</source>
      <translation>Il n'a pas de localisation sur laquelle zoomer</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Keep cached replies</source>
      <translation>Garder les réponses en cache</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Keep only datasets that have a geo_point_2d or geo_shape field (loadable as map layers)</source>
      <translation>Ne garder que les jeux de données ayant un champ geo_point_2d ou geo_shape (chargeables comme couches cartographiques)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Keep the layout in the project</source>
      <translation>Garder la mise en page dans le projet</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Keep the register of the territory's challenges and actors.</source>
      <translation>Tenir le registre des défis et des acteurs du territoire.</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Keep the stops inside the map extent and the routes crossing it</source>
      <translation>Garder les arrêts situés dans l'emprise de la carte et les lignes qui la traversent</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Keep the stops inside this extent and the routes crossing it (default: the whole network)</source>
      <translation>Garder les arrêts situés dans cette emprise et les lignes qui la traversent (par défaut : tout le réseau)</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Key</source>
      <translation>Clé</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Keywords</source>
      <translation>Mots-clés</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Knowledge</source>
      <translation>Savoir</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Label</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Laboratory</source>
      <translation>Laboratoire</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Landscape</source>
      <translation>Paysage</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Landscape (legend beside the map) or portrait (legend under the map); by name (landscape, portrait) or by number (0, 1)</source>
      <translation>Paysage (légende à côté de la carte) ou portrait (légende sous la carte) ; par nom (landscape, portrait) ou par numéro (0, 1)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/base.py" />
      <source>Large download</source>
      <translation>Téléchargement volumineux</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Largest download</source>
      <translation>Plus gros téléchargement</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Last load</source>
      <translation>Dernier chargement</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>Latitude and longitude look swapped: most points fall outside</source>
      <translation>Latitude et longitude semblent inversées : la plupart des points tombent hors de</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Layers drawn on the map and listed in the legend and the sources box; the first is on top</source>
      <translation>Couches dessinées sur la carte, reprises dans la légende et l'encadré des sources ; la première est au-dessus</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Layers loaded</source>
      <translation>Couches chargées</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Layers to show</source>
      <translation>Couches à montrer</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Layout kept in the project</source>
      <translation>Mise en page gardée dans le projet</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Left out</source>
      <translation>Écartée</translation>
    </message>
    <message>
      <location filename="../plugin/formats/point_rows.py" />
      <source>Left out for unusable coordinates (unreadable, out of range or 0,0)</source>
      <translation>Écartés pour coordonnées inutilisables (illisibles, hors limites ou 0,0)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Left out: this version of the plugin has no source</source>
      <translation>Laissé de côté : cette version de l'extension n'a pas de source</translation>
    </message>
    <message>
      <location filename="../plugin/export/legend_fit.py" />
      <source>Legend</source>
      <translation>Légende</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Letters, digits and _; the schema is created when it does not exist</source>
      <translation>Lettres, chiffres et _ ; le schéma est créé s'il n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Licence of the dataset</source>
      <translation>Licence du jeu de données</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Line on the map</source>
      <translation>Ligne sur la carte</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Line under the title; for an atlas the page's name is added to it</source>
      <translation>Ligne sous le titre ; pour un atlas, le nom de la page y est ajouté</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Lines</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Links and lists</source>
      <translation>Liens et listes</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>List</source>
      <translation>Lister</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/refresh.py" />
      <source>Live GBFS status</source>
      <translation>État GBFS en direct</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/refresh.py" />
      <source>Live vehicle positions</source>
      <translation>Positions des véhicules en direct</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Live vehicles (GTFS-RT)</source>
      <translation>Véhicules en direct (GTFS-RT)</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Load</source>
      <translation>Charger</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Load a RUDI resource</source>
      <translation>Charger une ressource RUDI</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Load a data.gouv.fr resource</source>
      <translation>Charger une ressource data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Load a territory</source>
      <translation>Charger un territoire</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Load all</source>
      <translation>Tout charger</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Load an Opendatasoft dataset</source>
      <translation>Charger un jeu de données Opendatasoft</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Load every confirmed entry of the composed profile into a GeoPackage, as load_territory does</source>
      <translation>Charger chaque entrée confirmée du profil composé dans un GeoPackage, comme le fait load_territory</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Load on the map</source>
      <translation>Charger sur la carte</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Load the resource</source>
      <translation>Charger la ressource</translation>
    </message>
    <message>
      <location filename="../ui/resources/sensors_panel.py" />
      <source>Load the sensors of the map extent</source>
      <translation>Charger les capteurs de l'emprise de la carte</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Load the ticked categories</source>
      <translation>Charger les catégories cochées</translation>
    </message>
    <message>
      <location filename="../ui/resources/remembered_row.py" />
      <source>Load this dataset again</source>
      <translation>Recharger ce jeu de données</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Load ticked</source>
      <translation>Charger la sélection</translation>
    </message>
    <message>
      <location filename="../ui/dataset_loader.py" />
      <source>Loaded</source>
      <translation>Chargé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Loaded dataset</source>
      <translation>Jeu de données chargé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Loaded resource</source>
      <translation>Ressource chargée</translation>
    </message>
    <message>
      <location filename="../ui/dataset_loader.py" />
      <source>Loading</source>
      <translation>Chargement de</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Loading the territory</source>
      <translation>Chargement du territoire</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Loads a GTFS network (the zip every French network publishes on transport.data.gouv.fr) for one service day into a GeoPackage with two layers. Stops: every stop with its parent station, wheelchair boarding, the routes stopping there, its departures that day, its departures between 7 and 9 h and the mean time between them (120 minutes divided by those departures). Routes: one line per route and direction running that day, drawn from shapes.txt (the shape most of its trips use) or through the stops of its most frequent trip, with its type, names, colours and trips that day. Times past 24:00:00 belong to the service day of their trip; frequencies.txt is expanded; a feed given by calendar_dates.txt alone is read as well. The feed is read in one streaming pass, so a network the size of Île-de-France's loads in seconds and in bounded memory. Rows that cannot be used (stops without coordinates, stop times naming unknown stops or trips) are left out and reported.</source>
      <translation>Charge un réseau GTFS (le zip que chaque réseau français publie sur transport.data.gouv.fr) pour un jour de service dans un GeoPackage à deux couches. Arrêts : chaque arrêt avec sa station parente, l'accès en fauteuil roulant, les lignes qui s'y arrêtent, ses départs du jour, ses départs entre 7 et 9 h et l'intervalle moyen entre eux (120 minutes divisées par ces départs). Lignes : une ligne par itinéraire et par sens circulant ce jour-là, tracée d'après shapes.txt (le tracé qu'emprunte la majorité de ses courses) ou par les arrêts de sa course la plus fréquente, avec son type, ses noms, ses couleurs et ses courses du jour. Les horaires au-delà de 24:00:00 appartiennent au jour de service de leur course ; frequencies.txt est développé ; un flux décrit par calendar_dates.txt seul est lu aussi. Le flux est lu en une seule passe, si bien qu'un réseau de la taille de celui de l'Île-de-France se charge en quelques secondes et avec une mémoire bornée. Les lignes inutilisables (arrêts sans coordonnées, horaires désignant des arrêts ou des courses inconnus) sont écartées et signalées.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Loads every resource a territory profile lists (open data portals, OpenStreetMap, GBFS feeds, citizen sensors) and the territory's boundary into one GeoPackage: one layer per category and source with the common fields, a 'sources' table (source, dataset, licence, URL, date, feature count, status) and the layers' styles, so the file opens styled in any QGIS. A source that fails is reported and skipped; the others still load. Identifiers marked unconfirmed and entries disabled in the profile are skipped.</source>
      <translation>Charge toutes les ressources listées par un profil de territoire (portails de données ouvertes, OpenStreetMap, flux GBFS, capteurs citoyens) et le contour du territoire dans un seul GeoPackage : une couche par catégorie et par source avec les champs communs, une table « sources » (source, jeu de données, licence, URL, date, nombre d'entités, statut) et les styles des couches, pour que le fichier s'ouvre stylé dans n'importe quel QGIS. Une source en échec est signalée et ignorée ; les autres se chargent quand même. Les identifiants non confirmés et les entrées désactivées dans le profil sont ignorés.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Loads one dataset of an Opendatasoft portal (Rennes, STAR, Nantes, Toulouse, Bordeaux, Paris, Strasbourg, Lille...) as a layer, through the portal's GeoJSON export: no 10,000-record limit. The geometry comes from the dataset's geo_shape or geo_point_2d field, whatever its name; a dataset without one loads as a table. The layer carries the common fields (category, name, source, source_dataset, licence, fetched_at) beside the dataset's own. An optional ODSQL filter and extent limit what is downloaded. A private dataset needs an authentication configuration holding the portal's API key (a Basic configuration whose password is the key).</source>
      <translation>Charge un jeu de données d'un portail Opendatasoft (Rennes, STAR, Nantes, Toulouse, Bordeaux, Paris, Strasbourg, Lille...) comme couche, par l'export GeoJSON du portail : pas de limite de 10 000 enregistrements. La géométrie vient du champ geo_shape ou geo_point_2d du jeu de données, quel que soit son nom ; un jeu de données qui n'en a pas est chargé comme table. La couche porte les champs communs (category, name, source, source_dataset, licence, fetched_at) à côté de ceux du jeu de données. Un filtre ODSQL et une emprise facultatifs limitent ce qui est téléchargé. Un jeu de données privé demande une configuration d'authentification contenant la clé d'API du portail (une configuration Basic dont le mot de passe est la clé).</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Loads one resource of a RUDI producer node (Rennes Urban Data Interface) as a layer. The node's metadata gives the files of the resource; the best file GDAL can read is taken (GeoJSON first, then GeoPackage, zipped shapefile, KML, JSON records or CSV with coordinates). The layer carries the common fields (category, name, source, source_dataset, licence, fetched_at) beside the file's own; the licence is the one the node states. Resources without a loadable file are reported with the formats they offer.</source>
      <translation>Charge une ressource d'un nœud producteur RUDI (Rennes Urban Data Interface) comme couche. Les métadonnées du nœud donnent les fichiers de la ressource ; le meilleur fichier lisible par GDAL est retenu (GeoJSON d'abord, puis GeoPackage, shapefile zippé, KML, enregistrements JSON ou CSV avec coordonnées). La couche porte les champs communs (category, name, source, source_dataset, licence, fetched_at) à côté des champs du fichier ; la licence est celle qu'indique le nœud. Une ressource sans fichier chargeable est signalée avec les formats qu'elle propose.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Loads one resource of a data.gouv.fr dataset as a layer: GeoJSON, zipped shapefile (extracted safely), GeoPackage, KML or CSV with coordinates. French CSVs are read as they come: ';' or ',' separators, UTF-8 with or without BOM or Windows-1252, decimal commas, coordinates in lat/lon columns or in one 'lat,lon' column. Without a resource, the dataset's best geographic resource is taken (GeoJSON first). The layer carries the common fields (category, name, source, source_dataset, licence, fetched_at) beside the resource's own; the licence is the dataset's. A download larger than the size set in the plugin options is reported as a warning.</source>
      <translation>Charge une ressource d'un jeu de données data.gouv.fr comme couche : GeoJSON, shapefile zippé (extrait en sécurité), GeoPackage, KML ou CSV avec coordonnées. Les CSV français sont lus tels quels : séparateurs « ; » ou « , », UTF-8 avec ou sans BOM ou Windows-1252, virgules décimales, coordonnées en colonnes lat/lon ou dans une colonne « lat,lon ». Sans ressource indiquée, la meilleure ressource géographique du jeu est prise (GeoJSON d'abord). La couche porte les champs communs (category, name, source, source_dataset, licence, fetched_at) à côté des champs de la ressource ; la licence est celle du jeu de données. Un téléchargement plus gros que la taille réglée dans les options de l'extension est signalé par un avertissement.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Loads the OpenStreetMap resources of one category (traffic signals, bicycle parking, charging stations, bus stops, car parks, cycleways, street lamps...) through the Overpass API, for an extent or the polygons of an area layer (the territory boundary), or of your own tag conditions (advanced: amenity=parking, key=*, key~expression, joined by &amp;). Signals, lamps, stops and sensors are points; cycleways are lines; car parks are polygons; bicycle parking, charging stations, bike-share stations and car sharing are points, areas being drawn as a point inside them; the advanced Geometry parameter chooses points or polygons for them. Lines and areas the server found but that could not be drawn are counted in a warning. Useful tags are columns, the others are kept in other_tags. Server errors (timeout, memory, rate limit, busy server) stop the algorithm with a clear message; a partial reply is never written. Data © OpenStreetMap contributors, ODbL.</source>
      <translation>Charge les ressources OpenStreetMap d'une catégorie (feux, stationnement vélo, bornes de recharge, arrêts de bus, parkings, aménagements cyclables, éclairage public…) par l'API Overpass, pour une emprise ou les polygones d'une couche de zone (le périmètre du territoire), ou selon vos propres conditions sur les attributs (avancé : amenity=parking, clé=*, clé~expression, reliées par &amp;). Feux, lampadaires, arrêts et capteurs sont des points ; les aménagements cyclables des lignes ; les parkings des polygones ; stationnements vélo, bornes de recharge, stations de vélos en libre-service et autopartage sont des points, les surfaces étant dessinées par un point à l'intérieur ; le paramètre avancé Géométrie choisit points ou polygones pour eux. Les lignes et surfaces trouvées par le serveur mais impossibles à dessiner sont comptées dans un avertissement. Les attributs utiles sont des colonnes, les autres restent dans other_tags. Les erreurs du serveur (délai dépassé, mémoire, limite de requêtes, serveur occupé) arrêtent l'algorithme avec un message clair ; une réponse partielle n'est jamais écrite. Données © les contributeurs d'OpenStreetMap, ODbL.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>Loads the citizen air-quality and noise sensors of sensor.community in an extent, one point per location with the latest value of each measure (PM10, PM2.5, temperature, humidity, pressure, noise), indoor sensors flagged. The readings of the last five minutes are asked; a sensor that reported several times keeps its latest reading. Data: sensor.community, ODbL. The layer is styled on PM2.5 with the European Air Quality Index bands.</source>
      <translation>Charge les capteurs citoyens de qualité de l'air et de bruit de sensor.community dans une emprise, un point par emplacement avec la dernière valeur de chaque mesure (PM10, PM2,5, température, humidité, pression, bruit), les capteurs en intérieur signalés. Les mesures des cinq dernières minutes sont demandées ; un capteur qui a transmis plusieurs fois garde sa dernière mesure. Données : sensor.community, ODbL. La couche est symbolisée sur les PM2,5 selon les classes de l'indice européen de qualité de l'air.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_vehicles.py" />
      <source>Loads the free-floating vehicles of a shared-vehicle system published in GBFS 1.x, 2.x (free_bike_status) or 3.0 (vehicle_status), where they are now: one point per available vehicle with its type, form factor and propulsion (from vehicle_types when the system publishes them), whether it is reserved or disabled, and its remaining range.</source>
      <translation>Charge les véhicules en free-floating d'un système de véhicules partagés publié en GBFS 1.x, 2.x (free_bike_status) ou 3.0 (vehicle_status), là où ils sont : un point par véhicule disponible avec son type, sa forme et sa motorisation (d'après vehicle_types quand le système les publie), s'il est réservé ou hors service, et son autonomie restante.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>Loads the stations of a shared-vehicle system (bike share, car sharing...) published in GBFS 1.x, 2.x or 3.0: station_information joined with station_status, so every station carries its available vehicles and docks, whether it is installed, renting and returning, and the time of its last report. The category is car_sharing when the system only has cars, bike_share_station otherwise; the licence comes from the system's information when it publishes one. The dock lists the French systems and can refresh the status periodically.</source>
      <translation>Charge les stations d'un système de véhicules partagés (vélos en libre-service, autopartage...) publié en GBFS 1.x, 2.x ou 3.0 : station_information jointe à station_status, de sorte que chaque station porte ses véhicules et bornes disponibles, si elle est installée, ouverte à la location et au retour, et l'heure de son dernier relevé. La catégorie est car_sharing quand le système n'a que des voitures, bike_share_station sinon ; la licence vient des informations du système quand il en publie une. Le panneau liste les systèmes français et peut actualiser l'état périodiquement.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_vehicles.py" />
      <source>Loads where the vehicles of a public transport network are now, from its GTFS-RT VehiclePositions feed (a protobuf message, often published beside the GTFS on transport.data.gouv.fr): one point per vehicle with its id and label, the trip and route it serves, the stop it is at or heading to, its bearing, its speed (m/s and km/h) and the time of its position. Vehicles without a usable position are left out and counted. The Resources panel can refresh such a layer periodically.</source>
      <translation>Charge la position actuelle des véhicules d'un réseau de transport collectif, depuis son flux GTFS-RT VehiclePositions (un message protobuf, souvent publié à côté du GTFS sur transport.data.gouv.fr) : un point par véhicule avec son identifiant et son libellé, la course et la ligne qu'il assure, l'arrêt où il se trouve ou vers lequel il va, son cap, sa vitesse (m/s et km/h) et l'heure de sa position. Les véhicules sans position utilisable sont écartés et comptés. Le panneau Ressources peut actualiser une telle couche périodiquement.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Locate addresses</source>
      <translation>Localiser les adresses</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Locate rows without coordinates from their address (Base Adresse Nationale)</source>
      <translation>Localiser les lignes sans coordonnées d'après leur adresse (Base Adresse Nationale)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Locate the challenges without coordinates from their address columns (adresse, code postal, commune) through the Base Adresse Nationale</source>
      <translation>Localiser les défis sans coordonnées d'après leurs colonnes d'adresse (adresse, code postal, commune) avec la Base Adresse Nationale</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Logistics</source>
      <translation>Logistique</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Logo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Looking up the territory</source>
      <translation>Recherche du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>MB</source>
      <translation>Mo</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Make a new, empty register at the given place before importing</source>
      <translation>Créer un registre vide à l'endroit indiqué avant l'import</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Maker</source>
      <translation>Makers (fablab)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Map extent</source>
      <translation>Emprise de la carte</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Map extent only</source>
      <translation>Emprise de la carte seulement</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>Map made on</source>
      <translation>Carte réalisée le</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Maps only</source>
      <translation>Cartes seulement</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Maximum number of datasets</source>
      <translation>Nombre maximal de jeux de données</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Mobility domain</source>
      <translation>Domaine de mobilité</translation>
    </message>
    <message>
      <location filename="../plugin/register/schema.py" />
      <source>Mobility domains</source>
      <translation>Domaines de mobilité</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Moderate (20-25 µg/m³)</source>
      <translation>Dégradé (20-25 µg/m³)</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Modified</source>
      <translation>Modifié le</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Name field</source>
      <translation>Champ du nom</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Name the schema of the PostgreSQL destination (postgres:&lt;connection&gt;/&lt;schema&gt;)</source>
      <translation>Indiquez le schéma de la destination PostgreSQL (postgres:&lt;connexion&gt;/&lt;schéma&gt;)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>Name the schema of the PostgreSQL destination (postgres:&lt;connection&gt;/&lt;schema&gt;/&lt;table&gt;)</source>
      <translation>Indiquez le schéma de la destination PostgreSQL (postgres:&lt;connexion&gt;/&lt;schéma&gt;/&lt;table&gt;)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>National bases…</source>
      <translation>Bases nationales…</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>National file</source>
      <translation>Fichier national</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Network GeoPackage</source>
      <translation>GeoPackage du réseau</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Network: stops and routes</source>
      <translation>Réseau : arrêts et lignes</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>New register</source>
      <translation>Nouveau registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>New register GeoPackage</source>
      <translation>GeoPackage du nouveau registre</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>New…</source>
      <translation>Nouveau…</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Next weekday with service</source>
      <translation>Prochain jour de semaine avec service</translation>
    </message>
    <message>
      <location filename="../plugin/compose/lookup.py" />
      <source>No French commune or EPCI is named or coded</source>
      <translation>Aucune commune ni EPCI français n'a pour nom ou pour code</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>No GDAL driver writes this file extension</source>
      <translation>Aucun pilote GDAL n'écrit cette extension de fichier</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>No PM2.5 reading</source>
      <translation>Pas de mesure PM2,5</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>No PostgreSQL connection named in the destination</source>
      <translation>Aucune connexion PostgreSQL nommée dans la destination</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>No RUDI producer node given (base URL)</source>
      <translation>Aucun nœud producteur RUDI indiqué (URL de base)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>No RUDI resource given (global_id)</source>
      <translation>Aucune ressource RUDI indiquée (global_id)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>No answer from {host} in {seconds} s: the server is down or overloaded, try again later</source>
      <translation>Pas de réponse de {host} en {seconds} s : le serveur est arrêté ou surchargé, réessayez plus tard</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>No answer from {host} within QGIS's network timeout (Settings › Options › Network › Timeout)</source>
      <translation>Pas de réponse de {host} dans le délai réseau de QGIS (Préférences › Options › Réseau › Délai d'expiration)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_model.py" />
      <source>No area of action</source>
      <translation>Sans zone d'action</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>No coordinate columns found in the CSV (looked for lat/lon, latitude/longitude, x/y, coordonnees...)</source>
      <translation>Aucune colonne de coordonnées trouvée dans le CSV (recherchées : lat/lon, latitude/longitude, x/y, coordonnees...)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>No data.gouv.fr dataset given (id or slug)</source>
      <translation>Aucun jeu de données data.gouv.fr indiqué (identifiant ou slug)</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>No domain</source>
      <translation>Sans domaine</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>No feature has a geometry: the coordinate column(s) held nothing GDAL could read</source>
      <translation>Aucune entité n'a de géométrie : la ou les colonnes de coordonnées ne contenaient rien que GDAL sache lire</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>No file at this path</source>
      <translation>Aucun fichier à cet emplacement</translation>
    </message>
    <message>
      <location filename="../plugin/register/export.py" />
      <source>No folder given for the export</source>
      <translation>Aucun dossier indiqué pour l'export</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>No layer is shown on the map: tick the layers to print</source>
      <translation>Aucune couche n'est affichée sur la carte : cochez les couches à imprimer</translation>
    </message>
    <message>
      <location filename="../ui/register/list_model.py" />
      <source>No location</source>
      <translation>Sans localisation</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>No register at this path</source>
      <translation>Aucun registre à cet emplacement</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>No register given: choose a GeoPackage file or a PostgreSQL connection</source>
      <translation>Aucun registre indiqué : choisissez un fichier GeoPackage ou une connexion PostgreSQL</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>No register in this project</source>
      <translation>Aucun registre dans ce projet</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>No register there yet: a new one is created</source>
      <translation>Pas encore de registre à cet endroit : un nouveau est créé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>No resource of the territory could be loaded</source>
      <translation>Aucune ressource du territoire n'a pu être chargée</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>No resource of {name} could be loaded ({count} failed)</source>
      <translation>Aucune ressource de {name} n'a pu être chargée ({count} en échec)</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>No saved PostgreSQL connection in QGIS: add one in the Data Source Manager first</source>
      <translation>Aucune connexion PostgreSQL enregistrée dans QGIS : ajoutez-en une d'abord dans le gestionnaire des sources de données</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>No saved PostgreSQL connection of this name in QGIS</source>
      <translation>Aucune connexion PostgreSQL enregistrée de ce nom dans QGIS</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>No station_status feed: availability columns are empty</source>
      <translation>Pas de flux station_status : les colonnes de disponibilité sont vides</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>No yearly file of road accidents was found on data.gouv.fr</source>
      <translation>Aucun fichier annuel des accidents de la route n'a été trouvé sur data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Not a format that loads as a layer</source>
      <translation>Format qui ne se charge pas comme couche</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>Not a map layer</source>
      <translation>Ce n'est pas une couche cartographique</translation>
    </message>
    <message>
      <location filename="../plugin/compose/services.py" />
      <source>Not an http or https address</source>
      <translation>Pas une adresse http ou https</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Not found in the catalogs, missing from the profile:</source>
      <translation>Introuvable dans les catalogues, absent du profil :</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Notes of the profile (hover to read them)</source>
      <translation>Notes du profil (survolez pour les lire)</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>Nothing was imported</source>
      <translation>Rien n'a été importé</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>Nothing was imported: rows of the file are invalid</source>
      <translation>Rien n'a été importé : des lignes du fichier sont invalides</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Number of features</source>
      <translation>Nombre d'entités</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Number of routes (per direction)</source>
      <translation>Nombre de lignes (par sens)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Number of stops</source>
      <translation>Nombre d'arrêts</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>ODSQL filter</source>
      <translation>Filtre ODSQL</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>OSM</source>
      <translation>OSM</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Offline (answer from the cache only)</source>
      <translation>Hors ligne (réponses du cache uniquement)</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Offline (cached replies only)</source>
      <translation>Hors ligne (réponses en cache)</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Offline mode is on (plugin options): addresses cannot be located</source>
      <translation>Le mode hors ligne est activé (options de l'extension) : les adresses ne peuvent pas être localisées</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Offline mode: answer from the cache only</source>
      <translation>Mode hors ligne : répondre uniquement depuis le cache</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>Offline mode: this reply is not in the cache</source>
      <translation>Mode hors ligne : cette réponse n'est pas dans le cache</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>One feature per challenge with counts, nearest distances, competent actors and a summary</source>
      <translation>Une entité par défi avec les comptes, les distances au plus proche, les acteurs compétents et un résumé</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>One file per table; files of a previous export in the folder are replaced.</source>
      <translation>Un fichier par table ; les fichiers d'un export précédent dans le dossier sont remplacés.</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>One page per feature of</source>
      <translation>Une page par entité de</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>One page per feature of (atlas)</source>
      <translation>Une page par entité de (atlas)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>One row per mobility domain: open and solved challenges, competent actors and resources of the categories related to the domain (resources_related), with their count per category in the res_&lt;category&gt; columns (empty when the category is not related to the domain). Mark: weak when there are open challenges and no competent actor or no related resource, or more than three open challenges per competent actor; strong when there are competent actors and related resources and at most two open challenges per competent actor; balanced otherwise. Optionally writes an HTML report with a chart and the related resources by category per domain.</source>
      <translation>Une ligne par domaine de mobilité : défis ouverts et résolus, acteurs compétents et ressources des catégories liées au domaine (resources_related), avec leur nombre par catégorie dans les colonnes res_&lt;catégorie&gt; (vides quand la catégorie n'est pas liée au domaine). Appréciation : faible quand il y a des défis ouverts et aucun acteur compétent ou aucune ressource liée, ou plus de trois défis ouverts par acteur compétent ; fort quand il y a des acteurs compétents et des ressources liées et au plus deux défis ouverts par acteur compétent ; équilibré sinon. Écrit en option un rapport HTML avec, par domaine, un graphique et les ressources liées par catégorie.</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>Only a GeoPackage can receive a layer beside others</source>
      <translation>Seul un GeoPackage peut recevoir une couche à côté d'autres</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_csv.py" />
      <source>Only challenges and actors can be imported</source>
      <translation>Seuls les défis et les acteurs peuvent être importés</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Only datasets of this portal theme, written exactly as the portal does (such as Mobilité)</source>
      <translation>Seulement les jeux de données de ce thème du portail, écrit exactement comme le portail l'écrit (par exemple Mobilité)</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Only datasets with a geographic resource</source>
      <translation>Seulement les jeux avec une ressource géographique</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Only datasets with a geometry</source>
      <translation>Seulement les jeux de données avec géométrie</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Only geographic resources</source>
      <translation>Seulement les ressources géographiques</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Only within</source>
      <translation>Seulement dans</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Open</source>
      <translation>Ouvrir</translation>
    </message>
    <message>
      <location filename="../main.py" />
      <source>Open Territory</source>
      <translation>Territoire ouvert</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>Open Territory planning, from</source>
      <translation>Planification Territoire ouvert, d'après</translation>
    </message>
    <message>
      <location filename="../plugin/register/schema.py" />
      <source>Open Territory: this row was changed by someone else since you read it; nothing was overwritten. Keep your edits aside, reload the layer and edit again</source>
      <translation>Territoire ouvert : cette ligne a été modifiée par quelqu'un d'autre depuis que vous l'avez lue ; rien n'a été écrasé. Mettez vos modifications de côté, rechargez la couche et modifiez à nouveau</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Open a register</source>
      <translation>Ouvrir un registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Open a register made with Open Territory.</source>
      <translation>Ouvrir un registre créé avec Open Territory.</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Open a territory profile</source>
      <translation>Ouvrir un profil de territoire</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Open a territory profile file (JSON)</source>
      <translation>Ouvrir un fichier de profil de territoire (JSON)</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Open challenges</source>
      <translation>Défis ouverts</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Open in Overpass Turbo</source>
      <translation>Ouvrir dans Overpass Turbo</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Open in the layout designer</source>
      <translation>Ouvrir dans le composeur</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Open its form; the change is saved when the form is accepted</source>
      <translation>Ouvrir son formulaire ; la modification est enregistrée quand le formulaire est validé</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Open or create a register first</source>
      <translation>Ouvrez ou créez d'abord un registre</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Open the dataset page</source>
      <translation>Ouvrir la page du jeu de données</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Open the folder</source>
      <translation>Ouvrir le dossier</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>OpenStreetMap (Overpass)</source>
      <translation>OpenStreetMap (Overpass)</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>OpenStreetMap count</source>
      <translation>Décompte OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>OpenStreetMap resources</source>
      <translation>Ressources OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>OpenStreetMap resources (Overpass)</source>
      <translation>Ressources OpenStreetMap (Overpass)</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>OpenStreetMap resources loaded</source>
      <translation>Ressources OpenStreetMap chargées</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/tags.py" />
      <source>OpenStreetMap: a tag condition is key=value, key=*, key!=value or key~expression, joined by &amp;</source>
      <translation>OpenStreetMap : une condition s'écrit clé=valeur, clé=*, clé!=valeur ou clé~expression, reliées par &amp;</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>OpenStreetMap: the geometry is points, polygons or lines</source>
      <translation>OpenStreetMap : la géométrie est points, polygones ou lignes</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Opendatasoft</source>
      <translation>Opendatasoft</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>Opendatasoft portal</source>
      <translation>Portail Opendatasoft</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Opendatasoft portal whose catalog is searched</source>
      <translation>Portail Opendatasoft dont le catalogue est interrogé</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Opendatasoft portals</source>
      <translation>Portails Opendatasoft</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Opendatasoft search</source>
      <translation>Recherche Opendatasoft</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>Opendatasoft: no portal URL given</source>
      <translation>Opendatasoft : aucune URL de portail donnée</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>Opendatasoft: the 'portal' key (base URL of the portal) is missing</source>
      <translation>Opendatasoft : la clé « portal » (URL de base du portail) manque</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Opening the layers…</source>
      <translation>Ouverture des couches…</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Opening the register</source>
      <translation>Ouverture du registre</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Open…</source>
      <translation>Ouvrir…</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Optional</source>
      <translation>Facultatif</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>Optional HTML page with one chart per domain, ready to print</source>
      <translation>Page HTML facultative avec un graphique par domaine, prête à imprimer</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Optional ODSQL where clause, such as capacite &gt; 10 or commune = "Rennes"</source>
      <translation>Clause where ODSQL facultative, par exemple capacite &gt; 10 ou commune = "Rennes"</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Optional extent: only records whose geometry lies in it are downloaded</source>
      <translation>Emprise facultative : seuls les enregistrements dont la géométrie s'y trouve sont téléchargés</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Or a schema of a PostGIS database, through a saved QGIS connection: postgres:&lt;connection&gt;/&lt;schema&gt;; its tables of the same names are replaced in one transaction when the load succeeds, its other tables stay</source>
      <translation>Ou un schéma d'une base PostGIS, par une connexion enregistrée dans QGIS : postgres:&lt;connexion&gt;/&lt;schéma&gt; ; ses tables de mêmes noms sont remplacées en une transaction quand le chargement réussit, ses autres tables restent</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Or a table of a PostGIS database, through a saved QGIS connection: postgres:&lt;connection&gt;/&lt;schema&gt;/&lt;table&gt;, replaced in one transaction when the load succeeds</source>
      <translation>Ou une table d'une base PostGIS, par une connexion enregistrée dans QGIS : postgres:&lt;connexion&gt;/&lt;schéma&gt;/&lt;table&gt;, remplacée en une transaction quand le chargement réussit</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Orientation</source>
      <translation>Orientation</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Other</source>
      <translation>Autre</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>Other areas</source>
      <translation>Autres zones</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Other portal URL</source>
      <translation>URL d'un autre portail</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Other resources</source>
      <translation>Autres ressources</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Other ways to add are in the menu of the arrow</source>
      <translation>Les autres façons d'ajouter sont dans le menu de la flèche</translation>
    </message>
    <message>
      <location filename="../ui/place_area.py" />
      <source>Outline of</source>
      <translation>Contour de</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Outlines of the communes of</source>
      <translation>Contours des communes de</translation>
    </message>
    <message>
      <location filename="../ui/resources/source_panel.py" />
      <source>Output</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Output file</source>
      <translation>Fichier de sortie</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Output file named after the format</source>
      <translation>Fichier de sortie renommé selon le format</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Overlay done</source>
      <translation>Superposition terminée</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Overlay the register on the resources: what surrounds each challenge, who can act.</source>
      <translation>Superposer le registre aux ressources : ce qui entoure chaque défi, qui peut agir.</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Overpass API server used for OpenStreetMap resources</source>
      <translation>Serveur de l'API Overpass utilisé pour les ressources OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Overpass interpreter URL (http or https); empty: the server chosen in the settings</source>
      <translation>URL de l'interpréteur Overpass (http ou https) ; vide : le serveur choisi dans les paramètres</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Overpass server</source>
      <translation>Serveur Overpass</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Overpass server written in the profile</source>
      <translation>Serveur Overpass écrit dans le profil</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/query.py" />
      <source>Overpass: an extent or an area is needed</source>
      <translation>Overpass : une emprise ou une zone est nécessaire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Overpass: no OpenStreetMap preset for this category</source>
      <translation>Overpass : aucun préréglage OpenStreetMap pour cette catégorie</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/query.py" />
      <source>Overpass: the area is not a valid polygon (WKT in EPSG:4326)</source>
      <translation>Overpass : la zone n'est pas un polygone valide (WKT en EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/query.py" />
      <source>Overpass: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)</source>
      <translation>Overpass : l'emprise doit être xmin, ymin, xmax, ymax en degrés (EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the query ran out of memory on the server. Choose a smaller area.</source>
      <translation>Overpass : la requête a manqué de mémoire sur le serveur. Choisissez une zone plus petite.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the query timed out on the server. Choose a smaller area or a longer timeout.</source>
      <translation>Overpass : la requête a dépassé le délai sur le serveur. Choisissez une zone plus petite ou un délai plus long.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Overpass: the reply has no count</source>
      <translation>Overpass : la réponse ne donne pas de décompte</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the reply is not OSM XML</source>
      <translation>Overpass : la réponse n'est pas du XML OSM</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Overpass: the reply was cut before its end; nothing was written. Try again, or choose a smaller area.</source>
      <translation>Overpass : la réponse a été coupée avant sa fin ; rien n'a été écrit. Réessayez, ou choisissez une zone plus petite.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server answered in JSON where OSM XML was asked</source>
      <translation>Overpass : le serveur a répondu en JSON alors que du XML OSM était demandé</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server answered with an error</source>
      <translation>Overpass : le serveur a répondu par une erreur</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Overpass: the server did not answer in time. Choose a smaller area or a longer timeout.</source>
      <translation>Overpass : le serveur n'a pas répondu à temps. Choisissez une zone plus petite ou un délai plus long.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server is too busy to take the query. Try again later or choose another server.</source>
      <translation>Overpass : le serveur est trop chargé pour accepter la requête. Réessayez plus tard ou choisissez un autre serveur.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server limits the requests from this address (rate limited). Wait a minute or choose another server.</source>
      <translation>Overpass : le serveur limite les requêtes de cette adresse (quota atteint). Attendez une minute ou choisissez un autre serveur.</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server rejected the query</source>
      <translation>Overpass : le serveur a refusé la requête</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/reply.py" />
      <source>Overpass: the server reported an error</source>
      <translation>Overpass : le serveur a signalé une erreur</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Overpass: the timeout must be a number of seconds</source>
      <translation>Overpass : le délai doit être un nombre de secondes</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Own tag conditions</source>
      <translation>Conditions propres sur les attributs</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Owner</source>
      <translation>Propriétaire</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>PDF or PNG file; its extension follows FORMAT. A PNG atlas writes &lt;name&gt;_&lt;page name&gt;.png beside it</source>
      <translation>Fichier PDF ou PNG ; son extension suit FORMAT. Un atlas PNG écrit &lt;nom&gt;_&lt;nom de la page&gt;.png à côté</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>PNG image</source>
      <translation>Image PNG</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Page</source>
      <translation>Page</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Page size</source>
      <translation>Format de page</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Pages</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Paper size: A4 or A3 (or 0, 1)</source>
      <translation>Format du papier : A4 ou A3 (ou 0, 1)</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Parking</source>
      <translation>Stationnement</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Physical asset</source>
      <translation>Bien matériel</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Place</source>
      <translation>Lieu</translation>
    </message>
    <message>
      <location filename="../ui/place_locator.py" />
      <source>Place search</source>
      <translation>Recherche de lieu</translation>
    </message>
    <message>
      <location filename="../ui/place_locator.py" />
      <source>Places (Open Territory)</source>
      <translation>Lieux (Territoire ouvert)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" />
      <source>Planning</source>
      <translation>Planification</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Point on the map</source>
      <translation>Point sur la carte</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Points</source>
      <translation>Points</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Points, lines and areas together (lines and areas by a point inside them, which also decides whether an actor's area of action covers them); challenges without a location get no distances, only the competent actors without an area of action</source>
      <translation>Points, lignes et zones ensemble (lignes et zones par un point situé dessus, qui décide aussi si la zone d'action d'un acteur les couvre) ; les défis sans localisation n'ont pas de distances, seulement les acteurs compétents sans zone d'action</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Points: every feature, areas and lines as a point on them; polygons: the areas; lines: the ways</source>
      <translation>Points : chaque objet, surfaces et lignes par un point sur elles ; polygones : les surfaces ; lignes : les chemins</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Polygons</source>
      <translation>Polygones</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Polygons to cover (for instance the territory boundary), in any CRS; replaces the extent</source>
      <translation>Polygones à couvrir (par exemple le périmètre du territoire), dans n'importe quel SCR ; remplace l'emprise</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Polygons to cover (the territory boundary); empty: the map extent</source>
      <translation>Polygones à couvrir (le périmètre du territoire) ; vide : l'emprise de la carte</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Poor (25-50 µg/m³)</source>
      <translation>Mauvais (25-50 µg/m³)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>Portal (base URL)</source>
      <translation>Portail (URL de base)</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Portal API key</source>
      <translation>Clé d'API du portail</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Portals</source>
      <translation>Portails</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Portrait</source>
      <translation>Portrait</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>PostGIS is not installed in the database and could not be added; ask its administrator to run CREATE EXTENSION postgis</source>
      <translation>PostGIS n'est pas installé dans la base et n'a pas pu y être ajouté ; demandez à son administrateur d'exécuter CREATE EXTENSION postgis</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>PostGIS is not installed in the database; ask its administrator to run CREATE EXTENSION postgis</source>
      <translation>PostGIS n'est pas installé dans la base ; demandez à son administrateur d'exécuter CREATE EXTENSION postgis</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>PostgreSQL connection</source>
      <translation>Connexion PostgreSQL</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>PostgreSQL database (PostGIS)</source>
      <translation>Base PostgreSQL (PostGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Priority</source>
      <translation>Priorité</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Producer</source>
      <translation>Producteur</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Producer node</source>
      <translation>Nœud producteur</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Producer node (base URL)</source>
      <translation>Nœud producteur (URL de base)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Profile</source>
      <translation>Profil</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Profile (*.json)</source>
      <translation>Profil (*.json)</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Profile composed</source>
      <translation>Profil composé</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Profile composed for</source>
      <translation>Profil composé pour</translation>
    </message>
    <message>
      <location filename="../ui/compose_options.py" />
      <source>Profile composer</source>
      <translation>Compositeur de profils</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Profiles (*.json)</source>
      <translation>Profils (*.json)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>Projected CRS for distances; empty: EPSG:2154 in mainland France, else the UTM zone</source>
      <translation>SCR projeté pour les distances ; vide : EPSG:2154 en France métropolitaine, sinon la zone UTM</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>Projected coordinates in an unknown system; the layer has no CRS</source>
      <translation>Coordonnées projetées dans un système inconnu ; la couche n'a pas de SCR</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Public body</source>
      <translation>Organisme public</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Public transport</source>
      <translation>Transport collectif</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Public transport (GTFS)</source>
      <translation>Transport collectif (GTFS)</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Public transport routes</source>
      <translation>Lignes de transport collectif</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Public transport stops</source>
      <translation>Arrêts de transport collectif</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Public vehicles (live)</source>
      <translation>Véhicules publics (en direct)</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Publisher</source>
      <translation>Producteur</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>QGIS could not export the map</source>
      <translation>QGIS n'a pas pu exporter la carte</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>RUDI (Rennes)</source>
      <translation>RUDI (Rennes)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Radius around each challenge within which resources are counted, in metres</source>
      <translation>Rayon autour de chaque défi dans lequel les ressources sont comptées, en mètres</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Raised by</source>
      <translation>Signalé par</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Reading the RUDI catalog…</source>
      <translation>Lecture du catalogue RUDI…</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Reading the network…</source>
      <translation>Lecture du réseau…</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Reason</source>
      <translation>Motif</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Recent</source>
      <translation>Récents</translation>
    </message>
    <message>
      <location filename="../ui/resources/remembered_row.py" />
      <source>Recent datasets: none loaded yet</source>
      <translation>Jeux récents : aucun chargé pour l'instant</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Records</source>
      <translation>Enregistrements</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>Redirect from a secure (https) address to an insecure (http) one refused</source>
      <translation>Redirection d'une adresse sécurisée (https) vers une adresse non sécurisée (http) refusée</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>Redirect to another site refused: the request carries an API key or an authentication configuration, which is only sent to the site it was given for</source>
      <translation>Redirection vers un autre site refusée : la requête porte une clé d'API ou une configuration d'authentification, qui n'est envoyée qu'au site pour lequel elle a été donnée</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Refresh from OpenStreetMap</source>
      <translation>Actualiser depuis OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Refresh the positions every</source>
      <translation>Actualiser les positions toutes les</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Refresh the status every</source>
      <translation>Actualiser l'état toutes les</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Register</source>
      <translation>Registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Register GeoPackage</source>
      <translation>GeoPackage du registre</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Register created</source>
      <translation>Registre créé</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Register exported</source>
      <translation>Registre exporté</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Register opened</source>
      <translation>Registre ouvert</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Related resources</source>
      <translation>Ressources liées</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Related resources by category</source>
      <translation>Ressources liées par catégorie</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Remove from favourites</source>
      <translation>Retirer des favoris</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Replaces the loaded vehicles by their new positions, in the background, while the layer is in the project</source>
      <translation>Remplace les véhicules chargés par leurs nouvelles positions, en arrière-plan, tant que la couche est dans le projet</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Report of the rows left out</source>
      <translation>Rapport des lignes écartées</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_columns.py" />
      <source>Required columns are missing from the file</source>
      <translation>Des colonnes obligatoires manquent dans le fichier</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Resource</source>
      <translation>Ressource</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>Resource (global_id)</source>
      <translation>Ressource (global_id)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Resource (id or title)</source>
      <translation>Ressource (identifiant ou titre)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Resource category written in the 'category' field</source>
      <translation>Catégorie de ressource écrite dans le champ « category »</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Resource layers</source>
      <translation>Couches de ressources</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/planning_inputs.py" />
      <source>Resource layers, each with a category field</source>
      <translation>Couches de ressources, chacune avec un champ category</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Resources</source>
      <translation>Ressources</translation>
    </message>
    <message>
      <location filename="../plugin/register/schema.py" />
      <source>Resources catalog</source>
      <translation>Catalogue des ressources</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" />
      <source>Resources from open portals</source>
      <translation>Ressources des portails ouverts</translation>
    </message>
    <message>
      <location filename="../ui/resources/rudi_panel.py" />
      <source>Resources in the catalog</source>
      <translation>Ressources du catalogue</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Resources mapped in OpenStreetMap (© OpenStreetMap contributors, ODbL), loaded through an Overpass server for the map extent or an area layer.</source>
      <translation>Ressources cartographiées dans OpenStreetMap (© les contributeurs d'OpenStreetMap, ODbL), chargées via un serveur Overpass pour l'emprise de la carte ou une couche de zone.</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>Resources of the challenge</source>
      <translation>Ressources du défi</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Restore defaults</source>
      <translation>Rétablir les valeurs par défaut</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Retries</source>
      <translation>Nouvelles tentatives</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Retries after a busy server (HTTP 429, 502, 503, 504)</source>
      <translation>Nouvelles tentatives après un serveur occupé (HTTP 429, 502, 503, 504)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/accidents.py" />
      <source>Road accidents</source>
      <translation>Accidents de la route</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Road accidents (data.gouv.fr)…</source>
      <translation>Accidents de la route (data.gouv.fr)…</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Road accidents are missing from the profile</source>
      <translation>Les accidents de la route sont absents du profil</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Road safety</source>
      <translation>Sécurité routière</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Road works</source>
      <translation>Travaux de voirie</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Roads</source>
      <translation>Voirie</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Routes</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Routes (per direction)</source>
      <translation>Lignes (par sens)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Rows coded by municipal arrondissement are not kept by the national files</source>
      <translation>Les lignes codées par arrondissement municipal ne sont pas retenues dans les fichiers nationaux</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Rows imported</source>
      <translation>Lignes importées</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Rows left out</source>
      <translation>Lignes écartées</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Rows located from their address</source>
      <translation>Lignes localisées d'après leur adresse</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Rows shown by the filters, of the rows in the register</source>
      <translation>Lignes affichées par les filtres, sur les lignes du registre</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Save or discard the edits of the register's layers first</source>
      <translation>Enregistrez ou annulez d'abord les modifications des couches du registre</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Save this territory's set-up (with the ticked resources) as a profile another territory can adapt</source>
      <translation>Enregistrer la configuration de ce territoire (avec les ressources cochées) comme un profil qu'un autre territoire peut adapter</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Saved to the register</source>
      <translation>Enregistré dans le registre</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Schema</source>
      <translation>Schéma</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>School</source>
      <translation>Établissement d'enseignement</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Search an Opendatasoft portal</source>
      <translation>Rechercher dans un portail Opendatasoft</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Search datasets (every word must match)</source>
      <translation>Rechercher des jeux de données (tous les mots doivent correspondre)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Search name, contact, website</source>
      <translation>Chercher dans le nom, le contact, le site web</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Search text</source>
      <translation>Texte recherché</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Search the catalog (vélo, parking, bus...)</source>
      <translation>Chercher dans le catalogue (vélo, parking, bus...)</translation>
    </message>
    <message>
      <location filename="../ui/resources_section.py" />
      <source>Search the open data portals and load their datasets as layers.</source>
      <translation>Rechercher dans les portails de données ouvertes et charger leurs jeux de données comme couches.</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Search title, description, raised by</source>
      <translation>Chercher dans le titre, la description, le porteur</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Searches the catalog of an Opendatasoft portal and writes one row per dataset: id, title, description, themes, keywords, publisher, licence, modification date, record count, whether it is geographic and its geometry field, its fields and its page URL. Give a dataset_id of the table to 'Load an Opendatasoft dataset'.</source>
      <translation>Cherche dans le catalogue d'un portail Opendatasoft et écrit une ligne par jeu de données : identifiant, titre, description, thèmes, mots-clés, producteur, licence, date de modification, nombre d'enregistrements, s'il est géographique et son champ de géométrie, ses champs et l'URL de sa page. Donnez un dataset_id de la table à « Charger un jeu de données Opendatasoft ».</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Searching data.gouv.fr…</source>
      <translation>Recherche sur data.gouv.fr…</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>Searching the territory</source>
      <translation>Recherche du territoire</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Searching…</source>
      <translation>Recherche…</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Seconds the server may spend on each query</source>
      <translation>Secondes que le serveur peut consacrer à chaque requête</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Seconds the server may spend on the query; the request waits 30 s longer</source>
      <translation>Secondes que le serveur peut consacrer à la requête ; la requête réseau attend 30 s de plus</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Select a row in the list first</source>
      <translation>Sélectionnez d'abord une ligne de la liste</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>Sensor types</source>
      <translation>Types de capteurs</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>Sensors</source>
      <translation>Capteurs</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>Server</source>
      <translation>Serveur</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>Service day</source>
      <translation>Jour de service</translation>
    </message>
    <message>
      <location filename="../plugin/compose/lookup.py" />
      <source>Several territories match</source>
      <translation>Plusieurs territoires correspondent à</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Shared vehicles (GBFS)</source>
      <translation>Véhicules partagés (GBFS)</translation>
    </message>
    <message>
      <location filename="../main.py" />
      <source>Show the Open Territory panel</source>
      <translation>Afficher le panneau Territoire ouvert</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Show the actors competent in one mobility domain</source>
      <translation>Afficher les acteurs compétents dans un domaine de mobilité</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Show the actors of one kind</source>
      <translation>Afficher les acteurs d'un type</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Show the challenges of one mobility domain</source>
      <translation>Afficher les défis d'un domaine de mobilité</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Show the challenges of one status</source>
      <translation>Afficher les défis d'un statut</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Side of the grid cells when no zones are given</source>
      <translation>Côté des cellules de la grille quand aucune zone n'est donnée</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>Skipped</source>
      <translation>Ignorée</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Software</source>
      <translation>Logiciel</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Solved</source>
      <translation>Résolu</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Solved challenges</source>
      <translation>Défis résolus</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/parallel.py" />
      <source>Sources fetched: {done} of {count}</source>
      <translation>Sources traitées : {done} sur {count}</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Sources text</source>
      <translation>Texte des sources</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Sources that failed</source>
      <translation>Sources en échec</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>Stations</source>
      <translation>Stations</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Stations with live status</source>
      <translation>Stations avec leur état en direct</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Stop the running operation; nothing is half-written</source>
      <translation>Arrêter l'opération en cours ; rien n'est écrit à moitié</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>Stops</source>
      <translation>Arrêts</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Street lamps</source>
      <translation>Éclairage public</translation>
    </message>
    <message>
      <location filename="../plugin/planning/overlays.py" />
      <source>Strengths and weaknesses by mobility domain</source>
      <translation>Forces et faiblesses par domaine de mobilité</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Subtitle</source>
      <translation>Sous-titre</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Summary</source>
      <translation>Résumé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/competence_matrix.py" />
      <source>Table with one row per mobility domain</source>
      <translation>Table avec une ligne par domaine de mobilité</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Tables (*.csv *.txt *.xlsx *.ods)</source>
      <translation>Tableaux (*.csv *.txt *.xlsx *.ods)</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Tables of the same names already exist in the GeoPackage</source>
      <translation>Des tables de mêmes noms existent déjà dans le GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Tables of the same names already exist; choose another schema</source>
      <translation>Des tables de mêmes noms existent déjà ; choisissez un autre schéma</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Tags</source>
      <translation>Attributs</translation>
    </message>
    <message>
      <location filename="../ui/browser.py" />
      <source>Territories</source>
      <translation>Territoires</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Territories folder</source>
      <translation>Dossier des territoires</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Territory</source>
      <translation>Territoire</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Territory (name or code)</source>
      <translation>Territoire (nom ou code)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Territory GeoPackage</source>
      <translation>GeoPackage du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Territory boundary</source>
      <translation>Contour du territoire</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Territory profile</source>
      <translation>Profil de territoire</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Territory profile written</source>
      <translation>Profil de territoire enregistré</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The CSV file cannot be read</source>
      <translation>Le fichier CSV ne peut pas être lu</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The CSV file has a header line but no data rows</source>
      <translation>Le fichier CSV a une ligne d'en-tête mais aucune ligne de données</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The CSV file has no header line</source>
      <translation>Le fichier CSV n'a pas de ligne d'en-tête</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The CSV file is empty</source>
      <translation>Le fichier CSV est vide</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The CSV header line is too long</source>
      <translation>La ligne d'en-tête du CSV est trop longue</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/parse.py" />
      <source>The GBFS discovery file lists no feeds</source>
      <translation>Le fichier de découverte GBFS ne liste aucun flux</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>The GTFS-RT feed answered with a web page or JSON, not a protobuf message</source>
      <translation>Le flux GTFS-RT a répondu par une page web ou du JSON, pas par un message protobuf</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>The GTFS-RT feed is not a readable protobuf message</source>
      <translation>Le flux GTFS-RT n'est pas un message protobuf lisible</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>The GeoPackage to write (layers transit_stops and transit_routes, styled); an existing file is replaced only when the load succeeds</source>
      <translation>Le GeoPackage à écrire (couches transit_stops et transit_routes, avec leurs styles) ; un fichier existant n'est remplacé que si le chargement réussit</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>The GeoPackage to write; an existing file is replaced only when the load succeeds</source>
      <translation>Le GeoPackage à écrire ; un fichier existant n'est remplacé que si le chargement réussit</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/safe_json.py" />
      <source>The JSON document is nested too deeply to be read</source>
      <translation>Le document JSON est imbriqué trop profondément pour être lu</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The JSON file is neither GeoJSON nor a list of records</source>
      <translation>Le fichier JSON n'est ni du GeoJSON ni une liste d'enregistrements</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The JSON file is too large to convert; choose a GeoJSON or CSV resource</source>
      <translation>Le fichier JSON est trop volumineux pour être converti ; choisissez une ressource GeoJSON ou CSV</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The JSON records carry no coordinates</source>
      <translation>Les enregistrements JSON ne portent pas de coordonnées</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>The Overpass query, as it will be sent</source>
      <translation>La requête Overpass, telle qu'elle sera envoyée</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>The RUDI node answered with an error for</source>
      <translation>Le nœud RUDI a répondu par une erreur pour</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>The RUDI node does not know</source>
      <translation>Le nœud RUDI ne connaît pas</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>The RUDI node rejected the request for</source>
      <translation>Le nœud RUDI a refusé la requête pour</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>The RUDI resource has no file GDAL can load</source>
      <translation>La ressource RUDI n'a aucun fichier que GDAL sait charger</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>The URL of the network's GTFS zip (its transport.data.gouv.fr resource, for instance) or the path of a GTFS zip on disk</source>
      <translation>L'URL du zip GTFS du réseau (sa ressource sur transport.data.gouv.fr, par exemple) ou le chemin d'un zip GTFS sur le disque</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>The URL of the network's GTFS zip or GTFS-RT VehiclePositions feed, or such a file on disk</source>
      <translation>L'URL du zip GTFS du réseau ou de son flux GTFS-RT VehiclePositions, ou un tel fichier sur le disque</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_vehicles.py" />
      <source>The URL of the network's GTFS-RT VehiclePositions feed, or the path of a recorded reply</source>
      <translation>L'URL du flux GTFS-RT VehiclePositions du réseau, ou le chemin d'une réponse enregistrée</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>The URL of the system's auto-discovery file gbfs.json, for instance https://velib-metropole-opendata.smovengo.cloud/opendata/Velib_Metropole/gbfs.json</source>
      <translation>L'URL du fichier de découverte gbfs.json du système, par exemple https://velib-metropole-opendata.smovengo.cloud/opendata/Velib_Metropole/gbfs.json</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>The actors layer has no competences field</source>
      <translation>La couche des acteurs n'a pas de champ competences</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The address is too short to be located</source>
      <translation>L'adresse est trop courte pour être localisée</translation>
    </message>
    <message>
      <location filename="../processing/descriptions.py" />
      <source>The algorithm failed: see the messages above</source>
      <translation>L'algorithme a échoué : voir les messages ci-dessus</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive could not be extracted</source>
      <translation>L'archive n'a pas pu être extraite</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds a path leaving its folder</source>
      <translation>L'archive contient un chemin qui sort de son dossier</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds a symbolic link</source>
      <translation>L'archive contient un lien symbolique</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds an absolute path</source>
      <translation>L'archive contient un chemin absolu</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds an encrypted file</source>
      <translation>L'archive contient un fichier chiffré</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds an invalid member name</source>
      <translation>L'archive contient un nom de fichier invalide</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The archive holds no geographic file (shapefile, GeoPackage, GeoJSON, CSV...)</source>
      <translation>L'archive ne contient aucun fichier géographique (shapefile, GeoPackage, GeoJSON, CSV...)</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The archive holds several files of this kind; loaded</source>
      <translation>L'archive contient plusieurs fichiers de ce type ; chargé :</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive holds too many files</source>
      <translation>L'archive contient trop de fichiers</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The archive is too large once extracted</source>
      <translation>L'archive est trop volumineuse une fois extraite</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>The area layer has no polygon</source>
      <translation>La couche de zone ne contient aucun polygone</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>The area to cover, in any CRS (it is sent to the server in WGS 84 as a box)</source>
      <translation>La zone à couvrir, dans n'importe quel SCR (elle est envoyée au serveur en WGS 84 sous forme de rectangle)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>The area to cover, in any CRS (sent to the server in WGS 84); used when no area layer is given</source>
      <translation>La zone à couvrir, dans n'importe quel SCR (envoyée au serveur en WGS 84) ; utilisée quand aucune couche de zone n'est donnée</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The authentication configuration could not be applied</source>
      <translation>La configuration d'authentification n'a pas pu être appliquée</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The authentication configuration could not be read</source>
      <translation>La configuration d'authentification n'a pas pu être lue</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The authentication configuration holds no API key</source>
      <translation>La configuration d'authentification ne contient pas de clé d'API</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/boundary.py" />
      <source>The boundary file does not exist</source>
      <translation>Le fichier de contour n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>The challenges and the resources are tables of one PostGIS database: measured there</source>
      <translation>Les enjeux et les ressources sont des tables d'une même base PostGIS : mesurés dans la base</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>The challenges layer cannot be read</source>
      <translation>La couche des défis ne peut pas être lue</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>The composition was cancelled</source>
      <translation>La composition a été annulée</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The connection to {host} broke during the download</source>
      <translation>La connexion à {host} a été coupée pendant le téléchargement</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The connection to {host} was lost before the reply ended</source>
      <translation>La connexion à {host} a été perdue avant la fin de la réponse</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>The council map was not exported</source>
      <translation>La carte pour le conseil n'a pas été exportée</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>The council map was not made</source>
      <translation>La carte pour le conseil n'a pas été faite</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>The coverage layer has no feature: no page to make</source>
      <translation>La couche de couverture n'a aucune entité : aucune page à produire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>The data.gouv.fr dataset has no geographic resource</source>
      <translation>Le jeu de données data.gouv.fr n'a aucune ressource géographique</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>The data.gouv.fr dataset has no resource with this id or title</source>
      <translation>Le jeu de données data.gouv.fr n'a aucune ressource avec cet identifiant ou ce titre</translation>
    </message>
    <message>
      <location filename="../plugin/planning/in_database.py" />
      <source>The database could not measure the challenge context</source>
      <translation>La base de données n'a pas pu mesurer le contexte des enjeux</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>The dataset field copied into the common 'name' field; empty: guessed (nom, name, libelle, title...)</source>
      <translation>Le champ du jeu de données copié dans le champ commun « name » ; vide : deviné (nom, name, libelle, title...)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_load.py" />
      <source>The dataset identifier (dataset_id), as in the portal's URL /explore/dataset/&lt;id&gt;/</source>
      <translation>L'identifiant du jeu de données (dataset_id), comme dans l'URL du portail /explore/dataset/&lt;id&gt;/</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>The dataset's id or slug, as in https://www.data.gouv.fr/fr/datasets/&lt;slug&gt;/ (the page URL works too)</source>
      <translation>L'identifiant ou le slug du jeu de données, comme dans https://www.data.gouv.fr/fr/datasets/&lt;slug&gt;/ (l'URL de la page convient aussi)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>The datasets of the territory's own organisation are missing</source>
      <translation>Les jeux de données de l'organisation du territoire manquent</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>The day whose service is counted; empty: the next weekday (today included) with service within the feed's validity</source>
      <translation>Le jour dont le service est compté ; vide : le prochain jour de semaine (aujourd'hui compris) avec du service dans la validité du flux</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>The distance must be zero or positive</source>
      <translation>La distance doit être positive ou nulle</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/safe_json.py" />
      <source>The document is not valid JSON</source>
      <translation>Le document n'est pas du JSON valide</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The download could not be written to disk</source>
      <translation>Le téléchargement n'a pas pu être écrit sur le disque</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The download was cancelled</source>
      <translation>Le téléchargement a été annulé</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The downloaded file</source>
      <translation>Le fichier téléchargé</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The downloaded file has no layer</source>
      <translation>Le fichier téléchargé ne contient pas de couche</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>The extent cannot be transformed to the map's coordinate system</source>
      <translation>L'emprise ne peut pas être convertie dans le système de coordonnées de la carte</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>The extent is empty</source>
      <translation>L'emprise est vide</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>The extent is not a rectangle</source>
      <translation>L'emprise n'est pas un rectangle</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>The feed is DIFFERENTIAL: only the vehicles of this message are shown</source>
      <translation>Le flux est DIFFERENTIAL : seuls les véhicules de ce message sont affichés</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The file holds several layers; loaded</source>
      <translation>Le fichier contient plusieurs couches ; chargée :</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/safe_json.py" />
      <source>The file is not UTF-8 text</source>
      <translation>Le fichier n'est pas du texte UTF-8</translation>
    </message>
    <message>
      <location filename="../plugin/formats/safe_zip.py" />
      <source>The file is not a readable zip archive</source>
      <translation>Le fichier n'est pas une archive zip lisible</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>The file of this RUDI resource could not be downloaded</source>
      <translation>Le fichier de cette ressource RUDI n'a pas pu être téléchargé</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>The file of this data.gouv.fr resource could not be downloaded</source>
      <translation>Le fichier de cette ressource data.gouv.fr n'a pas pu être téléchargé</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>The file of this data.gouv.fr resource is no longer available</source>
      <translation>Le fichier de cette ressource data.gouv.fr n'est plus disponible</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_file.py" />
      <source>The file to import does not exist</source>
      <translation>Le fichier à importer n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>The file's schema could not be read; its columns stay text</source>
      <translation>Le schéma du fichier n'a pas pu être lu ; ses colonnes restent du texte</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>The folder of the register does not exist</source>
      <translation>Le dossier du registre n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The geocoder's batch reply cannot be read</source>
      <translation>La réponse par lot du géocodeur est illisible</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The geocoder's batch reply lacks its result columns</source>
      <translation>La réponse par lot du géocodeur n'a pas ses colonnes de résultat</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The geocoder's reply has impossible coordinates</source>
      <translation>La réponse du géocodeur a des coordonnées impossibles</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The geocoder's reply has no coordinates</source>
      <translation>La réponse du géocodeur n'a pas de coordonnées</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>The geocoder's reply is not a GeoJSON FeatureCollection</source>
      <translation>La réponse du géocodeur n'est pas une FeatureCollection GeoJSON</translation>
    </message>
    <message>
      <location filename="../plugin/planning/gaps.py" />
      <source>The grid cell size must be positive</source>
      <translation>La taille des cellules de la grille doit être positive</translation>
    </message>
    <message>
      <location filename="../plugin/planning/gaps.py" />
      <source>The grid would have more than a million cells: choose a larger cell size</source>
      <translation>La grille aurait plus d'un million de cellules : choisissez des cellules plus grandes</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>The kind of resource; the values in order are:</source>
      <translation>Le type de ressource ; les valeurs, dans l'ordre, sont :</translation>
    </message>
    <message>
      <location filename="../plugin/export/map_frame.py" />
      <source>The layers have nothing to show: give an extent</source>
      <translation>Les couches n'ont rien à montrer : donnez une emprise</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>The layers shown on the map and the area in view</source>
      <translation>Les couches affichées sur la carte et la zone visible</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>The layout could not be added to the project</source>
      <translation>La mise en page n'a pas pu être ajoutée au projet</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_template.py" />
      <source>The layout template cannot be read</source>
      <translation>Le modèle de mise en page est illisible</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_template.py" />
      <source>The layout template lacks the items</source>
      <translation>Il manque au modèle de mise en page les éléments</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>The licence the dataset's catalog states (ODbL, Licence Ouverte...), written in the 'licence' field; empty: the feed's own statement, if any</source>
      <translation>La licence qu'indique le catalogue du jeu de données (ODbL, Licence Ouverte…), écrite dans le champ 'licence' ; vide : celle que déclare le flux, s'il en déclare une</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>The licence the dataset's catalog states, written in the 'licence' field</source>
      <translation>La licence indiquée par le catalogue du jeu de données, écrite dans le champ 'licence'</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/refresh.py" />
      <source>The live status could not be written into the layer</source>
      <translation>L'état en direct n'a pas pu être écrit dans la couche</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gtfs_load.py" />
      <source>The load was cancelled</source>
      <translation>Le chargement a été annulé</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_template.py" />
      <source>The logo file does not exist</source>
      <translation>Le fichier du logo n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>The mobility domain is empty</source>
      <translation>Le domaine de mobilité est vide</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>The name is empty</source>
      <translation>Le nom est vide</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>The national file entry has no url</source>
      <translation>L'entrée de fichier national n'a pas d'url</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>The national files' columns are not typed by their schema</source>
      <translation>Les colonnes des fichiers nationaux ne sont pas typées par leur schéma</translation>
    </message>
    <message>
      <location filename="../ui/place_area.py" />
      <source>The outline of the place could not be loaded</source>
      <translation>Le contour du lieu n'a pas pu être chargé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>The output cannot hold this challenge's geometry; choose a GeoPackage output</source>
      <translation>La sortie ne peut pas contenir la géométrie de ce défi ; choisissez une sortie GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>The output folder cannot be created</source>
      <translation>Le dossier de sortie ne peut pas être créé</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>The output folder is not writable</source>
      <translation>Le dossier de sortie n'est pas accessible en écriture</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>The output is a folder, not a file</source>
      <translation>La sortie est un dossier, pas un fichier</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>The output is not a GeoPackage</source>
      <translation>La sortie n'est pas un GeoPackage</translation>
    </message>
    <message>
      <location filename="../plugin/planning/overlays.py" />
      <source>The overlay could not be written</source>
      <translation>La superposition n'a pas pu être écrite</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>The overlay failed</source>
      <translation>La superposition a échoué</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>The profile JSON file to write; an existing file is replaced only once the new one is whole</source>
      <translation>Le fichier JSON du profil à écrire ; un fichier existant n'est remplacé qu'une fois le nouveau complet</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>The profile could not be composed</source>
      <translation>Le profil n'a pas pu être composé</translation>
    </message>
    <message>
      <location filename="../ui/compose_box.py" />
      <source>The profile could not be written</source>
      <translation>Le profil n'a pas pu être enregistré</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/single_entry.py" />
      <source>The profile has no such resource</source>
      <translation>Le profil n'a pas cette ressource</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/boundary.py" />
      <source>The profile's boundary names no EPCI, commune or file</source>
      <translation>Le contour du profil ne désigne aucun EPCI, aucune commune ni aucun fichier</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>The profile's offline cache folder does not exist</source>
      <translation>Le dossier de cache hors ligne du profil n'existe pas</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The quota resets at</source>
      <translation>Le quota est réinitialisé le</translation>
    </message>
    <message>
      <location filename="../plugin/register/export.py" />
      <source>The register could not be exported</source>
      <translation>Le registre n'a pas pu être exporté</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>The register did not accept the change; the layer stays in edit mode</source>
      <translation>Le registre n'a pas accepté la modification ; la couche reste en mode édition</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_write.py" />
      <source>The register has no such table</source>
      <translation>Le registre n'a pas de table de ce nom</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>The register has no valid schema version</source>
      <translation>Le registre n'a pas de version de schéma valide</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>The register must be a file, not a folder</source>
      <translation>Le registre doit être un fichier, pas un dossier</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>The register was made by a newer version of Open Territory; update the plugin to open it</source>
      <translation>Le registre a été créé par une version plus récente de Territoire ouvert ; mettez à jour l'extension pour l'ouvrir</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>The register's layer cannot be edited</source>
      <translation>La couche du registre ne peut pas être modifiée</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>The register's layer could not be opened</source>
      <translation>La couche du registre n'a pas pu être ouverte</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>The register's layer is read-only</source>
      <translation>La couche du registre est en lecture seule</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>The register's layers have unsaved edits: the export holds what is saved</source>
      <translation>Les couches du registre ont des modifications non enregistrées : l'export contient ce qui est enregistré</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>The register's schema could not be written</source>
      <translation>Le schéma du registre n'a pas pu être écrit</translation>
    </message>
    <message>
      <location filename="../plugin/register/project_layers.py" />
      <source>The relation between register layers is not valid</source>
      <translation>La relation entre couches du registre n'est pas valide</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The reply from {host} declares XML entities, which a data service never sends: refused, as it could expand to gigabytes</source>
      <translation>La réponse de {host} déclare des entités XML, ce qu'un service de données n'envoie jamais : refusée, car elle pourrait s'étendre à des gigaoctets</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The reply from {host} is damaged: its compressed data ({encoding}) cannot be read</source>
      <translation>La réponse de {host} est endommagée : ses données compressées ({encoding}) sont illisibles</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The reply from {host} is larger than the size limit of {limit} ({size}); the limit is the 'Largest download' of Settings › Options › Open Territory</source>
      <translation>La réponse de {host} dépasse la taille limite de {limit} ({size}) ; cette limite est le « Plus gros téléchargement » de Préférences › Options › Territoire ouvert</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The reply from {host} is not valid UTF-8 text (byte {position})</source>
      <translation>La réponse de {host} n'est pas un texte UTF-8 valide (octet {position})</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The reply from {host} was cut before its end</source>
      <translation>La réponse de {host} a été coupée avant sa fin</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>The reply is not a GTFS-RT feed: it has no header with gtfs_realtime_version</source>
      <translation>La réponse n'est pas un flux GTFS-RT : elle n'a pas d'en-tête avec gtfs_realtime_version</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>The resource field copied into the common 'name' field</source>
      <translation>Le champ de la ressource copié dans le champ commun « name »</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>The resource has no download address</source>
      <translation>La ressource n'a pas d'adresse de téléchargement</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/rudi_load.py" />
      <source>The resource's global_id, as listed in the node's catalog (the RUDI panel shows it)</source>
      <translation>Le global_id de la ressource, tel que le catalogue du nœud le liste (le panneau RUDI l'affiche)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/datagouv_load.py" />
      <source>The resource's id or exact title; empty: the best geographic resource of the dataset</source>
      <translation>L'identifiant ou le titre exact de la ressource ; vide : la meilleure ressource géographique du jeu de données</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_write.py" />
      <source>The rows could not be written; nothing was imported</source>
      <translation>Les lignes n'ont pas pu être écrites ; rien n'a été importé</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>The same map as a layout of the project, opened in QGIS's layout designer to finish it by hand</source>
      <translation>La même carte comme mise en page du projet, ouverte dans le composeur d'impression de QGIS pour la finir à la main</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>The sampled rows hold no x/y value telling their coordinate system; the layer has no CRS</source>
      <translation>Les lignes lues ne donnent aucune valeur x/y indiquant leur système de coordonnées ; la couche n'a pas de SCR</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>The schema that holds the register</source>
      <translation>Le schéma qui contient le registre</translation>
    </message>
    <message>
      <location filename="../ui/database_destination.py" />
      <source>The schema to write into (made when missing): letters, digits and _</source>
      <translation>Le schéma où écrire (créé s'il manque) : lettres, chiffres et _</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>The search was cancelled</source>
      <translation>La recherche a été annulée</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>The server answered with an error</source>
      <translation>Le serveur a répondu par une erreur</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>The server sent a web page instead of the data file</source>
      <translation>Le serveur a renvoyé une page web au lieu du fichier de données</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_file.py" />
      <source>The spreadsheet cannot be read</source>
      <translation>Le classeur ne peut pas être lu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_file.py" />
      <source>The spreadsheet has no rows</source>
      <translation>Le classeur n'a aucune ligne</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>The station status could not be read: availability columns are empty</source>
      <translation>Le statut des stations n'a pas pu être lu : les colonnes de disponibilité sont vides</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>The tables could not be replaced in the database</source>
      <translation>Les tables n'ont pas pu être remplacées dans la base de données</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>The territory could not be loaded</source>
      <translation>Le territoire n'a pas pu être chargé</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>The territory load was cancelled</source>
      <translation>Le chargement du territoire a été annulé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>The territory profile is not valid</source>
      <translation>Le profil de territoire n'est pas valide</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>The territory's GBFS feeds and transit networks are missing; national bases come from data.gouv.fr</source>
      <translation>Les flux GBFS et les réseaux de transport du territoire manquent ; les bases nationales viennent de data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>The territory's GeoPackage; empty: the file shown, replaced by each load</source>
      <translation>Le GeoPackage du territoire ; vide : le fichier affiché, remplacé à chaque chargement</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>The territory's logo, printed in the top right corner; empty: no logo</source>
      <translation>Le logo du territoire, imprimé en haut à droite ; vide : pas de logo</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>The territory's logo, top right; empty: no logo</source>
      <translation>Le logo du territoire, en haut à droite ; vide : pas de logo</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>The territory's organisation on data.gouv.fr…</source>
      <translation>L'organisation du territoire sur data.gouv.fr…</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>The title is empty</source>
      <translation>Le titre est vide</translation>
    </message>
    <message>
      <location filename="../main.py" />
      <source>The user guide, shipped with the plugin</source>
      <translation>Le guide d'utilisation, livré avec l'extension</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/refresh.py" />
      <source>The vehicle positions could not be written into the layer</source>
      <translation>Les positions des véhicules n'ont pas pu être écrites dans la couche</translation>
    </message>
    <message>
      <location filename="../ui/dataset_loader.py" />
      <source>The written layer cannot be opened</source>
      <translation>La couche écrite ne peut pas être ouverte</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Theme</source>
      <translation>Thème</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>Themes</source>
      <translation>Thèmes</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>This GBFS system publishes no free-floating vehicles (no vehicle_status or free_bike_status feed)</source>
      <translation>Ce système GBFS ne publie pas de véhicules en free-floating (pas de flux vehicle_status ni free_bike_status)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>This GBFS system publishes no station status</source>
      <translation>Ce système GBFS ne publie pas l'état des stations</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>This GBFS system publishes no stations (no station_information feed)</source>
      <translation>Ce système GBFS ne publie pas de stations (pas de flux station_information)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_writer.py" />
      <source>This GeoPackage is the register of challenges and actors; resources are never written into it. Choose another output file</source>
      <translation>Ce GeoPackage est le registre des défis et des acteurs ; aucune ressource n'y est jamais écrite. Choisissez un autre fichier de sortie</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>This actor has no area of action</source>
      <translation>Cet acteur n'a pas de zone d'action</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>This challenge has no location</source>
      <translation>Ce défi n'a pas de localisation</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>This coordinate column yields no geometry GDAL can read</source>
      <translation>Cette colonne de coordonnées ne donne aucune géométrie que GDAL sache lire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/parse.py" />
      <source>This is not a GBFS document (no 'data' object)</source>
      <translation>Ce n'est pas un document GBFS (pas d'objet 'data')</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>This is not an Open Territory register (no register_meta table)</source>
      <translation>Ce n'est pas un registre Territoire ouvert (pas de table register_meta)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>This kind of authentication configuration cannot carry an API key</source>
      <translation>Ce type de configuration d'authentification ne peut pas porter de clé d'API</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>This layer of the register is not in the project; open the register again</source>
      <translation>Cette couche du registre n'est pas dans le projet ; ouvrez de nouveau le registre</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>This layer was not loaded from OpenStreetMap by Open Territory</source>
      <translation>Cette couche n'a pas été chargée depuis OpenStreetMap par Open Territory</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>This national base is missing from the profile</source>
      <translation>Cette base nationale est absente du profil</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>This point cannot be placed in the register's coordinate reference system</source>
      <translation>Ce point ne peut pas être placé dans le système de coordonnées du registre</translation>
    </message>
    <message>
      <location filename="../ui/resources/source_panel.py" />
      <source>This resource is large</source>
      <translation>Cette ressource est volumineuse</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>This schema holds the register of challenges and actors; resources are never written into it</source>
      <translation>Ce schéma contient le registre des enjeux et des acteurs ; les ressources n'y sont jamais écrites</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>This territory loads offline, from the replies it comes with</source>
      <translation>Ce territoire se charge hors ligne, depuis les réponses qu'il fournit</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/single_entry.py" />
      <source>This version of the plugin has no source named</source>
      <translation>Cette version de l'extension n'a pas de source nommée</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>This was deleted from data.gouv.fr</source>
      <translation>Ceci a été supprimé de data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Tick at least one category.</source>
      <translation>Cochez au moins une catégorie.</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Tick at least one resource to load</source>
      <translation>Cochez au moins une ressource à charger</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>Tick the resources to load; unconfirmed identifiers are left unticked</source>
      <translation>Cochez les ressources à charger ; les identifiants non confirmés restent décochés</translation>
    </message>
    <message>
      <location filename="../ui/resources/sensors_panel.py" />
      <source>Tick the sensor types to keep; none ticked: every type</source>
      <translation>Cochez les types de capteurs à garder ; aucun coché : tous les types</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Ticked layers with a category field are the resources</source>
      <translation>Les couches cochées ayant un champ category sont les ressources</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Timeout</source>
      <translation>Délai</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Timeout (seconds)</source>
      <translation>Délai (secondes)</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Title</source>
      <translation>Titre</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Title printed at the top of the page</source>
      <translation>Titre imprimé en haut de la page</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>To see private datasets: an authentication configuration holding the portal's API key</source>
      <translation>Pour voir les jeux de données privés : une configuration d'authentification contenant la clé d'API du portail</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>Too many parts in the PostgreSQL destination (postgres:&lt;connection&gt;/&lt;schema&gt;/&lt;table&gt;)</source>
      <translation>Trop de parties dans la destination PostgreSQL (postgres:&lt;connexion&gt;/&lt;schéma&gt;/&lt;table&gt;)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>Too many redirects from {host} (more than {hops}): the address loops</source>
      <translation>Trop de redirections depuis {host} (plus de {hops}) : l'adresse tourne en boucle</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Traffic counters</source>
      <translation>Compteurs de trafic</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Traffic signals</source>
      <translation>Feux tricolores</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Transport authority (AOM)</source>
      <translation>Autorité organisatrice de la mobilité (AOM)</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Type the URL of the feed or choose a file.</source>
      <translation>Saisissez l'URL du flux ou choisissez un fichier.</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>URL, or a file on disk</source>
      <translation>URL, ou un fichier sur le disque</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>Unexpected reply for the RUDI resource</source>
      <translation>Réponse inattendue pour la ressource RUDI</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>Unexpected reply for the data.gouv.fr dataset</source>
      <translation>Réponse inattendue pour le jeu de données data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/compose/datagouv_org.py" />
      <source>Unexpected reply from data.gouv.fr's organisations</source>
      <translation>Réponse inattendue des organisations de data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>Unexpected reply from the RUDI catalog</source>
      <translation>Réponse inattendue du catalogue RUDI</translation>
    </message>
    <message>
      <location filename="../plugin/compose/accidents.py" />
      <source>Unexpected reply from the data.gouv.fr search</source>
      <translation>Réponse inattendue de la recherche data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>Unknown category</source>
      <translation>Catégorie inconnue</translation>
    </message>
    <message>
      <location filename="../plugin/register/export.py" />
      <source>Unknown export format</source>
      <translation>Format d'export inconnu</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>Unknown geometry family</source>
      <translation>Famille de géométrie inconnue</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>Unknown kind of actor</source>
      <translation>Type d'acteur inconnu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>Unknown mobility domain</source>
      <translation>Domaine de mobilité inconnu</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>Unknown output format</source>
      <translation>Format de sortie inconnu</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_template.py" />
      <source>Unknown page orientation</source>
      <translation>Orientation de page inconnue</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_template.py" />
      <source>Unknown page size</source>
      <translation>Format de page inconnu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>Unknown status</source>
      <translation>Statut inconnu</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Unknown value</source>
      <translation>Valeur inconnue</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Updated</source>
      <translation>Mis à jour</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>Updates the availability of the loaded stations in place, in the background, while the layer is in the project</source>
      <translation>Met à jour sur place la disponibilité des stations chargées, en arrière-plan, tant que la couche est dans le projet</translation>
    </message>
    <message>
      <location filename="../ui/place_locator.py" />
      <source>Use as the area</source>
      <translation>Utiliser comme zone</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/load_territory.py" />
      <source>Use only replies already in the cache; nothing is downloaded. The load is offline whenever the offline mode of the plugin's settings is on, and a profile with its own recorded replies (the demo) is always loaded offline</source>
      <translation>N'utiliser que les réponses déjà en cache ; rien n'est téléchargé. Le chargement est hors ligne dès que le mode hors ligne des paramètres de l'extension est activé, et un profil qui a ses propres réponses enregistrées (la démo) se charge toujours hors ligne</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>Vector PDF (one file, every page), or PNG images at 150 dpi (one file per page); by name (pdf, png, any case) or by number (0, 1)</source>
      <translation>PDF vectoriel (un fichier, toutes les pages), ou images PNG à 150 dpi (un fichier par page) ; par nom (pdf, png, en majuscules ou minuscules) ou par numéro (0, 1)</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>Vector PDF, or PNG images at 150 dpi (one per page)</source>
      <translation>PDF vectoriel, ou images PNG à 150 dpi (une par page)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_vehicles.py" />
      <source>Vehicles</source>
      <translation>Véhicules</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Vehicles and fleets</source>
      <translation>Véhicules et flottes</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>Very poor (50-75 µg/m³)</source>
      <translation>Très mauvais (50-75 µg/m³)</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Wait for an answer</source>
      <translation>Attente d'une réponse</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Wait for the current operation to finish, or cancel it</source>
      <translation>Attendez la fin de l'opération en cours, ou annulez-la</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Wait when a download stops</source>
      <translation>Attente quand un téléchargement s'arrête</translation>
    </message>
    <message>
      <location filename="../plugin/definitions.py" />
      <source>Walking</source>
      <translation>Marche</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>Warn before downloads over</source>
      <translation>Avertir avant les téléchargements de plus de</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>Weak: open challenges with no competent actor or no related resource, or more than three open challenges per competent actor. Strong: competent actors and related resources, and at most two open challenges per competent actor. Balanced: otherwise.</source>
      <translation>Faible : des défis ouverts sans acteur compétent ou sans ressource liée, ou plus de trois défis ouverts par acteur compétent. Fort : des acteurs compétents et des ressources liées, et au plus deux défis ouverts par acteur compétent. Équilibré : sinon.</translation>
    </message>
    <message>
      <location filename="../plugin/register/forms.py" />
      <source>Website</source>
      <translation>Site web</translation>
    </message>
    <message>
      <location filename="../ui/register/dialogs.py" />
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>When the stops of a GTFS network (category transit_stop, from gtfs_load or a territory load) are among the resources, transit_departures_7_9 adds up their departures between 7 and 9 h within the distance: the level of service near the challenge.</source>
      <translation>Quand les arrêts d'un réseau GTFS (catégorie transit_stop, issus de gtfs_load ou du chargement d'un territoire) sont parmi les ressources, transit_departures_7_9 additionne leurs départs entre 7 et 9 h dans la distance : le niveau de service près de l'enjeu.</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Where LOAD writes the territory (default: the profile's path with .gpkg)</source>
      <translation>Où LOAD écrit le territoire (par défaut : le chemin du profil avec .gpkg)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Where help is missing</source>
      <translation>Là où l'aide manque</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Where open challenges lack a competent actor or a resource nearby</source>
      <translation>Où les défis ouverts manquent d'un acteur compétent ou d'une ressource proche</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>Where to write the layer (a GeoPackage by default)</source>
      <translation>Où écrire la couche (un GeoPackage par défaut)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>Where to write the layer (a GeoPackage by default); an existing file is replaced only when the load succeeds</source>
      <translation>Où écrire la couche (un GeoPackage par défaut) ; un fichier existant n'est remplacé que si le chargement réussit</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gbfs_stations.py" />
      <source>Where to write the points (a GeoPackage by default)</source>
      <translation>Où écrire les points (un GeoPackage par défaut)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_import.py" />
      <source>Which table of the register receives the rows</source>
      <translation>La table du registre qui reçoit les lignes</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/osm_resources.py" />
      <source>With tag conditions, the category the layer is written under (other when not chosen)</source>
      <translation>Avec des conditions sur les attributs, la catégorie sous laquelle la couche est écrite (autre si aucune n'est choisie)</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Without area</source>
      <translation>Sans zone</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>Without location</source>
      <translation>Sans localisation</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>Words to look for in the datasets' titles, descriptions and keywords; empty: the whole catalog</source>
      <translation>Mots à chercher dans les titres, descriptions et mots-clés des jeux de données ; vide : tout le catalogue</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/challenge_context.py" />
      <source>Working CRS</source>
      <translation>SCR de travail</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Write at least one tag condition, for instance amenity=parking</source>
      <translation>Écrivez au moins une condition, par exemple amenity=parking</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>Write every table of the register as CSV or GeoJSON files</source>
      <translation>Écrire chaque table du registre en fichiers CSV ou GeoJSON</translation>
    </message>
    <message>
      <location filename="../ui/database_destination.py" />
      <source>Write into a schema of a PostGIS database shared by the team, through one of QGIS's saved PostgreSQL connections (its password or authentication configuration stays in QGIS); a table loaded again is replaced in one transaction</source>
      <translation>Écrire dans un schéma d'une base PostGIS partagée par l'équipe, par l'une des connexions PostgreSQL enregistrées dans QGIS (son mot de passe ou sa configuration d'authentification reste dans QGIS) ; une table chargée à nouveau est remplacée en une transaction</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/register_export.py" />
      <source>Writes every table of the register (challenges, actors, resources catalog and the links between them) into a folder, one CSV file (geometry as WKT) or one GeoJSON file per table. Files of a previous export are replaced only once every new file is written.</source>
      <translation>Écrit chaque table du registre (défis, acteurs, catalogue des ressources et liens entre eux) dans un dossier, un fichier CSV (géométrie en WKT) ou un fichier GeoJSON par table. Les fichiers d'un export précédent ne sont remplacés qu'une fois tous les nouveaux fichiers écrits.</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>Writing into the database</source>
      <translation>Écriture dans la base de données</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>Writing the profile…</source>
      <translation>Écriture du profil…</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Written in the profile's OpenStreetMap entries, for a mirror (or a local stand-in); empty: the entries follow the Overpass server of the plugin's settings when they are loaded</source>
      <translation>Écrit dans les entrées OpenStreetMap du profil, pour un miroir (ou une doublure locale) ; vide : les entrées suivent le serveur Overpass des réglages de l'extension au chargement</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>Written in the profile's citizen sensors entry, for a mirror (or a local stand-in); empty: https://data.sensor.community</source>
      <translation>Écrit dans l'entrée des capteurs citoyens du profil, pour un miroir (ou une doublure locale) ; vide : https://data.sensor.community</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>Your own query</source>
      <translation>Votre propre requête</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Zones</source>
      <translation>Zones</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>Zones (gap layer)</source>
      <translation>Zones (couche des manques)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/gap_layer.py" />
      <source>Zones with the number of open challenges lacking an actor or a resource</source>
      <translation>Zones avec le nombre de défis ouverts sans acteur ou sans ressource</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Zoom the map to it and flash it (or double-click the row)</source>
      <translation>Zoomer la carte dessus et le faire clignoter (ou double-cliquer sur la ligne)</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>Zoom the map to the area to cover first.</source>
      <translation>Zoomez d'abord la carte sur la zone à couvrir.</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>Zoom the map to the area to cover, or choose an area layer.</source>
      <translation>Zoomez la carte sur la zone à couvrir, ou choisissez une couche de zone.</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>Zoom to</source>
      <translation>Zoomer</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>[xmin, ymin, xmax, ymax] in degrees (EPSG:4326)</source>
      <translation>[xmin, ymin, xmax, ymax] en degrés (EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>[xmin, ymin, xmax, ymax] in degrees, min before max</source>
      <translation>[xmin, ymin, xmax, ymax] en degrés, le minimum avant le maximum</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>a CRS QGIS knows, such as EPSG:2154</source>
      <translation>un SCR connu de QGIS, par exemple EPSG:2154</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a CRS written EPSG:&lt;code&gt;, such as EPSG:2154</source>
      <translation>un SCR écrit EPSG:&lt;code&gt;, par exemple EPSG:2154</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>a bundled profile id or a profile file; bundled profiles:</source>
      <translation>un identifiant de profil fourni ou un fichier de profil ; profils fournis :</translation>
    </message>
    <message>
      <location filename="../plugin/compose/datagouv_org.py" />
      <source>a dataset of the territory's own organisation</source>
      <translation>un jeu de données de l'organisation du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>a field has the number 0</source>
      <translation>un champ porte le numéro 0</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a file path, absolute or relative to the profile file</source>
      <translation>un chemin de fichier, absolu ou relatif au fichier du profil</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a folder of recorded replies, absolute or relative to the profile file</source>
      <translation>un dossier de réponses enregistrées, absolu ou relatif au fichier du profil</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>a group ends with another field's number</source>
      <translation>un groupe se termine avec le numéro d'un autre champ</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a key among</source>
      <translation>une clé parmi</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>a layer cannot be exported</source>
      <translation>une couche ne peut pas être exportée</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>a layer name not used by another entry</source>
      <translation>un nom de couche qu'aucune autre entrée n'utilise</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a layer name: a letter, then letters, digits or _</source>
      <translation>un nom de couche : une lettre, puis des lettres, des chiffres ou _</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>a length runs past the end of the message</source>
      <translation>une longueur dépasse la fin du message</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list</source>
      <translation>une liste</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list of</source>
      <translation>une liste de</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list of INSEE commune codes</source>
      <translation>une liste de codes INSEE de communes</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list of at least</source>
      <translation>une liste d'au moins</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list of at most</source>
      <translation>une liste d'au plus</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a list of texts</source>
      <translation>une liste de textes</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>a list of the file's columns holding the INSEE code of the row's commune</source>
      <translation>une liste des colonnes du fichier portant le code INSEE de la commune de la ligne</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>a list of the territory's INSEE commune codes</source>
      <translation>une liste des codes INSEE des communes du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a non-empty text</source>
      <translation>un texte non vide</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a number</source>
      <translation>un nombre</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>a number is longer than 10 bytes</source>
      <translation>un nombre dépasse 10 octets</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a number of at least</source>
      <translation>un nombre au moins égal à</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a number of at most</source>
      <translation>un nombre au plus égal à</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>a portal URL or one of the profile's portals:</source>
      <translation>l'URL d'un portail ou l'un des portails du profil :</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>a readable UTF-8 JSON file</source>
      <translation>un fichier JSON lisible en UTF-8</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>a sensor type, such as SDS011</source>
      <translation>un type de capteur, par exemple SDS011</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>a service day written YYYY-MM-DD, such as 2026-11-03</source>
      <translation>un jour de service écrit AAAA-MM-JJ, par exemple 2026-11-03</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a short lowercase key (letters, digits, - and _), such as rennes</source>
      <translation>une clé courte en minuscules (lettres, chiffres, - et _), par exemple rennes</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a text</source>
      <translation>un texte</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a text matching</source>
      <translation>un texte de la forme</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a text saying where the outline comes from</source>
      <translation>un texte disant d'où vient le contour</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a text, or an object of language → text, such as {"fr": "…", "en": "…"}</source>
      <translation>un texte, ou un objet langue → texte, par exemple {"fr": "…", "en": "…"}</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a two-letter country code, such as FR</source>
      <translation>un code de pays en deux lettres, par exemple FR</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a two-letter language code, such as fr or en</source>
      <translation>un code de langue en deux lettres, par exemple fr ou en</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a valid key</source>
      <translation>une clé valide</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a value</source>
      <translation>une valeur</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>a whole number</source>
      <translation>un nombre entier</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>about</source>
      <translation>environ</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>access denied: the dataset is private or the API key was refused; give an authentication configuration holding the portal's API key</source>
      <translation>accès refusé : le jeu de données est privé ou la clé d'API a été refusée ; indiquez une configuration d'authentification contenant la clé d'API du portail</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>already in the register</source>
      <translation>déjà dans le registre</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>also shown, source not stated</source>
      <translation>également représenté, source non précisée</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>an INSEE commune code (5 characters, such as 35238 or 2A004)</source>
      <translation>un code INSEE de commune (5 caractères, par exemple 35238 ou 2A004)</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>an empty object</source>
      <translation>un objet vide</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>an existing file</source>
      <translation>un fichier existant</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>an existing folder</source>
      <translation>un dossier existant</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>an existing profile file</source>
      <translation>un fichier de profil existant</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>an extent was given but the dataset has no geographic field</source>
      <translation>une emprise a été donnée mais le jeu de données n'a pas de champ géographique</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>an http or https URL</source>
      <translation>une URL http ou https</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>an object</source>
      <translation>un objet</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>at least one key</source>
      <translation>au moins une clé</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>balanced</source>
      <translation>équilibré</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>but inside it once swapped</source>
      <translation>mais dedans une fois inversées</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>bytes</source>
      <translation>octets</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>calendar rows left out (unreadable dates or service_id)</source>
      <translation>lignes de calendrier écartées (dates ou service_id illisibles)</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_csv.py" />
      <source>column</source>
      <translation>colonne</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>columns</source>
      <translation>colonnes</translation>
    </message>
    <message>
      <location filename="../plugin/compose/territory.py" />
      <source>commune</source>
      <translation>commune</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>communes</source>
      <translation>communes</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>competent actors</source>
      <translation>acteurs compétents</translation>
    </message>
    <message>
      <location filename="../plugin/compose/national_bases.py" />
      <source>consolidated national file of charging points (IRVE)</source>
      <translation>fichier national consolidé des points de recharge (IRVE)</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>coordinates taken from</source>
      <translation>coordonnées prises dans</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>csv or geojson</source>
      <translation>csv ou geojson</translation>
    </message>
    <message>
      <location filename="../ui/resources/datagouv_panel.py" />
      <source>data.gouv.fr</source>
      <translation>data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>data.gouv.fr answered with an error for</source>
      <translation>data.gouv.fr a répondu par une erreur pour</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>data.gouv.fr base URL</source>
      <translation>URL de base de data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>data.gouv.fr does not know</source>
      <translation>data.gouv.fr ne connaît pas</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>data.gouv.fr has no organisation with the territory's SIREN</source>
      <translation>data.gouv.fr n'a pas d'organisation au SIREN du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>data.gouv.fr rejected the request for</source>
      <translation>data.gouv.fr a refusé la requête pour</translation>
    </message>
    <message>
      <location filename="../plugin/compose/schema_catalog.py" />
      <source>data.gouv.fr's catalog of schemas is not a list</source>
      <translation>Le catalogue des schémas de data.gouv.fr n'est pas une liste</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>database</source>
      <translation>base de données</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>dataset</source>
      <translation>jeu de données</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>disabled in the profile</source>
      <translation>désactivée dans le profil</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/i18n.py" />
      <source>en</source>
      <translation>fr</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>entries</source>
      <translation>entrées</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>exactly one of epci (the SIREN of an EPCI), communes (INSEE codes) or file</source>
      <translation>un seul de epci (le SIREN d'un EPCI), communes (codes INSEE) ou file</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>expected</source>
      <translation>attendu :</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>expected 1, 2 or 3</source>
      <translation>1, 2 ou 3 attendu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>expected WKT or GeoJSON</source>
      <translation>WKT ou GeoJSON attendu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>expected YYYY-MM-DD or DD/MM/YYYY</source>
      <translation>AAAA-MM-JJ ou JJ/MM/AAAA attendu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>expected a number</source>
      <translation>nombre attendu</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_values.py" />
      <source>expected one of</source>
      <translation>valeurs attendues</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_geometry.py" />
      <source>expected two numbers</source>
      <translation>deux nombres attendus</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>failed</source>
      <translation>en échec</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>features</source>
      <translation>entités</translation>
    </message>
    <message>
      <location filename="../plugin/compose/national_bases.py" />
      <source>fields typed by the Etalab schema</source>
      <translation>champs typés par le schéma Etalab</translation>
    </message>
    <message>
      <location filename="../ui/register_section.py" />
      <source>files in</source>
      <translation>fichiers dans</translation>
    </message>
    <message>
      <location filename="../plugin/compose/accidents.py" />
      <source>filtered when loaded to the territory's communes by their INSEE code, column</source>
      <translation>filtré au chargement sur les communes du territoire par leur code INSEE, colonne</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>first</source>
      <translation>premiers</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>forever</source>
      <translation>sans limite</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>formats</source>
      <translation>formats</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>found</source>
      <translation>trouvé :</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>frequencies.txt rows left out (unreadable times or headway)</source>
      <translation>lignes de frequencies.txt écartées (horaires ou intervalle illisibles)</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>geo.api.gouv.fr base URL</source>
      <translation>URL de base de geo.api.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/boundary.py" />
      <source>geo.api.gouv.fr returned no commune outline</source>
      <translation>geo.api.gouv.fr n'a renvoyé aucun contour de commune</translation>
    </message>
    <message>
      <location filename="../plugin/compose/outline.py" />
      <source>geo.api.gouv.fr returned no commune outline for</source>
      <translation>geo.api.gouv.fr n'a renvoyé aucun contour de commune pour</translation>
    </message>
    <message>
      <location filename="../plugin/places/search.py" />
      <source>geo.api.gouv.fr returned no outline for</source>
      <translation>geo.api.gouv.fr n'a renvoyé aucun contour pour</translation>
    </message>
    <message>
      <location filename="../plugin/compose/outline.py" />
      <source>geo.api.gouv.fr sent outlines GDAL cannot read</source>
      <translation>geo.api.gouv.fr a renvoyé des contours que GDAL ne sait pas lire</translation>
    </message>
    <message>
      <location filename="../plugin/compose/geo_api.py" />
      <source>geo.api.gouv.fr sent something else than a list</source>
      <translation>geo.api.gouv.fr a renvoyé autre chose qu'une liste</translation>
    </message>
    <message>
      <location filename="../plugin/compose/lookup.py" />
      <source>give its code (INSEE, SIREN), or its name followed by its department in brackets:</source>
      <translation>indiquez son code (INSEE, SIREN), ou son nom suivi de son département entre parenthèses :</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>groups are nested too deeply</source>
      <translation>des groupes sont imbriqués trop profondément</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>has neither departure_time nor arrival_time</source>
      <translation>n'a ni departure_time ni arrival_time</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>has no column</source>
      <translation>n'a pas de colonne</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>invalid rows</source>
      <translation>lignes invalides</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>invalid wire type</source>
      <translation>type de codage invalide</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>is damaged</source>
      <translation>est endommagé</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>is not UTF-8: read as Windows-1252</source>
      <translation>n'est pas en UTF-8 : lu en Windows-1252</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>it announces {size}</source>
      <translation>elle annonce {size}</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>its covered area is the commune</source>
      <translation>sa couverture géographique est la commune</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>its covered area is the commune's EPCI</source>
      <translation>sa couverture géographique est l'EPCI de la commune</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>its covered area is the territory</source>
      <translation>sa couverture géographique est le territoire</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>its covered area is the territory's transport authority (AOM)</source>
      <translation>sa couverture géographique est l'autorité organisatrice de la mobilité (AOM) du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>its legal owner is the territory's transport authority (AOM)</source>
      <translation>son propriétaire légal est l'autorité organisatrice de la mobilité (AOM) du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>kB</source>
      <translation>ko</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_query_box.py" />
      <source>key=value, key=*, key!=value or key~expression; several joined by &amp; must all hold</source>
      <translation>clé=valeur, clé=*, clé!=valeur ou clé~expression ; plusieurs reliées par &amp; doivent toutes être vraies</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>layers loaded</source>
      <translation>couches chargées</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/safe_json.py" />
      <source>levels</source>
      <translation>niveaux</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>licence not stated</source>
      <translation>licence non précisée</translation>
    </message>
    <message>
      <location filename="../plugin/formats/tabular.py" />
      <source>line</source>
      <translation>ligne</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/translate.py" />
      <source>lines drawn with some of their nodes missing from the reply</source>
      <translation>lignes dessinées alors que certains de leurs nœuds manquent dans la réponse</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/ods_search.py" />
      <source>listed</source>
      <translation>listés</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>listed for you to tick: its resources were not checked</source>
      <translation>proposé à cocher : ses ressources n'ont pas été vérifiées</translation>
    </message>
    <message>
      <location filename="../ui/resources/gbfs_panel.py" />
      <source>live status every</source>
      <translation>état en direct toutes les</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>located from their address</source>
      <translation>localisées d'après leur adresse</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>locations</source>
      <translation>emplacements</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/translate.py" />
      <source>mapped as a point only, without a line or an area, and so not in this layer</source>
      <translation>cartographiés comme un simple point, sans ligne ni surface, et donc absents de cette couche</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>missing nearby</source>
      <translation>absent à proximité</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>more than {size} received</source>
      <translation>plus de {size} reçus</translation>
    </message>
    <message>
      <location filename="../plugin/compose/national_bases.py" />
      <source>national base of carpooling places (BNLC)</source>
      <translation>base nationale des lieux de covoiturage (BNLC)</translation>
    </message>
    <message>
      <location filename="../plugin/compose/national_bases.py" />
      <source>national base of cycle facilities</source>
      <translation>base nationale des aménagements cyclables</translation>
    </message>
    <message>
      <location filename="../plugin/compose/national_bases.py" />
      <source>national base of parking places (BNLS)</source>
      <translation>base nationale des lieux de stationnement (BNLS)</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>no competent actor</source>
      <translation>aucun acteur compétent</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/territory_rows.py" />
      <source>no coordinate columns found</source>
      <translation>aucune colonne de coordonnées trouvée</translation>
    </message>
    <message>
      <location filename="../ui/options.py" />
      <source>no limit</source>
      <translation>sans limite</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>no location: resources nearby unknown</source>
      <translation>sans localisation : ressources proches inconnues</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>no resource within</source>
      <translation>aucune ressource à moins de</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>no server could be reached: check the network connection or QGIS's proxy settings</source>
      <translation>aucun serveur n'a répondu : vérifiez la connexion au réseau ou les réglages de proxy de QGIS</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>no such file</source>
      <translation>fichier introuvable</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>no such key here</source>
      <translation>aucune clé de ce nom ici</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>no such key here; allowed keys:</source>
      <translation>aucune clé de ce nom ici ; clés permises :</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>no trip runs on the service day</source>
      <translation>aucune course ne circule le jour de service</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/calendar.py" />
      <source>no weekday of the feed's validity has any service</source>
      <translation>aucun jour de semaine de la validité du flux n'a de service</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>nodes</source>
      <translation>nœuds</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>none</source>
      <translation>aucun</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>none (table)</source>
      <translation>aucune (table)</translation>
    </message>
    <message>
      <location filename="../plugin/formats/resource_file.py" />
      <source>not</source>
      <translation>pas</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>not a GTFS feed?</source>
      <translation>est-ce bien un flux GTFS ?</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>not enough memory for the page at this resolution</source>
      <translation>mémoire insuffisante pour la page à cette résolution</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>not found on this portal: check the dataset id and the portal URL (a private dataset also needs an API key)</source>
      <translation>introuvable sur ce portail : vérifiez l'identifiant du jeu de données et l'URL du portail (un jeu de données privé demande aussi une clé d'API)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/live_refresh.py" />
      <source>not refreshed</source>
      <translation>non actualisé</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/resource_load.py" />
      <source>not stated</source>
      <translation>non indiquée</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>nothing</source>
      <translation>rien</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>nothing there</source>
      <translation>rien à cet endroit</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>nothing with this name</source>
      <translation>rien de ce nom</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>offline mode is on and this reply is not in the cache</source>
      <translation>le mode hors ligne est actif et cette réponse n'est pas dans le cache</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>offline, and the cache holds no reply for them</source>
      <translation>hors ligne, et le cache n'a aucune réponse pour elles</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>one of</source>
      <translation>l'une des valeurs</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>only</source>
      <translation>seulement</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>open challenge lacking help</source>
      <translation>défi ouvert sans aide</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>open challenges lacking help</source>
      <translation>défis ouverts sans aide</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>optional, such as ODbL</source>
      <translation>facultatif, par exemple ODbL</translation>
    </message>
    <message>
      <location filename="../ui/export_section.py" />
      <source>pages</source>
      <translation>pages</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>positions every</source>
      <translation>positions toutes les</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>public transport departures between 7 and 9 h</source>
      <translation>départs de transport collectif entre 7 et 9 h</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>quota</source>
      <translation>quota</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>records announced by the catalog</source>
      <translation>enregistrements annoncés par le catalogue</translation>
    </message>
    <message>
      <location filename="../ui/resources/ods_panel.py" />
      <source>records loaded</source>
      <translation>enregistrements chargés</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>records written</source>
      <translation>enregistrements écrits</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>refreshed from OpenStreetMap</source>
      <translation>actualisée depuis OpenStreetMap</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>relations</source>
      <translation>relations</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>routes</source>
      <translation>lignes</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>routes (per direction)</source>
      <translation>lignes (par sens)</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>routes without two located stops, left out</source>
      <translation>lignes sans deux arrêts localisés, écartées</translation>
    </message>
    <message>
      <location filename="../plugin/register/import_report.py" />
      <source>rows left out</source>
      <translation>lignes écartées</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/postgres.py" />
      <source>saved connections</source>
      <translation>connexions enregistrées</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>schema</source>
      <translation>schéma</translation>
    </message>
    <message>
      <location filename="../plugin/register/store.py" />
      <source>schema version</source>
      <translation>version du schéma</translation>
    </message>
    <message>
      <location filename="../plugin/register/geocode.py" />
      <source>score</source>
      <translation>score</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor types, such as SDS011: a list, or a text separated by commas</source>
      <translation>des types de capteurs, par exemple SDS011 : une liste, ou un texte séparé par des virgules</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/sensor_community.py" />
      <source>sensor.community citizen sensors</source>
      <translation>Capteurs citoyens sensor.community</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>sensor.community server written in the profile</source>
      <translation>Serveur sensor.community écrit dans le profil</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor.community: an extent or an area is needed</source>
      <translation>sensor.community : une emprise ou une zone est nécessaire</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor.community: the area is not valid WKT</source>
      <translation>sensor.community : la zone n'est pas un WKT valide</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor.community: the extent must be xmin, ymin, xmax, ymax in degrees (EPSG:4326)</source>
      <translation>sensor.community : l'emprise doit être xmin, ymin, xmax, ymax en degrés (EPSG:4326)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor.community: the reply is not a list of readings</source>
      <translation>sensor.community : la réponse n'est pas une liste de mesures</translation>
    </message>
    <message>
      <location filename="../plugin/sources/sensor_community.py" />
      <source>sensor.community: the server must be an http or https URL</source>
      <translation>sensor.community : le serveur doit être une URL http ou https</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>service day used</source>
      <translation>jour de service retenu</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>several:</source>
      <translation>plusieurs :</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>stations</source>
      <translation>stations</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>stop_times rows naming a stop missing from stops.txt, left out</source>
      <translation>lignes de stop_times désignant un arrêt absent de stops.txt, écartées</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>stop_times rows naming a trip missing from trips.txt, left out</source>
      <translation>lignes de stop_times désignant une course absente de trips.txt, écartées</translation>
    </message>
    <message>
      <location filename="../ui/resources/gtfs_panel.py" />
      <source>stops</source>
      <translation>arrêts</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>stops without usable coordinates, left out</source>
      <translation>arrêts sans coordonnées utilisables, écartés</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>strong</source>
      <translation>fort</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/__init__.py" />
      <source>tag conditions such as amenity=parking, joined by &amp;</source>
      <translation>des conditions sur les attributs comme amenity=parking, reliées par &amp;</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the 'dataset' key (dataset id) is missing</source>
      <translation>la clé « dataset » (identifiant du jeu de données) manque</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/territory_rows.py" />
      <source>the INSEE code columns are missing</source>
      <translation>les colonnes de code INSEE manquent</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the ODSQL filter was rejected</source>
      <translation>le filtre ODSQL a été refusé</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>the PDF cannot be made</source>
      <translation>le PDF ne peut pas être produit</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>the RUDI resource's id</source>
      <translation>l'identifiant de la ressource RUDI</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the SIREN of the EPCI (9 digits)</source>
      <translation>le SIREN de l'EPCI (9 chiffres)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gtfs/__init__.py" />
      <source>the URL of the GTFS zip, or of the GTFS-RT VehiclePositions feed</source>
      <translation>l'URL du zip GTFS, ou du flux GTFS-RT VehiclePositions</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>the URL of the RUDI node</source>
      <translation>l'URL du nœud RUDI</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>the URL of the file's Table Schema (schema.data.gouv.fr)</source>
      <translation>l'URL du schéma de table du fichier (schema.data.gouv.fr)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>the URL of the national file (CSV or GeoJSON)</source>
      <translation>l'URL du fichier national (CSV ou GeoJSON)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>the URL of the system's gbfs.json</source>
      <translation>l'URL du gbfs.json du système</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>the archive has neither calendar.txt nor calendar_dates.txt</source>
      <translation>l'archive n'a ni calendar.txt ni calendar_dates.txt</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>the archive has no</source>
      <translation>l'archive n'a pas de</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>the atlas cannot be prepared</source>
      <translation>l'atlas ne peut pas être préparé</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/calendar.py" />
      <source>the calendars list no day of service</source>
      <translation>les calendriers ne donnent aucun jour de service</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>the catalog</source>
      <translation>le catalogue</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the catalog reply has no results list</source>
      <translation>la réponse du catalogue ne contient pas de liste de résultats</translation>
    </message>
    <message>
      <location filename="../plugin/compose/common_entries.py" />
      <source>the category's preset, asked through Overpass within the territory; OpenStreetMap covers every territory</source>
      <translation>le préréglage de la catégorie, demandé à Overpass dans le territoire ; OpenStreetMap couvre tous les territoires</translation>
    </message>
    <message>
      <location filename="../plugin/compose/common_entries.py" />
      <source>the citizen air-quality sensors within the territory's extent, with their latest readings</source>
      <translation>les capteurs citoyens de qualité de l'air dans l'emprise du territoire, avec leurs dernières mesures</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the connection timed out</source>
      <translation>la connexion a expiré</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/territory_rows.py" />
      <source>the coordinate columns are missing</source>
      <translation>les colonnes de coordonnées manquent</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>the data.gouv.fr dataset's id or slug</source>
      <translation>l'identifiant ou le slug du jeu de données data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>the dataset</source>
      <translation>le jeu de données</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the dataset's identifier (dataset_id), without spaces or /</source>
      <translation>l'identifiant du jeu de données (dataset_id), sans espace ni /</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the download was cut before its end; nothing was written, try again</source>
      <translation>le téléchargement a été interrompu avant la fin ; rien n'a été écrit, réessayez</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the downloaded export could not be read or written (incomplete or invalid GeoJSON); nothing was written</source>
      <translation>l'export téléchargé n'a pas pu être lu ou écrit (GeoJSON incomplet ou invalide) ; rien n'a été écrit</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/layer_checks.py" />
      <source>the expected extent</source>
      <translation>l'emprise attendue</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/calendar.py" />
      <source>the feed's validity ended on</source>
      <translation>la validité du flux a pris fin le</translation>
    </message>
    <message>
      <location filename="../plugin/export/layout_export.py" />
      <source>the file cannot be written</source>
      <translation>le fichier ne peut pas être écrit</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/archive.py" />
      <source>the file is not a readable zip archive</source>
      <translation>le fichier n'est pas une archive zip lisible</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the format version of the profile: 1</source>
      <translation>la version du format du profil : 1</translation>
    </message>
    <message>
      <location filename="../plugin/compose/accidents.py" />
      <source>the latest yearly file of road accidents with injuries</source>
      <translation>le dernier fichier annuel des accidents corporels de la circulation</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>the map stays in {crs}, the project's CRS</source>
      <translation>la carte reste en {crs}, le SCR du projet</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>the message ends inside a 32-bit value</source>
      <translation>le message s'arrête au milieu d'une valeur de 32 bits</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>the message ends inside a 64-bit value</source>
      <translation>le message s'arrête au milieu d'une valeur de 64 bits</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>the message ends inside a group</source>
      <translation>le message s'arrête au milieu d'un groupe</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs_rt.py" />
      <source>the message ends inside a number</source>
      <translation>le message s'arrête au milieu d'un nombre</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>the name of a column of the file</source>
      <translation>le nom d'une colonne du fichier</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>the name of the file's latitude column</source>
      <translation>le nom de la colonne de latitude du fichier</translation>
    </message>
    <message>
      <location filename="../plugin/sources/national_file/__init__.py" />
      <source>the name of the file's longitude column</source>
      <translation>le nom de la colonne de longitude du fichier</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the network connection was lost</source>
      <translation>la connexion au réseau a été perdue</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>the outlines of the territory's communes</source>
      <translation>les contours des communes du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>the platform reports this resource unavailable: tick it to try</source>
      <translation>la plateforme signale cette ressource indisponible : cochez-la pour essayer</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal answered with a web page instead of data: check that the URL is an Opendatasoft portal (it may also be under maintenance)</source>
      <translation>le portail a répondu par une page web au lieu de données : vérifiez que l'URL est celle d'un portail Opendatasoft (il est peut-être aussi en maintenance)</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal answered with an error</source>
      <translation>le portail a répondu par une erreur</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal could not be reached or the connection broke; nothing was written</source>
      <translation>le portail est injoignable ou la connexion a été coupée ; rien n'a été écrit</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal rejected the request</source>
      <translation>le portail a refusé la requête</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal's API quota is used up</source>
      <translation>le quota d'API du portail est épuisé</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the portal's base URL, or the key of one of the profile's portals</source>
      <translation>l'URL de base du portail, ou la clé d'un des portails du profil</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>the previous load is replaced</source>
      <translation>le chargement précédent est remplacé</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the proxy asks for a login (QGIS's proxy settings)</source>
      <translation>le proxy demande une identification (réglages de proxy de QGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the proxy closed the connection (QGIS's proxy settings)</source>
      <translation>le proxy a fermé la connexion (réglages de proxy de QGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the proxy did not answer in time (QGIS's proxy settings)</source>
      <translation>le proxy n'a pas répondu à temps (réglages de proxy de QGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the proxy refused the connection (QGIS's proxy settings)</source>
      <translation>le proxy a refusé la connexion (réglages de proxy de QGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the proxy was not found (QGIS's proxy settings)</source>
      <translation>le proxy est introuvable (réglages de proxy de QGIS)</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>the register</source>
      <translation>le registre</translation>
    </message>
    <message>
      <location filename="../plugin/sources/ods/__init__.py" />
      <source>the reply is not a dataset description</source>
      <translation>la réponse n'est pas la description d'un jeu de données</translation>
    </message>
    <message>
      <location filename="../plugin/sources/rudi.py" />
      <source>the resource</source>
      <translation>la ressource</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>the resource's id or title</source>
      <translation>l'identifiant ou le titre de la ressource</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the resources to load, per category</source>
      <translation>les ressources à charger, par catégorie</translation>
    </message>
    <message>
      <location filename="../plugin/sources/datagouv.py" />
      <source>the search</source>
      <translation>la recherche</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the secure connection (TLS) could not be established</source>
      <translation>la connexion sécurisée (TLS) n'a pas pu être établie</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the server closed the connection</source>
      <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the server refused the connection</source>
      <translation>le serveur a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>the server's name was not found (no network, or a wrong address)</source>
      <translation>le nom du serveur est introuvable (pas de réseau, ou une adresse erronée)</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>the service day is outside the feed's validity</source>
      <translation>le jour de service est hors de la validité du flux</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the source of the resource</source>
      <translation>la source de la ressource</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the territory's name</source>
      <translation>le nom du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>the territory's outline: epci (the SIREN of an EPCI), communes (INSEE codes) or file</source>
      <translation>le contour du territoire : epci (le SIREN d'un EPCI), communes (codes INSEE) ou file</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>the territory's register of challenges and actors</source>
      <translation>le registre des défis et des acteurs du territoire</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>this project's own data</source>
      <translation>données propres à ce projet</translation>
    </message>
    <message>
      <location filename="../ui/planning_section.py" />
      <source>to</source>
      <translation>à</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>to tick</source>
      <translation>à cocher</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/compose_profile.py" />
      <source>transport.data.gouv.fr base URL</source>
      <translation>URL de base de transport.data.gouv.fr</translation>
    </message>
    <message>
      <location filename="../plugin/compose/assemble.py" />
      <source>transport.data.gouv.fr lists no transport dataset for the territory, its communes or its AOM</source>
      <translation>transport.data.gouv.fr ne référence aucun jeu de données de transport pour le territoire, ses communes ou son AOM</translation>
    </message>
    <message>
      <location filename="../plugin/compose/transport_catalog.py" />
      <source>transport.data.gouv.fr's catalog is not a list of datasets</source>
      <translation>Le catalogue de transport.data.gouv.fr n'est pas une liste de jeux de données</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>trips left out: a stop_sequence is not a whole number</source>
      <translation>courses écartées : un stop_sequence n'est pas un nombre entier</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>trips naming a route missing from routes.txt, left out</source>
      <translation>courses désignant une ligne absente de routes.txt, écartées</translation>
    </message>
    <message>
      <location filename="../plugin/formats/gtfs/network.py" />
      <source>trips without any time: counted, not placed in the 7-9 h window</source>
      <translation>courses sans aucun horaire : comptées, mais pas placées dans la tranche 7-9 h</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/validator.py" />
      <source>true or false</source>
      <translation>true ou false</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/territory.py" />
      <source>unconfirmed identifier: not loaded unless asked for</source>
      <translation>identifiant non confirmé : chargé seulement sur demande</translation>
    </message>
    <message>
      <location filename="../processing/algorithms/council_map.py" />
      <source>unknown value; expected</source>
      <translation>valeur inconnue ; attendu</translation>
    </message>
    <message>
      <location filename="../plugin/profiles/profile.py" />
      <source>valid JSON</source>
      <translation>du JSON valide</translation>
    </message>
    <message>
      <location filename="../plugin/sources/gbfs/__init__.py" />
      <source>vehicles</source>
      <translation>véhicules</translation>
    </message>
    <message>
      <location filename="../ui/resources/osm_panel.py" />
      <source>ways</source>
      <translation>chemins</translation>
    </message>
    <message>
      <location filename="../plugin/sources/overpass/translate.py" />
      <source>ways or relations the server found that could not be drawn (nodes missing from the reply, rings that do not close, or not drawn that way in OpenStreetMap); they are not in the layer</source>
      <translation>chemins ou relations trouvés par le serveur qui n'ont pas pu être dessinés (nœuds absents de la réponse, anneaux qui ne se ferment pas, ou pas dessinés ainsi dans OpenStreetMap) ; ils ne sont pas dans la couche</translation>
    </message>
    <message>
      <location filename="../plugin/planning/matrix.py" />
      <source>weak</source>
      <translation>faible</translation>
    </message>
    <message>
      <location filename="../plugin/export/council_map.py" />
      <source>with QGIS and Open Territory</source>
      <translation>avec QGIS et Territoire ouvert</translation>
    </message>
    <message>
      <location filename="../plugin/compose/datagouv_org.py" />
      <source>with a geographic resource; the category was guessed from its title: tick it to load it</source>
      <translation>avec une ressource géographique ; la catégorie a été devinée d'après son titre : cochez-le pour le charger</translation>
    </message>
    <message>
      <location filename="../plugin/planning/context.py" />
      <source>within</source>
      <translation>à moins de</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>{count} failed (see the Territory tab)</source>
      <translation>{count} en échec (voir l'onglet Territoire)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host} answered with a web page instead of data (JSON expected)</source>
      <translation>{host} a répondu par une page web au lieu de données (JSON attendu)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host} sent an empty reply</source>
      <translation>{host} a envoyé une réponse vide</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host} stopped sending: almost nothing came in {seconds} s ({size} received)</source>
      <translation>{host} a cessé d'envoyer : presque rien reçu en {seconds} s ({size} reçus)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host} was not asked: it stopped answering an earlier request of this load</source>
      <translation>{host} n'a pas été interrogé : il a cessé de répondre à une requête précédente de ce chargement</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host}: busy, next try in {seconds} s</source>
      <translation>{host} : occupé, nouvel essai dans {seconds} s</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/network.py" />
      <source>{host}: waiting for a free connection (two at once per server)</source>
      <translation>{host} : en attente d'une connexion libre (deux à la fois par serveur)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>{host}: waiting for an answer ({seconds} s)</source>
      <translation>{host} : en attente d'une réponse ({seconds} s)</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>{host}: waiting for an answer…</source>
      <translation>{host} : en attente d'une réponse…</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>{host}: {size}</source>
      <translation>{host} : {size}</translation>
    </message>
    <message>
      <location filename="../plugin/toolbelt/download.py" />
      <source>{host}: {size} of {total}</source>
      <translation>{host} : {size} sur {total}</translation>
    </message>
    <message>
      <location filename="../ui/territory_section.py" />
      <source>{name}: {count} layers in {path}</source>
      <translation>{name} : {count} couches dans {path}</translation>
    </message>
    <message>
      <location filename="../ui/register/list_panel.py" />
      <source>{shown} of {total}</source>
      <translation>{shown} sur {total}</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>{total} actors</source>
      <translation>{total} acteurs</translation>
    </message>
    <message>
      <location filename="../ui/register/list_tables.py" />
      <source>{total} challenges</source>
      <translation>{total} défis</translation>
    </message>
    <message>
      <location filename="../plugin/export/sources_text.py" />
      <source>© OpenStreetMap contributors</source>
      <translation>© les contributeurs d'OpenStreetMap</translation>
    </message>
  </context>
</TS>
