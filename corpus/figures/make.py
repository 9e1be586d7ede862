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
]
with open("conflicts.jsonl", "w") as out:
    for c in C: out.write(json.dumps(c, ensure_ascii=False) + "\n")
