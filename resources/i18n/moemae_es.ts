<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>MoeMae</name>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="21" />
      <source>Assess accuracy and area</source>
      <translation>Evaluar la exactitud y las áreas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="22" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="45" />
      <source>Accuracy</source>
      <translation>Exactitud</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="23" />
      <source>Accuracies and class areas with 95 % intervals, from labelled sample points.</source>
      <translation>Exactitudes y áreas de las clases con intervalos del 95 %, a partir de puntos de muestra etiquetados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <source>The class raster the points were drawn on, in a projected CRS (areas need metres).</source>
      <translation>El ráster de clases sobre el que se extrajeron los puntos, en un SRC proyectado (las áreas necesitan metros).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>Land-cover map</source>
      <translation>Mapa de cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>A point layer saved to a file (GeoPackage, Shapefile, GeoJSON), in any CRS, each point labelled with a class name or code of the map.</source>
      <translation>Una capa de puntos guardada en un archivo (GeoPackage, Shapefile, GeoJSON), en cualquier SRC, cada punto etiquetado con un nombre o código de clase del mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>Labelled points</source>
      <translation>Puntos etiquetados</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="32" />
      <source>Reference class field</source>
      <translation>Campo de clase de referencia</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="34" />
      <source>The field that holds the class you saw at each point; points without one are counted and left out.</source>
      <translation>El campo con la clase que usted observó en cada punto; los puntos sin ella se cuentan y se dejan fuera.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>The raster the sample was drawn on, when it was not this map (e.g. an older map): the estimators are then Stehman's (2014).</source>
      <translation>El ráster sobre el que se extrajo la muestra, cuando no fue este mapa (p. ej. un mapa anterior): los estimadores son entonces los de Stehman (2014).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>Strata (if not the map's classes)</source>
      <translation>Estratos (si no son las clases del mapa)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>overall_accuracy, classes, error_matrix and points, for other tools to read.</source>
      <translation>overall_accuracy, classes, error_matrix y points, para que otras herramientas los lean.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>Report (JSON)</source>
      <translation>Informe (JSON)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="42" />
      <source>JSON files (*.json)</source>
      <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>The report a person reads: accuracies, the area chart, the error matrices, the warnings.</source>
      <translation>El informe para que lo lea una persona: exactitudes, el gráfico de áreas, las matrices de error, los avisos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>Report (HTML)</source>
      <translation>Informe (HTML)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="45" />
      <source>HTML files (*.html)</source>
      <translation>Archivos HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="52" />
      <source>INPUT must be a raster layer and REFERENCE a point layer</source>
      <translation>INPUT debe ser una capa ráster y REFERENCE una capa de puntos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="54" />
      <source>REFERENCE '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>REFERENCE '{}' no está guardada en un archivo; guárdela (GeoPackage, Shapefile, GeoJSON) y vuelva a ejecutar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="125" />
      <source>Use Raster › MoE-MAE land cover › Install missing Python packages….</source>
      <translation>Use Ráster › Cobertura del suelo MoE-MAE › Instalar paquetes de Python que faltan….</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="223" />
      <source>Parameters</source>
      <translation>Parámetros</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="257" />
      <source>Cancelled: no output was written.</source>
      <translation>Cancelado: no se escribió ninguna salida.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>A Landsat 8/9 Collection 2 Level-2 product as downloaded (its MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster.</source>
      <translation>Un producto Landsat 8/9 Colección 2 Nivel 2 tal como se descargó (su archivo MTL, carpeta o .tar), una capa añadida con 'Añadir producto Landsat' o un ráster de reflectancia de superficie.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>Landsat 8/9 Level-2 scene</source>
      <translation>Escena Landsat 8/9 Nivel 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Which bands of the raster are SR_B1…SR_B7, in that order. Default: by band name, or bands 1-7 of a 7-band raster without Landsat band names. A product (MTL file, folder or .tar) needs none: QGIS cannot list a product's bands, and its 'Dependent bands could not be populated' then only says so; leave BANDS empty.</source>
      <translation>Qué bandas del ráster son SR_B1…SR_B7, en ese orden. Por defecto: por el nombre de banda, o las bandas 1-7 de un ráster de 7 bandas sin nombres de banda Landsat. Un producto (archivo MTL, carpeta o .tar) no lo necesita: QGIS no puede listar las bandas de un producto, y su 'Dependent bands could not be populated' solo lo dice; deje BANDS vacío.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Bands SR_B1…SR_B7</source>
      <translation>Bandas SR_B1…SR_B7</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <source>A catalogue name ({}) or a checkpoint file. Default: published-S once downloaded, else the demonstration model.</source>
      <translation>Un nombre del catálogo ({}) o un archivo de checkpoint. Por defecto: published-S una vez descargado, si no el modelo de demostración.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <location filename="../../moemae_qgis/dialog.py" line="236" />
      <source>Model</source>
      <translation>Modelo</translation>
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
      <translation>Un nombre del catálogo (eurosat10-cls, bigearthnet19-mean …) o un archivo de sonda. Por defecto: la sonda predeterminada del propio modelo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="289" />
      <source>Probe (the legend)</source>
      <translation>Sonda (la leyenda)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="290" />
      <location filename="../../moemae_qgis/click_to_map.py" line="321" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probes (*.json)</source>
      <translation>Sondas (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>A 40 × 40 px tile every STRIDE px: a smaller stride overlaps the tiles more and takes longer. The map's cells are one per 4 × 4 px token (120 m) or one per stride: see Map cells.</source>
      <translation>Una tesela de 40 × 40 px cada STRIDE px: un paso menor solapa más las teselas y tarda más. Las celdas del mapa son una por token de 4 × 4 px (120 m) o una por paso: vea Celdas del mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>Stride between tiles (px)</source>
      <translation>Paso entre teselas (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Default: read from the product's MTL, the product id, the raster's GDAL tags or the layer's temporal properties.</source>
      <translation>Por defecto: se lee del MTL del producto, del id del producto, de las etiquetas GDAL del ráster o de las propiedades temporales de la capa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Acquisition date (UTC)</source>
      <translation>Fecha de adquisición (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Give the model the acquisition date and each tile's latitude and longitude, as it was trained.</source>
      <translation>Da al modelo la fecha de adquisición y la latitud y longitud de cada tesela, como en su entrenamiento.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Use date and position</source>
      <translation>Usar fecha y posición</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="306" />
      <location filename="../../moemae_qgis/dialog.py" line="237" />
      <source>Device</source>
      <translation>Dispositivo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="309" />
      <source>auto picks CUDA, then Apple MPS, then the CPU.</source>
      <translation>auto elige CUDA, luego Apple MPS, luego la CPU.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Fewer tiles per batch need less memory.</source>
      <translation>Menos teselas por lote necesitan menos memoria.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Tiles per batch</source>
      <translation>Teselas por lote</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="319" />
      <source>Mask (QA_PIXEL flags)</source>
      <translation>Máscara (indicadores QA_PIXEL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="323" />
      <source>The QA_PIXEL flags that mask a pixel, when QA_PIXEL is at hand: a product, a band named QA_PIXEL, or the QA_PIXEL parameter. Masked pixels count as no data.</source>
      <translation>Los indicadores QA_PIXEL que enmascaran un píxel, cuando hay QA_PIXEL: un producto, una banda llamada QA_PIXEL o el parámetro QA_PIXEL. Los píxeles enmascarados cuentan como sin datos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>Only for a raster without its QA_PIXEL band: a product brings its own.</source>
      <translation>Solo para un ráster sin su banda QA_PIXEL: un producto trae la suya.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>QA_PIXEL of a stacked raster</source>
      <translation>QA_PIXEL de un ráster apilado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="328" />
      <source>Input values</source>
      <translation>Valores de entrada</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="332" />
      <source>auto: from the data type and values; dn: Level-2 digital numbers; reflectance: DN × 0.0000275 − 0.2, as floats.</source>
      <translation>auto: según el tipo de dato y los valores; dn: números digitales de Nivel 2; reflectance: DN × 0,0000275 − 0,2, como flotantes.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="341" />
      <location filename="../../moemae_qgis/dialog.py" line="239" />
      <source>Map cells</source>
      <translation>Celdas del mapa</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="345" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe on the mean of the tokens and a STRIDE that is a multiple of 4; pixel: one cell per 30 m pixel on the input's grid, the token map refined by each pixel's bands (same needs); tile: one cell per STRIDE; auto: token where the probe and STRIDE allow it, else tile.</source>
      <translation>token: una celda por token de 4 × 4 px (120 m), para una sonda sobre la media de los tokens y un STRIDE múltiplo de 4; pixel: una celda por píxel de 30 m en la cuadrícula de la entrada, el mapa de tokens refinado por las bandas de cada píxel (mismos requisitos); tile: una celda por STRIDE; auto: token donde la sonda y el STRIDE lo permiten, si no tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="351" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe or pooling on the mean of the tokens and a STRIDE that is a multiple of 4; tile: one cell per STRIDE; auto: token where the probe or pooling and STRIDE allow it, else tile.</source>
      <translation>token: una celda por token de 4 × 4 px (120 m), para una sonda o agregación sobre la media de los tokens y un STRIDE múltiplo de 4; tile: una celda por STRIDE; auto: token donde la sonda o la agregación y el STRIDE lo permiten, si no tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="380" />
      <source>Incorrect parameter value for {}</source>
      <translation>Valor de parámetro incorrecto para {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="394" />
      <source>{} is not a raster layer</source>
      <translation>{} no es una capa ráster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="396" />
      <source>{} is a {} layer; save it as a GeoTIFF first (the model reads files through GDAL)</source>
      <translation>{} es una capa {}; guárdela primero como GeoTIFF (el modelo lee archivos a través de GDAL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="409" />
      <source>GDAL cannot open {} as a raster ({}); check the path inside the archive</source>
      <translation>GDAL no puede abrir {} como ráster ({}); compruebe la ruta dentro del archivo comprimido</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="425" />
      <source>BANDS {!r} was not understood: QGIS wants the band numbers separated by ';', e.g. 1;2;3;4;5;6;7 (or leave BANDS empty for bands found by name)</source>
      <translation>No se entendió BANDS {!r}: QGIS espera los números de banda separados por ';', p. ej. 1;2;3;4;5;6;7 (o deje BANDS vacío para bandas halladas por nombre)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="501" />
      <source>ACQUISITION_DATE {!r} is not a date (use 2021-06-15, 2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)</source>
      <translation>ACQUISITION_DATE {!r} no es una fecha (use 2021-06-15, 2021-06-15T09:53:12 en UTC o 2021-06-15T11:53:12+02:00)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Map change between two dates</source>
      <translation>Mapear el cambio entre dos fechas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Change</source>
      <translation>Cambio</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="82" />
      <source>Where the ground changed between two dates of one place: a score per 120 m cell, white to red, and the changed cells.</source>
      <translation>Dónde cambió el terreno entre dos fechas de un mismo lugar: una puntuación por celda de 120 m, de blanco a rojo, y las celdas cambiadas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>A Landsat 8/9 Level-2 product (MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster, of the same place (path/row) as the other date. Its own date is read from it.</source>
      <translation>Un producto Landsat 8/9 de nivel 2 (archivo MTL, carpeta o .tar), una capa añadida con «Añadir producto Landsat» o un ráster de reflectancia de superficie, del mismo lugar (path/row) que la otra fecha. Su propia fecha se lee de él.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <source>Earlier date</source>
      <translation>Fecha anterior</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>Later date</source>
      <translation>Fecha posterior</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="94" />
      <source>Optional: a probe on the mean of the tokens (catalogue name or file) classifies both dates and adds a from → to band and a table of each transition's area in hectares.</source>
      <translation>Opcional: una sonda sobre la media de los tokens (nombre del catálogo o archivo) clasifica ambas fechas y añade una banda de → a y una tabla con la superficie de cada transición en hectáreas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Cells scoring above it are changed. Empty: Otsu's rule on the scores (the cut that best splits their histogram in two), never below their median + 3 robust standard deviations, stated in the log.</source>
      <translation>Las celdas con una puntuación superior se consideran cambiadas. Vacío: la regla de Otsu sobre las puntuaciones (el corte que mejor divide su histograma en dos), nunca por debajo de su mediana + 3 desviaciones típicas robustas, indicada en el registro.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Change threshold (empty: Otsu)</source>
      <translation>Umbral de cambio (vacío: Otsu)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="103" />
      <source>Change score</source>
      <translation>Puntuación de cambio</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="105" />
      <source>Changed cells</source>
      <translation>Celdas cambiadas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="106" />
      <source>With a probe: each from → to transition's area in hectares (an HTML page beside it).</source>
      <translation>Con una sonda: la superficie de cada transición de → a en hectáreas (con una página HTML al lado).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>Transition table</source>
      <translation>Tabla de transiciones</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>CSV files (*.csv)</source>
      <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Check environment</source>
      <translation>Comprobar el entorno</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Set-up</source>
      <translation>Configuración</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="12" />
      <source>Which Python packages and devices MoE-MAE finds in this QGIS.</source>
      <translation>Qué paquetes de Python y dispositivos encuentra MoE-MAE en este QGIS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="16" />
      <source>Report</source>
      <translation>Informe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="17" />
      <source>All required packages present</source>
      <translation>Todos los paquetes necesarios presentes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="25" />
      <source>{} is missing: {}</source>
      <translation>Falta {}: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <source>Classify land cover</source>
      <translation>Clasificar la cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <location filename="../../moemae_qgis/algorithms/classify.py" line="41" />
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="121" />
      <source>Land cover</source>
      <translation>Cobertura del suelo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="32" />
      <source>A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the probe's classes.</source>
      <translation>Un mapa de cobertura del suelo de una escena Landsat 8/9 Nivel 2, con las nubes enmascaradas, con el estilo de las clases de la sonda.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="42" />
      <source>Each class's probability per cell, one band per class.</source>
      <translation>La probabilidad de cada clase por celda, una banda por clase.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="43" />
      <source>Class probabilities</source>
      <translation>Probabilidades de las clases</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>Further scenes (layers, or products as their MTL file, folder or .tar) mapped with INPUT into one mosaic on INPUT's grid; each scene's date is its own.</source>
      <translation>Otras escenas (capas, o productos como su archivo MTL, carpeta o .tar) mapeadas con INPUT en un único mosaico sobre la malla de INPUT; cada escena conserva su propia fecha.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>More scenes (one mosaic)</source>
      <translation>Más escenas (un mosaico)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="52" />
      <source>Where scenes overlap</source>
      <translation>Donde las escenas se solapan</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="56" />
      <source>best: the scene with the most valid, unmasked pixels under the cell; latest: the scene acquired last; mean: the mean of the class probabilities.</source>
      <translation>best: la escena con más píxeles válidos y no enmascarados en la celda; latest: la escena adquirida la última; mean: la media de las probabilidades de las clases.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Where each scene's map is kept, so that a run again maps only what is missing. Default: beside the output.</source>
      <translation>Donde se guarda el mapa de cada escena, para que una nueva ejecución solo mapee lo que falta. Por defecto: junto a la salida.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Work folder (resumable mosaics)</source>
      <translation>Carpeta de trabajo (mosaicos a reanudar)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="80" />
      <source>Class probabilities are written for one scene; leave them out for a mosaic</source>
      <translation>Las probabilidades de las clases se escriben para una sola escena; déjelas fuera en un mosaico</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="109" />
      <source>{} in More scenes is neither a raster layer nor a Landsat product</source>
      <translation>{} en Más escenas no es ni una capa ráster ni un producto Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="117" />
      <source>Acquisition date gives one date, but there are several scenes: each scene's date is read from its MTL, name, tags or temporal properties</source>
      <translation>La fecha de adquisición da una sola fecha, pero hay varias escenas: la fecha de cada escena se lee de su MTL, nombre, etiquetas o propiedades temporales</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="15" />
      <source>Cluster the scene</source>
      <translation>Agrupar la escena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="16" />
      <source>The scene split into K kinds of place by k-means on its embeddings, no labels.</source>
      <translation>La escena dividida en K tipos de lugar mediante k-means sobre sus embeddings, sin etiquetas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <source>How many kinds of place to split the scene into.</source>
      <translation>En cuántos tipos de lugar dividir la escena.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="29" />
      <source>Clusters</source>
      <translation>Clústeres</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <source>The same seed gives the same map.</source>
      <translation>La misma semilla da el mismo mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>Random seed</source>
      <translation>Semilla aleatoria</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="30" />
      <source>The embeddings' first three principal components as red, green and blue, to look at.</source>
      <translation>Las tres primeras componentes principales de los embeddings como rojo, verde y azul, para visualizarlas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="31" />
      <source>PCA rendering (RGB)</source>
      <translation>Visualización PCA (RGB)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="11" />
      <source>Embed (embedding raster)</source>
      <translation>Embed (ráster de embeddings)</translation>
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
      <translation>Un ráster float32 de los embeddings del codificador, para agrupamiento y búsqueda por similitud.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="18" />
      <source>Pooling of the 105 tokens</source>
      <translation>Agregación de los 105 tokens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="22" />
      <source>How a tile's 105 tokens become one embedding: mean of all, patch-mean of the 100 patch tokens, or cls, the CLS token.</source>
      <translation>Cómo los 105 tokens de una tesela se convierten en un embedding: mean, la media de todos; patch-mean, la media de los 100 tokens de parche; o cls, el token CLS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <location filename="../../moemae_qgis/product_layer.py" line="43" />
      <source>Add Landsat product</source>
      <translation>Añadir producto Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <source>Landsat</source>
      <translation>Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="74" />
      <source>A USGS Landsat 8/9 Level-2 product as downloaded, as one natural-colour layer.</source>
      <translation>Un producto Landsat 8/9 Nivel 2 del USGS tal como se descargó, como una capa en color natural.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Its MTL file (_MTL.txt, .xml or .json), its .tar, or any band file of its unpacked folder.</source>
      <translation>Su archivo MTL (_MTL.txt, .xml o .json), su .tar o cualquier archivo de banda de su carpeta descomprimida.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Landsat 8/9 Level-2 product</source>
      <translation>Producto Landsat 8/9 Nivel 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="79" />
      <source>Landsat product (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;All files (*)</source>
      <translation>Producto Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Where the VRT goes. Default: the plugin's folder of products, so that a saved project still finds it.</source>
      <translation>Dónde se guarda el VRT. Por defecto: la carpeta de productos del complemento, para que un proyecto guardado lo siga encontrando.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Virtual raster (VRT)</source>
      <translation>Ráster virtual (VRT)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="82" />
      <source>GDAL virtual raster (*.vrt)</source>
      <translation>Ráster virtual GDAL (*.vrt)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="86" />
      <source>Product id</source>
      <translation>Id del producto</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="87" />
      <source>Acquisition (UTC)</source>
      <translation>Adquisición (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="100" />
      <source>{}: SR_B1…SR_B7{} stacked in {}</source>
      <translation>{}: SR_B1…SR_B7{} apiladas en {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="101" />
      <source> and QA_PIXEL</source>
      <translation> y QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="103" />
      <source>{} has no QA_PIXEL file: clouds cannot be masked</source>
      <translation>{} no tiene archivo QA_PIXEL: las nubes no se pueden enmascarar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="105" />
      <source>Acquisition: {}</source>
      <translation>Adquisición: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="35" />
      <source>Sample points are written to a GeoPackage file, to be labelled and kept: give OUTPUT a file name ending in .gpkg (or Save to GeoPackage…), not a temporary layer</source>
      <translation>Los puntos de muestra se escriben en un archivo GeoPackage, para etiquetarlos y conservarlos: dé a OUTPUT un nombre de archivo terminado en .gpkg (o Guardar en GeoPackage…), no una capa temporal</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="44" />
      <source>Draw an accuracy sample</source>
      <translation>Extraer una muestra para evaluar la exactitud</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="46" />
      <source>Points at random in each class of a land-cover map, for you to label.</source>
      <translation>Puntos al azar en cada clase de un mapa de cobertura del suelo, para que usted los etiquete.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>A class raster, e.g. from 'Classify land cover': its classes are the strata.</source>
      <translation>Un ráster de clases, p. ej. de 'Clasificar la cobertura del suelo': sus clases son los estratos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>How many points, shared out in proportion to each class's mapped area. Default: {}, or Cochran's size when a target standard error is given.</source>
      <translation>Cuántos puntos, repartidos en proporción al área cartografiada de cada clase. Por defecto: {}, o el tamaño de Cochran cuando se indica un error estándar objetivo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>Points in all</source>
      <translation>Puntos en total</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Rare classes get at least this many points (all their pixels if they have fewer).</source>
      <translation>Las clases raras reciben al menos este número de puntos (todos sus píxeles si tienen menos).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Points per class at least</source>
      <translation>Puntos por clase, como mínimo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Instead of a size: the standard error of the overall accuracy to reach (e.g. 0.01); the size comes from Cochran's formula (Olofsson et al. 2014, eq. 13).</source>
      <translation>En lugar de un tamaño: el error estándar de la exactitud global que se quiere alcanzar (p. ej. 0,01); el tamaño sale de la fórmula de Cochran (Olofsson et al. 2014, ec. 13).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Target SE of overall accuracy</source>
      <translation>Error estándar objetivo de la exactitud global</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>With a target standard error: the user's accuracy you expect, one for every class (0.8) and/or per class (Water=0.95), separated by ';'.</source>
      <translation>Con un error estándar objetivo: la exactitud del usuario que espera, una para todas las clases (0.8) y/o por clase (Water=0.95), separadas por ';'.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>Expected user's accuracies</source>
      <translation>Exactitudes del usuario esperadas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>The same seed gives the same points.</source>
      <translation>La misma semilla da los mismos puntos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="74" />
      <source>Sample points</source>
      <translation>Puntos de la muestra</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="80" />
      <source>INPUT is not a raster layer</source>
      <translation>INPUT no es una capa ráster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="64" />
      <source>{} '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>{} '{}' no está guardada en un archivo; guárdela (GeoPackage, Shapefile, GeoJSON) y vuelva a ejecutar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="79" />
      <source>A Landsat 8/9 Level-2 scene (embedded once per model and settings, then kept in the embedding cache), or an embedding raster written by 'Embed', read as it is.</source>
      <translation>Una escena Landsat 8/9 Nivel 2 (con embeddings calculados una vez por modelo y configuración, y luego conservados en la caché de embeddings) o un ráster de embeddings escrito por 'Embed', leído tal cual.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="87" />
      <source>{} is an embedding raster: read as it is</source>
      <translation>{} es un ráster de embeddings: se lee tal cual</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="94" />
      <source>Find similar places</source>
      <translation>Buscar lugares similares</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="95" />
      <source>How much each cell looks like the places you point at: 0 to 1 on the map.</source>
      <translation>Cuánto se parece cada celda a los lugares que usted señala: de 0 a 1 en el mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>A point layer saved in a file, in any CRS: the kind of place to find.</source>
      <translation>Una capa de puntos guardada en un archivo, en cualquier SRC: el tipo de lugar que se busca.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>Points of places to find</source>
      <translation>Puntos de los lugares que se buscan</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Places that look alike but are not wanted: the score becomes (cos to the points − cos to these) / 2.</source>
      <translation>Lugares parecidos pero no deseados: la puntuación pasa a ser (cos con los puntos − cos con estos) / 2.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Points of unwanted places</source>
      <translation>Puntos de los lugares no deseados</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="107" />
      <source>Similarity</source>
      <translation>Similitud</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="112" />
      <source>POINTS must be a point layer</source>
      <translation>POINTS debe ser una capa de puntos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="69" />
      <source>feature {} (class '{}'), field '{}': {}</source>
      <translation>entidad {} (clase '{}'), campo '{}': {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="72" />
      <source>feature {} gives the class '{}' the colour {}, another feature gave it {}: give each class one colour in '{}'</source>
      <translation>la entidad {} da a la clase '{}' el color {}, otra entidad le dio {}: dé a cada clase un solo color en '{}'</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="120" />
      <source>Train a probe from training areas</source>
      <translation>Entrenar una sonda con áreas de entrenamiento</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="122" />
      <source>A probe of your own classes, from points or polygons drawn on a scene.</source>
      <translation>Una sonda de sus propias clases, a partir de puntos o polígonos dibujados sobre una escena.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="123" />
      <source>Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every point, and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px tile labelled with CLASS_FIELD (features whose class is NULL or empty are left out, and counted). SPACING defaults to 4 px, one sample per 120 m token, the cell of a map at token resolution, so that a polygon of a few hundred metres gives dozens of samples; a polygon smaller than SPACING still gives one, at a point inside it. COLOUR_FIELD (optional) gives a class its colour, written #1f78b4 or 31,120,180; other classes get colours from their names (water, river, lake: blues; forest, tree: greens; urban, town, built: reds and greys; crop, field, arable: yellows; …), else distinct ones. Logs the tiles per class and the cross-validated accuracy with its 95 % interval, warns when the samples are too few for that figure to mean much (fewer than 100), and refuses when a class has fewer than 3. Beyond 20,000 positions an even share of each class is used. Use the probe file with 'Classify land cover'.</source>
      <translation>Ajusta una sonda lineal de sus propias clases sobre los embeddings congelados de MoE-MAE de una escena: cada punto, y cada SPACING px dentro de cada polígono, de la capa TRAINING se convierte en una tesela de 40 × 40 px etiquetada con CLASS_FIELD (las entidades cuya clase es NULL o vacía se dejan fuera, y se cuentan). SPACING vale por defecto 4 px, una muestra por token de 120 m, la celda de un mapa a resolución de token, de modo que un polígono de unos cientos de metros da decenas de muestras; un polígono menor que SPACING aún da una, en un punto dentro de él. COLOUR_FIELD (opcional) da a una clase su color, escrito #1f78b4 o 31,120,180; las demás clases reciben colores según sus nombres (water, river, lake: azules; forest, tree: verdes; urban, town, built: rojos y grises; crop, field, arable: amarillos; …), si no colores distintos. Registra las teselas por clase y la exactitud por validación cruzada con su intervalo del 95 %, avisa cuando las muestras son demasiado pocas para que esa cifra signifique mucho (menos de 100) y se niega cuando una clase tiene menos de 3. Por encima de 20.000 posiciones se usa una parte igual de cada clase. Use el archivo de la sonda con 'Clasificar la cobertura del suelo'.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="144" />
      <location filename="../../moemae_qgis/model_picker.py" line="183" />
      <source>Probe</source>
      <translation>Sonda</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="145" />
      <source>Probe (*.json)</source>
      <translation>Sonda (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="149" />
      <source>Points or polygons of your classes: each point, and every Spacing px inside each polygon, is a sample.</source>
      <translation>Puntos o polígonos de sus clases: cada punto, y cada Espaciado px dentro de cada polígono, es una muestra.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="150" />
      <source>Training areas</source>
      <translation>Áreas de entrenamiento</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>The field that names each feature's class; NULL or empty features are left out.</source>
      <translation>El campo que nombra la clase de cada entidad; las entidades NULL o vacías se dejan fuera.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>Class field</source>
      <translation>Campo de clase</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>A colour per class, #1f78b4 or 31,120,180. Default: from the class names (water blue, forest green, town red or grey, crops yellow), else a distinct palette.</source>
      <translation>Un color por clase, #1f78b4 o 31,120,180. Por defecto: según los nombres de las clases (agua azul, bosque verde, ciudad roja o gris, cultivos amarillos), si no una paleta distinta.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>Colour field</source>
      <translation>Campo de color</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="161" />
      <source>A sample every Spacing px inside each polygon; 4 px is one per 120 m token. A polygon smaller than that still gives one sample, at a point inside it.</source>
      <translation>Una muestra cada Espaciado px dentro de cada polígono; 4 px es una por token de 120 m. Un polígono menor que eso aún da una muestra, en un punto dentro de él.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="162" />
      <source>Sample spacing (px)</source>
      <translation>Espaciado de las muestras (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="170" />
      <source>Sample features</source>
      <translation>Muestrear las entidades</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="174" />
      <source>token: the 120 m token under each sample, for maps of 120 m cells; tile: the whole 1.2 km tile, for maps of a cell per stride; auto: token.</source>
      <translation>token: el token de 120 m bajo cada muestra, para mapas de celdas de 120 m; tile: la tesela entera de 1,2 km, para mapas de una celda por paso; auto: token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="182" />
      <source>TRAINING is not a point or polygon layer</source>
      <translation>TRAINING no es una capa de puntos o polígonos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="188" />
      <source>Cancelled: no probe was written.</source>
      <translation>Cancelado: no se escribió ninguna sonda.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="200" />
      <source>Cross-validated error matrix and F1 per class: {}</source>
      <translation>Matriz de error por validación cruzada y F1 por clase: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="206" />
      <source>  {}: {} tiles</source>
      <translation>  {}: {} teselas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="208" />
      <source>  {} positions skipped: more than half fill or no data</source>
      <translation>  {} posiciones omitidas: más de la mitad relleno o sin datos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="213" />
      <source>Cross-validated accuracy ({}-fold): {:.3f} (95 % interval {:.2f}-{:.2f}, {} samples)</source>
      <translation>Exactitud por validación cruzada ({} pliegues): {:.3f} (intervalo del 95 % {:.2f}-{:.2f}, {} muestras)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="246" />
      <source>the training layer has no features: draw points or polygons of at least 2 classes</source>
      <translation>la capa de entrenamiento no tiene entidades: dibuje puntos o polígonos de al menos 2 clases</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="250" />
      <source>none of the {} training features lies on the raster: the layer ({}) and the raster ({}) do not overlap. Are the features in the right place, and is each layer's CRS right?</source>
      <translation>ninguna de las {} entidades de entrenamiento está sobre el ráster: la capa ({}) y el ráster ({}) no se solapan. ¿Están las entidades en su sitio, y es correcto el SRC de cada capa?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="256" />
      <source>{} sample positions of {} classes</source>
      <translation>{} posiciones de muestra de {} clases</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="258" />
      <source>{} kept, an even share of each class: more would add time and memory, not accuracy</source>
      <translation>{} conservadas, una parte igual de cada clase: más añadiría tiempo y memoria, no exactitud</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="268" />
      <source>the training layer holds {}, not points or polygons: a sample is a point, or a place inside a polygon; draw polygons (or buffer the lines: Vector &gt; Geoprocessing Tools &gt; Buffer)</source>
      <translation>la capa de entrenamiento contiene {}, no puntos ni polígonos: una muestra es un punto o un lugar dentro de un polígono; dibuje polígonos (o haga un buffer de las líneas: Vectorial &gt; Herramientas de geoproceso &gt; Buffer)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="273" />
      <source>the training layer has no CRS, so its features cannot be placed on the raster: assign it one (Layer Properties &gt; Source &gt; Assigned Coordinate Reference System)</source>
      <translation>la capa de entrenamiento no tiene SRC, así que sus entidades no se pueden situar sobre el ráster: asígnele uno (Propiedades de la capa &gt; Fuente &gt; SRC asignado)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="279" />
      <source>{} '{}' is not a field of the training layer; its fields are: {}</source>
      <translation>{} '{}' no es un campo de la capa de entrenamiento; sus campos son: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="285" />
      <source>{} of {} features have no class ('{}' is NULL or empty) and were left out</source>
      <translation>{} de {} entidades no tienen clase ('{}' es NULL o vacío) y se dejaron fuera</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="289" />
      <source>{} of {} features lie outside the raster and were left out</source>
      <translation>{} de {} entidades están fuera del ráster y se dejaron fuera</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="296" />
      <source>the field '{}' holds {} class(es) on the raster; a probe needs at least 2</source>
      <translation>el campo '{}' contiene {} clase(s) sobre el ráster; una sonda necesita al menos 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="299" />
      <source>the field '{}' holds {} classes on the raster; a map holds at most {} (UInt8, 255 is nodata): merge some classes</source>
      <translation>el campo '{}' contiene {} clases sobre el ráster; un mapa contiene como máximo {} (UInt8, 255 es sin datos): fusione algunas clases</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="56" />
      <source>MoE-MAE: embedding {}</source>
      <translation>MoE-MAE: calculando los embeddings de {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="91" />
      <source>MoE-MAE click to map</source>
      <translation>Clic para mapear MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="107" />
      <source>Prepare</source>
      <translation>Preparar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="110" />
      <location filename="../../moemae_qgis/dialog.py" line="205" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="114" />
      <source>Choose a Landsat scene and press Prepare: it is embedded once, then kept.</source>
      <translation>Elija una escena Landsat y pulse Preparar: sus embeddings se calculan una vez y luego se conservan.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="119" />
      <source>Click on the map</source>
      <translation>Hacer clic en el mapa</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="123" />
      <source>Scene</source>
      <translation>Escena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="136" />
      <source>class name, e.g. water</source>
      <translation>nombre de la clase, p. ej. agua</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="137" />
      <source>Add class</source>
      <translation>Añadir clase</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Preview</source>
      <translation>Vista previa</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Save probe…</source>
      <translation>Guardar sonda…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="147" />
      <source>Clear clicks</source>
      <translation>Borrar clics</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="160" />
      <source>Click places to find; shift-click places that are not wanted.</source>
      <translation>Haga clic en los lugares que busca; Mayús+clic en los lugares no deseados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="161" />
      <source>Name classes, pick one in the list and click cells of it; then Preview.</source>
      <translation>Ponga nombre a las clases, elija una en la lista y haga clic en celdas de ella; luego, Vista previa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="170" />
      <source>Choose a Landsat scene saved in a file (a product added with 'Add Landsat product', or a raster).</source>
      <translation>Elija una escena Landsat guardada en un archivo (un producto añadido con 'Añadir producto Landsat' o un ráster).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="178" />
      <source>Embedding {} (once per model; then read from the cache)…</source>
      <translation>Calculando los embeddings de {} (una vez por modelo; luego se leen de la caché)…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="190" />
      <source>Not prepared: {}</source>
      <translation>No preparado: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="191" />
      <source>Cancelled: nothing was kept.</source>
      <translation>Cancelado: no se conservó nada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="195" />
      <source>Ready: {} × {} cells of 120 m. {}</source>
      <translation>Listo: {} × {} celdas de 120 m. {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Click on the map.</source>
      <translation>Haga clic en el mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Add classes, then click.</source>
      <translation>Añada clases y luego haga clic.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="242" />
      <location filename="../../moemae_qgis/click_to_map.py" line="301" />
      <source>Press Prepare first: the scene's embeddings are needed.</source>
      <translation>Pulse primero Preparar: se necesitan los embeddings de la escena.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="258" />
      <location filename="../../moemae_qgis/click_to_map.py" line="309" />
      <source>The map shows no part of the scene: pan to it.</source>
      <translation>El mapa no muestra ninguna parte de la escena: desplace el mapa hasta ella.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="260" />
      <source>{} places to find, {} not wanted: the similarity of the visible map, 0 to 1.</source>
      <translation>{} lugares que se buscan, {} no deseados: la similitud del mapa visible, de 0 a 1.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="291" />
      <source>Add a class and pick it in the list before clicking.</source>
      <translation>Añada una clase y elíjala en la lista antes de hacer clic.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="317" />
      <source>Press Preview first: the probe is fitted there.</source>
      <translation>Pulse primero Vista previa: ahí se ajusta la sonda.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="320" />
      <source>Save probe</source>
      <translation>Guardar sonda</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="327" />
      <source>Saved {}: give it to 'Classify land cover' as its PROBE.</source>
      <translation>{} guardado: páselo a 'Clasificar la cobertura del suelo' como PROBE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="344" />
      <source>{} clicks: too few to cross-validate.</source>
      <translation>{} clics: demasiado pocos para la validación cruzada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="345" />
      <source>Cross-validated accuracy {:.0%} ({}-fold, {} clicks){}</source>
      <translation>Exactitud por validación cruzada {:.0%} ({} pliegues, {} clics){}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="347" />
      <source>; {} clicks off the scene or on no data were left out</source>
      <translation>; {} clics fuera de la escena o sin datos se dejaron fuera</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="102" />
      <source>MoE-MAE land cover</source>
      <translation>Cobertura del suelo MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="125" />
      <location filename="../../moemae_qgis/plugin.py" line="102" />
      <source>Add Landsat product…</source>
      <translation>Añadir producto Landsat…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="127" />
      <source>A Landsat 8/9 Level-2 product as downloaded from USGS: its MTL file, its .tar, or any band file of its folder</source>
      <translation>Un producto Landsat 8/9 Nivel 2 tal como se descargó del USGS: su archivo MTL, su .tar o cualquier archivo de banda de su carpeta</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="131" />
      <source>Mask clouds and their shadows</source>
      <translation>Enmascarar las nubes y sus sombras</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="132" />
      <source>Pixels QA_PIXEL flags as cloud, dilated cloud or cloud shadow count as no data: a tile more than half masked gets no prediction</source>
      <translation>Los píxeles que QA_PIXEL marca como nube, nube dilatada o sombra de nube cuentan como sin datos: una tesela enmascarada en más de la mitad no recibe predicción</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="139" />
      <source>Set the bands myself:</source>
      <translation>Indicar yo las bandas:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="145" />
      <source>The band numbers of SR_B1…SR_B7 in this raster, in that order: 7 numbers</source>
      <translation>Los números de banda de SR_B1…SR_B7 en este ráster, en ese orden: 7 números</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="151" />
      <source>Set the acquisition date (UTC) myself:</source>
      <translation>Indicar yo la fecha de adquisición (UTC):</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="185" />
      <source>auto: one per token (120 m) where the probe and stride allow it</source>
      <translation>auto: una por token (120 m) donde la sonda y el paso lo permiten</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="186" />
      <source>one per token: 4 × 4 px, 120 m (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>una por token: 4 × 4 px, 120 m (sondas sobre la media de los tokens; paso múltiplo de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="188" />
      <source>one per tile step (the stride)</source>
      <translation>una por paso de tesela (el paso)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="189" />
      <source>one per pixel: 30 m, the 120 m tokens refined by each pixel's bands (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>una por píxel: 30 m, los tokens de 120 m refinados por las bandas de cada píxel (sondas sobre la media de los tokens; paso múltiplo de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="194" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="196" />
      <source>empty: a temporary file</source>
      <translation>vacío: un archivo temporal</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="203" />
      <source>Run</source>
      <translation>Ejecutar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="215" />
      <location filename="../../moemae_qgis/dialog.py" line="599" />
      <source>Log</source>
      <translation>Registro</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="229" />
      <source>Landsat layer</source>
      <translation>Capa Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="230" />
      <source>Bands</source>
      <translation>Bandas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="232" />
      <source>Acquisition</source>
      <translation>Adquisición</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="234" />
      <source>Clouds</source>
      <translation>Nubes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="238" />
      <source>Stride</source>
      <translation>Paso</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="241" />
      <source>Output</source>
      <translation>Salida</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="242" />
      <source>Advanced</source>
      <translation>Avanzado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="245" />
      <source>Mirror</source>
      <translation>Réplica</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="286" />
      <source>Add a Landsat 8/9 Level-2 product (Add Landsat product…) or a surface-reflectance raster to the project.</source>
      <translation>Añada al proyecto un producto Landsat 8/9 Nivel 2 (Añadir producto Landsat…) o un ráster de reflectancia de superficie.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="300" />
      <source>Cannot open this layer with GDAL: {}</source>
      <translation>No se puede abrir esta capa con GDAL: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="339" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7 (not {!r}).</source>
      <translation>Indique las bandas como 7 números enteros, p. ej. 1 2 3 4 5 6 7 (no {!r}).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="343" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7.</source>
      <translation>Indique las bandas como 7 números enteros, p. ej. 1 2 3 4 5 6 7.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="348" />
      <source>Set the bands yourself below.</source>
      <translation>Indique usted las bandas abajo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="349" />
      <source>Cannot tell the bands: {}.</source>
      <translation>No se pueden identificar las bandas: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="370" />
      <source>Clouds cannot be masked: {}.</source>
      <translation>Las nubes no se pueden enmascarar: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="375" />
      <source>{} masks {}.</source>
      <translation>{} enmascara {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="379" />
      <source>The product {} has no QA_PIXEL file: clouds and their shadows will not be masked and will get land-cover classes. Download the product with its QA_PIXEL band to mask them.</source>
      <translation>El producto {} no tiene archivo QA_PIXEL: las nubes y sus sombras no se enmascararán y recibirán clases de cobertura del suelo. Descargue el producto con su banda QA_PIXEL para enmascararlas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="383" />
      <source>No QA_PIXEL in this layer: clouds and their shadows will get land-cover classes. Add the Landsat product as downloaded, with its QA_PIXEL band (Add Landsat product…), to mask them.</source>
      <translation>No hay QA_PIXEL en esta capa: las nubes y sus sombras recibirán clases de cobertura del suelo. Añada el producto Landsat tal como se descargó, con su banda QA_PIXEL (Añadir producto Landsat…), para enmascararlas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="403" />
      <source>Cells of {} px ({} m)</source>
      <translation>Celdas de {} px ({} m)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="407" />
      <source>Cells of 1 px (30 m): the input's own grid.</source>
      <translation>Celdas de 1 px (30 m): la propia cuadrícula de la entrada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="409" />
      <source>Cells of 4 px (120 m), one per token.</source>
      <translation>Celdas de 4 px (120 m), una por token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="411" />
      <source>{}: {}.</source>
      <translation>{}: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="413" />
      <source>The run will be refused: {}.</source>
      <translation>La ejecución se rechazará: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="435" />
      <location filename="../../moemae_qgis/plugin.py" line="274" />
      <source>Cannot add the product: {}</source>
      <translation>No se puede añadir el producto: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="438" />
      <source>Added {}.</source>
      <translation>Se añadió {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="501" />
      <source>Running…</source>
      <translation>Ejecutando…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="508" />
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="519" />
      <source>Land cover ({})</source>
      <translation>Cobertura del suelo ({})</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="527" />
      <source>Done, but the probe's classes could not be read for the legend: {}</source>
      <translation>Hecho, pero no se pudieron leer las clases de la sonda para la leyenda: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="530" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="531" />
      <source>Done: {}</source>
      <translation>Hecho: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="540" />
      <source>Cancelled: no layer was added and no file was left.</source>
      <translation>Cancelado: no se añadió ninguna capa ni quedó ningún archivo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="546" />
      <source>see the Processing log</source>
      <translation>vea el registro de Procesos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="547" />
      <source>Failed: {}</source>
      <translation>Falló: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="550" />
      <source>The run's log:</source>
      <translation>El registro de la ejecución:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>1 error</source>
      <translation>1 error</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>{} errors</source>
      <translation>{} errores</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>1 warning</source>
      <translation>1 aviso</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="598" />
      <source>{} warnings</source>
      <translation>{} avisos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="612" />
      <source>The remembered {} {!r} is not usable; using {!r}</source>
      <translation>El {} recordado {!r} no se puede usar; se usa {!r}</translation>
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
      <translation>auto (CPU: no se encontró GPU)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="24" />
      <source>The Processing provider of MoE-MAE is not loaded: re-enable or reinstall the plugin.</source>
      <translation>El proveedor de Procesos de MoE-MAE no está cargado: vuelva a activar o reinstale el complemento.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="34" />
      <source>The check failed: {}</source>
      <translation>La comprobación falló: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="44" />
      <source>MoE-MAE: environment</source>
      <translation>MoE-MAE: entorno</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="47" />
      <source>Everything MoE-MAE needs is installed.</source>
      <translation>Todo lo que MoE-MAE necesita está instalado.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="48" />
      <source>Some Python packages MoE-MAE needs are missing: use Install missing Python packages… in the plugin's menu.</source>
      <translation>Faltan paquetes de Python que MoE-MAE necesita: use Instalar paquetes de Python que faltan… en el menú del complemento.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="58" />
      <source>Copy report</source>
      <translation>Copiar informe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="71" />
      <source>Copied</source>
      <translation>Copiado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/message_bar.py" line="25" />
      <source>Details…</source>
      <translation>Detalles…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="71" />
      <source>the mirror URL box under the model list</source>
      <translation>el cuadro de URL del espejo bajo la lista de modelos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="156" />
      <source>; what arrived is kept: free some space and Download… again</source>
      <translation>; lo recibido se conserva: libere espacio y use Descargar… de nuevo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="159" />
      <source>Cancelled: what arrived is kept; Download… resumes from there.</source>
      <translation>Cancelado: lo recibido se conserva; Descargar… continúa desde ahí.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="206" />
      <source>the connection was cut {} times; Download… again resumes where it stopped</source>
      <translation>la conexión se cortó {} veces; Descargar… de nuevo continúa donde se detuvo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="214" />
      <source>cannot find the server of {} ({}): is the network up, and the address right?</source>
      <translation>no se encuentra el servidor de {} ({}): ¿funciona la red y es correcta la dirección?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="217" />
      <source>the server refused the connection ({}): is the address right, or is a proxy needed (QGIS Settings › Options › Network)?</source>
      <translation>el servidor rechazó la conexión ({}): ¿es correcta la dirección, o hace falta un proxy (QGIS Configuración › Opciones › Red)?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="222" />
      <source>the proxy refused ({}): check QGIS Settings › Options › Network</source>
      <translation>el proxy rechazó la conexión ({}): compruebe QGIS Configuración › Opciones › Red</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="223" />
      <source>the download failed: {}</source>
      <translation>la descarga falló: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="44" />
      <location filename="../../moemae_qgis/model_picker.py" line="45" />
      <source>Browse…</source>
      <translation>Examinar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="46" />
      <location filename="../../moemae_qgis/model_picker.py" line="140" />
      <source>Download…</source>
      <translation>Descargar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="49" />
      <source>download from a mirror: its URL (empty: the catalogue's)</source>
      <translation>descargar de una réplica: su URL (vacío: la del catálogo)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="80" />
      <source>Probe (legend)</source>
      <translation>Sonda (leyenda)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="93" />
      <location filename="../../moemae_qgis/model_picker.py" line="119" />
      <source>{} (yours)</source>
      <translation>{} (suyo)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="100" />
      <source>{}: a demonstration, expect rough maps</source>
      <translation>{}: una demostración, espere mapas toscos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="102" />
      <source>{}: not downloaded, about {:g} MB</source>
      <translation>{}: no descargado, unos {:g} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="143" />
      <source>Warning: {}.</source>
      <translation>Aviso: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="177" />
      <source>Model checkpoint</source>
      <translation>Checkpoint del modelo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="196" />
      <source>Downloading {}…</source>
      <translation>Descargando {}…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="207" />
      <source>Downloading {}: {:.1f} of {:.1f} MB</source>
      <translation>Descargando {}: {:.1f} de {:.1f} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="217" />
      <source>Downloaded {}{}: {}</source>
      <translation>Descargado {}{}: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="218" />
      <source>Download failed: {}</source>
      <translation>La descarga falló: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="35" />
      <source>MoE-MAE: working out what to download</source>
      <translation>MoE-MAE: calculando qué descargar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="36" />
      <source>MoE-MAE: installing PyTorch, scikit-learn and platformdirs</source>
      <translation>MoE-MAE: instalando PyTorch, scikit-learn y platformdirs</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="98" />
      <source>MoE-MAE land cover…</source>
      <translation>Cobertura del suelo MoE-MAE…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="100" />
      <source>Classify a Landsat 8/9 layer into land cover with MoE-MAE</source>
      <translation>Clasificar una capa Landsat 8/9 en cobertura del suelo con MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="104" />
      <source>Add a Landsat 8/9 Level-2 product as downloaded from USGS (its MTL file, .tar or folder) as one natural-colour layer</source>
      <translation>Añadir un producto Landsat 8/9 Nivel 2 tal como se descargó del USGS (su archivo MTL, .tar o carpeta) como una capa en color natural</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="107" />
      <source>Check environment…</source>
      <translation>Comprobar el entorno…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="110" />
      <source>Click to map…</source>
      <translation>Clic para mapear…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="112" />
      <source>Find similar places and map your own classes by clicking on a scene</source>
      <translation>Buscar lugares similares y mapear sus propias clases haciendo clic sobre una escena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="114" />
      <source>Install missing Python packages…</source>
      <translation>Instalar paquetes de Python que faltan…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="119" />
      <location filename="../../moemae_qgis/plugin.py" line="141" />
      <source>&amp;MoE-MAE land cover</source>
      <translation>&amp;Cobertura del suelo MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="164" />
      <source>Install…</source>
      <translation>Instalar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="174" />
      <source>The installation is already running; see the task manager.</source>
      <translation>La instalación ya está en curso; vea el administrador de tareas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="179" />
      <source>All required Python packages are installed.</source>
      <translation>Todos los paquetes de Python necesarios están instalados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="185" />
      <location filename="../../moemae_qgis/plugin.py" line="201" />
      <source>MoE-MAE: cannot install Python packages</source>
      <translation>MoE-MAE: no se pueden instalar paquetes de Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="192" />
      <source>Asking pip what it would download…</source>
      <translation>Preguntando a pip qué descargaría…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="202" />
      <location filename="../../moemae_qgis/plugin.py" line="240" />
      <source>To install them by hand:</source>
      <translation>Para instalarlos a mano:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="205" />
      <source>MoE-MAE: install Python packages</source>
      <translation>MoE-MAE: instalar paquetes de Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="212" />
      <source>Installing in the background; progress is in the task manager and the MoE-MAE log.</source>
      <translation>Instalando en segundo plano; el progreso está en el administrador de tareas y en el registro de MoE-MAE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="218" />
      <source>pip will download and install:</source>
      <translation>pip descargará e instalará:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="219" />
      <source>with QGIS's Python, {}.</source>
      <translation>con el Python de QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="221" />
      <source>PyTorch: {}.</source>
      <translation>PyTorch: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="223" />
      <source>Through QGIS's proxy, {}.</source>
      <translation>A través del proxy de QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="224" />
      <source>Install now?</source>
      <translation>¿Instalar ahora?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="230" />
      <source>Python packages installed; MoE-MAE is ready.</source>
      <translation>Paquetes de Python instalados; MoE-MAE está listo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="232" />
      <source>the packages were installed but still cannot be imported; restart QGIS</source>
      <translation>los paquetes se instalaron pero aún no se pueden importar; reinicie QGIS</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="238" />
      <source>Installation failed: {} (Details… says how to install by hand)</source>
      <translation>La instalación falló: {} (Detalles… explica cómo instalar a mano)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="276" />
      <source>Added {} in natural colour.</source>
      <translation>Se añadió {} en color natural.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="44" />
      <source>Landsat band file, for its product's folder (*_SR_B*.TIF *_QA_PIXEL.TIF)</source>
      <translation>Archivo de banda Landsat, por la carpeta de su producto (*_SR_B*.TIF *_QA_PIXEL.TIF)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="45" />
      <source>All files (*)</source>
      <translation>Todos los archivos (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="61" />
      <source>the product cannot be read</source>
      <translation>el producto no se puede leer</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="64" />
      <source>QGIS cannot open {}</source>
      <translation>QGIS no puede abrir {}</translation>
    </message>
  </context>
</TS>
