# Generates articles.jsonl and conflicts.jsonl of the figures train set (invented articles).
import json
A = []
def art(id, story, lang, outlet, published, body, figures):
    A.append({"id": id, "story": story, "lang": lang, "headline": "", "published": published,
              "outlet": outlet, "url": f"https://{outlet}/{id}", "body": body, "figures": figures})
def f(q, s, v, text, by=None, total=None, mx=None):
    d = {"quantity": q, "subject": s, "value": v, "total": total, "attributedTo": by, "text": text}
    if mx is not None: d["max"] = mx
    return d
CNE = "Consejo Nacional Electoral"
# s1: 2017 regional elections, results night: states vs governorships, rounding
art("fig-train-001", "s1-regionales-2017", "es", "diario-uno.example", "2017-10-16T07:00:00-04:00",
    "CARACAS — El Partido Socialista Unido de Venezuela (PSUV) ganó 17 de las 23 gobernaciones en disputa, según el boletín que leyó el Consejo Nacional Electoral en la madrugada.\n\nEl CNE informó que la participación fue de 61,14 % y que votaron más de 11 millones de electores. La oposición se quedó con cinco gobernaciones.",
    [f("governorships-won", "Partido Socialista Unido de Venezuela", 17, "17 de las 23 gobernaciones", CNE, 23),
     f("turnout", "2017 regional elections", 0.6114, "61,14 %", CNE),
     f("votes", "2017 regional elections", 11000000, "más de 11 millones de electores", CNE),
     f("governorships-won", "Oposición", 5, "cinco gobernaciones")])
art("fig-train-002", "s1-regionales-2017", "en", "andes-post.example", "2017-10-16T12:00:00-04:00",
    "CARACAS — The ruling party won the most votes in 18 of the 23 states in Sunday's regional elections, a result few pollsters had predicted.\n\nThe National Electoral Council put turnout at about 61 percent, far above what opposition leaders had expected.",
    [f("states-won-by-votes", "Partido Socialista Unido de Venezuela", 18, "the most votes in 18 of the 23 states", None, 23),
     f("turnout", "2017 regional elections", 0.61, "about 61 percent", CNE)])
art("fig-train-003", "s1-regionales-2017", "es", "el-llano.example", "2017-10-16T18:00:00-04:00",
    "BARINAS — En el resto del país el chavismo obtuvo 17 gobernaciones, mientras que los partidos opositores ganaron en Zulia, Táchira, Mérida, Anzoátegui y Nueva Esparta.\n\nLa participación, de acuerdo con el CNE, rondó el 61,1 %, la más alta en una elección regional en una década.",
    [f("governorships-won", "Partido Socialista Unido de Venezuela", 17, "17 gobernaciones"),
     f("turnout", "2017 regional elections", 0.611, "61,1 %", CNE)])
# s2: 2015 parliamentary: seats, CNE vs MUD count (conflict), revision
art("fig-train-004", "s2-parlamentarias-2015", "es", "diario-uno.example", "2015-12-07T02:00:00-04:00",
    "CARACAS — La Mesa de la Unidad Democrática (MUD) obtuvo 99 de los 167 escaños de la Asamblea Nacional, según el primer boletín del Consejo Nacional Electoral. La participación fue de 74,25 %, informó el CNE.",
    [f("seats-won", "Mesa de la Unidad Democrática", 99, "99 de los 167 escaños", CNE, 167),
     f("turnout", "2015 parliamentary elections", 0.7425, "74,25 %", CNE)])
art("fig-train-005", "s2-parlamentarias-2015", "en", "andes-post.example", "2015-12-08T20:00:00-04:00",
    "CARACAS — The National Electoral Council said on Tuesday that the opposition coalition MUD had won 112 of the 167 seats, a two-thirds majority, revising its first bulletin.\n\nThe MUD itself says it won 113 of the 167 seats once the last disputed races are counted.",
    [f("seats-won", "Mesa de la Unidad Democrática", 112, "112 of the 167 seats", CNE, 167),
     f("seats-won", "Mesa de la Unidad Democrática", 113, "113 of the 167 seats", "Mesa de la Unidad Democrática", 167)])
art("fig-train-006", "s2-parlamentarias-2015", "es", "voz-oriente.example", "2015-12-08T09:00:00-04:00",
    "Con una participación de 74,17 %, según datos del CNE, la jornada fue la más concurrida en unas parlamentarias. El PSUV logró 55 de los 167 escaños, de acuerdo con el organismo electoral.",
    [f("turnout", "2015 parliamentary elections", 0.7417, "74,17 %", CNE),
     f("seats-won", "Partido Socialista Unido de Venezuela", 55, "55 de los 167 escaños", CNE, 167)])
# s3: detentions 2017 protests: conflict between NGO and government
art("fig-train-007", "s3-protestas-2017", "es", "diario-uno.example", "2017-06-20T10:00:00-04:00",
    "CARACAS — Foro Penal informó que 3.000 personas han sido detenidas desde el inicio de las protestas en abril. La organización contabiliza además 75 muertos en las manifestaciones.",
    [f("detained", "2017 protests", 3000, "3.000 personas", "Foro Penal"),
     f("killed", "2017 protests", 75, "75 muertos", "Foro Penal")])
art("fig-train-008", "s3-protestas-2017", "en", "andes-post.example", "2017-06-21T10:00:00-04:00",
    "CARACAS — The Public Prosecutor's Office said 74 people have been killed in the unrest since April. According to Foro Penal, more than 3,000 people were detained over the same period.",
    [f("killed", "2017 protests", 74, "74 people", "Ministerio Público"),
     f("detained", "2017 protests", 3000, "more than 3,000 people", "Foro Penal")])
art("fig-train-009", "s3-protestas-2017", "es", "voz-oriente.example", "2017-06-22T10:00:00-04:00",
    "El ministro del Interior dijo que 1.500 personas fueron detenidas por actos violentos durante las protestas. Familiares de los presos denuncian audiencias colectivas en tribunales militares.",
    [f("detained", "2017 protests", 1500, "1.500 personas", None)])
# s4: 2013 presidential: vote shares, rounding (not conflict), votes
art("fig-train-010", "s4-presidencial-2013", "es", "diario-uno.example", "2013-04-15T01:00:00-04:00",
    "CARACAS — Nicolás Maduro ganó la elección presidencial con 50,66 % de los votos, frente a 49,07 % de Henrique Capriles, anunció el Consejo Nacional Electoral. La participación fue de 79,68 %.",
    [f("vote-share", "Nicolás Maduro", 0.5066, "50,66 %", CNE),
     f("vote-share", "Henrique Capriles", 0.4907, "49,07 %", CNE),
     f("turnout", "2013 presidential election", 0.7968, "79,68 %", CNE)])
art("fig-train-011", "s4-presidencial-2013", "en", "andes-post.example", "2013-04-15T09:00:00-04:00",
    "CARACAS — Nicolás Maduro won about 50.7% of the vote, the electoral council said, and Henrique Capriles received 49.1%. Maduro received 7.58 million votes, according to the council.",
    [f("vote-share", "Nicolás Maduro", 0.507, "about 50.7%", CNE),
     f("vote-share", "Henrique Capriles", 0.491, "49.1%", CNE),
     f("votes", "Nicolás Maduro", 7580000, "7.58 million votes", CNE)])
art("fig-train-012", "s4-presidencial-2013", "es", "voz-oriente.example", "2013-04-16T09:00:00-04:00",
    "Henrique Capriles asegura que obtuvo 7,7 millones de votos y pide un reconteo. Según el CNE, Maduro sumó 7.587.579 votos.",
    [f("votes", "Henrique Capriles", 7700000, "7,7 millones de votos", "Henrique Capriles"),
     f("votes", "Nicolás Maduro", 7587579, "7.587.579 votos", CNE)])
# s5: 2024 presidential, turnout conflict; dates and articles not figures
art("fig-train-013", "s5-participacion-2024", "es", "diario-uno.example", "2024-07-29T08:00:00-04:00",
    "CARACAS, 29 jul. — El Consejo Nacional Electoral situó la participación en 59 % de los electores. El artículo 155 de la ley electoral obliga a publicar los resultados por mesa en 48 horas.",
    [f("turnout", "2024 presidential election", 0.59, "59 %", CNE)])
art("fig-train-014", "s5-participacion-2024", "en", "andes-post.example", "2024-07-30T08:00:00-04:00",
    "CARACAS — Opposition leader María Corina Machado said turnout was nearly 60 percent, close to the council's figure, but that Edmundo González won 67% of the vote.",
    [f("turnout", "2024 presidential election", 0.6, "nearly 60 percent", "María Corina Machado"),
     f("vote-share", "Edmundo González", 0.67, "67% of the vote", "María Corina Machado")])
art("fig-train-015", "s5-participacion-2024", "es", "voz-oriente.example", "2024-07-30T12:00:00-04:00",
    "El CNE atribuyó a Nicolás Maduro el 51,2 % de los votos. Según la Plataforma Unitaria Democrática, las actas que recogió dan a Edmundo González el 67 % y a Maduro el 30 %.",
    [f("vote-share", "Nicolás Maduro", 0.512, "el 51,2 % de los votos", CNE),
     f("vote-share", "Edmundo González", 0.67, "el 67 %", "Plataforma Unitaria Democrática"),
     f("vote-share", "Nicolás Maduro", 0.3, "el 30 %", "Plataforma Unitaria Democrática")])
# s5 (continued): the 2024 results, the opposition's tally sheets against the council: the noun
# "votes" is not repeated after the second number; a source named after what it released
PUD = "Plataforma Unitaria Democrática"
art("fig-train-016", "s5-participacion-2024", "es", "diario-uno.example", "2024-07-31T10:00:00-04:00",
    "CARACAS — Según cálculos publicados por la Plataforma Unitaria Democrática, Edmundo González obtuvo 7,1 millones de votos frente a 3,2 millones de Nicolás Maduro. El Gobierno calificó las cifras de falsas.",
    [f("votes", "Edmundo González", 7100000, "7,1 millones de votos", PUD),
     f("votes", "Nicolás Maduro", 3200000, "3,2 millones", PUD)])
art("fig-train-017", "s5-participacion-2024", "en", "andes-post.example", "2024-07-31T15:00:00-04:00",
    "CARACAS — The National Electoral Council said on Wednesday that Nicolás Maduro won 5.15 million votes, against 4.45 million for Edmundo González, and that the results were final.",
    [f("votes", "Nicolás Maduro", 5150000, "5.15 million votes", CNE),
     f("votes", "Edmundo González", 4450000, "4.45 million", CNE)])
# s6: 2021 regional elections: a coalition's own count of the governorships it won against the council's
GPP = "Gran Polo Patriótico"
art("fig-train-018", "s6-gobernaciones-2021", "es", "diario-uno.example", "2021-11-22T09:00:00-04:00",
    "CARACAS — El Gran Polo Patriótico afirma que ganó 20 de las 23 gobernaciones en disputa, aunque el Consejo Nacional Electoral aún no termina el conteo de los votos.",
    [f("governorships-won", GPP, 20, "20 de las 23 gobernaciones", GPP, 23)])
art("fig-train-019", "s6-gobernaciones-2021", "en", "andes-post.example", "2021-11-22T15:00:00-04:00",
    "CARACAS — The National Electoral Council said the ruling coalition won 18 of the 23 governorships in Sunday's regional elections, with Barinas still too close to call.",
    [f("governorships-won", GPP, 18, "18 of the 23 governorships", CNE, 23)])

# ---- Second batch (s7-s13): written to make the rules generalise. Labels were written with the
# text, before the extractor was run on it; outlets of every kind (wire, state media, opposition
# press, foreign papers, opinion), figures written many ways, and numbers that are not figures.
OPP = "Oposición"
PSUV = "Partido Socialista Unido de Venezuela"
MUD = "Mesa de la Unidad Democrática"
# s7: 2013 municipal elections: mayoralties, turnout written four ways, abstention is not turnout
E13 = "2013 municipal elections"
art("fig-train-020", "s7-municipales-2013", "es", "agencia-sur.example", "2013-12-09T05:30:00-04:30",
    "CARACAS, 9 dic (Agencia Sur) — El Gran Polo Patriótico se impuso en 242 de las 335 alcaldías en disputa, informó la presidenta del Consejo Nacional Electoral, Tibisay Lucena, en un boletín leído pasada la medianoche. La oposición ganó 76 alcaldías, entre ellas las de cuatro capitales de estado.\n\nLucena precisó que la participación se ubicó en 58,92 %. En el registro había 18,9 millones de electores inscritos. Los comicios del 8 de diciembre eran los primeros de alcance nacional tras la muerte de Hugo Chávez, en marzo.",
    [f("mayoralties-won", GPP, 242, "242 de las 335 alcaldías", CNE, 335),
     f("mayoralties-won", OPP, 76, "76 alcaldías"),
     f("turnout", E13, 0.5892, "58,92 %", CNE),
     f("registered-voters", E13, 18900000, "18,9 millones de electores inscritos")])
art("fig-train-021", "s7-municipales-2013", "en", "northern-ledger.example", "2013-12-09T14:00:00-04:30",
    "CARACAS — President Nicolás Maduro's ruling coalition won about 240 of the 335 mayoralties at stake on Sunday, the electoral council said, but the opposition held on to the capital's main districts and several large cities.\n\nAbout 59% of voters cast ballots, a respectable figure for local elections. Maduro, 51, had called the vote a referendum on his first eight months in office, with inflation running above 50 percent and shortages of basic goods.",
    [f("mayoralties-won", GPP, 240, "about 240 of the 335 mayoralties", CNE, 335),
     f("turnout", E13, 0.59, "About 59% of voters cast ballots")])
art("fig-train-022", "s7-municipales-2013", "es", "la-ventana.example", "2013-12-10T09:00:00-04:30",
    "OPINIÓN — Seis de cada diez electores acudieron a votar el domingo, y la abstención, que rondó el 41 %, no fue la que el Gobierno esperaba. La Mesa de la Unidad Democrática asegura que ganó 81 alcaldías y que sacó más votos que el oficialismo en las ocho ciudades más pobladas. El artículo 174 de la Constitución dice que el alcalde gobierna el municipio; el artículo 175 no dice nada de protectores nombrados a dedo.",
    [f("turnout", E13, 0.6, "Seis de cada diez electores acudieron a votar"),
     f("mayoralties-won", MUD, 81, "81 alcaldías", MUD)])
# s8: 2014 protests: detained and killed, ranges, words, attributions after the figure
P14 = "2014 protests"
OVCS = "Observatorio Venezolano de Conflictividad Social"
art("fig-train-023", "s8-protestas-2014", "es", "agencia-sur.example", "2014-03-28T11:00:00-04:30",
    "CARACAS, 28 mar (Agencia Sur) — La fiscal general, Luisa Ortega Díaz, informó que 39 personas han muerto y 608 resultaron heridas desde que comenzaron las protestas el 12 de febrero. Según el Ministerio Público, 1.854 personas fueron detenidas en ese lapso, de las cuales la mayoría ya fue liberada.\n\nEl Foro Penal eleva la cifra de arrestados a más de 2.000 en siete semanas de manifestaciones.",
    [f("killed", P14, 39, "39 personas", "Ministerio Público"),
     f("detained", P14, 1854, "1.854 personas", "Ministerio Público"),
     f("detained", P14, 2000, "más de 2.000", "Foro Penal")])
art("fig-train-024", "s8-protestas-2014", "en", "northern-ledger.example", "2014-03-29T10:00:00-04:30",
    "CARACAS — At least 39 people have been killed in seven weeks of street protests against President Nicolás Maduro, the attorney general said on Friday. Rights groups say between 1,800 and 2,100 protesters have been arrested, most of them students under 25.\n\nThe government blames the violence on opposition leaders; Leopoldo López, 42, has been in a military prison since February 18.",
    [f("killed", P14, 39, "At least 39 people", "Ministerio Público"),
     f("detained", P14, 1800, "between 1,800 and 2,100 protesters", None, None, 2100)])
art("fig-train-025", "s8-protestas-2014", "es", "radio-del-estado.example", "2014-03-30T08:00:00-04:30",
    "El ministro de Interior aseguró que los fallecidos en las guarimbas suman treinta y seis, y que la mayoría murió en barricadas levantadas por grupos violentos. Un informe del Observatorio Venezolano de Conflictividad Social contabiliza 41 muertos y casi 1.900 detenidos desde febrero. El precio del kilo de harina subió a 25 bolívares en los mercados populares.",
    [f("killed", P14, 36, "treinta y seis", None),
     f("killed", P14, 41, "41 muertos", OVCS),
     f("detained", P14, 1900, "casi 1.900 detenidos", OVCS)])
# s9: 2023 opposition primary: votes, shares, candidates, polling stations, pollsters' margins
PRI = "2023 opposition primary"
CNP = "Comisión Nacional de Primaria"
MCM = "María Corina Machado"
art("fig-train-026", "s9-primaria-2023", "es", "agencia-sur.example", "2023-10-23T07:00:00-04:00",
    "CARACAS, 23 oct (Agencia Sur) — María Corina Machado ganó la primaria opositora con el 93,13 % de los votos, según el primer boletín de la Comisión Nacional de Primaria, con el 26 % de las actas procesadas. Carlos Prosperi quedó segundo con 4,75 %.\n\nJesús María Casal, presidente de la comisión, dijo que votaron más de 2,3 millones de personas en los 3.010 centros de votación instalados en el país y en el exterior. En la boleta había diez candidatos, aunque cuatro declinaron antes del domingo.",
    [f("vote-share", MCM, 0.9313, "93,13 % de los votos", CNP),
     f("vote-share", "Carlos Prosperi", 0.0475, "4,75 %", CNP),
     f("votes", PRI, 2300000, "más de 2,3 millones de personas", CNP),
     f("polling-stations", PRI, 3010, "3.010 centros de votación", CNP),
     f("candidates", PRI, 10, "diez candidatos")])
art("fig-train-027", "s9-primaria-2023", "en", "northern-ledger.example", "2023-10-24T09:00:00-04:00",
    "CARACAS — Former lawmaker María Corina Machado won Venezuela's opposition primary by a landslide, taking 92.35 percent of the vote with most ballots counted, the organising commission said on Monday. A poll published in September had given her 60 percent, with a margin of error of 3 points.\n\nTurnout was far above what the organisers expected: some 2.4 million Venezuelans voted, the commission estimated, at home and in 80 cities abroad.",
    [f("vote-share", MCM, 0.9235, "92.35 percent of the vote", CNP),
     f("votes", PRI, 2400000, "some 2.4 million Venezuelans", CNP)])
art("fig-train-028", "s9-primaria-2023", "es", "voz-oriente.example", "2023-10-24T18:00:00-04:00",
    "Machado obtuvo 2.253.825 votos, de acuerdo con el boletín final de la Comisión Nacional de Primaria. La participación, que los organizadores no quisieron expresar como porcentaje del registro, superó todas las previsiones. El oficialismo, por boca de Diosdado Cabello, sostiene que no votaron más de 600.000 personas y que las 1.200 mesas fueron una farsa.",
    [f("votes", MCM, 2253825, "2.253.825 votos", CNP),
     f("votes", PRI, 600000, "no votaron más de 600.000 personas", "Diosdado Cabello")])
# s10: 2021 regional and municipal elections: turnout, mayoralties, candidates, abstention
R21 = "2021 regional elections"
art("fig-train-029", "s10-megaelecciones-2021", "es", "radio-del-estado.example", "2021-11-22T06:00:00-04:00",
    "CARACAS — El Gran Polo Patriótico Simón Bolívar obtuvo la victoria en 205 alcaldías, anunció el presidente del CNE, Pedro Calzadilla, quien cifró la participación en 41,80 %. Más de 70.000 candidatos se disputaron 3.082 cargos en las megaelecciones.\n\nEn total acudieron a votar 8.151.793 electores, dijo Calzadilla.",
    [f("mayoralties-won", GPP, 205, "205 alcaldías", CNE),
     f("turnout", R21, 0.418, "41,80 %", CNE),
     f("candidates", R21, 70000, "Más de 70.000 candidatos", CNE),
     f("votes", R21, 8151793, "8.151.793 electores", CNE)])
art("fig-train-030", "s10-megaelecciones-2021", "en", "northern-ledger.example", "2021-11-22T16:00:00-04:00",
    "CARACAS — Fewer than half of Venezuela's 21 million registered voters took part in Sunday's regional and municipal elections: turnout stood at 42.26 percent, the council said in its second bulletin. The opposition, running for the first time since 2017, won 59 mayoralties.\n\nEuropean Union observers, deployed in 22 states, will issue a preliminary report on Tuesday.",
    [f("registered-voters", R21, 21000000, "21 million registered voters"),
     f("turnout", R21, 0.4226, "42.26 percent", CNE),
     f("mayoralties-won", OPP, 59, "59 mayoralties")])
art("fig-train-031", "s10-megaelecciones-2021", "es", "la-ventana.example", "2021-11-23T10:00:00-04:00",
    "La abstención superó el 58 %, recuerda el Observatorio Electoral Venezolano, y eso pesa más que cualquier alcaldía. Los partidos opositores se llevaron 117 alcaldías si se suman las de la Alianza Democrática y las de la Plataforma Unitaria, según el conteo del observatorio, con apenas cuatro de cada diez votantes en las urnas.",
    [f("mayoralties-won", OPP, 117, "117 alcaldías", "Observatorio Electoral Venezolano"),
     f("turnout", R21, 0.4, "cuatro de cada diez votantes")])
# s11: 2024 presidential: tally sheets, polling stations and voting tables, votes in words
P24 = "2024 presidential election"
art("fig-train-032", "s11-actas-2024", "es", "la-ventana.example", "2024-07-30T09:00:00-04:00",
    "CARACAS — La Plataforma Unitaria Democrática dijo haber reunido el 73,2 % de las actas de escrutinio, que según su conteo dan a Edmundo González 6,27 millones de votos. El país tenía 15.797 centros de votación; en cada mesa se imprimió una copia del acta.",
    [f("tally-sheets-collected", PUD, 0.732, "73,2 % de las actas", PUD),
     f("votes", "Edmundo González", 6270000, "6,27 millones de votos", PUD),
     f("polling-stations", P24, 15797, "15.797 centros de votación")])
art("fig-train-033", "s11-actas-2024", "en", "harbour-times.example", "2024-07-31T11:00:00-04:00",
    "CARACAS — The opposition says it has copies of more than 24,000 tally sheets out of some 30,000 voting tables, enough to show that Edmundo González won. According to those records González received 67 percent of the vote. The National Electoral Council, which counted 30,026 tables, has not published results by polling station 72 hours after the vote, as article 146 of its rules requires.",
    [f("tally-sheets-collected", OPP, 24000, "more than 24,000 tally sheets", OPP),
     f("vote-share", "Edmundo González", 0.67, "67 percent of the vote", OPP)])
art("fig-train-034", "s11-actas-2024", "es", "radio-del-estado.example", "2024-08-02T20:00:00-04:00",
    "El CNE ratificó este viernes que Nicolás Maduro obtuvo el 51,95 % de los votos, con el 96,87 % de las actas transmitidas, y que Edmundo González alcanzó el 43,18 %. El presidente del organismo, Elvis Amoroso, afirmó que Maduro sumó más de seis millones de votos.",
    [f("vote-share", "Nicolás Maduro", 0.5195, "51,95 % de los votos", CNE),
     f("vote-share", "Edmundo González", 0.4318, "43,18 %", CNE),
     f("votes", "Nicolás Maduro", 6000000, "más de seis millones de votos", CNE)])
# s12: 2024 post-election protests: detained written as presos, arrestados, detenidos; killed
PE = "2024 post-election protests"
art("fig-train-035", "s12-postelectoral-2024", "es", "agencia-sur.example", "2024-08-08T12:00:00-04:00",
    "CARACAS, 8 ago (Agencia Sur) — El fiscal general, Tarek William Saab, informó que 2.229 personas han sido arrestadas por los hechos violentos posteriores a la elección. Foro Penal contabiliza 1.303 presos políticos detenidos desde el 29 de julio, entre ellos 114 adolescentes.\n\nLas protestas dejaron al menos 23 fallecidos, según organizaciones de derechos humanos.",
    [f("detained", PE, 2229, "2.229 personas", "Ministerio Público"),
     f("detained", "political prisoners", 1303, "1.303 presos políticos", "Foro Penal"),
     f("killed", PE, 23, "al menos 23 fallecidos")])
art("fig-train-036", "s12-postelectoral-2024", "en", "harbour-times.example", "2024-08-09T08:00:00-04:00",
    "CARACAS — Venezuelan security forces have arrested more than 2,000 people since the disputed July 28 election, the government says, while rights groups count 24 dead. Maduro, who is 61, has promised \"maximum punishment\" and two new maximum-security prisons.",
    [f("detained", PE, 2000, "more than 2,000 people", None),
     f("killed", PE, 24, "24 dead")])
art("fig-train-037", "s12-postelectoral-2024", "es", "voz-oriente.example", "2024-08-10T10:00:00-04:00",
    "Los familiares de los detenidos hacen fila frente a Tocorón desde las 5 de la mañana. Provea registra veinticinco muertos en la represión y unos 1.500 presos, muchos de ellos menores de 30 años. Una bolsa de comida para un preso cuesta unos 40 dólares.",
    [f("killed", PE, 25, "veinticinco muertos", "Provea"),
     f("detained", PE, 1500, "unos 1.500 presos", "Provea")])
# s13: 2025 regional and parliamentary elections: governorships, seats (curules, diputados), states
R25 = "2025 regional and parliamentary elections"
art("fig-train-038", "s13-regionales-2025", "es", "radio-del-estado.example", "2025-05-26T07:00:00-04:00",
    "CARACAS — El Gran Polo Patriótico ganó 23 de las 24 gobernaciones y 253 de los 285 escaños de la Asamblea Nacional, anunció el CNE. La participación fue de 42,63 %, según el organismo, que contabilizó 5.555.000 votos.",
    [f("governorships-won", GPP, 23, "23 de las 24 gobernaciones", CNE, 24),
     f("seats-won", GPP, 253, "253 de los 285 escaños", CNE, 285),
     f("turnout", R25, 0.4263, "42,63 %", CNE),
     f("votes", R25, 5555000, "5.555.000 votos", CNE)])
art("fig-train-039", "s13-regionales-2025", "en", "harbour-times.example", "2025-05-26T15:00:00-04:00",
    "CARACAS — Only about one in eight registered voters went to the polls on Sunday, according to an independent count by the Venezuelan Electoral Observatory, far below the 42.6% the electoral council reported. The ruling party will govern 23 of the 24 states, though most of the opposition had called for a boycott. Opposition lawmakers will hold 13 of the 285 seats, the council said.",
    [f("turnout", R25, 0.125, "about one in eight registered voters went to the polls", "Observatorio Electoral Venezolano"),
     f("turnout", R25, 0.426, "42.6%", CNE),
     f("governorships-won", PSUV, 23, "23 of the 24 states"),
     f("seats-won", OPP, 13, "13 of the 285 seats", CNE, 285)])
art("fig-train-040", "s13-regionales-2025", "es", "la-ventana.example", "2025-05-27T09:00:00-04:00",
    "Según el recuento de la oposición, no más del 15 % de los inscritos votó el domingo. La Alianza Democrática logró cinco curules, y el chavismo se quedó con la gobernación de Zulia por primera vez desde 2017. Una encuesta de marzo daba al oficialismo 30 % de intención de voto.",
    [f("turnout", R25, 0.15, "no más del 15 % de los inscritos votó", OPP),
     f("seats-won", "Alianza Democrática", 5, "cinco curules")])
# ---- Third batch (s14-s16), written after the second batch's rules, labels first again: states
# carried in a presidential vote, a turnout of another election named in passing, offices lost
# (not won), counts linked to their noun by a verb, a death toll, people eligible to vote.
CH = "Hugo Chávez"
HC = "Henrique Capriles"
P12 = "2012 presidential election"
R12 = "2012 regional elections"
art("fig-train-041", "s14-presidencial-2012", "es", "agencia-sur.example", "2012-10-08T06:00:00-04:30",
    "CARACAS, 8 oct (Agencia Sur) — Hugo Chávez fue reelegido con 8.191.132 votos, el 55,07 % de los sufragios, frente a 6.591.304 de Henrique Capriles, informó el Consejo Nacional Electoral. Chávez se impuso en 22 de los 24 estados, y Capriles solo ganó en Táchira y Mérida.\n\nLa participación alcanzó el 80,49 %, una cifra récord, según la rectora Tibisay Lucena, quien precisó que el registro electoral sumaba 18.903.143 electores.",
    [f("votes", CH, 8191132, "8.191.132 votos", CNE),
     f("vote-share", CH, 0.5507, "55,07 % de los sufragios", CNE),
     f("votes", HC, 6591304, "6.591.304", CNE),
     f("states-won-by-votes", CH, 22, "22 de los 24 estados", None, 24),
     f("turnout", P12, 0.8049, "80,49 %", CNE),
     f("registered-voters", P12, 18903143, "18.903.143 electores", CNE)])
art("fig-train-042", "s14-presidencial-2012", "en", "northern-ledger.example", "2012-10-08T12:00:00-04:30",
    "CARACAS — President Hugo Chávez won a fourth term on Sunday with 8.1 million votes, or about 55 percent, beating Henrique Capriles, who took 44 percent. Chávez, 58, who has been treated for cancer since 2011, carried 22 of the 24 states, the National Electoral Council said.\n\nAlmost 81 percent of registered voters took part, one of the highest turnouts in the country's history.",
    [f("votes", CH, 8100000, "8.1 million votes"),
     f("vote-share", CH, 0.55, "about 55 percent"),
     f("vote-share", HC, 0.44, "44 percent"),
     f("states-won-by-votes", CH, 22, "22 of the 24 states", CNE, 24),
     f("turnout", P12, 0.81, "Almost 81 percent of registered voters took part")])
art("fig-train-043", "s14-presidencial-2012", "es", "la-ventana.example", "2012-10-09T09:00:00-04:30",
    "OPINIÓN — Capriles sacó 6,5 millones de votos y la campaña oficial habla de paliza. El candidato opositor ganó en dos estados; en 2006 la oposición no había ganado en ninguno. Con una inflación de 20 % anual y una aprobación presidencial que según las encuestas rondaba el 50 %, once puntos de diferencia no son un cheque en blanco.",
    [f("votes", HC, 6500000, "6,5 millones de votos"),
     f("states-won-by-votes", HC, 2, "dos estados")])
art("fig-train-044", "s15-regionales-2012", "es", "radio-del-estado.example", "2012-12-17T07:00:00-04:30",
    "El PSUV conquistó 20 de las 23 gobernaciones en los comicios del domingo, anunció el CNE, que cifró la participación en 53,94 %. Entre 2.000 y 2.500 testigos del partido vigilaron las mesas, dijo su jefe de campaña. La MUD retuvo tres gobernaciones: Miranda, Lara y Amazonas.",
    [f("governorships-won", PSUV, 20, "20 de las 23 gobernaciones", CNE, 23),
     f("turnout", R12, 0.5394, "53,94 %", CNE),
     f("governorships-won", MUD, 3, "tres gobernaciones")])
art("fig-train-045", "s15-regionales-2012", "en", "wire-north.example", "2012-12-17T11:00:00-04:30",
    "CARACAS, Dec 17 (Wire) — President Hugo Chávez's ruling party won 20 of 23 governor's races on Sunday, and the opposition held on to three governorships, the election board said. Turnout was just under 54%, down from 80% in October's presidential vote. Some 17.4 million people were eligible to vote, the board said.",
    [f("governorships-won", PSUV, 20, "20 of 23 governor's races", CNE, 23),
     f("governorships-won", OPP, 3, "three governorships", CNE),
     f("turnout", R12, 0.54, "just under 54%"),
     f("turnout", P12, 0.8, "80%"),
     f("registered-voters", R12, 17400000, "Some 17.4 million people", CNE)])
art("fig-train-046", "s15-regionales-2012", "es", "la-ventana.example", "2012-12-18T10:00:00-04:30",
    "La Mesa de la Unidad Democrática reconoció la derrota, pero recordó que sus candidatos sumaron 4,3 millones de votos en todo el país. «Perdimos cuatro gobernaciones que teníamos desde 2008», admitió el secretario ejecutivo de la coalición, Ramón Guillermo Aveledo, de 62 años.",
    [f("votes", MUD, 4300000, "4,3 millones de votos", MUD)])
P19 = "2019 protests"
art("fig-train-047", "s16-protestas-2019", "en", "harbour-times.example", "2019-01-25T18:00:00-04:00",
    "CARACAS — At least 35 people have died in four days of protests against Nicolás Maduro, the Venezuelan Observatory of Social Conflict said on Friday, and about 850 people have been detained, including 77 minors, according to Foro Penal. The United Nations human rights office put the death toll at 26.",
    [f("killed", P19, 35, "At least 35 people", OVCS),
     f("detained", P19, 850, "about 850 people", "Foro Penal"),
     f("killed", P19, 26, "26", "Naciones Unidas")])
art("fig-train-048", "s16-protestas-2019", "es", "agencia-sur.example", "2019-01-26T10:00:00-04:00",
    "CARACAS, 26 ene (Agencia Sur) — El Foro Penal contabilizó 850 arrestos desde el lunes, mientras que la cifra de fallecidos se eleva a 35, según el Observatorio Venezolano de Conflictividad Social. El Gobierno no ha dado un balance oficial; el ministro de Comunicación dijo que los detenidos son «menos de 300».",
    [f("detained", P19, 850, "850 arrestos", "Foro Penal"),
     f("killed", P19, 35, "35", OVCS),
     f("detained", P19, 300, "menos de 300")])
art("fig-train-049", "s16-protestas-2019", "es", "voz-oriente.example", "2019-01-27T09:00:00-04:00",
    "A escala nacional, los muertos ya son 40, afirma Provea, y los presos son más de 1.000. La ONG pide liberar a los 12 periodistas detenidos y a los 30 adolescentes que siguen en calabozos policiales.",
    [f("killed", P19, 40, "40", "Provea"),
     f("detained", P19, 1000, "más de 1.000", "Provea")])
# ---- Fourth batch (s17-s23), written on 2026-12-07 before the extractor was run on them, labels
# with the text: a first and a final bulletin, abbreviations (5,2 MM, 5.8m), thirds and sixths,
# live-blog times, elided nouns, possessive and after-the-figure attributions, elections the
# vocabulary did not name yet (2008 regionals, the 2012 primary), offices of an earlier election.
P18 = "2018 presidential election"
FAVL = "Frente Amplio Venezuela Libre"
NM = "Nicolás Maduro"
HF = "Henri Falcón"
art("fig-train-050", "s17-presidencial-2018", "es", "agencia-sur.example", "2018-05-21T06:00:00-04:00",
    "CARACAS, 21 may (Agencia Sur) — Nicolás Maduro fue reelegido con 5.823.728 votos, el 67,7 % del total, informó la presidenta del Consejo Nacional Electoral, Tibisay Lucena, en un boletín leído pasada la medianoche con el 92,6 % de las actas transmitidas. Henri Falcón obtuvo 1.820.552 votos (20,9 %) y Javier Bertucci, 925.042.\n\nLucena cifró la participación en 46,1 %, la más baja en una presidencial desde 1958. Votaron 9,3 millones de los 20.526.978 inscritos en el registro electoral.",
    [f("votes", NM, 5823728, "5.823.728 votos", CNE),
     f("vote-share", NM, 0.677, "el 67,7 % del total", CNE),
     f("votes", HF, 1820552, "1.820.552 votos", CNE),
     f("vote-share", HF, 0.209, "20,9 %", CNE),
     f("votes", "Javier Bertucci", 925042, "925.042", CNE),
     f("turnout", P18, 0.461, "46,1 %", CNE),
     f("votes", P18, 9300000, "9,3 millones", CNE),
     f("registered-voters", P18, 20526978, "20.526.978 inscritos", CNE)])
art("fig-train-051", "s17-presidencial-2018", "en", "northern-ledger.example", "2018-05-21T14:00:00-04:00",
    "CARACAS — Nicolás Maduro claimed a second six-year term on Sunday in a vote boycotted by the main opposition parties. The electoral council said he won 5.8m votes, or roughly two-thirds of ballots cast, and that turnout was 46 per cent.\n\nThe Frente Amplio opposition coalition, which had urged Venezuelans to stay at home, put turnout at no more than 30 per cent, citing its own observers at 1,000 voting centres. Henri Falcón, 56, a former governor of Lara who broke the boycott, refused to recognise the result and called for a new vote before December.",
    [f("votes", NM, 5800000, "5.8m votes", CNE),
     f("vote-share", NM, 0.6667, "roughly two-thirds of ballots cast", CNE),
     f("turnout", P18, 0.46, "46 per cent", CNE),
     f("turnout", P18, 0.3, "no more than 30 per cent", FAVL)])
art("fig-train-052", "s17-presidencial-2018", "es", "la-ventana.example", "2018-05-22T09:00:00-04:00",
    "ANÁLISIS — Ni la mitad del padrón acudió a votar el domingo, y según el Frente Amplio apenas tres de cada diez electores lo hicieron. Al chavismo le bastó con movilizar a su base.\n\nSegún el boletín definitivo del CNE, Maduro reunió unos 6,2 millones de votos, casi 1,4 millones menos que en 2013, cuando sumó 7,58 millones; Falcón se quedó en torno a 1,9 millones, el 21 %. Falcón había prometido un millón de testigos. El dólar paralelo, mientras tanto, cerró la semana a 1.000.000 de bolívares.",
    [f("turnout", P18, 0.3, "tres de cada diez electores", FAVL),
     f("votes", NM, 6200000, "unos 6,2 millones de votos", CNE),
     f("votes", NM, 7580000, "7,58 millones", CNE),
     f("votes", HF, 1900000, "en torno a 1,9 millones", CNE),
     f("vote-share", HF, 0.21, "el 21 %", CNE)])
CA17 = "2017 Constituent Assembly election"
art("fig-train-053", "s18-constituyente-2017", "es", "radio-del-estado.example", "2017-07-31T00:30:00-04:00",
    "CARACAS — Más de ocho millones de venezolanos votaron este domingo para elegir a los 545 constituyentes, anunció la presidenta del CNE, Tibisay Lucena. «Han participado 8.089.320 electores, un 41,53 % del padrón», precisó Lucena, quien calificó la jornada de «extraordinaria».\n\nSegún el organismo, se habilitaron 14.515 centros de votación en todo el país, y 6.120 candidatos se disputaron los escaños.",
    [f("votes", CA17, 8000000, "Más de ocho millones de venezolanos", CNE),
     f("votes", CA17, 8089320, "8.089.320 electores", CNE),
     f("turnout", CA17, 0.4153, "un 41,53 % del padrón", CNE),
     f("polling-stations", CA17, 14515, "14.515 centros de votación", CNE),
     f("candidates", CA17, 6120, "6.120 candidatos", CNE)])
art("fig-train-054", "s18-constituyente-2017", "en", "wire-north.example", "2017-08-02T11:00:00-04:00",
    "LONDON, Aug 2 (Wire) — Smartmatic, the company that supplied Venezuela's voting machines, said on Wednesday that turnout in Sunday's Constituent Assembly vote had been manipulated by at least one million votes. The council's 8.1 million figure would be a record for a chavista vote.\n\nThe opposition, which boycotted the vote, says only about 2.5 million people voted, or 12 percent of the electorate.",
    [f("votes", CA17, 8100000, "8.1 million", CNE),
     f("votes", CA17, 2500000, "about 2.5 million people", OPP),
     f("turnout", CA17, 0.12, "12 percent of the electorate", OPP)])
art("fig-train-055", "s18-constituyente-2017", "es", "voz-oriente.example", "2017-08-01T10:00:00-04:00",
    "MATURÍN — En Monagas, el gobernador aseguró que votó el 60 % de los inscritos del estado. A escala nacional, la oposición estima que acudieron a las urnas unos 2,4 millones de personas, menos de un tercio de lo que anunció el CNE; el chavismo responde que «ocho millones no se inventan».\n\nLa asamblea sesionará por un período de hasta dos años, según el decreto 2.830.",
    [f("votes", CA17, 2400000, "unos 2,4 millones de personas", OPP),
     f("votes", CA17, 8000000, "ocho millones", PSUV)])
M17 = "2017 municipal elections"
art("fig-train-056", "s19-municipales-2017", "es", "radio-del-estado.example", "2017-12-11T07:00:00-04:00",
    "CARACAS — El Gran Polo Patriótico obtuvo 308 de las 335 alcaldías en disputa en las municipales de este domingo, anunció el CNE, que situó la participación en 47,32 %. Se postularon más de 1.500 candidatos, agregó el organismo. El oficialismo también ganó la gobernación del Zulia, que se repetía ese mismo día.",
    [f("mayoralties-won", GPP, 308, "308 de las 335 alcaldías", CNE, 335),
     f("turnout", M17, 0.4732, "47,32 %", CNE),
     f("candidates", M17, 1500, "más de 1.500 candidatos", CNE)])
art("fig-train-057", "s19-municipales-2017", "en", "harbour-times.example", "2017-12-11T16:00:00-04:00",
    "CARACAS — Candidates of the ruling coalition won more than 300 of the 335 mayoral races on Sunday, in a vote the three largest opposition parties sat out. Maduro, 55, said the result proved the opposition no longer exists.\n\nThe council put turnout at 47 percent. Independent observers said fewer than one in three voters had shown up.",
    [f("mayoralties-won", GPP, 300, "more than 300 of the 335 mayoral races", None, 335),
     f("turnout", M17, 0.47, "47 percent", CNE),
     f("turnout", M17, 0.3333, "fewer than one in three voters")])
art("fig-train-058", "s19-municipales-2017", "es", "el-llano.example", "2017-12-12T10:00:00-04:00",
    "OPINIÓN — Los números del 10 de diciembre, estado por estado, cuentan otra historia. En Barinas el chavismo ganó las 12 alcaldías; en Mérida, 21 de 23. En todo el país, el Gran Polo Patriótico se quedó con 308 alcaldías y la oposición con 27, y la participación —un 47 % según el CNE— fue la más baja en una municipal desde 2005, cuando no llegó al 40 %.\n\nLa Ley de Partidos, en su artículo 25, obliga ahora a los partidos que no participaron a renovarse. Tres de las 27 alcaldías opositoras fueron para Avanzada Progresista.",
    [f("mayoralties-won", GPP, 308, "308 alcaldías"),
     f("mayoralties-won", OPP, 27, "27"),
     f("turnout", M17, 0.47, "un 47 %", CNE),
     f("turnout", "2005 municipal elections", 0.4, "no llegó al 40 %"),
     f("mayoralties-won", "Avanzada Progresista", 3, "Tres de las 27 alcaldías", None, 27)])
PR12 = "2012 opposition primary"
CEP = "Comisión Electoral de Primarias"
art("fig-train-059", "s20-primaria-2012", "es", "agencia-sur.example", "2012-02-13T05:00:00-04:30",
    "CARACAS, 13 feb (Agencia Sur) — Henrique Capriles ganó la primaria de la oposición con 1.806.625 votos, el 62,2 %, frente al 30,3 % de Pablo Pérez, según el primer boletín de la Comisión Electoral de Primarias. Votaron unos 2,9 millones de personas, informó su presidenta, Teresa Albanes.\n\nMaría Corina Machado quedó tercera con un 3,7 %. Los cinco aspirantes firmaron en enero un pacto de unidad.",
    [f("votes", HC, 1806625, "1.806.625 votos", CEP),
     f("vote-share", HC, 0.622, "el 62,2 %", CEP),
     f("vote-share", "Pablo Pérez", 0.303, "30,3 %", CEP),
     f("votes", PR12, 2900000, "unos 2,9 millones de personas", CEP),
     f("vote-share", MCM, 0.037, "un 3,7 %"),
     f("candidates", PR12, 5, "cinco aspirantes")])
art("fig-train-060", "s20-primaria-2012", "en", "andes-post.example", "2012-02-13T13:00:00-04:30",
    "CARACAS — Henrique Capriles, the 39-year-old governor of Miranda, will challenge Hugo Chávez in October after winning about 64 percent of the vote in Sunday's opposition primary, organizers said. More than 3 million Venezuelans cast ballots, well above the 1.5 million to 2 million they had hoped for.\n\nChávez, who won 7.3 million votes in 2006, dismissed the primary as a show. The ruling party said no more than 1 million people voted in the primary.",
    [f("vote-share", HC, 0.64, "about 64 percent of the vote", CEP),
     f("votes", PR12, 3000000, "More than 3 million Venezuelans", CEP),
     f("votes", CH, 7300000, "7.3 million votes"),
     f("votes", PR12, 1000000, "no more than 1 million people", PSUV)])
art("fig-train-061", "s20-primaria-2012", "es", "la-ventana.example", "2012-02-14T09:00:00-04:30",
    "Con el 100 % de las actas escrutadas, la Comisión Electoral de Primarias dio a Capriles 1.900.528 votos, el 64,2 %. Pérez sumó 896.875. La participación, de poco más de 3 millones de electores, equivale a uno de cada seis inscritos en el registro nacional, de 18 millones.",
    [f("votes", HC, 1900528, "1.900.528 votos", CEP),
     f("vote-share", HC, 0.642, "el 64,2 %", CEP),
     f("votes", "Pablo Pérez", 896875, "896.875", CEP),
     f("votes", PR12, 3000000, "poco más de 3 millones de electores", CEP),
     f("turnout", PR12, 0.1667, "uno de cada seis inscritos", CEP),
     f("registered-voters", PR12, 18000000, "18 millones", CEP)])
EG = "Edmundo González"
art("fig-train-062", "s21-resultados-2024", "en", "orinoco-live.example", "2024-07-29T02:30:00-04:00",
    "LIVE — 00:10: The National Electoral Council has declared Nicolás Maduro the winner with 51.2% against 44.2% for Edmundo González, with 80% of the tally sheets counted. Turnout: 59%.\n\n00:25: Opposition leader María Corina Machado says the result is impossible. 'We have 40% of the tally sheets and González is winning 70% to 30%,' she told reporters.\n\n01:40: Ten candidates were on the ballot, but the race was always between two.",
    [f("vote-share", NM, 0.512, "51.2%", CNE),
     f("vote-share", EG, 0.442, "44.2%", CNE),
     f("turnout", P24, 0.59, "59%", CNE),
     f("tally-sheets-collected", OPP, 0.4, "40% of the tally sheets", MCM),
     f("vote-share", EG, 0.7, "70%", MCM),
     f("vote-share", NM, 0.3, "30%", MCM),
     f("candidates", P24, 10, "Ten candidates")])
art("fig-train-063", "s21-resultados-2024", "es", "diario-uno.example", "2024-08-02T10:00:00-04:00",
    "CARACAS — El CNE ratificó el viernes su segundo boletín: 6.408.844 votos para Maduro, el 51,95 %, y 5.326.104 para González, el 43,18 %. La oposición, que publicó en internet copias de 24.532 actas, más del 81 % del total, sostiene que González obtuvo 7,1 millones de votos, más del doble que Maduro.\n\nEl registro electoral era de 21.620.705 electores; de ellos, unos 4 millones viven fuera del país y no pudieron inscribirse.",
    [f("votes", NM, 6408844, "6.408.844 votos", CNE),
     f("vote-share", NM, 0.5195, "el 51,95 %", CNE),
     f("votes", EG, 5326104, "5.326.104", CNE),
     f("vote-share", EG, 0.4318, "el 43,18 %", CNE),
     f("tally-sheets-collected", OPP, 24532, "24.532 actas", OPP),
     f("tally-sheets-collected", OPP, 0.81, "más del 81 % del total", OPP),
     f("votes", EG, 7100000, "7,1 millones de votos", OPP),
     f("registered-voters", P24, 21620705, "21.620.705 electores")])
PP = "political prisoners"
MP = "Ministerio Público"
art("fig-train-064", "s22-presos-2024", "es", "observatorio-ddhh.example", "2024-11-05T10:00:00-04:00",
    "INFORME — Al cierre de octubre, Foro Penal contabiliza 1.963 presos políticos en Venezuela, la cifra más alta desde que la organización lleva registro. De ellos, 1.791 fueron arrestados después de la elección del 28 de julio; 69 son adolescentes.\n\nLa ONG calcula que en la represión postelectoral murieron al menos 25 personas, casi todas por disparos, y que fueron detenidas unas 1.800, aunque el fiscal general, Tarek William Saab, eleva esa cifra a 2.229.",
    [f("detained", PP, 1963, "1.963 presos políticos", "Foro Penal"),
     f("killed", PE, 25, "al menos 25 personas", "Foro Penal"),
     f("detained", PE, 1800, "unas 1.800", "Foro Penal"),
     f("detained", PE, 2229, "2.229", MP)])
art("fig-train-065", "s22-presos-2024", "en", "state-wire.example", "2024-11-06T09:00:00-04:00",
    "CARACAS — Attorney General Tarek William Saab said on Wednesday that 2,229 people were arrested for acts of violence after the July 28 election, and that 1,369 of them have since been released. He put the number of dead at 28, including two soldiers.\n\nThe figures contradict those of so-called human rights NGOs, which, he said, inflate the numbers for foreign funders. Foro Penal's register of political prisoners stands at about 1,900.",
    [f("detained", PE, 2229, "2,229 people", MP),
     f("killed", PE, 28, "28", MP),
     f("detained", PP, 1900, "about 1,900", "Foro Penal")])
R08 = "2008 regional elections"
art("fig-train-066", "s23-regionales-2008", "es", "agencia-sur.example", "2008-11-24T05:00:00-04:30",
    "CARACAS, 24 nov (Agencia Sur) — El PSUV ganó 17 de las 22 gobernaciones en disputa y la oposición se impuso en cinco, entre ellas Miranda, Carabobo y Zulia, informó el CNE. La participación fue de 65,45 %, la más alta en unas regionales.\n\nEl partido de gobierno sumó 5,2 MM de votos en todo el país, frente a 4,2 MM de la oposición, según cálculos del propio PSUV.",
    [f("governorships-won", PSUV, 17, "17 de las 22 gobernaciones", CNE, 22),
     f("governorships-won", OPP, 5, "cinco", CNE),
     f("turnout", R08, 0.6545, "65,45 %", CNE),
     f("votes", PSUV, 5200000, "5,2 MM de votos", PSUV),
     f("votes", OPP, 4200000, "4,2 MM", PSUV)])
art("fig-train-067", "s23-regionales-2008", "en", "northern-ledger.example", "2008-11-24T15:00:00-04:30",
    "CARACAS — Hugo Chávez's socialist party won 17 of the 22 governorships in Sunday's regional elections, but the opposition captured the two most populous states, Zulia and Miranda, as well as the mayor's office of Greater Caracas. The opposition, which says its candidates got 5.3m votes nationwide, now governs states home to almost half of all Venezuelans.\n\nChávez, who has been in power since 1999, called the result a clear victory. Turnout was a record 65 per cent, the election board said.",
    [f("governorships-won", PSUV, 17, "17 of the 22 governorships", None, 22),
     f("votes", OPP, 5300000, "5.3m votes", OPP),
     f("turnout", R08, 0.65, "a record 65 per cent", CNE)])
art("fig-train-068", "s23-regionales-2008", "es", "el-llano.example", "2008-11-25T09:00:00-04:30",
    "OPINIÓN — El oficialismo se quedó con 17 gobernaciones, tres menos que las 20 que tenía desde 2004; en Barinas, feudo de la familia Chávez, ganó por menos de 10.000 votos. La oposición, por su parte, pasó de dos a cinco gobernaciones.\n\nCon un barril de petróleo a 50 dólares, el 2009 será otro año.",
    [f("governorships-won", PSUV, 17, "17 gobernaciones"),
     f("governorships-won", PSUV, 20, "las 20 que tenía desde 2004"),
     f("governorships-won", OPP, 2, "dos"),
     f("governorships-won", OPP, 5, "cinco gobernaciones")])
for a in A:
    for g in a["figures"]:
        assert g["text"] in a["body"], (a["id"], g["text"])
with open("articles.jsonl", "w") as out:
    for a in A: out.write(json.dumps(a, ensure_ascii=False) + "\n")
C = [
  {"story": "s1-regionales-2017", "conflicts": [], "not_conflicts": [
    {"quantity": "turnout", "subject": "2017 regional elections", "why": "same CNE figure rounded: 61,14 %, about 61 percent, 61,1 %"},
    {"quantity": "governorships-won", "subject": "Partido Socialista Unido de Venezuela", "why": "18 of 23 states by votes is states-won-by-votes, not governorships"}]},
  {"story": "s2-parlamentarias-2015", "conflicts": [
    {"quantity": "seats-won", "subject": "Mesa de la Unidad Democrática", "values": [
      {"value": 113, "articles": ["fig-train-005"]}, {"value": 112, "articles": ["fig-train-005"]}, {"value": 99, "articles": ["fig-train-004"]}]}],
   "not_conflicts": [{"quantity": "turnout", "subject": "2015 parliamentary elections", "why": "revision by the same source: 74,25 % then 74,17 %"}]},
  {"story": "s3-protestas-2017", "conflicts": [
    {"quantity": "detained", "subject": "2017 protests", "values": [{"value": 3000, "articles": ["fig-train-007", "fig-train-008"]}, {"value": 1500, "articles": ["fig-train-009"]}]},
    {"quantity": "killed", "subject": "2017 protests", "values": [{"value": 75, "articles": ["fig-train-007"]}, {"value": 74, "articles": ["fig-train-008"]}]}],
   "not_conflicts": []},
  {"story": "s4-presidencial-2013", "conflicts": [],
   "not_conflicts": [
    {"quantity": "vote-share", "subject": "Nicolás Maduro", "why": "same CNE figure rounded: 50,66 % and about 50.7%"},
    {"quantity": "votes", "subject": "Nicolás Maduro", "why": "same CNE figure rounded: 7.587.579 and 7.58 million"}]},
  {"story": "s5-participacion-2024", "conflicts": [
    {"quantity": "vote-share", "subject": "Nicolás Maduro", "values": [{"value": 0.512, "articles": ["fig-train-015"]}, {"value": 0.3, "articles": ["fig-train-015"]}]},
    {"quantity": "votes", "subject": "Nicolás Maduro", "values": [{"value": 5150000, "articles": ["fig-train-017"]}, {"value": 3200000, "articles": ["fig-train-016"]}]},
    {"quantity": "votes", "subject": "Edmundo González", "values": [{"value": 7100000, "articles": ["fig-train-016"]}, {"value": 4450000, "articles": ["fig-train-017"]}]}],
   "not_conflicts": [{"quantity": "turnout", "subject": "2024 presidential election", "why": "59 % and nearly 60 percent agree at the precision written"},
                     {"quantity": "vote-share", "subject": "Edmundo González", "why": "67% from Machado and from the Unitary Platform: one value"}]},
  {"story": "s6-gobernaciones-2021", "conflicts": [
    {"quantity": "governorships-won", "subject": "Gran Polo Patriótico", "values": [{"value": 20, "articles": ["fig-train-018"]}, {"value": 18, "articles": ["fig-train-019"]}]}],
   "not_conflicts": []},
  {"story": "s7-municipales-2013", "conflicts": [],
   "not_conflicts": [
    {"quantity": "turnout", "subject": "2013 municipal elections", "why": "58,92 %, about 59% and six in ten agree at the precision written"},
    {"quantity": "mayoralties-won", "subject": "Gran Polo Patriótico", "why": "242 and about 240 of 335: one CNE figure, approximated"}]},
  {"story": "s8-protestas-2014", "conflicts": [
    {"quantity": "killed", "subject": "2014 protests", "values": [{"value": 39, "articles": ["fig-train-023", "fig-train-024"]}, {"value": 36, "articles": ["fig-train-025"]}, {"value": 41, "articles": ["fig-train-025"]}]},
    {"quantity": "detained", "subject": "2014 protests", "values": [{"value": 1854, "articles": ["fig-train-023"]}, {"value": 2000, "articles": ["fig-train-023"]}, {"value": 1800, "articles": ["fig-train-024"]}, {"value": 1900, "articles": ["fig-train-025"]}]}],
   "not_conflicts": []},
  {"story": "s9-primaria-2023", "conflicts": [
    {"quantity": "votes", "subject": "2023 opposition primary", "values": [{"value": 2300000, "articles": ["fig-train-026"]}, {"value": 2400000, "articles": ["fig-train-027"]}, {"value": 600000, "articles": ["fig-train-028"]}]}],
   "not_conflicts": [{"quantity": "vote-share", "subject": "María Corina Machado", "why": "93,13 % then 92.35 %: the same commission's first and later bulletin"}]},
  {"story": "s10-megaelecciones-2021", "conflicts": [
    {"quantity": "mayoralties-won", "subject": "Oposición", "values": [{"value": 59, "articles": ["fig-train-030"]}, {"value": 117, "articles": ["fig-train-031"]}]}],
   "not_conflicts": [{"quantity": "turnout", "subject": "2021 regional elections", "why": "41,80 % then 42,26 %: the council's first and second bulletins; four in ten at its precision"}]},
  {"story": "s11-actas-2024", "conflicts": [
    {"quantity": "vote-share", "subject": "Edmundo González", "values": [{"value": 0.67, "articles": ["fig-train-033"]}, {"value": 0.4318, "articles": ["fig-train-034"]}]}],
   "not_conflicts": []},
  {"story": "s12-postelectoral-2024", "conflicts": [
    {"quantity": "detained", "subject": "2024 post-election protests", "values": [{"value": 2229, "articles": ["fig-train-035"]}, {"value": 2000, "articles": ["fig-train-036"]}, {"value": 1500, "articles": ["fig-train-037"]}]},
    {"quantity": "killed", "subject": "2024 post-election protests", "values": [{"value": 23, "articles": ["fig-train-035"]}, {"value": 24, "articles": ["fig-train-036"]}, {"value": 25, "articles": ["fig-train-037"]}]}],
   "not_conflicts": []},
  {"story": "s13-regionales-2025", "conflicts": [
    {"quantity": "turnout", "subject": "2025 regional and parliamentary elections", "values": [{"value": 0.4263, "articles": ["fig-train-038", "fig-train-039"]}, {"value": 0.125, "articles": ["fig-train-039"]}, {"value": 0.15, "articles": ["fig-train-040"]}]}],
   "not_conflicts": []},
  {"story": "s14-presidencial-2012", "conflicts": [
    {"quantity": "votes", "subject": "Hugo Chávez", "values": [{"value": 8191132, "articles": ["fig-train-041"]}, {"value": 8100000, "articles": ["fig-train-042"]}]},
    {"quantity": "turnout", "subject": "2012 presidential election", "values": [{"value": 0.8049, "articles": ["fig-train-041"]}, {"value": 0.81, "articles": ["fig-train-042"]}]}],
   "not_conflicts": [
    {"quantity": "votes", "subject": "Henrique Capriles", "why": "6.591.304 and 6,5 millones: one figure, rounded"},
    {"quantity": "states-won-by-votes", "subject": "Hugo Chávez", "why": "22 of 24 states from the outlet and the council: one value"}]},
  {"story": "s15-regionales-2012", "conflicts": [],
   "not_conflicts": [
    {"quantity": "turnout", "subject": "2012 regional elections", "why": "53,94 % and just under 54%: one value"},
    {"quantity": "governorships-won", "subject": "Oposición", "why": "the MUD's three and the opposition's three: one value; four lost is not a count won"}]},
  {"story": "s16-protestas-2019", "conflicts": [
    {"quantity": "killed", "subject": "2019 protests", "values": [{"value": 35, "articles": ["fig-train-047", "fig-train-048"]}, {"value": 26, "articles": ["fig-train-047"]}, {"value": 40, "articles": ["fig-train-049"]}]},
    {"quantity": "detained", "subject": "2019 protests", "values": [{"value": 850, "articles": ["fig-train-047", "fig-train-048"]}, {"value": 300, "articles": ["fig-train-048"]}, {"value": 1000, "articles": ["fig-train-049"]}]}],
   "not_conflicts": []},
  {"story": "s17-presidencial-2018", "conflicts": [
    {"quantity": "turnout", "subject": "2018 presidential election", "values": [{"value": 0.461, "articles": ["fig-train-050", "fig-train-051"]}, {"value": 0.3, "articles": ["fig-train-051", "fig-train-052"]}]}],
   "not_conflicts": [
    {"quantity": "votes", "subject": "Nicolás Maduro", "why": "the council's first (5.823.728, 5.8m) and final (6,2 millones) bulletins: a revision; 7,58 millones is 2013's"},
    {"quantity": "vote-share", "subject": "Nicolás Maduro", "why": "67,7 % and roughly two-thirds: the council's figure in words"},
    {"quantity": "votes", "subject": "Henri Falcón", "why": "1.820.552 then about 1,9 millones: the council's first and final bulletins"},
    {"quantity": "vote-share", "subject": "Henri Falcón", "why": "20,9 % and 21 %: one value rounded"}]},
  {"story": "s18-constituyente-2017", "conflicts": [
    {"quantity": "votes", "subject": "2017 Constituent Assembly election", "values": [{"value": 8089320, "articles": ["fig-train-053", "fig-train-054", "fig-train-055"]}, {"value": 2500000, "articles": ["fig-train-054"]}, {"value": 2400000, "articles": ["fig-train-055"]}]},
    {"quantity": "turnout", "subject": "2017 Constituent Assembly election", "values": [{"value": 0.4153, "articles": ["fig-train-053"]}, {"value": 0.12, "articles": ["fig-train-054"]}]}],
   "not_conflicts": []},
  {"story": "s19-municipales-2017", "conflicts": [
    {"quantity": "turnout", "subject": "2017 municipal elections", "values": [{"value": 0.4732, "articles": ["fig-train-056", "fig-train-057", "fig-train-058"]}, {"value": 0.3333, "articles": ["fig-train-057"]}]}],
   "not_conflicts": [
    {"quantity": "mayoralties-won", "subject": "Gran Polo Patriótico", "why": "308 of 335 and more than 300 of 335: one value, bounded"}]},
  {"story": "s20-primaria-2012", "conflicts": [
    {"quantity": "votes", "subject": "2012 opposition primary", "values": [{"value": 2900000, "articles": ["fig-train-059"]}, {"value": 3000000, "articles": ["fig-train-060", "fig-train-061"]}, {"value": 1000000, "articles": ["fig-train-060"]}]}],
   "not_conflicts": [
    {"quantity": "votes", "subject": "Henrique Capriles", "why": "1.806.625 then 1.900.528: the commission's first and final bulletins"},
    {"quantity": "vote-share", "subject": "Henrique Capriles", "why": "62,2 % then about 64 percent and 64,2 %: the commission's revision"}]},
  {"story": "s21-resultados-2024", "conflicts": [
    {"quantity": "vote-share", "subject": "Nicolás Maduro", "values": [{"value": 0.512, "articles": ["fig-train-062"]}, {"value": 0.5195, "articles": ["fig-train-063"]}, {"value": 0.3, "articles": ["fig-train-062"]}]},
    {"quantity": "vote-share", "subject": "Edmundo González", "values": [{"value": 0.442, "articles": ["fig-train-062"]}, {"value": 0.4318, "articles": ["fig-train-063"]}, {"value": 0.7, "articles": ["fig-train-062"]}]},
    {"quantity": "votes", "subject": "Edmundo González", "values": [{"value": 5326104, "articles": ["fig-train-063"]}, {"value": 7100000, "articles": ["fig-train-063"]}]}],
   "not_conflicts": [
    {"quantity": "tally-sheets-collected", "subject": "Oposición", "why": "40% on the night, 24.532 actas (81 %) four days later: the opposition's running count, two dates"}]},
  {"story": "s22-presos-2024", "conflicts": [
    {"quantity": "killed", "subject": "2024 post-election protests", "values": [{"value": 25, "articles": ["fig-train-064"]}, {"value": 28, "articles": ["fig-train-065"]}]},
    {"quantity": "detained", "subject": "2024 post-election protests", "values": [{"value": 1800, "articles": ["fig-train-064"]}, {"value": 2229, "articles": ["fig-train-064", "fig-train-065"]}]}],
   "not_conflicts": [
    {"quantity": "detained", "subject": "political prisoners", "why": "1.963 and about 1,900: Foro Penal's one register, rounded"}]},
  {"story": "s23-regionales-2008", "conflicts": [
    {"quantity": "votes", "subject": "Oposición", "values": [{"value": 4200000, "articles": ["fig-train-066"]}, {"value": 5300000, "articles": ["fig-train-067"]}]}],
   "not_conflicts": [
    {"quantity": "governorships-won", "subject": "Partido Socialista Unido de Venezuela", "why": "17 in 2008 and the 20 held since 2004: two elections"},
    {"quantity": "governorships-won", "subject": "Oposición", "why": "five in 2008 and two before: two elections"},
    {"quantity": "turnout", "subject": "2008 regional elections", "why": "65,45 % and 65 per cent: the board's figure rounded"}]},
]
with open("conflicts.jsonl", "w") as out:
    for c in C: out.write(json.dumps(c, ensure_ascii=False) + "\n")
