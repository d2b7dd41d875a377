<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
  <context>
    <name>MoeMae</name>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="21" />
      <source>Assess accuracy and area</source>
      <translation>Évaluer la précision et les superficies</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="22" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="45" />
      <source>Accuracy</source>
      <translation>Précision</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="23" />
      <source>Accuracies and class areas with 95 % intervals, from labelled sample points.</source>
      <translation>Précisions et superficies des classes avec leurs intervalles à 95 %, à partir de points d'échantillon étiquetés.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <source>The class raster the points were drawn on, in a projected CRS (areas need metres).</source>
      <translation>Le raster de classes sur lequel les points ont été tirés, dans un SCR projeté (les superficies demandent des mètres).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>Land-cover map</source>
      <translation>Carte d'occupation du sol</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>A point layer saved to a file (GeoPackage, Shapefile, GeoJSON), in any CRS, each point labelled with a class name or code of the map.</source>
      <translation>Une couche de points enregistrée dans un fichier (GeoPackage, Shapefile, GeoJSON), dans n'importe quel SCR, chaque point étiqueté avec un nom ou un code de classe de la carte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>Labelled points</source>
      <translation>Points étiquetés</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="32" />
      <source>Reference class field</source>
      <translation>Champ de classe de référence</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="34" />
      <source>The field that holds the class you saw at each point; points without one are counted and left out.</source>
      <translation>Le champ qui contient la classe que vous avez observée en chaque point ; les points qui n'en ont pas sont comptés et écartés.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>The raster the sample was drawn on, when it was not this map (e.g. an older map): the estimators are then Stehman's (2014).</source>
      <translation>Le raster sur lequel l'échantillon a été tiré, quand ce n'était pas cette carte (p. ex. une carte plus ancienne) : les estimateurs sont alors ceux de Stehman (2014).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>Strata (if not the map's classes)</source>
      <translation>Strates (si ce ne sont pas les classes de la carte)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>overall_accuracy, classes, error_matrix and points, for other tools to read.</source>
      <translation>overall_accuracy, classes, error_matrix et points, pour que d'autres outils les lisent.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>Report (JSON)</source>
      <translation>Rapport (JSON)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="42" />
      <source>JSON files (*.json)</source>
      <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>The report a person reads: accuracies, the area chart, the error matrices, the warnings.</source>
      <translation>Le rapport destiné à être lu : précisions, le graphique des superficies, les matrices d'erreurs, les avertissements.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>Report (HTML)</source>
      <translation>Rapport (HTML)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="45" />
      <source>HTML files (*.html)</source>
      <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="52" />
      <source>INPUT must be a raster layer and REFERENCE a point layer</source>
      <translation>INPUT doit être une couche raster et REFERENCE une couche de points</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="54" />
      <source>REFERENCE '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>REFERENCE '{}' n'est pas enregistrée dans un fichier ; enregistrez-la (GeoPackage, Shapefile, GeoJSON) et relancez</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="125" />
      <source>Use Raster › MoE-MAE land cover › Install missing Python packages….</source>
      <translation>Utilisez Raster › Occupation du sol MoE-MAE › Installer les paquets Python manquants….</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="223" />
      <source>Parameters</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="257" />
      <source>Cancelled: no output was written.</source>
      <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>A Landsat 8/9 Collection 2 Level-2 product as downloaded (its MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster.</source>
      <translation>Un produit Landsat 8/9 Collection 2 Niveau 2 tel que téléchargé (son fichier MTL, son dossier ou son .tar), une couche ajoutée avec « Ajouter un produit Landsat », ou un raster de réflectance de surface.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>Landsat 8/9 Level-2 scene</source>
      <translation>Scène Landsat 8/9 Niveau 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Which bands of the raster are SR_B1…SR_B7, in that order. Default: by band name, or bands 1-7 of a 7-band raster without Landsat band names. A product (MTL file, folder or .tar) needs none: QGIS cannot list a product's bands, and its 'Dependent bands could not be populated' then only says so; leave BANDS empty.</source>
      <translation>Quelles bandes du raster sont SR_B1…SR_B7, dans cet ordre. Par défaut : d'après le nom des bandes, ou les bandes 1-7 d'un raster de 7 bandes sans noms de bande Landsat. Un produit (fichier MTL, dossier ou .tar) n'en a pas besoin : QGIS ne sait pas lister les bandes d'un produit, et son « Dependent bands could not be populated » ne dit que cela ; laissez BANDS vide.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Bands SR_B1…SR_B7</source>
      <translation>Bandes SR_B1…SR_B7</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <source>A catalogue name ({}) or a checkpoint file. Default: published-S once downloaded, else the demonstration model.</source>
      <translation>Un nom du catalogue ({}) ou un fichier de checkpoint. Par défaut : published-S une fois téléchargé, sinon le modèle de démonstration.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <location filename="../../moemae_qgis/dialog.py" line="236" />
      <source>Model</source>
      <translation>Modèle</translation>
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
      <translation>Un nom du catalogue (eurosat10-cls, bigearthnet19-mean …) ou un fichier de sonde. Par défaut : la sonde par défaut du modèle.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="289" />
      <source>Probe (the legend)</source>
      <translation>Sonde (la légende)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="290" />
      <location filename="../../moemae_qgis/click_to_map.py" line="321" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probes (*.json)</source>
      <translation>Sondes (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>A 40 × 40 px tile every STRIDE px: a smaller stride overlaps the tiles more and takes longer. The map's cells are one per 4 × 4 px token (120 m) or one per stride: see Map cells.</source>
      <translation>Une tuile de 40 × 40 px tous les STRIDE px : un pas plus petit fait davantage se chevaucher les tuiles et prend plus de temps. Les cellules de la carte sont une par token de 4 × 4 px (120 m) ou une par pas : voir Cellules de la carte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>Stride between tiles (px)</source>
      <translation>Pas entre les tuiles (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Default: read from the product's MTL, the product id, the raster's GDAL tags or the layer's temporal properties.</source>
      <translation>Par défaut : lue dans le MTL du produit, l'identifiant du produit, les tags GDAL du raster ou les propriétés temporelles de la couche.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Acquisition date (UTC)</source>
      <translation>Date d'acquisition (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Give the model the acquisition date and each tile's latitude and longitude, as it was trained.</source>
      <translation>Donne au modèle la date d'acquisition ainsi que la latitude et la longitude de chaque tuile, comme à son entraînement.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Use date and position</source>
      <translation>Utiliser la date et la position</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="306" />
      <location filename="../../moemae_qgis/dialog.py" line="237" />
      <source>Device</source>
      <translation>Périphérique</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="309" />
      <source>auto picks CUDA, then Apple MPS, then the CPU.</source>
      <translation>auto choisit CUDA, puis Apple MPS, puis le CPU.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Fewer tiles per batch need less memory.</source>
      <translation>Moins de tuiles par lot demandent moins de mémoire.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Tiles per batch</source>
      <translation>Tuiles par lot</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="319" />
      <source>Mask (QA_PIXEL flags)</source>
      <translation>Masque (drapeaux QA_PIXEL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="323" />
      <source>The QA_PIXEL flags that mask a pixel, when QA_PIXEL is at hand: a product, a band named QA_PIXEL, or the QA_PIXEL parameter. Masked pixels count as no data.</source>
      <translation>Les drapeaux QA_PIXEL qui masquent un pixel, quand QA_PIXEL est disponible : un produit, une bande nommée QA_PIXEL ou le paramètre QA_PIXEL. Les pixels masqués comptent comme sans données.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>Only for a raster without its QA_PIXEL band: a product brings its own.</source>
      <translation>Seulement pour un raster sans sa bande QA_PIXEL : un produit apporte la sienne.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>QA_PIXEL of a stacked raster</source>
      <translation>QA_PIXEL d'un raster empilé</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="328" />
      <source>Input values</source>
      <translation>Valeurs d'entrée</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="332" />
      <source>auto: from the data type and values; dn: Level-2 digital numbers; reflectance: DN × 0.0000275 − 0.2, as floats.</source>
      <translation>auto : d'après le type de données et les valeurs ; dn : comptes numériques de Niveau 2 ; reflectance : DN × 0,0000275 − 0,2, en flottants.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="341" />
      <location filename="../../moemae_qgis/dialog.py" line="239" />
      <source>Map cells</source>
      <translation>Cellules de la carte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="345" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe on the mean of the tokens and a STRIDE that is a multiple of 4; pixel: one cell per 30 m pixel on the input's grid, the token map refined by each pixel's bands (same needs); tile: one cell per STRIDE; auto: token where the probe and STRIDE allow it, else tile.</source>
      <translation>token : une cellule par jeton de 4 × 4 px (120 m), pour une sonde sur la moyenne des jetons et un STRIDE multiple de 4 ; pixel : une cellule par pixel de 30 m sur la grille de l'entrée, la carte des jetons affinée par les bandes de chaque pixel (mêmes conditions) ; tile : une cellule par STRIDE ; auto : token là où la sonde et le STRIDE le permettent, sinon tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="351" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe or pooling on the mean of the tokens and a STRIDE that is a multiple of 4; tile: one cell per STRIDE; auto: token where the probe or pooling and STRIDE allow it, else tile.</source>
      <translation>token : une cellule par token de 4 × 4 px (120 m), pour une sonde ou une agrégation sur la moyenne des tokens et un STRIDE multiple de 4 ; tile : une cellule par STRIDE ; auto : token là où la sonde ou l'agrégation et le STRIDE le permettent, sinon tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="380" />
      <source>Incorrect parameter value for {}</source>
      <translation>Valeur de paramètre incorrecte pour {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="394" />
      <source>{} is not a raster layer</source>
      <translation>{} n'est pas une couche raster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="396" />
      <source>{} is a {} layer; save it as a GeoTIFF first (the model reads files through GDAL)</source>
      <translation>{} est une couche {} ; enregistrez-la d'abord en GeoTIFF (le modèle lit les fichiers via GDAL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="409" />
      <source>GDAL cannot open {} as a raster ({}); check the path inside the archive</source>
      <translation>GDAL ne peut pas ouvrir {} comme raster ({}) ; vérifiez le chemin à l'intérieur de l'archive</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="425" />
      <source>BANDS {!r} was not understood: QGIS wants the band numbers separated by ';', e.g. 1;2;3;4;5;6;7 (or leave BANDS empty for bands found by name)</source>
      <translation>BANDS {!r} n'a pas été compris : QGIS attend les numéros de bande séparés par « ; », p. ex. 1;2;3;4;5;6;7 (ou laissez BANDS vide pour des bandes trouvées par leur nom)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="501" />
      <source>ACQUISITION_DATE {!r} is not a date (use 2021-06-15, 2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)</source>
      <translation>ACQUISITION_DATE {!r} n'est pas une date (utilisez 2021-06-15, 2021-06-15T09:53:12 en UTC ou 2021-06-15T11:53:12+02:00)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Map change between two dates</source>
      <translation>Cartographier le changement entre deux dates</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Change</source>
      <translation>Changement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="82" />
      <source>Where the ground changed between two dates of one place: a score per 120 m cell, white to red, and the changed cells.</source>
      <translation>Où le sol a changé entre deux dates d'un même lieu : un score par cellule de 120 m, du blanc au rouge, et les cellules changées.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>A Landsat 8/9 Level-2 product (MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster, of the same place (path/row) as the other date. Its own date is read from it.</source>
      <translation>Un produit Landsat 8/9 de niveau 2 (fichier MTL, dossier ou .tar), une couche ajoutée avec « Ajouter un produit Landsat », ou un raster de réflectance de surface, du même lieu (path/row) que l'autre date. Sa propre date y est lue.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <source>Earlier date</source>
      <translation>Date antérieure</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>Later date</source>
      <translation>Date postérieure</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="94" />
      <source>Optional: a probe on the mean of the tokens (catalogue name or file) classifies both dates and adds a from → to band and a table of each transition's area in hectares.</source>
      <translation>Facultatif : une sonde sur la moyenne des jetons (nom du catalogue ou fichier) classe les deux dates et ajoute une bande de → vers ainsi qu'une table de la surface de chaque transition en hectares.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Cells scoring above it are changed. Empty: Otsu's rule on the scores (the cut that best splits their histogram in two), never below their median + 3 robust standard deviations, stated in the log.</source>
      <translation>Les cellules dont le score le dépasse sont changées. Vide : la règle d'Otsu sur les scores (la coupure qui sépare le mieux leur histogramme en deux), jamais en dessous de leur médiane + 3 écarts-types robustes, indiquée dans le journal.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Change threshold (empty: Otsu)</source>
      <translation>Seuil de changement (vide : Otsu)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="103" />
      <source>Change score</source>
      <translation>Score de changement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="105" />
      <source>Changed cells</source>
      <translation>Cellules changées</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="106" />
      <source>With a probe: each from → to transition's area in hectares (an HTML page beside it).</source>
      <translation>Avec une sonde : la surface de chaque transition de → vers en hectares (une page HTML à côté).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>Transition table</source>
      <translation>Table des transitions</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Check environment</source>
      <translation>Vérifier l'environnement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Set-up</source>
      <translation>Configuration</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="12" />
      <source>Which Python packages and devices MoE-MAE finds in this QGIS.</source>
      <translation>Les paquets Python et les périphériques que MoE-MAE trouve dans ce QGIS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="16" />
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="17" />
      <source>All required packages present</source>
      <translation>Tous les paquets requis sont présents</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="25" />
      <source>{} is missing: {}</source>
      <translation>{} est manquant : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <source>Classify land cover</source>
      <translation>Classer l'occupation du sol</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <location filename="../../moemae_qgis/algorithms/classify.py" line="41" />
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="121" />
      <source>Land cover</source>
      <translation>Occupation du sol</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="32" />
      <source>A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the probe's classes.</source>
      <translation>Une carte d'occupation du sol d'une scène Landsat 8/9 Niveau 2, nuages masqués, stylée avec les classes de la sonde.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="42" />
      <source>Each class's probability per cell, one band per class.</source>
      <translation>La probabilité de chaque classe par cellule, une bande par classe.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="43" />
      <source>Class probabilities</source>
      <translation>Probabilités des classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>Further scenes (layers, or products as their MTL file, folder or .tar) mapped with INPUT into one mosaic on INPUT's grid; each scene's date is its own.</source>
      <translation>D'autres scènes (couches, ou produits donnés par leur fichier MTL, dossier ou .tar) cartographiées avec INPUT en une seule mosaïque sur la grille d'INPUT ; chaque scène garde sa propre date.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>More scenes (one mosaic)</source>
      <translation>Autres scènes (une mosaïque)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="52" />
      <source>Where scenes overlap</source>
      <translation>Là où les scènes se recouvrent</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="56" />
      <source>best: the scene with the most valid, unmasked pixels under the cell; latest: the scene acquired last; mean: the mean of the class probabilities.</source>
      <translation>best : la scène qui a le plus de pixels valides et non masqués dans la cellule ; latest : la scène acquise en dernier ; mean : la moyenne des probabilités des classes.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Where each scene's map is kept, so that a run again maps only what is missing. Default: beside the output.</source>
      <translation>Où la carte de chaque scène est gardée, pour qu'une nouvelle exécution ne cartographie que ce qui manque. Par défaut : à côté de la sortie.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Work folder (resumable mosaics)</source>
      <translation>Dossier de travail (mosaïque reprise)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="80" />
      <source>Class probabilities are written for one scene; leave them out for a mosaic</source>
      <translation>Les probabilités des classes s'écrivent pour une seule scène ; laissez-les de côté pour une mosaïque</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="109" />
      <source>{} in More scenes is neither a raster layer nor a Landsat product</source>
      <translation>{} dans Autres scènes n'est ni une couche raster ni un produit Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="117" />
      <source>Acquisition date gives one date, but there are several scenes: each scene's date is read from its MTL, name, tags or temporal properties</source>
      <translation>La date d'acquisition donne une seule date, mais il y a plusieurs scènes : la date de chaque scène est lue dans son MTL, son nom, ses étiquettes ou ses propriétés temporelles</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="15" />
      <source>Cluster the scene</source>
      <translation>Regrouper la scène</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="16" />
      <source>The scene split into K kinds of place by k-means on its embeddings, no labels.</source>
      <translation>La scène divisée en K types de lieux par k-means sur ses embeddings, sans étiquettes.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <source>How many kinds of place to split the scene into.</source>
      <translation>En combien de types de lieux diviser la scène.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="29" />
      <source>Clusters</source>
      <translation>Clusters</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <source>The same seed gives the same map.</source>
      <translation>La même graine donne la même carte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>Random seed</source>
      <translation>Graine aléatoire</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="30" />
      <source>The embeddings' first three principal components as red, green and blue, to look at.</source>
      <translation>Les trois premières composantes principales des embeddings en rouge, vert et bleu, pour les visualiser.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="31" />
      <source>PCA rendering (RGB)</source>
      <translation>Rendu PCA (RVB)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="11" />
      <source>Embed (embedding raster)</source>
      <translation>Embed (raster d'embeddings)</translation>
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
      <translation>Un raster float32 des embeddings de l'encodeur, pour le regroupement et la recherche par similarité.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="18" />
      <source>Pooling of the 105 tokens</source>
      <translation>Agrégation des 105 tokens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="22" />
      <source>How a tile's 105 tokens become one embedding: mean of all, patch-mean of the 100 patch tokens, or cls, the CLS token.</source>
      <translation>Comment les 105 tokens d'une tuile deviennent un embedding : mean, la moyenne de tous ; patch-mean, la moyenne des 100 tokens de patch ; ou cls, le token CLS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <location filename="../../moemae_qgis/product_layer.py" line="43" />
      <source>Add Landsat product</source>
      <translation>Ajouter un produit Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <source>Landsat</source>
      <translation>Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="74" />
      <source>A USGS Landsat 8/9 Level-2 product as downloaded, as one natural-colour layer.</source>
      <translation>Un produit USGS Landsat 8/9 Niveau 2 tel que téléchargé, en une couche en couleurs naturelles.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Its MTL file (_MTL.txt, .xml or .json), its .tar, or any band file of its unpacked folder.</source>
      <translation>Son fichier MTL (_MTL.txt, .xml ou .json), son .tar, ou n'importe quel fichier de bande de son dossier décompressé.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Landsat 8/9 Level-2 product</source>
      <translation>Produit Landsat 8/9 Niveau 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="79" />
      <source>Landsat product (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;All files (*)</source>
      <translation>Produit Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Where the VRT goes. Default: the plugin's folder of products, so that a saved project still finds it.</source>
      <translation>Où le VRT est écrit. Par défaut : le dossier de produits de l'extension, pour qu'un projet enregistré le retrouve.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Virtual raster (VRT)</source>
      <translation>Raster virtuel (VRT)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="82" />
      <source>GDAL virtual raster (*.vrt)</source>
      <translation>Raster virtuel GDAL (*.vrt)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="86" />
      <source>Product id</source>
      <translation>Identifiant du produit</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="87" />
      <source>Acquisition (UTC)</source>
      <translation>Acquisition (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="100" />
      <source>{}: SR_B1…SR_B7{} stacked in {}</source>
      <translation>{} : SR_B1…SR_B7{} empilées dans {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="101" />
      <source> and QA_PIXEL</source>
      <translation> et QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="103" />
      <source>{} has no QA_PIXEL file: clouds cannot be masked</source>
      <translation>{} n'a pas de fichier QA_PIXEL : les nuages ne peuvent pas être masqués</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="105" />
      <source>Acquisition: {}</source>
      <translation>Acquisition : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="35" />
      <source>Sample points are written to a GeoPackage file, to be labelled and kept: give OUTPUT a file name ending in .gpkg (or Save to GeoPackage…), not a temporary layer</source>
      <translation>Les points d'échantillon sont écrits dans un fichier GeoPackage, pour être étiquetés et conservés : donnez à OUTPUT un nom de fichier finissant par .gpkg (ou Enregistrer dans un GeoPackage…), pas une couche temporaire</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="44" />
      <source>Draw an accuracy sample</source>
      <translation>Tirer un échantillon pour évaluer la précision</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="46" />
      <source>Points at random in each class of a land-cover map, for you to label.</source>
      <translation>Des points tirés au hasard dans chaque classe d'une carte d'occupation du sol, à étiqueter vous-même.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>A class raster, e.g. from 'Classify land cover': its classes are the strata.</source>
      <translation>Un raster de classes, p. ex. issu de « Classer l'occupation du sol » : ses classes sont les strates.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>How many points, shared out in proportion to each class's mapped area. Default: {}, or Cochran's size when a target standard error is given.</source>
      <translation>Combien de points, répartis en proportion de la superficie cartographiée de chaque classe. Par défaut : {}, ou la taille de Cochran quand une erreur type visée est donnée.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>Points in all</source>
      <translation>Points au total</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Rare classes get at least this many points (all their pixels if they have fewer).</source>
      <translation>Les classes rares reçoivent au moins ce nombre de points (tous leurs pixels si elles en ont moins).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Points per class at least</source>
      <translation>Points par classe, au minimum</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Instead of a size: the standard error of the overall accuracy to reach (e.g. 0.01); the size comes from Cochran's formula (Olofsson et al. 2014, eq. 13).</source>
      <translation>Au lieu d'une taille : l'erreur type de la précision globale à atteindre (p. ex. 0,01) ; la taille découle de la formule de Cochran (Olofsson et al. 2014, éq. 13).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Target SE of overall accuracy</source>
      <translation>Erreur type visée de la précision globale</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>With a target standard error: the user's accuracy you expect, one for every class (0.8) and/or per class (Water=0.95), separated by ';'.</source>
      <translation>Avec une erreur type visée : la précision de l'utilisateur que vous attendez, une pour toutes les classes (0.8) et/ou par classe (Water=0.95), séparées par « ; ».</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>Expected user's accuracies</source>
      <translation>Précisions de l'utilisateur attendues</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>The same seed gives the same points.</source>
      <translation>La même graine donne les mêmes points.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="74" />
      <source>Sample points</source>
      <translation>Points de l'échantillon</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="80" />
      <source>INPUT is not a raster layer</source>
      <translation>INPUT n'est pas une couche raster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="64" />
      <source>{} '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>{} '{}' n'est pas enregistrée dans un fichier ; enregistrez-la (GeoPackage, Shapefile, GeoJSON) et relancez</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="79" />
      <source>A Landsat 8/9 Level-2 scene (embedded once per model and settings, then kept in the embedding cache), or an embedding raster written by 'Embed', read as it is.</source>
      <translation>Une scène Landsat 8/9 Niveau 2 (ses embeddings calculés une fois par modèle et par réglages, puis conservés dans le cache d'embeddings), ou un raster d'embeddings écrit par « Embed », lu tel quel.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="87" />
      <source>{} is an embedding raster: read as it is</source>
      <translation>{} est un raster d'embeddings : lu tel quel</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="94" />
      <source>Find similar places</source>
      <translation>Trouver des lieux similaires</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="95" />
      <source>How much each cell looks like the places you point at: 0 to 1 on the map.</source>
      <translation>À quel point chaque cellule ressemble aux lieux que vous désignez : de 0 à 1 sur la carte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>A point layer saved in a file, in any CRS: the kind of place to find.</source>
      <translation>Une couche de points enregistrée dans un fichier, dans n'importe quel SCR : le type de lieu à trouver.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>Points of places to find</source>
      <translation>Points des lieux à trouver</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Places that look alike but are not wanted: the score becomes (cos to the points − cos to these) / 2.</source>
      <translation>Des lieux qui se ressemblent mais ne sont pas voulus : le score devient (cos avec les points − cos avec ceux-ci) / 2.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Points of unwanted places</source>
      <translation>Points des lieux non voulus</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="107" />
      <source>Similarity</source>
      <translation>Similarité</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="112" />
      <source>POINTS must be a point layer</source>
      <translation>POINTS doit être une couche de points</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="69" />
      <source>feature {} (class '{}'), field '{}': {}</source>
      <translation>entité {} (classe '{}'), champ '{}' : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="72" />
      <source>feature {} gives the class '{}' the colour {}, another feature gave it {}: give each class one colour in '{}'</source>
      <translation>l'entité {} donne à la classe '{}' la couleur {}, une autre entité lui a donné {} : donnez une seule couleur à chaque classe dans '{}'</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="120" />
      <source>Train a probe from training areas</source>
      <translation>Entraîner une sonde à partir de zones d'entraînement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="122" />
      <source>A probe of your own classes, from points or polygons drawn on a scene.</source>
      <translation>Une sonde de vos propres classes, à partir de points ou de polygones dessinés sur une scène.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="123" />
      <source>Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every point, and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px tile labelled with CLASS_FIELD (features whose class is NULL or empty are left out, and counted). SPACING defaults to 4 px, one sample per 120 m token, the cell of a map at token resolution, so that a polygon of a few hundred metres gives dozens of samples; a polygon smaller than SPACING still gives one, at a point inside it. COLOUR_FIELD (optional) gives a class its colour, written #1f78b4 or 31,120,180; other classes get colours from their names (water, river, lake: blues; forest, tree: greens; urban, town, built: reds and greys; crop, field, arable: yellows; …), else distinct ones. Logs the tiles per class and the cross-validated accuracy with its 95 % interval, warns when the samples are too few for that figure to mean much (fewer than 100), and refuses when a class has fewer than 3. Beyond 20,000 positions an even share of each class is used. Use the probe file with 'Classify land cover'.</source>
      <translation>Ajuste une sonde linéaire de vos propres classes sur les embeddings figés de MoE-MAE d'une scène : chaque point, et chaque SPACING px à l'intérieur de chaque polygone, de la couche TRAINING devient une tuile de 40 × 40 px étiquetée par CLASS_FIELD (les entités dont la classe est NULL ou vide sont écartées, et comptées). SPACING vaut par défaut 4 px, un échantillon par token de 120 m, la cellule d'une carte à la résolution du token, de sorte qu'un polygone de quelques centaines de mètres donne des dizaines d'échantillons ; un polygone plus petit que SPACING en donne tout de même un, en un point à l'intérieur. COLOUR_FIELD (facultatif) donne sa couleur à une classe, écrite #1f78b4 ou 31,120,180 ; les autres classes reçoivent des couleurs d'après leur nom (water, river, lake : bleus ; forest, tree : verts ; urban, town, built : rouges et gris ; crop, field, arable : jaunes ; …), sinon des couleurs distinctes. Journalise les tuiles par classe et la précision en validation croisée avec son intervalle à 95 %, avertit quand les échantillons sont trop peu nombreux pour que ce chiffre ait beaucoup de sens (moins de 100), et refuse quand une classe en a moins de 3. Au-delà de 20 000 positions, une part égale de chaque classe est utilisée. Utilisez le fichier de la sonde avec « Classer l'occupation du sol ».</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="144" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probe</source>
      <translation>Sonde</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="145" />
      <source>Probe (*.json)</source>
      <translation>Sonde (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="149" />
      <source>Points or polygons of your classes: each point, and every Spacing px inside each polygon, is a sample.</source>
      <translation>Points ou polygones de vos classes : chaque point, et chaque Espacement px à l'intérieur de chaque polygone, est un échantillon.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="150" />
      <source>Training areas</source>
      <translation>Zones d'entraînement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>The field that names each feature's class; NULL or empty features are left out.</source>
      <translation>Le champ qui nomme la classe de chaque entité ; les entités NULL ou vides sont écartées.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>Class field</source>
      <translation>Champ de classe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>A colour per class, #1f78b4 or 31,120,180. Default: from the class names (water blue, forest green, town red or grey, crops yellow), else a distinct palette.</source>
      <translation>Une couleur par classe, #1f78b4 ou 31,120,180. Par défaut : d'après le nom des classes (eau en bleu, forêt en vert, ville en rouge ou gris, cultures en jaune), sinon une palette distincte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>Colour field</source>
      <translation>Champ de couleur</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="161" />
      <source>A sample every Spacing px inside each polygon; 4 px is one per 120 m token. A polygon smaller than that still gives one sample, at a point inside it.</source>
      <translation>Un échantillon tous les Espacement px à l'intérieur de chaque polygone ; 4 px font un par token de 120 m. Un polygone plus petit en donne tout de même un, en un point à l'intérieur.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="162" />
      <source>Sample spacing (px)</source>
      <translation>Espacement des échantillons (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="170" />
      <source>Sample features</source>
      <translation>Échantillonner les entités</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="174" />
      <source>token: the 120 m token under each sample, for maps of 120 m cells; tile: the whole 1.2 km tile, for maps of a cell per stride; auto: token.</source>
      <translation>token : le token de 120 m sous chaque échantillon, pour des cartes de cellules de 120 m ; tile : la tuile entière de 1,2 km, pour des cartes d'une cellule par pas ; auto : token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="182" />
      <source>TRAINING is not a point or polygon layer</source>
      <translation>TRAINING n'est pas une couche de points ou de polygones</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="188" />
      <source>Cancelled: no probe was written.</source>
      <translation>Annulé : aucune sonde n'a été écrite.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="200" />
      <source>Cross-validated error matrix and F1 per class: {}</source>
      <translation>Matrice d'erreurs en validation croisée et F1 par classe : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="206" />
      <source>  {}: {} tiles</source>
      <translation>  {} : {} tuiles</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="208" />
      <source>  {} positions skipped: more than half fill or no data</source>
      <translation>  {} positions ignorées : plus de la moitié de remplissage ou sans données</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="213" />
      <source>Cross-validated accuracy ({}-fold): {:.3f} (95 % interval {:.2f}-{:.2f}, {} samples)</source>
      <translation>Précision en validation croisée ({} plis) : {:.3f} (intervalle à 95 % {:.2f}-{:.2f}, {} échantillons)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="246" />
      <source>the training layer has no features: draw points or polygons of at least 2 classes</source>
      <translation>la couche d'entraînement n'a aucune entité : dessinez des points ou des polygones d'au moins 2 classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="250" />
      <source>none of the {} training features lies on the raster: the layer ({}) and the raster ({}) do not overlap. Are the features in the right place, and is each layer's CRS right?</source>
      <translation>aucune des {} entités d'entraînement ne se trouve sur le raster : la couche ({}) et le raster ({}) ne se recouvrent pas. Les entités sont-elles au bon endroit, et le SCR de chaque couche est-il juste ?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="256" />
      <source>{} sample positions of {} classes</source>
      <translation>{} positions d'échantillon de {} classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="258" />
      <source>{} kept, an even share of each class: more would add time and memory, not accuracy</source>
      <translation>{} conservées, une part égale de chaque classe : davantage ajouterait du temps et de la mémoire, pas de la précision</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="268" />
      <source>the training layer holds {}, not points or polygons: a sample is a point, or a place inside a polygon; draw polygons (or buffer the lines: Vector &gt; Geoprocessing Tools &gt; Buffer)</source>
      <translation>la couche d'entraînement contient {}, pas des points ou des polygones : un échantillon est un point, ou un lieu à l'intérieur d'un polygone ; dessinez des polygones (ou créez un tampon autour des lignes : Vecteur &gt; Outils de géotraitement &gt; Tampon)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="273" />
      <source>the training layer has no CRS, so its features cannot be placed on the raster: assign it one (Layer Properties &gt; Source &gt; Assigned Coordinate Reference System)</source>
      <translation>la couche d'entraînement n'a pas de SCR, ses entités ne peuvent donc pas être placées sur le raster : attribuez-lui-en un (Propriétés de la couche &gt; Source &gt; SCR assigné)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="279" />
      <source>{} '{}' is not a field of the training layer; its fields are: {}</source>
      <translation>{} '{}' n'est pas un champ de la couche d'entraînement ; ses champs sont : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="285" />
      <source>{} of {} features have no class ('{}' is NULL or empty) and were left out</source>
      <translation>{} entités sur {} n'ont pas de classe ('{}' est NULL ou vide) et ont été écartées</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="289" />
      <source>{} of {} features lie outside the raster and were left out</source>
      <translation>{} entités sur {} sont hors du raster et ont été écartées</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="296" />
      <source>the field '{}' holds {} class(es) on the raster; a probe needs at least 2</source>
      <translation>le champ '{}' contient {} classe(s) sur le raster ; une sonde en demande au moins 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="299" />
      <source>the field '{}' holds {} classes on the raster; a map holds at most {} (UInt8, 255 is nodata): merge some classes</source>
      <translation>le champ '{}' contient {} classes sur le raster ; une carte en contient au plus {} (UInt8, 255 signifie sans données) : fusionnez des classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="56" />
      <source>MoE-MAE: embedding {}</source>
      <translation>MoE-MAE : calcul des embeddings de {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="91" />
      <source>MoE-MAE click to map</source>
      <translation>Cliquer pour cartographier MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="107" />
      <source>Prepare</source>
      <translation>Préparer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="110" />
      <location filename="../../moemae_qgis/dialog.py" line="205" />
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="114" />
      <source>Choose a Landsat scene and press Prepare: it is embedded once, then kept.</source>
      <translation>Choisissez une scène Landsat et appuyez sur Préparer : ses embeddings sont calculés une fois, puis conservés.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="119" />
      <source>Click on the map</source>
      <translation>Cliquer sur la carte</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="123" />
      <source>Scene</source>
      <translation>Scène</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="136" />
      <source>class name, e.g. water</source>
      <translation>nom de la classe, p. ex. eau</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="137" />
      <source>Add class</source>
      <translation>Ajouter une classe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Preview</source>
      <translation>Aperçu</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Save probe…</source>
      <translation>Enregistrer la sonde…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="147" />
      <source>Clear clicks</source>
      <translation>Effacer les clics</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="160" />
      <source>Click places to find; shift-click places that are not wanted.</source>
      <translation>Cliquez sur les lieux à trouver ; Maj+clic sur les lieux non voulus.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="161" />
      <source>Name classes, pick one in the list and click cells of it; then Preview.</source>
      <translation>Nommez les classes, choisissez-en une dans la liste et cliquez sur des cellules de cette classe ; puis Aperçu.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="170" />
      <source>Choose a Landsat scene saved in a file (a product added with 'Add Landsat product', or a raster).</source>
      <translation>Choisissez une scène Landsat enregistrée dans un fichier (un produit ajouté avec « Ajouter un produit Landsat », ou un raster).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="178" />
      <source>Embedding {} (once per model; then read from the cache)…</source>
      <translation>Calcul des embeddings de {} (une fois par modèle ; ensuite lus dans le cache)…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="190" />
      <source>Not prepared: {}</source>
      <translation>Non préparé : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="191" />
      <source>Cancelled: nothing was kept.</source>
      <translation>Annulé : rien n'a été conservé.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="195" />
      <source>Ready: {} × {} cells of 120 m. {}</source>
      <translation>Prêt : {} × {} cellules de 120 m. {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Click on the map.</source>
      <translation>Cliquez sur la carte.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Add classes, then click.</source>
      <translation>Ajoutez des classes, puis cliquez.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="242" />
      <location filename="../../moemae_qgis/click_to_map.py" line="301" />
      <source>Press Prepare first: the scene's embeddings are needed.</source>
      <translation>Appuyez d'abord sur Préparer : les embeddings de la scène sont nécessaires.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="258" />
      <location filename="../../moemae_qgis/click_to_map.py" line="309" />
      <source>The map shows no part of the scene: pan to it.</source>
      <translation>La carte ne montre aucune partie de la scène : déplacez la carte jusqu'à elle.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="260" />
      <source>{} places to find, {} not wanted: the similarity of the visible map, 0 to 1.</source>
      <translation>{} lieux à trouver, {} non voulus : la similarité de la carte visible, de 0 à 1.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="291" />
      <source>Add a class and pick it in the list before clicking.</source>
      <translation>Ajoutez une classe et choisissez-la dans la liste avant de cliquer.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="317" />
      <source>Press Preview first: the probe is fitted there.</source>
      <translation>Appuyez d'abord sur Aperçu : c'est là que la sonde est ajustée.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="320" />
      <source>Save probe</source>
      <translation>Enregistrer la sonde</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="327" />
      <source>Saved {}: give it to 'Classify land cover' as its PROBE.</source>
      <translation>{} enregistré : donnez-le à « Classer l'occupation du sol » comme PROBE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="344" />
      <source>{} clicks: too few to cross-validate.</source>
      <translation>{} clics : trop peu pour une validation croisée.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="345" />
      <source>Cross-validated accuracy {:.0%} ({}-fold, {} clicks){}</source>
      <translation>Précision en validation croisée {:.0%} ({} plis, {} clics){}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="347" />
      <source>; {} clicks off the scene or on no data were left out</source>
      <translation> ; {} clics hors de la scène ou sans données ont été écartés</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="102" />
      <source>MoE-MAE land cover</source>
      <translation>Occupation du sol MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="125" />
      <location filename="../../moemae_qgis/plugin.py" line="102" />
      <source>Add Landsat product…</source>
      <translation>Ajouter un produit Landsat…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="127" />
      <source>A Landsat 8/9 Level-2 product as downloaded from USGS: its MTL file, its .tar, or any band file of its folder</source>
      <translation>Un produit Landsat 8/9 Niveau 2 tel que téléchargé depuis l'USGS : son fichier MTL, son .tar, ou n'importe quel fichier de bande de son dossier</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="131" />
      <source>Mask clouds and their shadows</source>
      <translation>Masquer les nuages et leurs ombres</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="132" />
      <source>Pixels QA_PIXEL flags as cloud, dilated cloud or cloud shadow count as no data: a tile more than half masked gets no prediction</source>
      <translation>Les pixels que QA_PIXEL marque comme nuage, nuage dilaté ou ombre de nuage comptent comme sans données : une tuile masquée à plus de moitié ne reçoit pas de prédiction</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="139" />
      <source>Set the bands myself:</source>
      <translation>Indiquer moi-même les bandes :</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="145" />
      <source>The band numbers of SR_B1…SR_B7 in this raster, in that order: 7 numbers</source>
      <translation>Les numéros de bande de SR_B1…SR_B7 dans ce raster, dans cet ordre : 7 nombres</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="151" />
      <source>Set the acquisition date (UTC) myself:</source>
      <translation>Indiquer moi-même la date d'acquisition (UTC) :</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="185" />
      <source>auto: one per token (120 m) where the probe and stride allow it</source>
      <translation>auto : une par token (120 m) là où la sonde et le pas le permettent</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="186" />
      <source>one per token: 4 × 4 px, 120 m (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>une par token : 4 × 4 px, 120 m (sondes sur la moyenne des tokens ; pas multiple de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="188" />
      <source>one per tile step (the stride)</source>
      <translation>une par pas de tuile (le pas)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="189" />
      <source>one per pixel: 30 m, the 120 m tokens refined by each pixel's bands (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>une par pixel : 30 m, les jetons de 120 m affinés par les bandes de chaque pixel (sondes sur la moyenne des jetons ; pas multiple de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="194" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="196" />
      <source>empty: a temporary file</source>
      <translation>vide : un fichier temporaire</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="203" />
      <source>Run</source>
      <translation>Exécuter</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="215" />
      <location filename="../../moemae_qgis/dialog.py" line="599" />
      <source>Log</source>
      <translation>Journal</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="229" />
      <source>Landsat layer</source>
      <translation>Couche Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="230" />
      <source>Bands</source>
      <translation>Bandes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="232" />
      <source>Acquisition</source>
      <translation>Acquisition</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="234" />
      <source>Clouds</source>
      <translation>Nuages</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="238" />
      <source>Stride</source>
      <translation>Pas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="241" />
      <source>Output</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="242" />
      <source>Advanced</source>
      <translation>Avancé</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="245" />
      <source>Mirror</source>
      <translation>Miroir</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="286" />
      <source>Add a Landsat 8/9 Level-2 product (Add Landsat product…) or a surface-reflectance raster to the project.</source>
      <translation>Ajoutez au projet un produit Landsat 8/9 Niveau 2 (Ajouter un produit Landsat…) ou un raster de réflectance de surface.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="300" />
      <source>Cannot open this layer with GDAL: {}</source>
      <translation>Impossible d'ouvrir cette couche avec GDAL : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="339" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7 (not {!r}).</source>
      <translation>Indiquez les bandes par 7 nombres entiers, p. ex. 1 2 3 4 5 6 7 (et non {!r}).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="343" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7.</source>
      <translation>Indiquez les bandes par 7 nombres entiers, p. ex. 1 2 3 4 5 6 7.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="348" />
      <source>Set the bands yourself below.</source>
      <translation>Indiquez vous-même les bandes ci-dessous.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="349" />
      <source>Cannot tell the bands: {}.</source>
      <translation>Impossible de déterminer les bandes : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="370" />
      <source>Clouds cannot be masked: {}.</source>
      <translation>Les nuages ne peuvent pas être masqués : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="375" />
      <source>{} masks {}.</source>
      <translation>{} masque {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="379" />
      <source>The product {} has no QA_PIXEL file: clouds and their shadows will not be masked and will get land-cover classes. Download the product with its QA_PIXEL band to mask them.</source>
      <translation>Le produit {} n'a pas de fichier QA_PIXEL : les nuages et leurs ombres ne seront pas masqués et recevront des classes d'occupation du sol. Téléchargez le produit avec sa bande QA_PIXEL pour les masquer.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="383" />
      <source>No QA_PIXEL in this layer: clouds and their shadows will get land-cover classes. Add the Landsat product as downloaded, with its QA_PIXEL band (Add Landsat product…), to mask them.</source>
      <translation>Pas de QA_PIXEL dans cette couche : les nuages et leurs ombres recevront des classes d'occupation du sol. Ajoutez le produit Landsat tel que téléchargé, avec sa bande QA_PIXEL (Ajouter un produit Landsat…), pour les masquer.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="403" />
      <source>Cells of {} px ({} m)</source>
      <translation>Cellules de {} px ({} m)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="407" />
      <source>Cells of 1 px (30 m): the input's own grid.</source>
      <translation>Cellules de 1 px (30 m) : la grille même de l'entrée.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="409" />
      <source>Cells of 4 px (120 m), one per token.</source>
      <translation>Cellules de 4 px (120 m), une par token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="411" />
      <source>{}: {}.</source>
      <translation>{} : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="413" />
      <source>The run will be refused: {}.</source>
      <translation>L'exécution sera refusée : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="435" />
      <location filename="../../moemae_qgis/plugin.py" line="274" />
      <source>Cannot add the product: {}</source>
      <translation>Impossible d'ajouter le produit : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="438" />
      <source>Added {}.</source>
      <translation>{} ajouté.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="501" />
      <source>Running…</source>
      <translation>Exécution…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="508" />
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="519" />
      <source>Land cover ({})</source>
      <translation>Occupation du sol ({})</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="527" />
      <source>Done, but the probe's classes could not be read for the legend: {}</source>
      <translation>Terminé, mais les classes de la sonde n'ont pas pu être lues pour la légende : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="530" />
      <source>Done</source>
      <translation>Terminé</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="531" />
      <source>Done: {}</source>
      <translation>Terminé : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="540" />
      <source>Cancelled: no layer was added and no file was left.</source>
      <translation>Annulé : aucune couche n'a été ajoutée et aucun fichier n'est resté.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="546" />
      <source>see the Processing log</source>
      <translation>voir le journal des Traitements</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="547" />
      <source>Failed: {}</source>
      <translation>Échec : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="550" />
      <source>The run's log:</source>
      <translation>Le journal de l'exécution :</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>1 error</source>
      <translation>1 erreur</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>{} errors</source>
      <translation>{} erreurs</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>1 warning</source>
      <translation>1 avertissement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>{} warnings</source>
      <translation>{} avertissements</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="612" />
      <source>The remembered {} {!r} is not usable; using {!r}</source>
      <translation>Le {} mémorisé {!r} n'est pas utilisable ; {!r} est utilisé</translation>
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
      <translation>auto (CPU : aucun GPU trouvé)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="24" />
      <source>The Processing provider of MoE-MAE is not loaded: re-enable or reinstall the plugin.</source>
      <translation>Le fournisseur de Traitements de MoE-MAE n'est pas chargé : réactivez ou réinstallez l'extension.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="34" />
      <source>The check failed: {}</source>
      <translation>La vérification a échoué : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="44" />
      <source>MoE-MAE: environment</source>
      <translation>MoE-MAE : environnement</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="47" />
      <source>Everything MoE-MAE needs is installed.</source>
      <translation>Tout ce dont MoE-MAE a besoin est installé.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="48" />
      <source>Some Python packages MoE-MAE needs are missing: use Install missing Python packages… in the plugin's menu.</source>
      <translation>Il manque des paquets Python dont MoE-MAE a besoin : utilisez Installer les paquets Python manquants… dans le menu de l'extension.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="58" />
      <source>Copy report</source>
      <translation>Copier le rapport</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="71" />
      <source>Copied</source>
      <translation>Copié</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/message_bar.py" line="25" />
      <source>Details…</source>
      <translation>Détails…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="71" />
      <source>the mirror URL box under the model list</source>
      <translation>la zone d'URL du miroir sous la liste des modèles</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="156" />
      <source>; what arrived is kept: free some space and Download… again</source>
      <translation> ; ce qui est arrivé est conservé : libérez de l'espace et relancez Télécharger…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="159" />
      <source>Cancelled: what arrived is kept; Download… resumes from there.</source>
      <translation>Annulé : ce qui est arrivé est conservé ; Télécharger… reprend à partir de là.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="206" />
      <source>the connection was cut {} times; Download… again resumes where it stopped</source>
      <translation>la connexion a été coupée {} fois ; relancer Télécharger… reprend là où il s'est arrêté</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="214" />
      <source>cannot find the server of {} ({}): is the network up, and the address right?</source>
      <translation>impossible de trouver le serveur de {} ({}) : le réseau fonctionne-t-il, et l'adresse est-elle juste ?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="217" />
      <source>the server refused the connection ({}): is the address right, or is a proxy needed (QGIS Settings › Options › Network)?</source>
      <translation>le serveur a refusé la connexion ({}) : l'adresse est-elle juste, ou faut-il un proxy (QGIS Préférences › Options › Réseau) ?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="222" />
      <source>the proxy refused ({}): check QGIS Settings › Options › Network</source>
      <translation>le proxy a refusé ({}) : vérifiez QGIS Préférences › Options › Réseau</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="223" />
      <source>the download failed: {}</source>
      <translation>le téléchargement a échoué : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="44" />
      <location filename="../../moemae_qgis/model_picker.py" line="45" />
      <source>Browse…</source>
      <translation>Parcourir…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="46" />
      <location filename="../../moemae_qgis/model_picker.py" line="140" />
      <source>Download…</source>
      <translation>Télécharger…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="49" />
      <source>download from a mirror: its URL (empty: the catalogue's)</source>
      <translation>télécharger depuis un miroir : son URL (vide : celle du catalogue)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="80" />
      <source>Probe (legend)</source>
      <translation>Sonde (légende)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="93" />
      <location filename="../../moemae_qgis/model_picker.py" line="119" />
      <source>{} (yours)</source>
      <translation>{} (le vôtre)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="100" />
      <source>{}: a demonstration, expect rough maps</source>
      <translation>{} : une démonstration, attendez-vous à des cartes grossières</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="102" />
      <source>{}: not downloaded, about {:g} MB</source>
      <translation>{} : non téléchargé, environ {:g} Mo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="143" />
      <source>Warning: {}.</source>
      <translation>Avertissement : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="177" />
      <source>Model checkpoint</source>
      <translation>Checkpoint du modèle</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="196" />
      <source>Downloading {}…</source>
      <translation>Téléchargement de {}…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="207" />
      <source>Downloading {}: {:.1f} of {:.1f} MB</source>
      <translation>Téléchargement de {} : {:.1f} sur {:.1f} Mo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="217" />
      <source>Downloaded {}{}: {}</source>
      <translation>Téléchargé {}{} : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="218" />
      <source>Download failed: {}</source>
      <translation>Le téléchargement a échoué : {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="35" />
      <source>MoE-MAE: working out what to download</source>
      <translation>MoE-MAE : calcul de ce qu'il faut télécharger</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="36" />
      <source>MoE-MAE: installing PyTorch, scikit-learn and platformdirs</source>
      <translation>MoE-MAE : installation de PyTorch, scikit-learn et platformdirs</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="98" />
      <source>MoE-MAE land cover…</source>
      <translation>Occupation du sol MoE-MAE…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="100" />
      <source>Classify a Landsat 8/9 layer into land cover with MoE-MAE</source>
      <translation>Classer une couche Landsat 8/9 en occupation du sol avec MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="104" />
      <source>Add a Landsat 8/9 Level-2 product as downloaded from USGS (its MTL file, .tar or folder) as one natural-colour layer</source>
      <translation>Ajouter un produit Landsat 8/9 Niveau 2 tel que téléchargé depuis l'USGS (son fichier MTL, son .tar ou son dossier) en une couche en couleurs naturelles</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="107" />
      <source>Check environment…</source>
      <translation>Vérifier l'environnement…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="110" />
      <source>Click to map…</source>
      <translation>Cliquer pour cartographier…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="112" />
      <source>Find similar places and map your own classes by clicking on a scene</source>
      <translation>Trouver des lieux similaires et cartographier vos propres classes en cliquant sur une scène</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="114" />
      <source>Install missing Python packages…</source>
      <translation>Installer les paquets Python manquants…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="119" />
      <location filename="../../moemae_qgis/plugin.py" line="141" />
      <source>&amp;MoE-MAE land cover</source>
      <translation>&amp;Occupation du sol MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="164" />
      <source>Install…</source>
      <translation>Installer…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="174" />
      <source>The installation is already running; see the task manager.</source>
      <translation>L'installation est déjà en cours ; voir le gestionnaire de tâches.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="179" />
      <source>All required Python packages are installed.</source>
      <translation>Tous les paquets Python requis sont installés.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="185" />
      <location filename="../../moemae_qgis/plugin.py" line="201" />
      <source>MoE-MAE: cannot install Python packages</source>
      <translation>MoE-MAE : impossible d'installer les paquets Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="192" />
      <source>Asking pip what it would download…</source>
      <translation>Demande à pip de ce qu'il téléchargerait…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="202" />
      <location filename="../../moemae_qgis/plugin.py" line="240" />
      <source>To install them by hand:</source>
      <translation>Pour les installer à la main :</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="205" />
      <source>MoE-MAE: install Python packages</source>
      <translation>MoE-MAE : installer les paquets Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="212" />
      <source>Installing in the background; progress is in the task manager and the MoE-MAE log.</source>
      <translation>Installation en arrière-plan ; la progression est dans le gestionnaire de tâches et le journal MoE-MAE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="218" />
      <source>pip will download and install:</source>
      <translation>pip va télécharger et installer :</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="219" />
      <source>with QGIS's Python, {}.</source>
      <translation>avec le Python de QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="221" />
      <source>PyTorch: {}.</source>
      <translation>PyTorch : {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="223" />
      <source>Through QGIS's proxy, {}.</source>
      <translation>Par le proxy de QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="224" />
      <source>Install now?</source>
      <translation>Installer maintenant ?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="230" />
      <source>Python packages installed; MoE-MAE is ready.</source>
      <translation>Paquets Python installés ; MoE-MAE est prêt.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="232" />
      <source>the packages were installed but still cannot be imported; restart QGIS</source>
      <translation>les paquets ont été installés mais ne peuvent toujours pas être importés ; redémarrez QGIS</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="238" />
      <source>Installation failed: {} (Details… says how to install by hand)</source>
      <translation>L'installation a échoué : {} (Détails… explique comment installer à la main)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="276" />
      <source>Added {} in natural colour.</source>
      <translation>{} ajouté en couleurs naturelles.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="44" />
      <source>Landsat band file, for its product's folder (*_SR_B*.TIF *_QA_PIXEL.TIF)</source>
      <translation>Fichier de bande Landsat, pour le dossier de son produit (*_SR_B*.TIF *_QA_PIXEL.TIF)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="45" />
      <source>All files (*)</source>
      <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="61" />
      <source>the product cannot be read</source>
      <translation>le produit ne peut pas être lu</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="64" />
      <source>QGIS cannot open {}</source>
      <translation>QGIS ne peut pas ouvrir {}</translation>
    </message>
  </context>
</TS>
