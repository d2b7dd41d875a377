<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
  <context>
    <name>MoeMae</name>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="21" />
      <source>Assess accuracy and area</source>
      <translation>Avaliar acurácia e áreas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="22" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="45" />
      <source>Accuracy</source>
      <translation>Acurácia</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="23" />
      <source>Accuracies and class areas with 95 % intervals, from labelled sample points.</source>
      <translation>Acurácias e áreas das classes com intervalos de 95 %, a partir de pontos amostrais rotulados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <source>The class raster the points were drawn on, in a projected CRS (areas need metres).</source>
      <translation>O raster de classes sobre o qual os pontos foram sorteados, num SRC projetado (as áreas precisam de metros).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="26" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>Land-cover map</source>
      <translation>Mapa de cobertura do solo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>A point layer saved to a file (GeoPackage, Shapefile, GeoJSON), in any CRS, each point labelled with a class name or code of the map.</source>
      <translation>Uma camada de pontos salva em arquivo (GeoPackage, Shapefile, GeoJSON), em qualquer SRC, cada ponto rotulado com um nome ou código de classe do mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="28" />
      <source>Labelled points</source>
      <translation>Pontos rotulados</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="32" />
      <source>Reference class field</source>
      <translation>Campo da classe de referência</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="34" />
      <source>The field that holds the class you saw at each point; points without one are counted and left out.</source>
      <translation>O campo com a classe que você observou em cada ponto; pontos sem classe são contados e ficam de fora.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>The raster the sample was drawn on, when it was not this map (e.g. an older map): the estimators are then Stehman's (2014).</source>
      <translation>O raster sobre o qual a amostra foi sorteada, quando não foi este mapa (p. ex. um mapa mais antigo): os estimadores são então os de Stehman (2014).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="37" />
      <source>Strata (if not the map's classes)</source>
      <translation>Estratos (se não forem as classes do mapa)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>overall_accuracy, classes, error_matrix and points, for other tools to read.</source>
      <translation>overall_accuracy, classes, error_matrix e points, para outras ferramentas lerem.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="41" />
      <source>Report (JSON)</source>
      <translation>Relatório (JSON)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="42" />
      <source>JSON files (*.json)</source>
      <translation>Arquivos JSON (*.json)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>The report a person reads: accuracies, the area chart, the error matrices, the warnings.</source>
      <translation>O relatório para uma pessoa ler: acurácias, o gráfico de áreas, as matrizes de erros, os avisos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="44" />
      <source>Report (HTML)</source>
      <translation>Relatório (HTML)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="45" />
      <source>HTML files (*.html)</source>
      <translation>Arquivos HTML (*.html)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="52" />
      <source>INPUT must be a raster layer and REFERENCE a point layer</source>
      <translation>INPUT deve ser uma camada raster e REFERENCE uma camada de pontos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/assess.py" line="54" />
      <source>REFERENCE '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>REFERENCE '{}' não está salva em arquivo; salve-a (GeoPackage, Shapefile, GeoJSON) e execute de novo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="125" />
      <source>Use Raster › MoE-MAE land cover › Install missing Python packages….</source>
      <translation>Use Raster › Cobertura do solo MoE-MAE › Instalar pacotes Python ausentes….</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="223" />
      <source>Parameters</source>
      <translation>Parâmetros</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="257" />
      <source>Cancelled: no output was written.</source>
      <translation>Cancelado: nenhuma saída foi gravada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>A Landsat 8/9 Collection 2 Level-2 product as downloaded (its MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster.</source>
      <translation>Um produto Landsat 8/9 Coleção 2 Nível 2 como baixado (seu arquivo MTL, pasta ou .tar), uma camada adicionada com 'Adicionar produto Landsat' ou um raster de reflectância de superfície.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="278" />
      <source>Landsat 8/9 Level-2 scene</source>
      <translation>Cena Landsat 8/9 Nível 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Which bands of the raster are SR_B1…SR_B7, in that order. Default: by band name, or bands 1-7 of a 7-band raster without Landsat band names. A product (MTL file, folder or .tar) needs none: QGIS cannot list a product's bands, and its 'Dependent bands could not be populated' then only says so; leave BANDS empty.</source>
      <translation>Quais bandas do raster são SR_B1…SR_B7, nessa ordem. Padrão: pelo nome da banda, ou as bandas 1-7 de um raster de 7 bandas sem nomes de banda Landsat. Um produto (arquivo MTL, pasta ou .tar) não precisa disso: o QGIS não consegue listar as bandas de um produto, e a mensagem 'Dependent bands could not be populated' apenas diz isso; deixe BANDS vazio.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="281" />
      <source>Bands SR_B1…SR_B7</source>
      <translation>Bandas SR_B1…SR_B7</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="284" />
      <source>A catalogue name ({}) or a checkpoint file. Default: published-S once downloaded, else the demonstration model.</source>
      <translation>Um nome do catálogo ({}) ou um arquivo de checkpoint. Padrão: published-S depois de baixado, senão o modelo de demonstração.</translation>
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
      <translation>Um nome do catálogo (eurosat10-cls, bigearthnet19-mean …) ou um arquivo de sonda. Padrão: a sonda padrão do próprio modelo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="289" />
      <source>Probe (the legend)</source>
      <translation>Sonda (a legenda)</translation>
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
      <translation>Um tile de 40 × 40 px a cada STRIDE px: um passo menor sobrepõe mais os tiles e demora mais. As células do mapa são uma por token de 4 × 4 px (120 m) ou uma por passo: veja Células do mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="293" />
      <source>Stride between tiles (px)</source>
      <translation>Passo entre tiles (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Default: read from the product's MTL, the product id, the raster's GDAL tags or the layer's temporal properties.</source>
      <translation>Padrão: lido do MTL do produto, do id do produto, das tags GDAL do raster ou das propriedades temporais da camada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="297" />
      <source>Acquisition date (UTC)</source>
      <translation>Data de aquisição (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Give the model the acquisition date and each tile's latitude and longitude, as it was trained.</source>
      <translation>Fornece ao modelo a data de aquisição e a latitude e longitude de cada tile, como no treinamento.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="301" />
      <source>Use date and position</source>
      <translation>Usar data e posição</translation>
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
      <translation>auto escolhe CUDA, depois Apple MPS, depois a CPU.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Fewer tiles per batch need less memory.</source>
      <translation>Menos tiles por lote precisam de menos memória.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="310" />
      <source>Tiles per batch</source>
      <translation>Tiles por lote</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="319" />
      <source>Mask (QA_PIXEL flags)</source>
      <translation>Máscara (flags QA_PIXEL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="323" />
      <source>The QA_PIXEL flags that mask a pixel, when QA_PIXEL is at hand: a product, a band named QA_PIXEL, or the QA_PIXEL parameter. Masked pixels count as no data.</source>
      <translation>As flags QA_PIXEL que mascaram um pixel, quando há QA_PIXEL: um produto, uma banda chamada QA_PIXEL ou o parâmetro QA_PIXEL. Pixels mascarados contam como sem dados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>Only for a raster without its QA_PIXEL band: a product brings its own.</source>
      <translation>Só para um raster sem sua banda QA_PIXEL: um produto traz a sua.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="325" />
      <source>QA_PIXEL of a stacked raster</source>
      <translation>QA_PIXEL de um raster empilhado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="328" />
      <source>Input values</source>
      <translation>Valores de entrada</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="332" />
      <source>auto: from the data type and values; dn: Level-2 digital numbers; reflectance: DN × 0.0000275 − 0.2, as floats.</source>
      <translation>auto: pelo tipo de dado e pelos valores; dn: números digitais do Nível 2; reflectance: DN × 0,0000275 − 0,2, como floats.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="341" />
      <location filename="../../moemae_qgis/dialog.py" line="239" />
      <source>Map cells</source>
      <translation>Células do mapa</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="345" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe on the mean of the tokens and a STRIDE that is a multiple of 4; pixel: one cell per 30 m pixel on the input's grid, the token map refined by each pixel's bands (same needs); tile: one cell per STRIDE; auto: token where the probe and STRIDE allow it, else tile.</source>
      <translation>token: uma célula por token de 4 × 4 px (120 m), para uma sonda sobre a média dos tokens e um STRIDE múltiplo de 4; pixel: uma célula por pixel de 30 m na grade da entrada, o mapa de tokens refinado pelas bandas de cada pixel (mesmos requisitos); tile: uma célula por STRIDE; auto: token onde a sonda e o STRIDE permitem, senão tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="351" />
      <source>token: one cell per 4 × 4 px token (120 m), for a probe or pooling on the mean of the tokens and a STRIDE that is a multiple of 4; tile: one cell per STRIDE; auto: token where the probe or pooling and STRIDE allow it, else tile.</source>
      <translation>token: uma célula por token de 4 × 4 px (120 m), para uma sonda ou agregação pela média dos tokens e um STRIDE múltiplo de 4; tile: uma célula por STRIDE; auto: token onde a sonda ou a agregação e o STRIDE permitem, senão tile.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="380" />
      <source>Incorrect parameter value for {}</source>
      <translation>Valor de parâmetro incorreto para {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="394" />
      <source>{} is not a raster layer</source>
      <translation>{} não é uma camada raster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="396" />
      <source>{} is a {} layer; save it as a GeoTIFF first (the model reads files through GDAL)</source>
      <translation>{} é uma camada {}; salve-a primeiro como GeoTIFF (o modelo lê arquivos pelo GDAL)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="409" />
      <source>GDAL cannot open {} as a raster ({}); check the path inside the archive</source>
      <translation>O GDAL não consegue abrir {} como raster ({}); verifique o caminho dentro do arquivo compactado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="425" />
      <source>BANDS {!r} was not understood: QGIS wants the band numbers separated by ';', e.g. 1;2;3;4;5;6;7 (or leave BANDS empty for bands found by name)</source>
      <translation>BANDS {!r} não foi entendido: o QGIS espera os números das bandas separados por ';', p. ex. 1;2;3;4;5;6;7 (ou deixe BANDS vazio para bandas encontradas pelo nome)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/base.py" line="501" />
      <source>ACQUISITION_DATE {!r} is not a date (use 2021-06-15, 2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)</source>
      <translation>ACQUISITION_DATE {!r} não é uma data (use 2021-06-15, 2021-06-15T09:53:12 em UTC ou 2021-06-15T11:53:12+02:00)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Map change between two dates</source>
      <translation>Mapear a mudança entre duas datas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="81" />
      <source>Change</source>
      <translation>Mudança</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="82" />
      <source>Where the ground changed between two dates of one place: a score per 120 m cell, white to red, and the changed cells.</source>
      <translation>Onde o terreno mudou entre duas datas de um mesmo lugar: uma pontuação por célula de 120 m, de branco a vermelho, e as células alteradas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>A Landsat 8/9 Level-2 product (MTL file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster, of the same place (path/row) as the other date. Its own date is read from it.</source>
      <translation>Um produto Landsat 8/9 de nível 2 (arquivo MTL, pasta ou .tar), uma camada adicionada com “Adicionar produto Landsat” ou um raster de reflectância de superfície, do mesmo lugar (path/row) que a outra data. Sua própria data é lida dele.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="89" />
      <source>Earlier date</source>
      <translation>Data anterior</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="90" />
      <source>Later date</source>
      <translation>Data posterior</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="94" />
      <source>Optional: a probe on the mean of the tokens (catalogue name or file) classifies both dates and adds a from → to band and a table of each transition's area in hectares.</source>
      <translation>Opcional: uma sonda sobre a média dos tokens (nome do catálogo ou arquivo) classifica as duas datas e acrescenta uma banda de → para e uma tabela com a área de cada transição em hectares.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Cells scoring above it are changed. Empty: Otsu's rule on the scores (the cut that best splits their histogram in two), never below their median + 3 robust standard deviations, stated in the log.</source>
      <translation>As células com pontuação acima dele são consideradas alteradas. Vazio: a regra de Otsu sobre as pontuações (o corte que melhor divide o histograma em dois), nunca abaixo da mediana + 3 desvios-padrão robustos, informada no log.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="97" />
      <source>Change threshold (empty: Otsu)</source>
      <translation>Limiar de mudança (vazio: Otsu)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="103" />
      <source>Change score</source>
      <translation>Pontuação de mudança</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="105" />
      <source>Changed cells</source>
      <translation>Células alteradas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="106" />
      <source>With a probe: each from → to transition's area in hectares (an HTML page beside it).</source>
      <translation>Com uma sonda: a área de cada transição de → para em hectares (com uma página HTML ao lado).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>Transition table</source>
      <translation>Tabela de transições</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/change.py" line="107" />
      <source>CSV files (*.csv)</source>
      <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Check environment</source>
      <translation>Verificar ambiente</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="11" />
      <source>Set-up</source>
      <translation>Configuração</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="12" />
      <source>Which Python packages and devices MoE-MAE finds in this QGIS.</source>
      <translation>Quais pacotes Python e dispositivos o MoE-MAE encontra neste QGIS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="16" />
      <source>Report</source>
      <translation>Relatório</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="17" />
      <source>All required packages present</source>
      <translation>Todos os pacotes necessários presentes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/check_environment.py" line="25" />
      <source>{} is missing: {}</source>
      <translation>{} está ausente: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <source>Classify land cover</source>
      <translation>Classificar cobertura do solo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="31" />
      <location filename="../../moemae_qgis/algorithms/classify.py" line="41" />
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="121" />
      <source>Land cover</source>
      <translation>Cobertura do solo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="32" />
      <source>A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the probe's classes.</source>
      <translation>Um mapa de cobertura do solo de uma cena Landsat 8/9 Nível 2, com nuvens mascaradas, estilizado com as classes da sonda.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="42" />
      <source>Each class's probability per cell, one band per class.</source>
      <translation>A probabilidade de cada classe por célula, uma banda por classe.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="43" />
      <source>Class probabilities</source>
      <translation>Probabilidades das classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>Further scenes (layers, or products as their MTL file, folder or .tar) mapped with INPUT into one mosaic on INPUT's grid; each scene's date is its own.</source>
      <translation>Outras cenas (camadas, ou produtos como seu arquivo MTL, pasta ou .tar) mapeadas com INPUT em um único mosaico na grade de INPUT; cada cena mantém sua própria data.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="48" />
      <source>More scenes (one mosaic)</source>
      <translation>Mais cenas (um mosaico)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="52" />
      <source>Where scenes overlap</source>
      <translation>Onde as cenas se sobrepõem</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="56" />
      <source>best: the scene with the most valid, unmasked pixels under the cell; latest: the scene acquired last; mean: the mean of the class probabilities.</source>
      <translation>best: a cena com mais pixels válidos e não mascarados na célula; latest: a cena adquirida por último; mean: a média das probabilidades das classes.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Where each scene's map is kept, so that a run again maps only what is missing. Default: beside the output.</source>
      <translation>Onde o mapa de cada cena é guardado, para que uma nova execução mapeie só o que falta. Padrão: ao lado da saída.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="58" />
      <source>Work folder (resumable mosaics)</source>
      <translation>Pasta de trabalho (mosaicos retomáveis)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="80" />
      <source>Class probabilities are written for one scene; leave them out for a mosaic</source>
      <translation>As probabilidades das classes são escritas para uma só cena; deixe-as de fora em um mosaico</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="109" />
      <source>{} in More scenes is neither a raster layer nor a Landsat product</source>
      <translation>{} em Mais cenas não é nem uma camada raster nem um produto Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/classify.py" line="117" />
      <source>Acquisition date gives one date, but there are several scenes: each scene's date is read from its MTL, name, tags or temporal properties</source>
      <translation>A data de aquisição dá uma só data, mas há várias cenas: a data de cada cena é lida do seu MTL, nome, tags ou propriedades temporais</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="15" />
      <source>Cluster the scene</source>
      <translation>Agrupar a cena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="16" />
      <source>The scene split into K kinds of place by k-means on its embeddings, no labels.</source>
      <translation>A cena dividida em K tipos de lugar por k-means sobre seus embeddings, sem rótulos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <source>How many kinds of place to split the scene into.</source>
      <translation>Em quantos tipos de lugar dividir a cena.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="20" />
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="29" />
      <source>Clusters</source>
      <translation>Agrupamentos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <source>The same seed gives the same map.</source>
      <translation>A mesma semente dá o mesmo mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="25" />
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>Random seed</source>
      <translation>Semente aleatória</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="30" />
      <source>The embeddings' first three principal components as red, green and blue, to look at.</source>
      <translation>Os três primeiros componentes principais dos embeddings como vermelho, verde e azul, para visualização.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/cluster.py" line="31" />
      <source>PCA rendering (RGB)</source>
      <translation>Visualização PCA (RGB)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="11" />
      <source>Embed (embedding raster)</source>
      <translation>Embed (raster de embeddings)</translation>
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
      <translation>Um raster float32 dos embeddings do codificador, para agrupamento e busca por similaridade.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="18" />
      <source>Pooling of the 105 tokens</source>
      <translation>Agregação dos 105 tokens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/embed.py" line="22" />
      <source>How a tile's 105 tokens become one embedding: mean of all, patch-mean of the 100 patch tokens, or cls, the CLS token.</source>
      <translation>Como os 105 tokens de um tile viram um embedding: mean, a média de todos; patch-mean, a média dos 100 tokens de patch; ou cls, o token CLS.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <location filename="../../moemae_qgis/product_layer.py" line="43" />
      <source>Add Landsat product</source>
      <translation>Adicionar produto Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="73" />
      <source>Landsat</source>
      <translation>Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="74" />
      <source>A USGS Landsat 8/9 Level-2 product as downloaded, as one natural-colour layer.</source>
      <translation>Um produto Landsat 8/9 Nível 2 do USGS como baixado, como uma camada em cor natural.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Its MTL file (_MTL.txt, .xml or .json), its .tar, or any band file of its unpacked folder.</source>
      <translation>Seu arquivo MTL (_MTL.txt, .xml ou .json), seu .tar ou qualquer arquivo de banda de sua pasta descompactada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="78" />
      <source>Landsat 8/9 Level-2 product</source>
      <translation>Produto Landsat 8/9 Nível 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="79" />
      <source>Landsat product (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;All files (*)</source>
      <translation>Produto Landsat (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;Todos os arquivos (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Where the VRT goes. Default: the plugin's folder of products, so that a saved project still finds it.</source>
      <translation>Onde o VRT é gravado. Padrão: a pasta de produtos do plugin, para que um projeto salvo ainda o encontre.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="81" />
      <source>Virtual raster (VRT)</source>
      <translation>Raster virtual (VRT)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="82" />
      <source>GDAL virtual raster (*.vrt)</source>
      <translation>Raster virtual GDAL (*.vrt)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="86" />
      <source>Product id</source>
      <translation>Id do produto</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="87" />
      <source>Acquisition (UTC)</source>
      <translation>Aquisição (UTC)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="100" />
      <source>{}: SR_B1…SR_B7{} stacked in {}</source>
      <translation>{}: SR_B1…SR_B7{} empilhadas em {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="101" />
      <source> and QA_PIXEL</source>
      <translation> e QA_PIXEL</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="103" />
      <source>{} has no QA_PIXEL file: clouds cannot be masked</source>
      <translation>{} não tem arquivo QA_PIXEL: as nuvens não podem ser mascaradas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/loadproduct.py" line="105" />
      <source>Acquisition: {}</source>
      <translation>Aquisição: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="35" />
      <source>Sample points are written to a GeoPackage file, to be labelled and kept: give OUTPUT a file name ending in .gpkg (or Save to GeoPackage…), not a temporary layer</source>
      <translation>Os pontos de amostra são gravados em um arquivo GeoPackage, para serem rotulados e guardados: dê a OUTPUT um nome de arquivo terminado em .gpkg (ou Salvar em GeoPackage…), não uma camada temporária</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="44" />
      <source>Draw an accuracy sample</source>
      <translation>Sortear uma amostra para avaliar a acurácia</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="46" />
      <source>Points at random in each class of a land-cover map, for you to label.</source>
      <translation>Pontos aleatórios em cada classe de um mapa de cobertura do solo, para você rotular.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="50" />
      <source>A class raster, e.g. from 'Classify land cover': its classes are the strata.</source>
      <translation>Um raster de classes, p. ex. de 'Classificar cobertura do solo': suas classes são os estratos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>How many points, shared out in proportion to each class's mapped area. Default: {}, or Cochran's size when a target standard error is given.</source>
      <translation>Quantos pontos, repartidos em proporção à área mapeada de cada classe. Padrão: {}, ou o tamanho de Cochran quando um erro padrão alvo é informado.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="52" />
      <source>Points in all</source>
      <translation>Total de pontos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Rare classes get at least this many points (all their pixels if they have fewer).</source>
      <translation>Classes raras recebem pelo menos este número de pontos (todos os seus pixels, se tiverem menos).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="57" />
      <source>Points per class at least</source>
      <translation>Pontos por classe, no mínimo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Instead of a size: the standard error of the overall accuracy to reach (e.g. 0.01); the size comes from Cochran's formula (Olofsson et al. 2014, eq. 13).</source>
      <translation>Em vez de um tamanho: o erro padrão da acurácia global a atingir (p. ex. 0,01); o tamanho vem da fórmula de Cochran (Olofsson et al. 2014, eq. 13).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="61" />
      <source>Target SE of overall accuracy</source>
      <translation>Erro padrão alvo da acurácia global</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>With a target standard error: the user's accuracy you expect, one for every class (0.8) and/or per class (Water=0.95), separated by ';'.</source>
      <translation>Com um erro padrão alvo: a acurácia do usuário que você espera, uma para todas as classes (0.8) e/ou por classe (Water=0.95), separadas por ';'.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="66" />
      <source>Expected user's accuracies</source>
      <translation>Acurácias do usuário esperadas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="70" />
      <source>The same seed gives the same points.</source>
      <translation>A mesma semente dá os mesmos pontos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="74" />
      <source>Sample points</source>
      <translation>Pontos da amostra</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/sample.py" line="80" />
      <source>INPUT is not a raster layer</source>
      <translation>INPUT não é uma camada raster</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="64" />
      <source>{} '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again</source>
      <translation>{} '{}' não está salva em arquivo; salve-a (GeoPackage, Shapefile, GeoJSON) e execute de novo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="79" />
      <source>A Landsat 8/9 Level-2 scene (embedded once per model and settings, then kept in the embedding cache), or an embedding raster written by 'Embed', read as it is.</source>
      <translation>Uma cena Landsat 8/9 Nível 2 (com embeddings calculados uma vez por modelo e configuração, depois mantidos no cache de embeddings) ou um raster de embeddings gravado pelo 'Embed', lido como está.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="87" />
      <source>{} is an embedding raster: read as it is</source>
      <translation>{} é um raster de embeddings: lido como está</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="94" />
      <source>Find similar places</source>
      <translation>Encontrar lugares semelhantes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="95" />
      <source>How much each cell looks like the places you point at: 0 to 1 on the map.</source>
      <translation>O quanto cada célula se parece com os lugares que você indica: de 0 a 1 no mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>A point layer saved in a file, in any CRS: the kind of place to find.</source>
      <translation>Uma camada de pontos salva em arquivo, em qualquer SRC: o tipo de lugar a encontrar.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="99" />
      <source>Points of places to find</source>
      <translation>Pontos dos lugares a encontrar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Places that look alike but are not wanted: the score becomes (cos to the points − cos to these) / 2.</source>
      <translation>Lugares parecidos, mas indesejados: a pontuação passa a ser (cos com os pontos − cos com estes) / 2.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="102" />
      <source>Points of unwanted places</source>
      <translation>Pontos dos lugares indesejados</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="107" />
      <source>Similarity</source>
      <translation>Similaridade</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/similarity.py" line="112" />
      <source>POINTS must be a point layer</source>
      <translation>POINTS deve ser uma camada de pontos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="69" />
      <source>feature {} (class '{}'), field '{}': {}</source>
      <translation>feição {} (classe '{}'), campo '{}': {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="72" />
      <source>feature {} gives the class '{}' the colour {}, another feature gave it {}: give each class one colour in '{}'</source>
      <translation>a feição {} dá à classe '{}' a cor {}, outra feição lhe deu {}: dê a cada classe uma só cor em '{}'</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="120" />
      <source>Train a probe from training areas</source>
      <translation>Treinar uma sonda com áreas de treinamento</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="122" />
      <source>A probe of your own classes, from points or polygons drawn on a scene.</source>
      <translation>Uma sonda com suas próprias classes, a partir de pontos ou polígonos desenhados sobre uma cena.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="123" />
      <source>Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every point, and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px tile labelled with CLASS_FIELD (features whose class is NULL or empty are left out, and counted). SPACING defaults to 4 px, one sample per 120 m token, the cell of a map at token resolution, so that a polygon of a few hundred metres gives dozens of samples; a polygon smaller than SPACING still gives one, at a point inside it. COLOUR_FIELD (optional) gives a class its colour, written #1f78b4 or 31,120,180; other classes get colours from their names (water, river, lake: blues; forest, tree: greens; urban, town, built: reds and greys; crop, field, arable: yellows; …), else distinct ones. Logs the tiles per class and the cross-validated accuracy with its 95 % interval, warns when the samples are too few for that figure to mean much (fewer than 100), and refuses when a class has fewer than 3. Beyond 20,000 positions an even share of each class is used. Use the probe file with 'Classify land cover'.</source>
      <translation>Ajusta uma sonda linear com suas próprias classes sobre os embeddings congelados do MoE-MAE de uma cena: cada ponto, e cada SPACING px dentro de cada polígono, da camada TRAINING vira um tile de 40 × 40 px rotulado com CLASS_FIELD (feições cuja classe é NULL ou vazia ficam de fora, e são contadas). SPACING é por padrão 4 px, uma amostra por token de 120 m, a célula de um mapa na resolução de token, de modo que um polígono de algumas centenas de metros dá dezenas de amostras; um polígono menor que SPACING ainda dá uma, num ponto dentro dele. COLOUR_FIELD (opcional) dá a cor de uma classe, escrita #1f78b4 ou 31,120,180; as outras classes recebem cores pelos nomes (water, river, lake: azuis; forest, tree: verdes; urban, town, built: vermelhos e cinzas; crop, field, arable: amarelos; …), senão cores distintas. Registra os tiles por classe e a acurácia por validação cruzada com seu intervalo de 95 %, avisa quando as amostras são poucas demais para que esse número signifique muito (menos de 100) e recusa quando uma classe tem menos de 3. Acima de 20.000 posições, usa-se uma parte igual de cada classe. Use o arquivo da sonda com 'Classificar cobertura do solo'.</translation>
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
      <translation>Pontos ou polígonos das suas classes: cada ponto, e cada Espaçamento px dentro de cada polígono, é uma amostra.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="150" />
      <source>Training areas</source>
      <translation>Áreas de treinamento</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>The field that names each feature's class; NULL or empty features are left out.</source>
      <translation>O campo que dá a classe de cada feição; feições NULL ou vazias ficam de fora.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="154" />
      <source>Class field</source>
      <translation>Campo da classe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>A colour per class, #1f78b4 or 31,120,180. Default: from the class names (water blue, forest green, town red or grey, crops yellow), else a distinct palette.</source>
      <translation>Uma cor por classe, #1f78b4 ou 31,120,180. Padrão: pelos nomes das classes (água azul, floresta verde, cidade vermelha ou cinza, cultivos amarelos), senão uma paleta distinta.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="157" />
      <source>Colour field</source>
      <translation>Campo da cor</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="161" />
      <source>A sample every Spacing px inside each polygon; 4 px is one per 120 m token. A polygon smaller than that still gives one sample, at a point inside it.</source>
      <translation>Uma amostra a cada Espaçamento px dentro de cada polígono; 4 px é uma por token de 120 m. Um polígono menor que isso ainda dá uma amostra, num ponto dentro dele.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="162" />
      <source>Sample spacing (px)</source>
      <translation>Espaçamento das amostras (px)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="170" />
      <source>Sample features</source>
      <translation>Amostrar as feições</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="174" />
      <source>token: the 120 m token under each sample, for maps of 120 m cells; tile: the whole 1.2 km tile, for maps of a cell per stride; auto: token.</source>
      <translation>token: o token de 120 m sob cada amostra, para mapas de células de 120 m; tile: o tile inteiro de 1,2 km, para mapas de uma célula por passo; auto: token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="182" />
      <source>TRAINING is not a point or polygon layer</source>
      <translation>TRAINING não é uma camada de pontos ou polígonos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="188" />
      <source>Cancelled: no probe was written.</source>
      <translation>Cancelado: nenhuma sonda foi gravada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="200" />
      <source>Cross-validated error matrix and F1 per class: {}</source>
      <translation>Matriz de erros por validação cruzada e F1 por classe: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="206" />
      <source>  {}: {} tiles</source>
      <translation>  {}: {} tiles</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="208" />
      <source>  {} positions skipped: more than half fill or no data</source>
      <translation>  {} posições ignoradas: mais da metade preenchimento ou sem dados</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="213" />
      <source>Cross-validated accuracy ({}-fold): {:.3f} (95 % interval {:.2f}-{:.2f}, {} samples)</source>
      <translation>Acurácia por validação cruzada ({} partes): {:.3f} (intervalo de 95 % {:.2f}-{:.2f}, {} amostras)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="246" />
      <source>the training layer has no features: draw points or polygons of at least 2 classes</source>
      <translation>a camada de treinamento não tem feições: desenhe pontos ou polígonos de pelo menos 2 classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="250" />
      <source>none of the {} training features lies on the raster: the layer ({}) and the raster ({}) do not overlap. Are the features in the right place, and is each layer's CRS right?</source>
      <translation>nenhuma das {} feições de treinamento está sobre o raster: a camada ({}) e o raster ({}) não se sobrepõem. As feições estão no lugar certo, e o SRC de cada camada está correto?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="256" />
      <source>{} sample positions of {} classes</source>
      <translation>{} posições de amostra de {} classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="258" />
      <source>{} kept, an even share of each class: more would add time and memory, not accuracy</source>
      <translation>{} mantidas, uma parte igual de cada classe: mais acrescentaria tempo e memória, não acurácia</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="268" />
      <source>the training layer holds {}, not points or polygons: a sample is a point, or a place inside a polygon; draw polygons (or buffer the lines: Vector &gt; Geoprocessing Tools &gt; Buffer)</source>
      <translation>a camada de treinamento contém {}, não pontos ou polígonos: uma amostra é um ponto ou um lugar dentro de um polígono; desenhe polígonos (ou faça um buffer das linhas: Vetor &gt; Geoprocessamento &gt; Buffer)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="273" />
      <source>the training layer has no CRS, so its features cannot be placed on the raster: assign it one (Layer Properties &gt; Source &gt; Assigned Coordinate Reference System)</source>
      <translation>a camada de treinamento não tem SRC, então suas feições não podem ser posicionadas sobre o raster: atribua-lhe um (Propriedades da camada &gt; Fonte &gt; SRC atribuído)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="279" />
      <source>{} '{}' is not a field of the training layer; its fields are: {}</source>
      <translation>{} '{}' não é um campo da camada de treinamento; seus campos são: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="285" />
      <source>{} of {} features have no class ('{}' is NULL or empty) and were left out</source>
      <translation>{} de {} feições não têm classe ('{}' é NULL ou vazio) e ficaram de fora</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="289" />
      <source>{} of {} features lie outside the raster and were left out</source>
      <translation>{} de {} feições estão fora do raster e ficaram de fora</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="296" />
      <source>the field '{}' holds {} class(es) on the raster; a probe needs at least 2</source>
      <translation>o campo '{}' contém {} classe(s) sobre o raster; uma sonda precisa de pelo menos 2</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/algorithms/trainprobe.py" line="299" />
      <source>the field '{}' holds {} classes on the raster; a map holds at most {} (UInt8, 255 is nodata): merge some classes</source>
      <translation>o campo '{}' contém {} classes sobre o raster; um mapa contém no máximo {} (UInt8, 255 é sem dados): junte algumas classes</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="56" />
      <source>MoE-MAE: embedding {}</source>
      <translation>MoE-MAE: calculando os embeddings de {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="91" />
      <source>MoE-MAE click to map</source>
      <translation>Clique para mapear MoE-MAE</translation>
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
      <translation>Escolha uma cena Landsat e pressione Preparar: seus embeddings são calculados uma vez e depois mantidos.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="119" />
      <source>Click on the map</source>
      <translation>Clicar no mapa</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="123" />
      <source>Scene</source>
      <translation>Cena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="136" />
      <source>class name, e.g. water</source>
      <translation>nome da classe, p. ex. água</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="137" />
      <source>Add class</source>
      <translation>Adicionar classe</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Preview</source>
      <translation>Pré-visualizar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="141" />
      <source>Save probe…</source>
      <translation>Salvar sonda…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="147" />
      <source>Clear clicks</source>
      <translation>Limpar cliques</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="160" />
      <source>Click places to find; shift-click places that are not wanted.</source>
      <translation>Clique nos lugares a encontrar; Shift+clique nos lugares indesejados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="161" />
      <source>Name classes, pick one in the list and click cells of it; then Preview.</source>
      <translation>Dê nomes às classes, escolha uma na lista e clique em células dela; depois, Pré-visualizar.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="170" />
      <source>Choose a Landsat scene saved in a file (a product added with 'Add Landsat product', or a raster).</source>
      <translation>Escolha uma cena Landsat salva em arquivo (um produto adicionado com 'Adicionar produto Landsat' ou um raster).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="178" />
      <source>Embedding {} (once per model; then read from the cache)…</source>
      <translation>Calculando os embeddings de {} (uma vez por modelo; depois lidos do cache)…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="190" />
      <source>Not prepared: {}</source>
      <translation>Não preparado: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="191" />
      <source>Cancelled: nothing was kept.</source>
      <translation>Cancelado: nada foi mantido.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="195" />
      <source>Ready: {} × {} cells of 120 m. {}</source>
      <translation>Pronto: {} × {} células de 120 m. {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Click on the map.</source>
      <translation>Clique no mapa.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="200" />
      <source>Add classes, then click.</source>
      <translation>Adicione classes e depois clique.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="242" />
      <location filename="../../moemae_qgis/click_to_map.py" line="301" />
      <source>Press Prepare first: the scene's embeddings are needed.</source>
      <translation>Pressione Preparar primeiro: os embeddings da cena são necessários.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="258" />
      <location filename="../../moemae_qgis/click_to_map.py" line="309" />
      <source>The map shows no part of the scene: pan to it.</source>
      <translation>O mapa não mostra nenhuma parte da cena: desloque o mapa até ela.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="260" />
      <source>{} places to find, {} not wanted: the similarity of the visible map, 0 to 1.</source>
      <translation>{} lugares a encontrar, {} indesejados: a similaridade do mapa visível, de 0 a 1.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="291" />
      <source>Add a class and pick it in the list before clicking.</source>
      <translation>Adicione uma classe e escolha-a na lista antes de clicar.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="317" />
      <source>Press Preview first: the probe is fitted there.</source>
      <translation>Pressione Pré-visualizar primeiro: é ali que a sonda é ajustada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="320" />
      <source>Save probe</source>
      <translation>Salvar sonda</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="327" />
      <source>Saved {}: give it to 'Classify land cover' as its PROBE.</source>
      <translation>{} salvo: use-o em 'Classificar cobertura do solo' como PROBE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="344" />
      <source>{} clicks: too few to cross-validate.</source>
      <translation>{} cliques: poucos demais para a validação cruzada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="345" />
      <source>Cross-validated accuracy {:.0%} ({}-fold, {} clicks){}</source>
      <translation>Acurácia por validação cruzada {:.0%} ({} partes, {} cliques){}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/click_to_map.py" line="347" />
      <source>; {} clicks off the scene or on no data were left out</source>
      <translation>; {} cliques fora da cena ou sem dados ficaram de fora</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="102" />
      <source>MoE-MAE land cover</source>
      <translation>Cobertura do solo MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="125" />
      <location filename="../../moemae_qgis/plugin.py" line="102" />
      <source>Add Landsat product…</source>
      <translation>Adicionar produto Landsat…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="127" />
      <source>A Landsat 8/9 Level-2 product as downloaded from USGS: its MTL file, its .tar, or any band file of its folder</source>
      <translation>Um produto Landsat 8/9 Nível 2 como baixado do USGS: seu arquivo MTL, seu .tar ou qualquer arquivo de banda de sua pasta</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="131" />
      <source>Mask clouds and their shadows</source>
      <translation>Mascarar nuvens e suas sombras</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="132" />
      <source>Pixels QA_PIXEL flags as cloud, dilated cloud or cloud shadow count as no data: a tile more than half masked gets no prediction</source>
      <translation>Pixels que o QA_PIXEL marca como nuvem, nuvem dilatada ou sombra de nuvem contam como sem dados: um tile com mais da metade mascarada não recebe previsão</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="139" />
      <source>Set the bands myself:</source>
      <translation>Definir as bandas eu mesmo:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="145" />
      <source>The band numbers of SR_B1…SR_B7 in this raster, in that order: 7 numbers</source>
      <translation>Os números das bandas SR_B1…SR_B7 neste raster, nessa ordem: 7 números</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="151" />
      <source>Set the acquisition date (UTC) myself:</source>
      <translation>Definir a data de aquisição (UTC) eu mesmo:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="185" />
      <source>auto: one per token (120 m) where the probe and stride allow it</source>
      <translation>auto: uma por token (120 m) onde a sonda e o passo permitem</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="186" />
      <source>one per token: 4 × 4 px, 120 m (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>uma por token: 4 × 4 px, 120 m (sondas pela média dos tokens; passo múltiplo de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="188" />
      <source>one per tile step (the stride)</source>
      <translation>uma por passo de tile (o passo)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="189" />
      <source>one per pixel: 30 m, the 120 m tokens refined by each pixel's bands (probes on the mean of the tokens; stride a multiple of 4)</source>
      <translation>uma por pixel: 30 m, os tokens de 120 m refinados pelas bandas de cada pixel (sondas sobre a média dos tokens; passo múltiplo de 4)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="194" />
      <source>GeoTIFF (*.tif)</source>
      <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="196" />
      <source>empty: a temporary file</source>
      <translation>vazio: um arquivo temporário</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="203" />
      <source>Run</source>
      <translation>Executar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="215" />
      <location filename="../../moemae_qgis/dialog.py" line="599" />
      <source>Log</source>
      <translation>Log</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="229" />
      <source>Landsat layer</source>
      <translation>Camada Landsat</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="230" />
      <source>Bands</source>
      <translation>Bandas</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="232" />
      <source>Acquisition</source>
      <translation>Aquisição</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="234" />
      <source>Clouds</source>
      <translation>Nuvens</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="238" />
      <source>Stride</source>
      <translation>Passo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="241" />
      <source>Output</source>
      <translation>Saída</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="242" />
      <source>Advanced</source>
      <translation>Avançado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="245" />
      <source>Mirror</source>
      <translation>Espelho</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="286" />
      <source>Add a Landsat 8/9 Level-2 product (Add Landsat product…) or a surface-reflectance raster to the project.</source>
      <translation>Adicione ao projeto um produto Landsat 8/9 Nível 2 (Adicionar produto Landsat…) ou um raster de reflectância de superfície.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="300" />
      <source>Cannot open this layer with GDAL: {}</source>
      <translation>Não é possível abrir esta camada com o GDAL: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="339" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7 (not {!r}).</source>
      <translation>Defina as bandas como 7 números inteiros, p. ex. 1 2 3 4 5 6 7 (não {!r}).</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="343" />
      <source>Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7.</source>
      <translation>Defina as bandas como 7 números inteiros, p. ex. 1 2 3 4 5 6 7.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="348" />
      <source>Set the bands yourself below.</source>
      <translation>Defina as bandas você mesmo abaixo.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="349" />
      <source>Cannot tell the bands: {}.</source>
      <translation>Não é possível identificar as bandas: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="370" />
      <source>Clouds cannot be masked: {}.</source>
      <translation>As nuvens não podem ser mascaradas: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="375" />
      <source>{} masks {}.</source>
      <translation>{} mascara {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="379" />
      <source>The product {} has no QA_PIXEL file: clouds and their shadows will not be masked and will get land-cover classes. Download the product with its QA_PIXEL band to mask them.</source>
      <translation>O produto {} não tem arquivo QA_PIXEL: nuvens e suas sombras não serão mascaradas e receberão classes de cobertura do solo. Baixe o produto com sua banda QA_PIXEL para mascará-las.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="383" />
      <source>No QA_PIXEL in this layer: clouds and their shadows will get land-cover classes. Add the Landsat product as downloaded, with its QA_PIXEL band (Add Landsat product…), to mask them.</source>
      <translation>Sem QA_PIXEL nesta camada: nuvens e suas sombras receberão classes de cobertura do solo. Adicione o produto Landsat como baixado, com sua banda QA_PIXEL (Adicionar produto Landsat…), para mascará-las.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="403" />
      <source>Cells of {} px ({} m)</source>
      <translation>Células de {} px ({} m)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="407" />
      <source>Cells of 1 px (30 m): the input's own grid.</source>
      <translation>Células de 1 px (30 m): a própria grade da entrada.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="409" />
      <source>Cells of 4 px (120 m), one per token.</source>
      <translation>Células de 4 px (120 m), uma por token.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="411" />
      <source>{}: {}.</source>
      <translation>{}: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="413" />
      <source>The run will be refused: {}.</source>
      <translation>A execução será recusada: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="435" />
      <location filename="../../moemae_qgis/plugin.py" line="274" />
      <source>Cannot add the product: {}</source>
      <translation>Não é possível adicionar o produto: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="438" />
      <source>Added {}.</source>
      <translation>{} adicionado.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="501" />
      <source>Running…</source>
      <translation>Executando…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="508" />
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="519" />
      <source>Land cover ({})</source>
      <translation>Cobertura do solo ({})</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="527" />
      <source>Done, but the probe's classes could not be read for the legend: {}</source>
      <translation>Concluído, mas as classes da sonda não puderam ser lidas para a legenda: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="530" />
      <source>Done</source>
      <translation>Concluído</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="531" />
      <source>Done: {}</source>
      <translation>Concluído: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="540" />
      <source>Cancelled: no layer was added and no file was left.</source>
      <translation>Cancelado: nenhuma camada foi adicionada e nenhum arquivo ficou.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="546" />
      <source>see the Processing log</source>
      <translation>veja o log do Processamento</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="547" />
      <source>Failed: {}</source>
      <translation>Falhou: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="550" />
      <source>The run's log:</source>
      <translation>O log da execução:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>1 error</source>
      <translation>1 erro</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/dialog.py" line="596" />
      <source>{} errors</source>
      <translation>{} erros</translation>
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
      <translation>O {} lembrado {!r} não pode ser usado; usando {!r}</translation>
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
      <translation>auto (CPU: nenhuma GPU encontrada)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="24" />
      <source>The Processing provider of MoE-MAE is not loaded: re-enable or reinstall the plugin.</source>
      <translation>O provedor de Processamento do MoE-MAE não está carregado: reative ou reinstale o plugin.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="34" />
      <source>The check failed: {}</source>
      <translation>A verificação falhou: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="44" />
      <source>MoE-MAE: environment</source>
      <translation>MoE-MAE: ambiente</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="47" />
      <source>Everything MoE-MAE needs is installed.</source>
      <translation>Tudo de que o MoE-MAE precisa está instalado.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="48" />
      <source>Some Python packages MoE-MAE needs are missing: use Install missing Python packages… in the plugin's menu.</source>
      <translation>Faltam pacotes Python de que o MoE-MAE precisa: use Instalar pacotes Python ausentes… no menu do plugin.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="58" />
      <source>Copy report</source>
      <translation>Copiar relatório</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/environment_report.py" line="71" />
      <source>Copied</source>
      <translation>Copiado</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/message_bar.py" line="25" />
      <source>Details…</source>
      <translation>Detalhes…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="71" />
      <source>the mirror URL box under the model list</source>
      <translation>a caixa de URL do espelho abaixo da lista de modelos</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="156" />
      <source>; what arrived is kept: free some space and Download… again</source>
      <translation>; o que chegou foi mantido: libere espaço e use Baixar… de novo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="159" />
      <source>Cancelled: what arrived is kept; Download… resumes from there.</source>
      <translation>Cancelado: o que chegou foi mantido; Baixar… retoma daí.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="206" />
      <source>the connection was cut {} times; Download… again resumes where it stopped</source>
      <translation>a conexão caiu {} vezes; Baixar… de novo retoma de onde parou</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="214" />
      <source>cannot find the server of {} ({}): is the network up, and the address right?</source>
      <translation>não foi possível encontrar o servidor de {} ({}): a rede está ativa e o endereço está certo?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="217" />
      <source>the server refused the connection ({}): is the address right, or is a proxy needed (QGIS Settings › Options › Network)?</source>
      <translation>o servidor recusou a conexão ({}): o endereço está certo, ou é preciso um proxy (QGIS Configurações › Opções › Rede)?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="222" />
      <source>the proxy refused ({}): check QGIS Settings › Options › Network</source>
      <translation>o proxy recusou ({}): verifique QGIS Configurações › Opções › Rede</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_download.py" line="223" />
      <source>the download failed: {}</source>
      <translation>o download falhou: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="44" />
      <location filename="../../moemae_qgis/model_picker.py" line="45" />
      <source>Browse…</source>
      <translation>Procurar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="46" />
      <location filename="../../moemae_qgis/model_picker.py" line="140" />
      <source>Download…</source>
      <translation>Baixar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="49" />
      <source>download from a mirror: its URL (empty: the catalogue's)</source>
      <translation>baixar de um espelho: sua URL (vazio: a do catálogo)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="80" />
      <source>Probe (legend)</source>
      <translation>Sonda (legenda)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="93" />
      <location filename="../../moemae_qgis/model_picker.py" line="119" />
      <source>{} (yours)</source>
      <translation>{} (seu)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="100" />
      <source>{}: a demonstration, expect rough maps</source>
      <translation>{}: uma demonstração, espere mapas grosseiros</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="102" />
      <source>{}: not downloaded, about {:g} MB</source>
      <translation>{}: não baixado, cerca de {:g} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="143" />
      <source>Warning: {}.</source>
      <translation>Aviso: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="177" />
      <source>Model checkpoint</source>
      <translation>Checkpoint do modelo</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="196" />
      <source>Downloading {}…</source>
      <translation>Baixando {}…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="207" />
      <source>Downloading {}: {:.1f} of {:.1f} MB</source>
      <translation>Baixando {}: {:.1f} de {:.1f} MB</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="217" />
      <source>Downloaded {}{}: {}</source>
      <translation>Baixado {}{}: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/model_picker.py" line="218" />
      <source>Download failed: {}</source>
      <translation>O download falhou: {}</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="35" />
      <source>MoE-MAE: working out what to download</source>
      <translation>MoE-MAE: calculando o que baixar</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="36" />
      <source>MoE-MAE: installing PyTorch, scikit-learn and platformdirs</source>
      <translation>MoE-MAE: instalando PyTorch, scikit-learn e platformdirs</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="98" />
      <source>MoE-MAE land cover…</source>
      <translation>Cobertura do solo MoE-MAE…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="100" />
      <source>Classify a Landsat 8/9 layer into land cover with MoE-MAE</source>
      <translation>Classificar uma camada Landsat 8/9 em cobertura do solo com o MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="104" />
      <source>Add a Landsat 8/9 Level-2 product as downloaded from USGS (its MTL file, .tar or folder) as one natural-colour layer</source>
      <translation>Adicionar um produto Landsat 8/9 Nível 2 como baixado do USGS (seu arquivo MTL, .tar ou pasta) como uma camada em cor natural</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="107" />
      <source>Check environment…</source>
      <translation>Verificar ambiente…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="110" />
      <source>Click to map…</source>
      <translation>Clique para mapear…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="112" />
      <source>Find similar places and map your own classes by clicking on a scene</source>
      <translation>Encontrar lugares semelhantes e mapear suas próprias classes clicando sobre uma cena</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="114" />
      <source>Install missing Python packages…</source>
      <translation>Instalar pacotes Python ausentes…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="119" />
      <location filename="../../moemae_qgis/plugin.py" line="141" />
      <source>&amp;MoE-MAE land cover</source>
      <translation>&amp;Cobertura do solo MoE-MAE</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="164" />
      <source>Install…</source>
      <translation>Instalar…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="174" />
      <source>The installation is already running; see the task manager.</source>
      <translation>A instalação já está em andamento; veja o gerenciador de tarefas.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="179" />
      <source>All required Python packages are installed.</source>
      <translation>Todos os pacotes Python necessários estão instalados.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="185" />
      <location filename="../../moemae_qgis/plugin.py" line="201" />
      <source>MoE-MAE: cannot install Python packages</source>
      <translation>MoE-MAE: não é possível instalar pacotes Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="192" />
      <source>Asking pip what it would download…</source>
      <translation>Perguntando ao pip o que ele baixaria…</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="202" />
      <location filename="../../moemae_qgis/plugin.py" line="240" />
      <source>To install them by hand:</source>
      <translation>Para instalá-los manualmente:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="205" />
      <source>MoE-MAE: install Python packages</source>
      <translation>MoE-MAE: instalar pacotes Python</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="212" />
      <source>Installing in the background; progress is in the task manager and the MoE-MAE log.</source>
      <translation>Instalando em segundo plano; o progresso está no gerenciador de tarefas e no log do MoE-MAE.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="218" />
      <source>pip will download and install:</source>
      <translation>o pip vai baixar e instalar:</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="219" />
      <source>with QGIS's Python, {}.</source>
      <translation>com o Python do QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="221" />
      <source>PyTorch: {}.</source>
      <translation>PyTorch: {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="223" />
      <source>Through QGIS's proxy, {}.</source>
      <translation>Pelo proxy do QGIS, {}.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="224" />
      <source>Install now?</source>
      <translation>Instalar agora?</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="230" />
      <source>Python packages installed; MoE-MAE is ready.</source>
      <translation>Pacotes Python instalados; o MoE-MAE está pronto.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="232" />
      <source>the packages were installed but still cannot be imported; restart QGIS</source>
      <translation>os pacotes foram instalados, mas ainda não podem ser importados; reinicie o QGIS</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="238" />
      <source>Installation failed: {} (Details… says how to install by hand)</source>
      <translation>A instalação falhou: {} (Detalhes… diz como instalar manualmente)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/plugin.py" line="276" />
      <source>Added {} in natural colour.</source>
      <translation>{} adicionado em cor natural.</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="44" />
      <source>Landsat band file, for its product's folder (*_SR_B*.TIF *_QA_PIXEL.TIF)</source>
      <translation>Arquivo de banda Landsat, pela pasta do seu produto (*_SR_B*.TIF *_QA_PIXEL.TIF)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="45" />
      <source>All files (*)</source>
      <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="61" />
      <source>the product cannot be read</source>
      <translation>o produto não pode ser lido</translation>
    </message>
    <message>
      <location filename="../../moemae_qgis/product_layer.py" line="64" />
      <source>QGIS cannot open {}</source>
      <translation>O QGIS não consegue abrir {}</translation>
    </message>
  </context>
</TS>
