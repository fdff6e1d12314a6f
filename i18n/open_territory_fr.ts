<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>OpenTerritory</name>
    <message>
      <location filename="../ui/options.py" line="65" />
      <source> MB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="48" />
      <source> s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="73" />
      <source>Air quality</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="56" />
      <source>Air quality sensors</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="66" />
      <source>Ask before downloading a file larger than this</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="48" />
      <source>Bicycle parking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="54" />
      <source>Bike-share stations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="50" />
      <source>Bus stops</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="61" />
      <source>Cache folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="51" />
      <source>Car parks</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="55" />
      <source>Car sharing</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="49" />
      <source>Charging stations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="52" />
      <source>Cycleways</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="69" />
      <source>Cycling</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="74" />
      <source>Data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" line="17" />
      <source>Export</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/export_section.py" line="17" />
      <source>Export the current map for a council meeting.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="60" />
      <source>Folder where downloaded replies are kept for offline use</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/register_section.py" line="17" />
      <source>Keep the register of the territory's challenges and actors.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="71" />
      <source>Logistics</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="50" />
      <source>Network timeout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="69" />
      <source>Offline mode: answer from the cache only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/main.py" line="73" />
      <source>Open Territory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="75" />
      <source>Other</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="59" />
      <source>Other resources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/planning_section.py" line="17" />
      <source>Overlay the register on the resources: what surrounds each challenge, who can act.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="43" />
      <source>Overpass API server used for OpenStreetMap resources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="44" />
      <source>Overpass server</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="66" />
      <source>Parking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/territory_section.py" line="17" />
      <source>Pick a territory profile to load its resources. Bundled profiles and profile files come with the territory profiles.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" line="16" />
      <source>Planning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="68" />
      <source>Public transport</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/register_section.py" line="21" />
      <source>Register</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/resources_section.py" line="33" />
      <source>Resources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" line="14" />
      <source>Resources from open portals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="72" />
      <source>Restore defaults</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="55" />
      <source>Retries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="54" />
      <source>Retries after a busy server (HTTP 429, 502, 503, 504)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="72" />
      <source>Road safety</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="58" />
      <source>Road works</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="65" />
      <source>Roads</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/resources_section.py" line="23" />
      <source>Search the open data portals and load their datasets as layers.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/main.py" line="75" />
      <source>Show the Open Territory panel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="53" />
      <source>Street lamps</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../processing/algorithms/base.py" line="15" />
      <source>Territory</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="49" />
      <source>Time allowed for one network request before it is abandoned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="57" />
      <source>Traffic counters</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="47" />
      <source>Traffic signals</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="67" />
      <source>Vehicles and fleets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../plugin/definitions.py" line="70" />
      <source>Walking</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../ui/options.py" line="67" />
      <source>Warn before downloads over</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
