"""The fixture territories: communes and EPCIs as geo.api.gouv.fr describes them.

Codes checked against public sources: Rennes Métropole 243500139, CA Vitré Communauté 200039022,
Vitré 35360, Marpiré 35166, Métropole du Grand Paris 200054781, Paris 75056 and its arrondissements
75101-75120, Beaussais-Vitré (the former Vitré of Deux-Sèvres, 79353, merged into it). The other
codes and every population are plausible, written from memory: a fixture, not a reference.
Contours are synthetic squares laid out in a grid around each territory's real position.
"""

# (code, name, postcode, population)
RENNES_METROPOLE = [
    ("35238", "Rennes", "35000", 222485),
    ("35051", "Cesson-Sévigné", "35510", 18262),
    ("35281", "Saint-Jacques-de-la-Lande", "35136", 14150),
    ("35047", "Bruz", "35170", 18998),
    ("35024", "Betton", "35830", 12331),
    ("35210", "Pacé", "35740", 12385),
    ("35278", "Saint-Grégoire", "35760", 10008),
    ("35055", "Chantepie", "35135", 10596),
    ("35334", "Thorigné-Fouillard", "35235", 8733),
    ("35066", "Chartres-de-Bretagne", "35131", 8153),
    ("35240", "Le Rheu", "35650", 9829),
    ("35196", "Mordelles", "35310", 7628),
    ("35352", "Vern-sur-Seiche", "35770", 8236),
    ("35001", "Acigné", "35690", 6905),
    ("35206", "Noyal-Châtillon-sur-Seiche", "35230", 7074),
    ("35189", "Montgermont", "35760", 3439),
    ("35131", "L'Hermitage", "35590", 4564),
    ("35076", "Chavagne", "35310", 4142),
    ("35363", "Pont-Péan", "35131", 4400),
    ("35208", "Orgères", "35230", 4977),
    ("35266", "Saint-Erblon", "35230", 3057),
    ("35120", "Gévezé", "35850", 5498),
    ("35059", "La Chapelle-des-Fougeretz", "35520", 4678),
    ("35216", "Parthenay-de-Bretagne", "35850", 1882),
    ("35079", "Clayes", "35590", 870),
    ("35080", "Cintré", "35310", 2339),
    ("35088", "Corps-Nuds", "35150", 3389),
    ("35032", "Bourgbarré", "35230", 4130),
    ("35204", "Nouvoitou", "35410", 3245),
    ("35250", "Saint-Armel", "35230", 2090),
    ("35077", "Chevaigné", "35250", 2198),
    ("35315", "Saint-Sulpice-la-Forêt", "35250", 1490),
    ("35039", "Brécé", "35530", 2165),
    ("35139", "Laillé", "35890", 5216),
    ("35353", "Vezin-le-Coquet", "35132", 5796),
    ("35180", "Miniac-sous-Bécherel", "35190", 784),
    ("35245", "Romillé", "35850", 3992),
    ("35145", "Langan", "35850", 1078),
    ("35065", "La Chapelle-Thouarault", "35590", 2262),
    ("35022", "Bécherel", "35190", 713),
    ("35058", "La Chapelle-Chaussée", "35630", 1273),
    ("35275", "Saint-Gilles", "35590", 5139),
    ("35351", "Le Verger", "35160", 1478),
]
VITRE_COMMUNAUTE = [
    ("35360", "Vitré", "35500", 18979),
    ("35068", "Châteaubourg", "35220", 7211),
    ("35006", "Argentré-du-Plessis", "35370", 4424),
    ("35125", "La Guerche-de-Bretagne", "35130", 4258),
    ("35166", "Marpiré", "35220", 1078),
    ("35108", "Étrelles", "35370", 2604),
    ("35016", "Balazé", "35500", 2197),
    ("35347", "Val-d'Izé", "35450", 2602),
    ("35014", "Bais", "35680", 2444),
    ("35097", "Domalain", "35680", 2102),
    ("35339", "Torcé", "35370", 1286),
    ("35229", "Pocé-les-Bois", "35500", 1414),
]
# Spans three departments (35, 44, 56): the rural commune of the tests, Fégréac, is in Loire-Atlantique.
REDON_AGGLOMERATION = [
    ("35236", "Redon", "35600", 9355),
    ("35013", "Bains-sur-Oust", "35600", 3450),
    ("44185", "Saint-Nicolas-de-Redon", "44460", 3262),
    ("44058", "Fégréac", "44460", 2467),
    ("44008", "Avessac", "44460", 2533),
    ("44128", "Plessé", "44630", 5415),
    ("56001", "Allaire", "56350", 3970),
    ("56194", "Rieux", "56350", 3149),
]
MELLOIS = [
    ("79030", "Beaussais-Vitré", "79370", 1104),
    ("79174", "Melle", "79500", 6341),
    ("79061", "Celles-sur-Belle", "79370", 3927),
]
NO_EPCI = [("29155", "Ouessant", "29242", 835), ("29083", "Île-de-Sein", "29990", 256)]
PAYS_AJACCIEN = [("2A004", "Ajaccio", "20000", 73535), ("2A006", "Alata", "20167", 3379)]
BASTIA = [("2B033", "Bastia", "20200", 48503), ("2B120", "Furiani", "20600", 6063)]
CINOR = [
    ("97411", "Saint-Denis", "97400", 153001),
    ("97418", "Sainte-Marie", "97438", 34142),
    ("97420", "Sainte-Suzanne", "97441", 24387),
]
CAP_EXCELLENCE = [("97120", "Pointe-à-Pitre", "97110", 14778), ("97101", "Les Abymes", "97139", 53514)]
CACEM = [("97209", "Fort-de-France", "97200", 76512)]
CAP_NORD = [("97228", "Sainte-Marie", "97230", 15386)]
CACL = [("97302", "Cayenne", "97300", 63468)]
CADEMA = [("97611", "Mamoudzou", "97600", 71437)]
GRAND_PARIS = [
    ("75056", "Paris", "75001", 2133111),
    ("93066", "Saint-Denis", "93200", 113116),
    ("93048", "Montreuil", "93100", 111367),
]
MONTAGNE_NOIRE = [("11339", "Saint-Denis", "11310", 479), ("11170", "Les Martys", "11390", 133)]

# (siren, name, type, members, centre lon/lat, cell size in degrees)
EPCIS = [
    ("243500139", "Rennes Métropole", "METRO", RENNES_METROPOLE, (-1.68, 48.11), 0.035),
    ("200039022", "CA Vitré Communauté", "CA", VITRE_COMMUNAUTE, (-1.21, 48.12), 0.05),
    ("243500726", "CA Redon Agglomération", "CA", REDON_AGGLOMERATION, (-2.08, 47.65), 0.05),
    ("200069755", "CC Mellois en Poitou", "CC", MELLOIS, (-0.19, 46.24), 0.06),
    ("242010056", "CA du Pays Ajaccien", "CA", PAYS_AJACCIEN, (8.75, 41.94), 0.04),
    ("242020071", "CA de Bastia", "CA", BASTIA, (9.44, 42.68), 0.04),
    ("249740119", "CA Intercommunale du Nord de La Réunion (CINOR)", "CA", CINOR, (55.52, -20.89), 0.05),
    ("249710060", "CA Cap Excellence", "CA", CAP_EXCELLENCE, (-61.51, 16.25), 0.03),
    ("249720061", "CA du Centre de la Martinique", "CA", CACEM, (-61.07, 14.61), 0.05),
    ("200041788", "CA du Pays Nord Martinique", "CA", CAP_NORD, (-60.99, 14.78), 0.05),
    ("249730045", "CA du Centre Littoral", "CA", CACL, (-52.33, 4.93), 0.08),
    ("200059871", "CA de Dembéni-Mamoudzou", "CA", CADEMA, (45.23, -12.78), 0.05),
    ("200054781", "Métropole du Grand Paris", "MET75", GRAND_PARIS, (2.38, 48.89), 0.05),
    ("200035715", "CC de la Montagne Noire", "CC", MONTAGNE_NOIRE, (2.22, 43.37), 0.05),
]
# Communes in no EPCI (the islands keep their own): (members, centre, cell)
LONE_COMMUNES = [([NO_EPCI[0]], (-5.09, 48.46), 0.06), ([NO_EPCI[1]], (-4.85, 48.04), 0.02)]
# The municipal arrondissements of Paris (type "arrondissement-municipal", codeParent 75056).
PARIS_ARRONDISSEMENTS = [
    (f"751{n:02d}", f"Paris {n}{'er' if n == 1 else 'e'} Arrondissement", f"750{n:02d}") for n in range(1, 21)
]

REGIONS = {
    "35": "53",
    "29": "53",
    "56": "53",
    "44": "52",
    "79": "75",
    "2A": "94",
    "2B": "94",
    "971": "01",
    "972": "02",
    "973": "03",
    "974": "04",
    "976": "06",
    "75": "11",
    "93": "11",
    "11": "76",
}
