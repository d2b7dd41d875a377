<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>MoeMae</name>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="21" />
      <source>Assess accuracy and area</source>
      <translation>Genauigkeit und Flächen bewerten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="22" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="45" />
      <source>Accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="23" />
      <source>Accuracies and class areas with 95 % intervals, from labelled sample points.</source>
      <translation>Genauigkeiten und Klassenflächen mit 95-%-Intervallen, aus Stichprobenpunkten mit Referenzklasse.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <source>The class raster the points were drawn on, in a projected CRS (areas need metres).</source>
      <translation>Das Klassenraster, aus dem die Punkte gezogen wurden, in einem projizierten KBS (Flächen brauchen Meter).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>Land-cover map</source>
      <translation>Landbedeckungskarte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>A point layer saved to a file (GeoPackage, Shapefile, GeoJSON), in any CRS, each point labelled with a class name or code of the map.</source>
      <translation>Ein in einer Datei gespeicherter Punktlayer (GeoPackage, Shapefile, GeoJSON), in beliebigem KBS, jeder Punkt mit einem Klassennamen oder -code der Karte versehen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>Labelled points</source>
      <translation>Referenzpunkte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="32" />
      <source>Reference class field</source>
      <translation>Referenzklassenfeld</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="34" />
      <source>The field that holds the class you saw at each point; points without one are counted and left out.</source>
      <translation>Das Feld mit der Klasse, die Sie an jedem Punkt gesehen haben; Punkte ohne Klasse werden gezählt und ausgelassen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>The raster the sample was drawn on, when it was not this map (e.g. an older map): the estimators are then Stehman's (2014).</source>
      <translation>Das Raster, aus dem die Stichprobe gezogen wurde, wenn es nicht diese Karte war (z. B. eine ältere Karte): die Schätzer sind dann die von Stehman (2014).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>Strata (if not the map's classes)</source>
      <translation>Schichten (falls nicht die Klassen der Karte)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>overall_accuracy, classes, error_matrix and points, for other tools to read.</source>
      <translation>overall_accuracy, classes, error_matrix und points, zum Einlesen durch andere Werkzeuge.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>Report (JSON)</source>
      <translation>Bericht (JSON)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="42" />
      <source>JSON files (*.json)</source>
      <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>The report a person reads: accuracies, the area chart, the error matrices, the warnings.</source>
      <translation>Der Bericht zum Lesen: Genauigkeiten, das Flächendiagramm, die Fehlermatrizen, die Warnungen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>Report (HTML)</source>
      <translation>Bericht (HTML)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="45" />
      <source>HTML files (*.html)</source>
      <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="52" />
      <source>INPUT must be a raster layer and REFERENCE a point layer</source>
      <translation>INPUT muss ein Rasterlayer sein und REFERENCE ein Punktlayer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="54" />
      <source>REFERENCE '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>REFERENCE '{}' ist nicht in einer Datei gespeichert; speichern Sie den Layer (GeoPackage, Shapefile, GeoJSON) und führen Sie erneut aus</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="125" />
      <source>Use Raster › MoE-MAE land cover › Install missing Python packages….</source>
      <translation>Verwenden Sie Raster › MoE-MAE Landbedeckung › Fehlende Python-Pakete installieren….</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="223" />
      <source>Parameters</source>
      <translation>Parameter</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="257" />
      <source>Cancelled: no output was written.</source>
      <translation>Abgebrochen: Es wurde keine Ausgabe geschrieben.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>A Landsat 8/9 Collection 2 Level-2 product as downloaded (its MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster.</source>
      <translation>Ein Landsat-8/9-Produkt der Collection 2, Level 2, wie heruntergeladen (seine MTL-Datei, sein Ordner oder sein .tar), ein mit „Landsat-Produkt hinzufügen“ hinzugefügter Layer oder ein Oberflächenreflexions-Raster.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>Landsat 8/9 Level-2 scene</source>
      <translation>Landsat-8/9-Szene, Level 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Which bands of the raster are SR_B1…SR_B7, in that order. Default: by band name, or bands 1-7 of a 7-band raster without Landsat band names. A product (MTL file, folder or .tar) needs none: QGIS cannot list a product's bands, and its 'Dependent bands could not be populated' then only says so; leave BANDS empty.</source>
      <translation>Welche Bänder des Rasters SR_B1…SR_B7 sind, in dieser Reihenfolge. Standard: nach Bandname, oder die Bänder 1-7 eines Rasters mit 7 Bändern ohne Landsat-Bandnamen. Ein Produkt (MTL-Datei, Ordner oder .tar) braucht keine Angabe: QGIS kann die Bänder eines Produkts nicht auflisten, und sein „Dependent bands could not be populated“ sagt nur das; lassen Sie BANDS leer.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Bands SR_B1…SR_B7</source>
      <translation>Bänder SR_B1…SR_B7</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <source>A catalogue name ({}) or a checkpoint file. Default: published-S once downloaded, else the demonstration model.</source>
      <translation>Ein Katalogname ({}) oder eine Checkpoint-Datei. Standard: published-S, sobald heruntergeladen, sonst das Demonstrationsmodell.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <location filename="../../moemae_qgis/dialog.py" line="236" />
      <source>Model</source>
      <translation>Modell</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="285" />
      <location filename="../../moemae_qgis/model_picker.py" line="178" />
      <source>Checkpoints (*.pt *.pth)</source>
      <translation>Checkpoints (*.pt *.pth)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="289" />
      <source>A catalogue name (eurosat10-cls, bigearthnet19-mean …) or a probe file. Default: the model's own default probe.</source>
      <translation>Ein Katalogname (eurosat10-cls, bigearthnet19-mean …) oder eine Probe-Datei. Standard: die Standard-Probe des Modells.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="289" />
      <source>Probe (the legend)</source>
      <translation>Probe (die Legende)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="290" />
      <location filename="../../moemae_qgis/click_to_map.py" line="321" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probes (*.json)</source>
      <translation>Probes (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>A 40 × 40 px tile every STRIDE px: a smaller stride overlaps the tiles more and takes longer. The map's cells are one per 4 × 4 px token (120 m) or one per stride: see Map cells.</source>
      <translation>Eine Kachel von 40 × 40 px alle STRIDE px: eine kleinere Schrittweite überlappt die Kacheln stärker und dauert länger. Die Zellen der Karte sind eine je Token von 4 × 4 px (120 m) oder eine je Schritt: siehe Kartenzellen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>Stride between tiles (px)</source>
      <translation>Schrittweite zwischen Kacheln (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Default: read from the product's MTL, the product id, the raster's GDAL tags or the layer's temporal properties.</source>
      <translation>Standard: gelesen aus der MTL des Produkts, der Produkt-ID, den GDAL-Tags des Rasters oder den zeitlichen Eigenschaften des Layers.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Acquisition date (UTC)</source>
      <translation>Aufnahmedatum (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Give the model the acquisition date and each tile's latitude and longitude, as it was trained.</source>
      <translation>Gibt dem Modell das Aufnahmedatum sowie Breite und Länge jeder Kachel, wie im Training.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Use date and position</source>
      <translation>Datum und Position verwenden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="306" />
      <location filename="../../moemae_qgis/dialog.py" line="237" />
      <source>Device</source>
      <translation>Gerät</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="309" />
      <source>auto picks CUDA, then Apple MPS, then the CPU.</source>
      <translation>auto wählt CUDA, dann Apple MPS, dann die CPU.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Fewer tiles per batch need less memory.</source>
      <translation>Weniger Kacheln je Stapel brauchen weniger Speicher.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Tiles per batch</source>
      <translation>Kacheln je Stapel</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="319" />
      <source>Mask (QA_PIXEL flags)</source>
      <translation>Maske (QA_PIXEL-Flags)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="323" />
      <source>The QA_PIXEL flags that mask a pixel, when QA_PIXEL is at hand: a product, a band named QA_PIXEL, or the QA_PIXEL parameter. Masked pixels count as no data.</source>
      <translation>Die QA_PIXEL-Flags, die ein Pixel maskieren, wenn QA_PIXEL vorliegt: ein Produkt, ein Band namens QA_PIXEL oder der Parameter QA_PIXEL. Maskierte Pixel gelten als NoData.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>Only for a raster without its QA_PIXEL band: a product brings its own.</source>
      <translation>Nur für ein Raster ohne sein QA_PIXEL-Band: ein Produkt bringt sein eigenes mit.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>QA_PIXEL of a stacked raster</source>
      <translation>QA_PIXEL eines gestapelten Rasters</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="328" />
      <source>Input values</source>
      <translation>Eingabewerte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="332" />
      <source>auto: from the data type and values; dn: Level-2 digital numbers; reflectance: DN × 0.0000275 − 0.2, as floats.</source>
      <translation>auto: nach Datentyp und Werten; dn: digitale Werte (Level 2); reflectance: DN × 0,0000275 − 0,2, als Gleitkommazahlen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="341" />
      <location filename="../../moemae_qgis/dialog.py" line="239" />
      <source>Map cells</source>
      <translation>Kartenzellen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="345" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe on the mean of the tokens and a STRIDE that is a multiple of 4; pixel: one cell per 30 m pixel on the input's grid, the token map refined by each pixel's bands (same needs); tile: one cell per STRIDE; auto: token where the probe and STRIDE allow it, else tile.</source>
      <translation>token: eine Zelle je Token von 4 × 4 px (120 m), für eine Sonde auf dem Mittel der Tokens und einen STRIDE, der ein Vielfaches von 4 ist; pixel: eine Zelle je 30-m-Pixel im Raster der Eingabe, die Token-Karte verfeinert durch die Bänder jedes Pixels (gleiche Voraussetzungen); tile: eine Zelle je STRIDE; auto: token, wo Sonde und STRIDE es erlauben, sonst tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="351" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe or pooling on the mean of the tokens and a STRIDE that is a multiple of 4; tile: one cell per STRIDE; auto: token where the probe or pooling and STRIDE allow it, else tile.</source>
      <translation>token: eine Zelle je Token von 4 × 4 px (120 m), für eine Probe oder Zusammenfassung über den Mittelwert der Tokens und einen STRIDE, der ein Vielfaches von 4 ist; tile: eine Zelle je STRIDE; auto: token, wo Probe oder Zusammenfassung und STRIDE es erlauben, sonst tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="380" />
      <source>Incorrect parameter value for {}</source>
      <translation>Falscher Parameterwert für {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="394" />
      <source>{} is not a raster layer</source>
      <translation>{} ist kein Rasterlayer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="396" />
      <source>{} is a {} layer; save it as a GeoTIFF first (the model reads files through GDAL)</source>
      <translation>{} ist ein {}-Layer; speichern Sie ihn zuerst als GeoTIFF (das Modell liest Dateien über GDAL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="409" />
      <source>GDAL cannot open {} as a raster ({}); check the path inside the archive</source>
      <translation>GDAL kann {} nicht als Raster öffnen ({}); prüfen Sie den Pfad innerhalb des Archivs</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="425" />
      <source>BANDS {!r} was not understood: QGIS wants the band numbers separated by ';', e.g. 1;2;3;4;5;6;7 (or leave BANDS empty for bands found by name)</source>
      <translation>BANDS {!r} wurde nicht verstanden: QGIS erwartet die Bandnummern durch ';' getrennt, z. B. 1;2;3;4;5;6;7 (oder lassen Sie BANDS leer für Bänder, die am Namen erkannt werden)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="501" />
      <source>ACQUISITION_DATE {!r} is not a date (use 2021-06-15, 2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)</source>
      <translation>ACQUISITION_DATE {!r} ist kein Datum (verwenden Sie 2021-06-15, 2021-06-15T09:53:12 in UTC oder 2021-06-15T11:53:12+02:00)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Map change between two dates</source>
      <translation>Veränderung zwischen zwei Zeitpunkten kartieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Change</source>
      <translation>Veränderung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="82" />
      <source>Where the ground changed between two dates of one place: a score per 120 m cell, white to red, and the changed cells.</source>
      <translation>Wo sich der Boden zwischen zwei Aufnahmen desselben Ortes verändert hat: ein Wert je 120-m-Zelle, von Weiß bis Rot, und die veränderten Zellen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>A Landsat 8/9 Level-2 product (MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster, of the same place (path/row) as the other date. Its own date is read from it.</source>
      <translation>Ein Landsat-8/9-Level-2-Produkt (MTL-Datei, Ordner oder .tar), ein mit „Landsat-Produkt hinzufügen“ geladener Layer oder ein Oberflächenreflexions-Raster desselben Ortes (Path/Row) wie der andere Zeitpunkt. Sein eigenes Datum wird daraus gelesen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <source>Earlier date</source>
      <translation>Früherer Zeitpunkt</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>Later date</source>
      <translation>Späterer Zeitpunkt</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="94" />
      <source>Optional: a probe on the mean of the tokens (catalogue name or file) classifies both dates and adds a from → to band and a table of each transition's area in hectares.</source>
      <translation>Optional: eine Probe auf dem Mittel der Tokens (Katalogname oder Datei) klassifiziert beide Zeitpunkte und fügt ein Von-→-Nach-Band sowie eine Tabelle der Fläche jedes Übergangs in Hektar hinzu.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Cells scoring above it are changed. Empty: Otsu's rule on the scores (the cut that best splits their histogram in two), never below their median + 3 robust standard deviations, stated in the log.</source>
      <translation>Zellen mit einem höheren Wert gelten als verändert. Leer: die Otsu-Regel auf den Werten (der Schnitt, der ihr Histogramm am besten in zwei teilt), nie unter ihrem Median + 3 robuste Standardabweichungen, im Protokoll angegeben.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Change threshold (empty: Otsu)</source>
      <translation>Schwellenwert (leer: Otsu)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="103" />
      <source>Change score</source>
      <translation>Veränderungswert</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="105" />
      <source>Changed cells</source>
      <translation>Veränderte Zellen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="106" />
      <source>With a probe: each from → to transition's area in hectares (an HTML page beside it).</source>
      <translation>Mit einer Probe: die Fläche jedes Von-→-Nach-Übergangs in Hektar (daneben eine HTML-Seite).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>Transition table</source>
      <translation>Übergangstabelle</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>CSV files (*.csv)</source>
      <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Check environment</source>
      <translation>Umgebung prüfen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Set-up</source>
      <translation>Einrichtung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="12" />
      <source>Which Python packages and devices MoE-MAE finds in this QGIS.</source>
      <translation>Welche Python-Pakete und Geräte MoE-MAE in diesem QGIS findet.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="16" />
      <source>Report</source>
      <translation>Bericht</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="17" />
      <source>All required packages present</source>
      <translation>Alle benötigten Pakete vorhanden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="25" />
      <source>{} is missing: {}</source>
      <translation>{} fehlt: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <source>Classify land cover</source>
      <translation>Landbedeckung klassifizieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <location filename="../../moemae_qgis/algorithms/classify.py" line="41" />
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="121" />
      <source>Land cover</source>
      <translation>Landbedeckung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="32" />
      <source>A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the probe's classes.</source>
      <translation>Eine Landbedeckungskarte einer Landsat-8/9-Szene (Level 2), Wolken maskiert, mit den Klassen der Probe dargestellt.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="42" />
      <source>Each class's probability per cell, one band per class.</source>
      <translation>Die Wahrscheinlichkeit jeder Klasse je Zelle, ein Band je Klasse.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="43" />
      <source>Class probabilities</source>
      <translation>Klassenwahrscheinlichkeiten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>Further scenes (layers, or products as their MTL file, folder or .tar) mapped with INPUT into one mosaic on INPUT's grid; each scene's date is its own.</source>
      <translation>Weitere Szenen (Layer oder Produkte als MTL-Datei, Ordner oder .tar), die mit INPUT zu einem Mosaik im Raster von INPUT kartiert werden; jede Szene behält ihr eigenes Datum.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>More scenes (one mosaic)</source>
      <translation>Weitere Szenen (ein Mosaik)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="52" />
      <source>Where scenes overlap</source>
      <translation>Wo sich Szenen überlappen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="56" />
      <source>best: the scene with the most valid, unmasked pixels under the cell; latest: the scene acquired last; mean: the mean of the class probabilities.</source>
      <translation>best: die Szene mit den meisten gültigen, nicht maskierten Pixeln in der Zelle; latest: die zuletzt aufgenommene Szene; mean: der Mittelwert der Klassenwahrscheinlichkeiten.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Where each scene's map is kept, so that a run again maps only what is missing. Default: beside the output.</source>
      <translation>Wo die Karte jeder Szene aufbewahrt wird, damit ein erneuter Lauf nur kartiert, was fehlt. Standard: neben der Ausgabe.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Work folder (resumable mosaics)</source>
      <translation>Arbeitsordner (fortsetzbare Mosaike)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="80" />
      <source>Class probabilities are written for one scene; leave them out for a mosaic</source>
      <translation>Klassenwahrscheinlichkeiten werden für eine einzelne Szene geschrieben; lassen Sie sie bei einem Mosaik weg</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="109" />
      <source>{} in More scenes is neither a raster layer nor a Landsat product</source>
      <translation>{} in Weitere Szenen ist weder ein Raster-Layer noch ein Landsat-Produkt</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="117" />
      <source>Acquisition date gives one date, but there are several scenes: each scene's date is read from its MTL, name, tags or temporal properties</source>
      <translation>Das Aufnahmedatum gibt ein einziges Datum an, es gibt aber mehrere Szenen: das Datum jeder Szene wird aus ihrer MTL, ihrem Namen, ihren Tags oder ihren zeitlichen Eigenschaften gelesen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="15" />
      <source>Cluster the scene</source>
      <translation>Szene clustern</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="16" />
      <source>The scene split into K kinds of place by k-means on its embeddings, no labels.</source>
      <translation>Die Szene, per k-means auf ihren Embeddings in K Arten von Orten aufgeteilt, ohne Labels.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <source>How many kinds of place to split the scene into.</source>
      <translation>In wie viele Arten von Orten die Szene aufgeteilt wird.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="29" />
      <source>Clusters</source>
      <translation>Cluster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <source>The same seed gives the same map.</source>
      <translation>Derselbe Startwert ergibt dieselbe Karte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>Random seed</source>
      <translation>Zufallsstartwert</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="30" />
      <source>The embeddings' first three principal components as red, green and blue, to look at.</source>
      <translation>Die ersten drei Hauptkomponenten der Embeddings als Rot, Grün und Blau, zum Betrachten.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="31" />
      <source>PCA rendering (RGB)</source>
      <translation>PCA-Darstellung (RGB)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="11" />
      <source>Embed (embedding raster)</source>
      <translation>Embed (Embedding-Raster)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="11" />
      <location filename="../../moemae_qgis/algorithms/embed.py" line="24" />
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="74" />
      <source>Embeddings</source>
      <translation>Embeddings</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="12" />
      <source>A float32 raster of the encoder's embeddings, for clustering and similarity search.</source>
      <translation>Ein float32-Raster der Embeddings des Encoders, für Clustering und Ähnlichkeitssuche.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="18" />
      <source>Pooling of the 105 tokens</source>
      <translation>Zusammenfassung der 105 Tokens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="22" />
      <source>How a tile's 105 tokens become one embedding: mean of all, patch-mean of the 100 patch tokens, or cls, the CLS token.</source>
      <translation>Wie die 105 Tokens einer Kachel zu einem Embedding werden: mean, der Mittelwert aller; patch-mean, der Mittelwert der 100 Patch-Tokens; oder cls, das CLS-Token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <location filename="../../moemae_qgis/product_layer.py" line="43" />
      <source>Add Landsat product</source>
      <translation>Landsat-Produkt hinzufügen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <source>Landsat</source>
      <translation>Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="74" />
      <source>A USGS Landsat 8/9 Level-2 product as downloaded, as one natural-colour layer.</source>
      <translation>Ein USGS-Landsat-8/9-Produkt (Level 2), wie heruntergeladen, als ein Layer in Echtfarben.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Its MTL file (_MTL.txt, .xml or .json), its .tar, or any band file of its unpacked folder.</source>
      <translation>Seine MTL-Datei (_MTL.txt, .xml oder .json), sein .tar oder eine beliebige Banddatei seines entpackten Ordners.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Landsat 8/9 Level-2 product</source>
      <translation>Landsat-8/9-Produkt, Level 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="79" />
      <source>Landsat product (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;All files (*)</source>
      <translation>Landsat-Produkt (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Where the VRT goes. Default: the plugin's folder of products, so that a saved project still finds it.</source>
      <translation>Wohin das VRT geschrieben wird. Standard: der Produktordner des Plugins, damit ein gespeichertes Projekt es wiederfindet.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Virtual raster (VRT)</source>
      <translation>Virtuelles Raster (VRT)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="82" />
      <source>GDAL virtual raster (*.vrt)</source>
      <translation>Virtuelles GDAL-Raster (*.vrt)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="86" />
      <source>Product id</source>
      <translation>Produkt-ID</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="87" />
      <source>Acquisition (UTC)</source>
      <translation>Aufnahme (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="100" />
      <source>{}: SR_B1…SR_B7{} stacked in {}</source>
      <translation>{}: SR_B1…SR_B7{} gestapelt in {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="101" />
      <source> and QA_PIXEL</source>
      <translation> und QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="103" />
      <source>{} has no QA_PIXEL file: clouds cannot be masked</source>
      <translation>{} hat keine QA_PIXEL-Datei: Wolken können nicht maskiert werden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="105" />
      <source>Acquisition: {}</source>
      <translation>Aufnahme: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="35" />
      <source>Sample points are written to a GeoPackage file, to be labelled and kept: give OUTPUT a file name ending in .gpkg (or Save to GeoPackage…), not a temporary layer</source>
      <translation>Stichprobenpunkte werden in eine GeoPackage-Datei geschrieben, damit sie beschriftet und aufbewahrt werden: Geben Sie OUTPUT einen Dateinamen mit der Endung .gpkg (oder In GeoPackage speichern…), keine temporäre Ebene</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="44" />
      <source>Draw an accuracy sample</source>
      <translation>Eine Stichprobe zur Genauigkeitsbewertung ziehen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="46" />
      <source>Points at random in each class of a land-cover map, for you to label.</source>
      <translation>Zufällige Punkte in jeder Klasse einer Landbedeckungskarte, denen Sie selbst ihre Referenzklasse zuweisen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>A class raster, e.g. from 'Classify land cover': its classes are the strata.</source>
      <translation>Ein Klassenraster, z. B. aus „Landbedeckung klassifizieren“: seine Klassen sind die Schichten.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>How many points, shared out in proportion to each class's mapped area. Default: {}, or Cochran's size when a target standard error is given.</source>
      <translation>Wie viele Punkte, verteilt im Verhältnis zur kartierten Fläche jeder Klasse. Standard: {}, oder der Stichprobenumfang nach Cochran, wenn ein Ziel-Standardfehler angegeben ist.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>Points in all</source>
      <translation>Punkte insgesamt</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Rare classes get at least this many points (all their pixels if they have fewer).</source>
      <translation>Seltene Klassen erhalten mindestens so viele Punkte (alle ihre Pixel, wenn sie weniger haben).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Points per class at least</source>
      <translation>Punkte je Klasse, mindestens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Instead of a size: the standard error of the overall accuracy to reach (e.g. 0.01); the size comes from Cochran's formula (Olofsson et al. 2014, eq. 13).</source>
      <translation>Statt eines Stichprobenumfangs: der zu erreichende Standardfehler der Gesamtgenauigkeit (z. B. 0,01); der Stichprobenumfang ergibt sich aus der Formel von Cochran (Olofsson et al. 2014, Gl. 13).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Target SE of overall accuracy</source>
      <translation>Ziel-Standardfehler der Gesamtgenauigkeit</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>With a target standard error: the user's accuracy you expect, one for every class (0.8) and/or per class (Water=0.95), separated by ';'.</source>
      <translation>Mit einem Ziel-Standardfehler: die erwartete Nutzergenauigkeit, eine für alle Klassen (0.8) und/oder je Klasse (Water=0.95), getrennt durch ';'.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>Expected user's accuracies</source>
      <translation>Erwartete Nutzergenauigkeiten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>The same seed gives the same points.</source>
      <translation>Derselbe Startwert ergibt dieselben Punkte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="74" />
      <source>Sample points</source>
      <translation>Stichprobenpunkte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="80" />
      <source>INPUT is not a raster layer</source>
      <translation>INPUT ist kein Rasterlayer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="64" />
      <source>{} '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>{} '{}' ist nicht in einer Datei gespeichert; speichern Sie den Layer (GeoPackage, Shapefile, GeoJSON) und führen Sie erneut aus</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="79" />
      <source>A Landsat 8/9 Level-2 scene (embedded once per model and settings, then kept in the embedding cache), or an embedding raster written by 'Embed', read as it is.</source>
      <translation>Eine Landsat-8/9-Szene (Level 2) (ihre Embeddings einmal je Modell und Einstellungen berechnet, dann im Embedding-Cache behalten) oder ein von „Embed“ geschriebenes Embedding-Raster, unverändert gelesen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="87" />
      <source>{} is an embedding raster: read as it is</source>
      <translation>{} ist ein Embedding-Raster: wird unverändert gelesen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="94" />
      <source>Find similar places</source>
      <translation>Ähnliche Orte finden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="95" />
      <source>How much each cell looks like the places you point at: 0 to 1 on the map.</source>
      <translation>Wie sehr jede Zelle den Orten ähnelt, auf die Sie zeigen: 0 bis 1 auf der Karte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>A point layer saved in a file, in any CRS: the kind of place to find.</source>
      <translation>Ein in einer Datei gespeicherter Punktlayer, in beliebigem KBS: die Art von Ort, die gefunden werden soll.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>Points of places to find</source>
      <translation>Punkte der zu findenden Orte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Places that look alike but are not wanted: the score becomes (cos to the points − cos to these) / 2.</source>
      <translation>Orte, die ähnlich aussehen, aber nicht gewollt sind: der Wert wird zu (cos zu den Punkten − cos zu diesen) / 2.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Points of unwanted places</source>
      <translation>Punkte unerwünschter Orte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="107" />
      <source>Similarity</source>
      <translation>Ähnlichkeit</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="112" />
      <source>POINTS must be a point layer</source>
      <translation>POINTS muss ein Punktlayer sein</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="69" />
      <source>feature {} (class '{}'), field '{}': {}</source>
      <translation>Objekt {} (Klasse '{}'), Feld '{}': {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="72" />
      <source>feature {} gives the class '{}' the colour {}, another feature gave it {}: give each class one colour in '{}'</source>
      <translation>Objekt {} gibt der Klasse '{}' die Farbe {}, ein anderes Objekt gab ihr {}: geben Sie jeder Klasse in '{}' nur eine Farbe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="120" />
      <source>Train a probe from training areas</source>
      <translation>Eine Probe aus Trainingsgebieten trainieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="122" />
      <source>A probe of your own classes, from points or polygons drawn on a scene.</source>
      <translation>Eine Probe Ihrer eigenen Klassen, aus Punkten oder Polygonen, die auf eine Szene gezeichnet sind.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="123" />
      <source>Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every point, and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px tile labelled with CLASS_FIELD (features whose class is NULL or empty are left out, and counted). SPACING defaults to 4 px, one sample per 120 m token, the cell of a map at token resolution, so that a polygon of a few hundred metres gives dozens of samples; a polygon smaller than SPACING still gives one, at a point inside it. COLOUR_FIELD (optional) gives a class its colour, written #1f78b4 or 31,120,180; other classes get colours from their names (water, river, lake: blues; forest, tree: greens; urban, town, built: reds and greys; crop, field, arable: yellows; …), else distinct ones. Logs the tiles per class and the cross-validated accuracy with its 95 % interval, warns when the samples are too few for that figure to mean much (fewer than 100), and refuses when a class has fewer than 3. Beyond 20,000 positions an even share of each class is used. Use the probe file with 'Classify land cover'.</source>
      <translation>Passt eine lineare Probe Ihrer eigenen Klassen an die eingefrorenen MoE-MAE-Embeddings einer Szene an: jeder Punkt und alle SPACING px innerhalb jedes Polygons des Layers TRAINING wird zu einer Kachel von 40 × 40 px mit der Klasse aus CLASS_FIELD (Objekte, deren Klasse NULL oder leer ist, werden ausgelassen und gezählt). SPACING ist standardmäßig 4 px, eine Stichprobe je 120-m-Token, die Zelle einer Karte in Token-Auflösung, sodass ein Polygon von einigen hundert Metern Dutzende Stichproben liefert; ein Polygon kleiner als SPACING liefert trotzdem eine, an einem Punkt in seinem Inneren. COLOUR_FIELD (optional) gibt einer Klasse ihre Farbe, geschrieben #1f78b4 oder 31,120,180; andere Klassen erhalten Farben nach ihren Namen (water, river, lake: Blautöne; forest, tree: Grüntöne; urban, town, built: Rot- und Grautöne; crop, field, arable: Gelbtöne; …), sonst unterschiedliche Farben. Protokolliert die Kacheln je Klasse und die kreuzvalidierte Genauigkeit mit ihrem 95-%-Intervall, warnt, wenn die Stichproben zu wenige sind, als dass diese Zahl viel bedeuten könnte (weniger als 100), und lehnt ab, wenn eine Klasse weniger als 3 hat. Über 20.000 Positionen hinaus wird ein gleicher Anteil jeder Klasse verwendet. Verwenden Sie die Probe-Datei mit „Landbedeckung klassifizieren“.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="144" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probe</source>
      <translation>Probe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="145" />
      <source>Probe (*.json)</source>
      <translation>Probe (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="149" />
      <source>Points or polygons of your classes: each point, and every Spacing px inside each polygon, is a sample.</source>
      <translation>Punkte oder Polygone Ihrer Klassen: jeder Punkt und alle Abstand px innerhalb jedes Polygons ist eine Stichprobe.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="150" />
      <source>Training areas</source>
      <translation>Trainingsgebiete</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>The field that names each feature's class; NULL or empty features are left out.</source>
      <translation>Das Feld, das die Klasse jedes Objekts nennt; Objekte mit NULL oder leer werden ausgelassen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>Class field</source>
      <translation>Klassenfeld</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>A colour per class, #1f78b4 or 31,120,180. Default: from the class names (water blue, forest green, town red or grey, crops yellow), else a distinct palette.</source>
      <translation>Eine Farbe je Klasse, #1f78b4 oder 31,120,180. Standard: nach den Klassennamen (Wasser blau, Wald grün, Stadt rot oder grau, Feldfrüchte gelb), sonst eine eigene Palette.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>Colour field</source>
      <translation>Farbfeld</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="161" />
      <source>A sample every Spacing px inside each polygon; 4 px is one per 120 m token. A polygon smaller than that still gives one sample, at a point inside it.</source>
      <translation>Eine Stichprobe alle Abstand px innerhalb jedes Polygons; 4 px ist eine je 120-m-Token. Ein kleineres Polygon liefert trotzdem eine Stichprobe, an einem Punkt in seinem Inneren.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="162" />
      <source>Sample spacing (px)</source>
      <translation>Stichprobenabstand (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="170" />
      <source>Sample features</source>
      <translation>Stichproben der Objekte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="174" />
      <source>token: the 120 m token under each sample, for maps of 120 m cells; tile: the whole 1.2 km tile, for maps of a cell per stride; auto: token.</source>
      <translation>token: das 120-m-Token unter jeder Stichprobe, für Karten mit 120-m-Zellen; tile: die ganze 1,2-km-Kachel, für Karten mit einer Zelle je Schritt; auto: token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="182" />
      <source>TRAINING is not a point or polygon layer</source>
      <translation>TRAINING ist kein Punkt- oder Polygonlayer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="188" />
      <source>Cancelled: no probe was written.</source>
      <translation>Abgebrochen: Es wurde keine Probe geschrieben.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="200" />
      <source>Cross-validated error matrix and F1 per class: {}</source>
      <translation>Kreuzvalidierte Fehlermatrix und F1 je Klasse: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="206" />
      <source>  {}: {} tiles</source>
      <translation>  {}: {} Kacheln</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="208" />
      <source>  {} positions skipped: more than half fill or no data</source>
      <translation>  {} Positionen übersprungen: mehr als die Hälfte Füllwert oder NoData</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="213" />
      <source>Cross-validated accuracy ({}-fold): {:.3f} (95 % interval {:.2f}-{:.2f}, {} samples)</source>
      <translation>Kreuzvalidierte Genauigkeit ({}-fach): {:.3f} (95-%-Intervall {:.2f}-{:.2f}, {} Stichproben)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="246" />
      <source>the training layer has no features: draw points or polygons of at least 2 classes</source>
      <translation>der Trainingslayer hat keine Objekte: zeichnen Sie Punkte oder Polygone von mindestens 2 Klassen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="250" />
      <source>none of the {} training features lies on the raster: the layer ({}) and the raster ({}) do not overlap. Are the features in the right place, and is each layer's CRS right?</source>
      <translation>keines der {} Trainingsobjekte liegt auf dem Raster: der Layer ({}) und das Raster ({}) überlappen sich nicht. Liegen die Objekte an der richtigen Stelle, und ist das KBS jedes Layers richtig?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="256" />
      <source>{} sample positions of {} classes</source>
      <translation>{} Stichprobenpositionen aus {} Klassen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="258" />
      <source>{} kept, an even share of each class: more would add time and memory, not accuracy</source>
      <translation>{} behalten, ein gleicher Anteil jeder Klasse: mehr kostete Zeit und Speicher, brächte aber keine Genauigkeit</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="268" />
      <source>the training layer holds {}, not points or polygons: a sample is a point, or a place inside a polygon; draw polygons (or buffer the lines: Vector &gt; Geoprocessing Tools &gt; Buffer)</source>
      <translation>der Trainingslayer enthält {}, keine Punkte oder Polygone: eine Stichprobe ist ein Punkt oder eine Stelle innerhalb eines Polygons; zeichnen Sie Polygone (oder puffern Sie die Linien: Vektor &gt; Geoverarbeitungswerkzeuge &gt; Puffer)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="273" />
      <source>the training layer has no CRS, so its features cannot be placed on the raster: assign it one (Layer Properties &gt; Source &gt; Assigned Coordinate Reference System)</source>
      <translation>der Trainingslayer hat kein KBS, daher können seine Objekte nicht auf dem Raster platziert werden: weisen Sie ihm eines zu (Layereigenschaften &gt; Quelle &gt; Zugewiesenes KBS)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="279" />
      <source>{} '{}' is not a field of the training layer; its fields are: {}</source>
      <translation>{} '{}' ist kein Feld des Trainingslayers; seine Felder sind: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="285" />
      <source>{} of {} features have no class ('{}' is NULL or empty) and were left out</source>
      <translation>{} von {} Objekten haben keine Klasse ('{}' ist NULL oder leer) und wurden ausgelassen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="289" />
      <source>{} of {} features lie outside the raster and were left out</source>
      <translation>{} von {} Objekten liegen außerhalb des Rasters und wurden ausgelassen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="296" />
      <source>the field '{}' holds {} class(es) on the raster; a probe needs at least 2</source>
      <translation>das Feld '{}' enthält {} Klasse(n) auf dem Raster; eine Probe braucht mindestens 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="299" />
      <source>the field '{}' holds {} classes on the raster; a map holds at most {} (UInt8, 255 is nodata): merge some classes</source>
      <translation>das Feld '{}' enthält {} Klassen auf dem Raster; eine Karte enthält höchstens {} (UInt8, 255 ist NoData): fassen Sie einige Klassen zusammen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="56" />
      <source>MoE-MAE: embedding {}</source>
      <translation>MoE-MAE: Embeddings von {} werden berechnet</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="91" />
      <source>MoE-MAE click to map</source>
      <translation>MoE-MAE Kartieren per Klick</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="107" />
      <source>Prepare</source>
      <translation>Vorbereiten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="110" />
      <location filename="../../moemae_qgis/dialog.py" line="205" />
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="114" />
      <source>Choose a Landsat scene and press Prepare: it is embedded once, then kept.</source>
      <translation>Wählen Sie eine Landsat-Szene und drücken Sie Vorbereiten: ihre Embeddings werden einmal berechnet und dann behalten.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="119" />
      <source>Click on the map</source>
      <translation>Auf die Karte klicken</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="123" />
      <source>Scene</source>
      <translation>Szene</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="136" />
      <source>class name, e.g. water</source>
      <translation>Klassenname, z. B. Wasser</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="137" />
      <source>Add class</source>
      <translation>Klasse hinzufügen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Preview</source>
      <translation>Vorschau</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Save probe…</source>
      <translation>Probe speichern…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="147" />
      <source>Clear clicks</source>
      <translation>Klicks löschen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="160" />
      <source>Click places to find; shift-click places that are not wanted.</source>
      <translation>Klicken Sie auf zu findende Orte; Umschalt+Klick auf unerwünschte Orte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="161" />
      <source>Name classes, pick one in the list and click cells of it; then Preview.</source>
      <translation>Benennen Sie Klassen, wählen Sie eine in der Liste und klicken Sie auf Zellen dieser Klasse; dann Vorschau.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="170" />
      <source>Choose a Landsat scene saved in a file (a product added with 'Add Landsat product', or a raster).</source>
      <translation>Wählen Sie eine in einer Datei gespeicherte Landsat-Szene (ein mit „Landsat-Produkt hinzufügen“ hinzugefügtes Produkt oder ein Raster).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="178" />
      <source>Embedding {} (once per model; then read from the cache)…</source>
      <translation>Embeddings von {} werden berechnet (einmal je Modell; danach aus dem Cache gelesen)…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="190" />
      <source>Not prepared: {}</source>
      <translation>Nicht vorbereitet: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="191" />
      <source>Cancelled: nothing was kept.</source>
      <translation>Abgebrochen: Es wurde nichts behalten.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="195" />
      <source>Ready: {} × {} cells of 120 m. {}</source>
      <translation>Bereit: {} × {} Zellen von 120 m. {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Click on the map.</source>
      <translation>Klicken Sie auf die Karte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Add classes, then click.</source>
      <translation>Fügen Sie Klassen hinzu und klicken Sie dann.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="242" />
      <location filename="../../moemae_qgis/click_to_map.py" line="301" />
      <source>Press Prepare first: the scene's embeddings are needed.</source>
      <translation>Drücken Sie zuerst Vorbereiten: die Embeddings der Szene werden benötigt.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="258" />
      <location filename="../../moemae_qgis/click_to_map.py" line="309" />
      <source>The map shows no part of the scene: pan to it.</source>
      <translation>Die Karte zeigt keinen Teil der Szene: verschieben Sie die Karte dorthin.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="260" />
      <source>{} places to find, {} not wanted: the similarity of the visible map, 0 to 1.</source>
      <translation>{} zu findende Orte, {} unerwünschte: die Ähnlichkeit der sichtbaren Karte, 0 bis 1.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="291" />
      <source>Add a class and pick it in the list before clicking.</source>
      <translation>Fügen Sie eine Klasse hinzu und wählen Sie sie in der Liste, bevor Sie klicken.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="317" />
      <source>Press Preview first: the probe is fitted there.</source>
      <translation>Drücken Sie zuerst Vorschau: dort wird die Probe angepasst.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="320" />
      <source>Save probe</source>
      <translation>Probe speichern</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="327" />
      <source>Saved {}: give it to 'Classify land cover' as its PROBE.</source>
      <translation>{} gespeichert: geben Sie die Datei an „Landbedeckung klassifizieren“ als PROBE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="344" />
      <source>{} clicks: too few to cross-validate.</source>
      <translation>{} Klicks: zu wenige für eine Kreuzvalidierung.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="345" />
      <source>Cross-validated accuracy {:.0%} ({}-fold, {} clicks){}</source>
      <translation>Kreuzvalidierte Genauigkeit {:.0%} ({}-fach, {} Klicks){}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="347" />
      <source>; {} clicks off the scene or on no data were left out</source>
      <translation>; {} Klicks außerhalb der Szene oder auf NoData wurden ausgelassen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="102" />
      <source>MoE-MAE land cover</source>
      <translation>MoE-MAE Landbedeckung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="125" />
      <location filename="../../moemae_qgis/plugin.py" line="102" />
      <source>Add Landsat product…</source>
      <translation>Landsat-Produkt hinzufügen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="127" />
      <source>A Landsat 8/9 Level-2 product as downloaded from USGS: its MTL file, its .tar, or any band file of its folder</source>
      <translation>Ein Landsat-8/9-Produkt (Level 2), wie vom USGS heruntergeladen: seine MTL-Datei, sein .tar oder eine beliebige Banddatei seines Ordners</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="131" />
      <source>Mask clouds and their shadows</source>
      <translation>Wolken und ihre Schatten maskieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="132" />
      <source>Pixels QA_PIXEL flags as cloud, dilated cloud or cloud shadow count as no data: a tile more than half masked gets no prediction</source>
      <translation>Pixel, die QA_PIXEL als Wolke, erweiterte Wolke oder Wolkenschatten kennzeichnet, gelten als NoData: eine Kachel, die zu mehr als der Hälfte maskiert ist, erhält keine Vorhersage</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="139" />
      <source>Set the bands myself:</source>
      <translation>Bänder selbst festlegen:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="145" />
      <source>The band numbers of SR_B1…SR_B7 in this raster, in that order: 7 numbers</source>
      <translation>Die Bandnummern von SR_B1…SR_B7 in diesem Raster, in dieser Reihenfolge: 7 Zahlen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="151" />
      <source>Set the acquisition date (UTC) myself:</source>
      <translation>Aufnahmedatum (UTC) selbst festlegen:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="185" />
      <source>auto: one per token (120 m) where the probe and stride allow it</source>
      <translation>auto: eine je Token (120 m), wo Probe und Schrittweite es erlauben</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="186" />
      <source>one per token: 4 × 4 px, 120 m (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>eine je Token: 4 × 4 px, 120 m (Probes über den Mittelwert der Tokens; Schrittweite ein Vielfaches von 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="188" />
      <source>one per tile step (the stride)</source>
      <translation>eine je Kachelschritt (die Schrittweite)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="189" />
      <source>one per pixel: 30 m, the 120 m tokens refined by each pixel's bands (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>eine je Pixel: 30 m, die 120-m-Tokens verfeinert durch die Bänder jedes Pixels (Sonden auf dem Mittel der Tokens; Schrittweite ein Vielfaches von 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="194" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="196" />
      <source>empty: a temporary file</source>
      <translation>leer: eine temporäre Datei</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="203" />
      <source>Run</source>
      <translation>Ausführen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="215" />
      <location filename="../../moemae_qgis/dialog.py" line="599" />
      <source>Log</source>
      <translation>Protokoll</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="229" />
      <source>Landsat layer</source>
      <translation>Landsat-Layer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="230" />
      <source>Bands</source>
      <translation>Bänder</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="232" />
      <source>Acquisition</source>
      <translation>Aufnahme</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="234" />
      <source>Clouds</source>
      <translation>Wolken</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="238" />
      <source>Stride</source>
      <translation>Schrittweite</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="241" />
      <source>Output</source>
      <translation>Ausgabe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="242" />
      <source>Advanced</source>
      <translation>Erweitert</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="245" />
      <source>Mirror</source>
      <translation>Spiegelserver</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="286" />
      <source>Add a Landsat 8/9 Level-2 product (Add Landsat product…) or a surface-reflectance raster to the project.</source>
      <translation>Fügen Sie dem Projekt ein Landsat-8/9-Produkt (Level 2) (Landsat-Produkt hinzufügen…) oder ein Oberflächenreflexions-Raster hinzu.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="300" />
      <source>Cannot open this layer with GDAL: {}</source>
      <translation>Dieser Layer kann nicht mit GDAL geöffnet werden: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="339" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7 (not {!r}).</source>
      <translation>Geben Sie die Bänder als 7 ganze Zahlen an, z. B. 1 2 3 4 5 6 7 (nicht {!r}).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="343" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7.</source>
      <translation>Geben Sie die Bänder als 7 ganze Zahlen an, z. B. 1 2 3 4 5 6 7.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="348" />
      <source>Set the bands yourself below.</source>
      <translation>Legen Sie die Bänder unten selbst fest.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="349" />
      <source>Cannot tell the bands: {}.</source>
      <translation>Die Bänder lassen sich nicht bestimmen: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="370" />
      <source>Clouds cannot be masked: {}.</source>
      <translation>Wolken können nicht maskiert werden: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="375" />
      <source>{} masks {}.</source>
      <translation>{} maskiert {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="379" />
      <source>The product {} has no QA_PIXEL file: clouds and their shadows will not be masked and will get land-cover classes. Download the product with its QA_PIXEL band to mask them.</source>
      <translation>Das Produkt {} hat keine QA_PIXEL-Datei: Wolken und ihre Schatten werden nicht maskiert und erhalten Landbedeckungsklassen. Laden Sie das Produkt mit seinem QA_PIXEL-Band herunter, um sie zu maskieren.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="383" />
      <source>No QA_PIXEL in this layer: clouds and their shadows will get land-cover classes. Add the Landsat product as downloaded, with its QA_PIXEL band (Add Landsat product…), to mask them.</source>
      <translation>Kein QA_PIXEL in diesem Layer: Wolken und ihre Schatten erhalten Landbedeckungsklassen. Fügen Sie das Landsat-Produkt wie heruntergeladen hinzu, mit seinem QA_PIXEL-Band (Landsat-Produkt hinzufügen…), um sie zu maskieren.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="403" />
      <source>Cells of {} px ({} m)</source>
      <translation>Zellen von {} px ({} m)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="407" />
      <source>Cells of 1 px (30 m): the input's own grid.</source>
      <translation>Zellen von 1 px (30 m): das eigene Raster der Eingabe.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="409" />
      <source>Cells of 4 px (120 m), one per token.</source>
      <translation>Zellen von 4 px (120 m), eine je Token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="411" />
      <source>{}: {}.</source>
      <translation>{}: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="413" />
      <source>The run will be refused: {}.</source>
      <translation>Der Lauf wird abgelehnt: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="435" />
      <location filename="../../moemae_qgis/plugin.py" line="274" />
      <source>Cannot add the product: {}</source>
      <translation>Das Produkt kann nicht hinzugefügt werden: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="438" />
      <source>Added {}.</source>
      <translation>{} hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="501" />
      <source>Running…</source>
      <translation>Läuft…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="508" />
      <source>Cancelling…</source>
      <translation>Wird abgebrochen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="519" />
      <source>Land cover ({})</source>
      <translation>Landbedeckung ({})</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="527" />
      <source>Done, but the probe's classes could not be read for the legend: {}</source>
      <translation>Fertig, aber die Klassen der Probe konnten für die Legende nicht gelesen werden: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="530" />
      <source>Done</source>
      <translation>Fertig</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="531" />
      <source>Done: {}</source>
      <translation>Fertig: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="540" />
      <source>Cancelled: no layer was added and no file was left.</source>
      <translation>Abgebrochen: Es wurde kein Layer hinzugefügt und keine Datei zurückgelassen.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="546" />
      <source>see the Processing log</source>
      <translation>siehe das Verarbeitungsprotokoll</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="547" />
      <source>Failed: {}</source>
      <translation>Fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="550" />
      <source>The run's log:</source>
      <translation>Das Protokoll des Laufs:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>1 error</source>
      <translation>1 Fehler</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>{} errors</source>
      <translation>{} Fehler</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>1 warning</source>
      <translation>1 Warnung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>{} warnings</source>
      <translation>{} Warnungen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="612" />
      <source>The remembered {} {!r} is not usable; using {!r}</source>
      <translation>Das gespeicherte {} {!r} ist nicht verwendbar; {!r} wird verwendet</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="631" />
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="639" />
      <source>Apple MPS</source>
      <translation>Apple MPS</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="640" />
      <source>auto (Apple MPS)</source>
      <translation>auto (Apple MPS)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="642" />
      <source>auto (CPU: no GPU found)</source>
      <translation>auto (CPU: keine GPU gefunden)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="24" />
      <source>The Processing provider of MoE-MAE is not loaded: re-enable or reinstall the plugin.</source>
      <translation>Der Verarbeitungsanbieter von MoE-MAE ist nicht geladen: aktivieren Sie das Plugin erneut oder installieren Sie es neu.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="34" />
      <source>The check failed: {}</source>
      <translation>Die Prüfung ist fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="44" />
      <source>MoE-MAE: environment</source>
      <translation>MoE-MAE: Umgebung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="47" />
      <source>Everything MoE-MAE needs is installed.</source>
      <translation>Alles, was MoE-MAE braucht, ist installiert.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="48" />
      <source>Some Python packages MoE-MAE needs are missing: use Install missing Python packages… in the plugin's menu.</source>
      <translation>Einige Python-Pakete, die MoE-MAE braucht, fehlen: verwenden Sie Fehlende Python-Pakete installieren… im Menü des Plugins.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="58" />
      <source>Copy report</source>
      <translation>Bericht kopieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="71" />
      <source>Copied</source>
      <translation>Kopiert</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/message_bar.py" line="25" />
      <source>Details…</source>
      <translation>Details…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="71" />
      <source>the mirror URL box under the model list</source>
      <translation>das Feld für die Spiegel-URL unter der Modellliste</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="156" />
      <source>; what arrived is kept: free some space and Download… again</source>
      <translation>; was angekommen ist, bleibt erhalten: schaffen Sie Platz und starten Sie Herunterladen… erneut</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="159" />
      <source>Cancelled: what arrived is kept; Download… resumes from there.</source>
      <translation>Abgebrochen: was angekommen ist, bleibt erhalten; Herunterladen… setzt dort fort.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="206" />
      <source>the connection was cut {} times; Download… again resumes where it stopped</source>
      <translation>die Verbindung wurde {}-mal unterbrochen; Herunterladen… setzt erneut dort fort, wo es aufgehört hat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="214" />
      <source>cannot find the server of {} ({}): is the network up, and the address right?</source>
      <translation>der Server von {} wird nicht gefunden ({}): ist das Netzwerk verfügbar und die Adresse richtig?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="217" />
      <source>the server refused the connection ({}): is the address right, or is a proxy needed (QGIS Settings › Options › Network)?</source>
      <translation>der Server hat die Verbindung abgelehnt ({}): ist die Adresse richtig, oder wird ein Proxy benötigt (QGIS Einstellungen › Optionen › Netzwerk)?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="222" />
      <source>the proxy refused ({}): check QGIS Settings › Options › Network</source>
      <translation>der Proxy hat abgelehnt ({}): prüfen Sie QGIS Einstellungen › Optionen › Netzwerk</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="223" />
      <source>the download failed: {}</source>
      <translation>der Download ist fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="44" />
      <location filename="../../moemae_qgis/model_picker.py" line="45" />
      <source>Browse…</source>
      <translation>Durchsuchen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="46" />
      <location filename="../../moemae_qgis/model_picker.py" line="140" />
      <source>Download…</source>
      <translation>Herunterladen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="49" />
      <source>download from a mirror: its URL (empty: the catalogue's)</source>
      <translation>von einem Spiegelserver herunterladen: seine URL (leer: die des Katalogs)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="80" />
      <source>Probe (legend)</source>
      <translation>Probe (Legende)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="93" />
      <location filename="../../moemae_qgis/model_picker.py" line="119" />
      <source>{} (yours)</source>
      <translation>{} (Ihres)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="100" />
      <source>{}: a demonstration, expect rough maps</source>
      <translation>{}: eine Demonstration, rechnen Sie mit groben Karten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="102" />
      <source>{}: not downloaded, about {:g} MB</source>
      <translation>{}: nicht heruntergeladen, etwa {:g} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="143" />
      <source>Warning: {}.</source>
      <translation>Warnung: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="177" />
      <source>Model checkpoint</source>
      <translation>Modell-Checkpoint</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="196" />
      <source>Downloading {}…</source>
      <translation>{} wird heruntergeladen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="207" />
      <source>Downloading {}: {:.1f} of {:.1f} MB</source>
      <translation>{} wird heruntergeladen: {:.1f} von {:.1f} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="217" />
      <source>Downloaded {}{}: {}</source>
      <translation>Heruntergeladen {}{}: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="218" />
      <source>Download failed: {}</source>
      <translation>Download fehlgeschlagen: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="35" />
      <source>MoE-MAE: working out what to download</source>
      <translation>MoE-MAE: Ermitteln, was heruntergeladen wird</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="36" />
      <source>MoE-MAE: installing PyTorch, scikit-learn and platformdirs</source>
      <translation>MoE-MAE: PyTorch, scikit-learn und platformdirs werden installiert</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="98" />
      <source>MoE-MAE land cover…</source>
      <translation>MoE-MAE Landbedeckung…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="100" />
      <source>Classify a Landsat 8/9 layer into land cover with MoE-MAE</source>
      <translation>Einen Landsat-8/9-Layer mit MoE-MAE in Landbedeckung klassifizieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="104" />
      <source>Add a Landsat 8/9 Level-2 product as downloaded from USGS (its MTL file, .tar or folder) as one natural-colour layer</source>
      <translation>Ein Landsat-8/9-Produkt (Level 2), wie vom USGS heruntergeladen (seine MTL-Datei, sein .tar oder sein Ordner), als ein Layer in Echtfarben hinzufügen</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="107" />
      <source>Check environment…</source>
      <translation>Umgebung prüfen…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="110" />
      <source>Click to map…</source>
      <translation>Kartieren per Klick…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="112" />
      <source>Find similar places and map your own classes by clicking on a scene</source>
      <translation>Ähnliche Orte finden und eigene Klassen durch Klicken auf eine Szene kartieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="114" />
      <source>Install missing Python packages…</source>
      <translation>Fehlende Python-Pakete installieren…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="119" />
      <location filename="../../moemae_qgis/plugin.py" line="141" />
      <source>&amp;MoE-MAE land cover</source>
      <translation>&amp;MoE-MAE Landbedeckung</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="164" />
      <source>Install…</source>
      <translation>Installieren…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="174" />
      <source>The installation is already running; see the task manager.</source>
      <translation>Die Installation läuft bereits; siehe die Aufgabenverwaltung.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="179" />
      <source>All required Python packages are installed.</source>
      <translation>Alle benötigten Python-Pakete sind installiert.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="185" />
      <location filename="../../moemae_qgis/plugin.py" line="201" />
      <source>MoE-MAE: cannot install Python packages</source>
      <translation>MoE-MAE: Python-Pakete können nicht installiert werden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="192" />
      <source>Asking pip what it would download…</source>
      <translation>pip wird gefragt, was es herunterladen würde…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="202" />
      <location filename="../../moemae_qgis/plugin.py" line="240" />
      <source>To install them by hand:</source>
      <translation>Um sie von Hand zu installieren:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="205" />
      <source>MoE-MAE: install Python packages</source>
      <translation>MoE-MAE: Python-Pakete installieren</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="212" />
      <source>Installing in the background; progress is in the task manager and the MoE-MAE log.</source>
      <translation>Installation im Hintergrund; der Fortschritt steht in der Aufgabenverwaltung und im MoE-MAE-Protokoll.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="218" />
      <source>pip will download and install:</source>
      <translation>pip wird herunterladen und installieren:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="219" />
      <source>with QGIS's Python, {}.</source>
      <translation>mit dem Python von QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="221" />
      <source>PyTorch: {}.</source>
      <translation>PyTorch: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="223" />
      <source>Through QGIS's proxy, {}.</source>
      <translation>Über den Proxy von QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="224" />
      <source>Install now?</source>
      <translation>Jetzt installieren?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="230" />
      <source>Python packages installed; MoE-MAE is ready.</source>
      <translation>Python-Pakete installiert; MoE-MAE ist bereit.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="232" />
      <source>the packages were installed but still cannot be imported; restart QGIS</source>
      <translation>die Pakete wurden installiert, lassen sich aber noch nicht importieren; starten Sie QGIS neu</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="238" />
      <source>Installation failed: {} (Details… says how to install by hand)</source>
      <translation>Installation fehlgeschlagen: {} (Details… sagt, wie man von Hand installiert)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="276" />
      <source>Added {} in natural colour.</source>
      <translation>{} in Echtfarben hinzugefügt.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="44" />
      <source>Landsat band file, for its product's folder (*_SR_B*.TIF *_QA_PIXEL.TIF)</source>
      <translation>Landsat-Banddatei, für den Ordner ihres Produkts (*_SR_B*.TIF *_QA_PIXEL.TIF)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="45" />
      <source>All files (*)</source>
      <translation>Alle Dateien (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="61" />
      <source>the product cannot be read</source>
      <translation>das Produkt kann nicht gelesen werden</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="64" />
      <source>QGIS cannot open {}</source>
      <translation>QGIS kann {} nicht öffnen</translation>
    </message>
  </context>
</TS>
