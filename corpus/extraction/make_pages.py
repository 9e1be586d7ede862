#!/usr/bin/env python3
"""Writes the extraction development pages (and, with --heldout, the held-out pages).

Every outlet, person quoted and event here is invented; every domain is on `.example`. The
pages are built from layouts written for this set, each one a pattern Spanish-language news
sites serve (WordPress, Arc-style infinite scroll, a body split over sibling sections,
paywalls with a teaser, standfirsts, one-line footers, evening dates in -04:00/-05:00/-03:00).
Each page gets must/must-not segments in trafilatura's evaluation format
({"id": {"file", "url", "date", "with": [...], "without": [...]}}).

  python3 corpus/extraction/make_pages.py            # dev/  (written before the fixes)
  python3 corpus/extraction/make_pages.py --heldout  # heldout/ (written after them, measured once)
"""
import html
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

HELDOUT = "--heldout" in sys.argv
rng = random.Random(4242 if HELDOUT else 2024)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "heldout" if HELDOUT else "dev")

CITIES = ["Maracaibo", "Valencia", "Barquisimeto", "Mérida", "Cumaná", "Puerto Ordaz", "San Cristóbal",
          "Ciudad Bolívar", "Barinas", "Maturín", "Coro", "Los Teques", "Guanare", "Tucupita",
          "Cúcuta", "Pasto", "Arequipa", "Rosario", "Mendoza", "Temuco", "Cuenca", "Santa Cruz"]
PEOPLE = ["Marta Quintero", "Luis Alberto Peña", "Rosalba Méndez", "Ernesto Villalba", "Carmen Sáez",
          "Julio Arráiz", "Teresa Lugo", "Andrés Benavides", "Yolanda Pacheco", "Ramiro Ostos",
          "Inés Carvajal", "Gustavo Lander", "Beatriz Urdaneta", "Hernán Toledo", "Nelly Carrasco"]
ROLES = ["la coordinadora regional del comando de campaña", "el rector del consejo electoral regional",
         "la presidenta de la cámara de comercio local", "el vocero de la asociación de vecinos",
         "la directora del observatorio electoral", "el secretario general del sindicato de maestros",
         "el alcalde del municipio", "la defensora de los derechos del votante"]
TOPICS = [
    ("cierre de mesas", "el cierre de las mesas de votación", "las actas de escrutinio"),
    ("transmisión de resultados", "la transmisión de los resultados", "los boletines oficiales"),
    ("apagón", "el apagón que afectó a tres parroquias", "las plantas eléctricas de respaldo"),
    ("protesta", "la protesta frente a la sede del consejo regional", "los detenidos de la jornada"),
    ("precio del combustible", "el aumento del precio de la gasolina", "las colas en las estaciones de servicio"),
    ("registro electoral", "la actualización del registro electoral en el exterior", "los consulados"),
    ("observación", "el informe preliminar de los observadores", "las irregularidades denunciadas"),
    ("transporte", "la suspensión de rutas del transporte público", "los trabajadores del turno nocturno"),
    ("salud", "la falta de insumos en el hospital central", "los pacientes renales"),
    ("educación", "el inicio del año escolar con aulas sin pupitres", "los docentes jubilados"),
]
SENTENCES = [
    "{Person}, {role}, aseguró que {topic} se desarrolló con normalidad en {n} de los {m} centros de {city}, aunque reconoció retrasos en las zonas rurales.",
    "Según cifras entregadas a este medio, {n} personas se acercaron durante la tarde a preguntar por {thing}, una cifra que duplica la de la semana anterior.",
    "La situación en {city} se complicó después de las {h} de la noche, cuando {topic} obligó a los funcionarios a trabajar con linternas y listas escritas a mano.",
    "«No vamos a aceptar que nos digan que todo está bien cuando los vecinos ven lo contrario», dijo {person} en una rueda de prensa improvisada en la plaza principal.",
    "Las autoridades regionales no respondieron a las consultas sobre {thing} hasta el cierre de esta edición, y tampoco publicaron un comunicado en sus cuentas oficiales.",
    "Un recorrido por {n} parroquias de {city} permitió constatar que {topic} afectó sobre todo a los sectores populares del oeste de la ciudad.",
    "En el mercado municipal, los comerciantes comentaban {topic} mientras atendían a los pocos clientes que llegaron antes del toque de queda informal.",
    "{Person} recordó que en {year} ocurrió algo parecido y que entonces la explicación oficial tardó {n} días en llegar a la población.",
    "Los testigos de mesa consultados coincidieron en que {thing} fueron el principal motivo de discusión entre los miembros de las mesas y los electores.",
    "La organización de observadores pidió publicar {thing} de cada centro, mesa por mesa, para que cualquier ciudadano pueda comparar las cifras con las que recibió su testigo.",
    "A las {h} de la noche, la fila frente a la escuela de {city} todavía superaba las {n} personas, muchas de ellas adultos mayores que llevaban horas de pie.",
    "El gobernador del estado, por su parte, atribuyó {topic} a «factores externos» y prometió una investigación cuyos resultados se conocerán en {n} días.",
    "Para {person}, lo ocurrido con {thing} demuestra que hace falta más control ciudadano y menos discursos en la televisión estatal.",
    "Las redes sociales se llenaron de videos grabados con teléfonos en los que se ve {topic}, aunque este medio no pudo verificar la fecha de todos ellos.",
    "Vecinos de la urbanización consultados por este diario dijeron que {thing} no llegaron a tiempo y que tuvieron que organizarse por su cuenta con {n} voluntarios.",
    "Fuentes del consejo regional explicaron, bajo condición de anonimato, que {topic} se debió a una falla de coordinación entre dos dependencias.",
    "El economista {person} estimó que {topic} costará a los comercios de {city} cerca de {n} mil dólares en ventas perdidas durante la semana.",
    "La noticia corrió rápido por los grupos de mensajería de {city}, donde circularon listas de {thing} con nombres, cédulas y números de teléfono.",
    "Los dirigentes de la oposición anunciaron que presentarán un recurso formal sobre {thing} ante el organismo competente antes del viernes.",
    "Al final de la jornada, {person} pidió calma y aseguró que el comando seguirá contando voto por voto hasta tener la totalidad de {thing}.",
    "Hasta la medianoche no se había informado de heridos, pero los bomberos de {city} se mantuvieron en alerta por la cantidad de gente concentrada en las calles.",
    "La última vez que {city} vivió una noche así fue en {year}, recuerdan los comerciantes del casco histórico, que cerraron sus santamarías antes de tiempo.",
]
DEKS = [
    "{Person} denunció que {topic} dejó sin respuesta a miles de vecinos de {city} durante la noche",
    "Los observadores piden publicar {thing} y las autoridades regionales guardan silencio",
    "Vecinos de {city} pasaron la noche en la calle a la espera de noticias sobre {thing}",
    "El comando regional asegura que {topic} no cambia el resultado, pero exige una auditoría",
    "Comerciantes y transportistas de {city} calculan las pérdidas que dejó {topic}",
]
TITLES = [
    "{City}: lo que se sabe sobre {short}",
    "Denuncian retrasos por {short} en {city}",
    "{short_cap} en {city} deja más preguntas que respuestas",
    "Así vivió {city} la noche del {short}",
    "Vecinos de {city} exigen explicaciones por el {short}",
    "{Person} pide cuentas por el {short} en {city}",
]
DONATIONS = ["Apoya el periodismo independiente: haz tu donación aquí.",
             "Tu aporte sostiene este trabajo. Dona desde 1 dólar.",
             "Si valoras nuestro trabajo, apóyanos con una contribución mensual."]
FOLLOWS = ["Síguenos en Telegram, X e Instagram para más noticias.",
           "Síguenos en nuestro canal de WhatsApp.",
           "Únete a nuestro canal de Telegram y recibe las noticias al instante."]
NEWSLETTERS = ["Recibe nuestro boletín cada mañana en tu correo.",
               "Suscríbete a nuestro boletín y no te pierdas nada.",
               "Inscríbete gratis en nuestro newsletter semanal."]
OFFSETS = [-4, -5, -3]
OUTLETS_DEV = ["El Vigilante del Lago", "Diario La Costa", "Noticias del Llano", "El Observador Andino",
               "La Voz de Oriente", "Crónica Sur", "El Correo del Caribe", "Semanario Pulso"]
OUTLETS_HELD = ["La Brújula Digital", "El Faro del Valle", "Prensa Libre del Sur", "Diario Meridiano Este"]


def fill(template, ctx):
    return template.format(**ctx)


def article(i):
    topic = rng.choice(TOPICS)
    city = rng.choice(CITIES)
    person = rng.choice(PEOPLE)
    ctx = {"city": city, "City": city, "person": person, "Person": person, "role": rng.choice(ROLES),
           "topic": topic[1], "thing": topic[2], "short": topic[0], "short_cap": topic[0].capitalize()}
    sents = rng.sample(SENTENCES, k=rng.randint(7, 11))
    paras = []
    for s in sents:
        c = dict(ctx, n=rng.randint(3, 90), m=rng.randint(91, 300), h=rng.choice(["nueve", "diez", "once"]),
                 year=rng.choice([2013, 2015, 2018, 2019]), person=rng.choice(PEOPLE))
        c["Person"] = c["person"]
        paras.append(fill(s, c))
    # a few two-sentence paragraphs, as papers write them
    merged = []
    for p in paras:
        if merged and len(merged[-1]) < 180 and rng.random() < 0.3:
            merged[-1] += " " + p
        else:
            merged.append(p)
    off = rng.choice(OFFSETS)
    local_hour = rng.choice([19, 20, 21, 22, 23])
    local = datetime(2024, rng.choice([7, 8]), rng.randint(1, 28), local_hour, rng.choice([5, 10, 25, 40, 55]),
                     tzinfo=timezone(timedelta(hours=off)))
    title = fill(rng.choice(TITLES), ctx)
    title = title[0].upper() + title[1:]
    return {"title": title, "dek": fill(rng.choice(DEKS), ctx) + ".", "paras": merged, "local": local,
            "author": rng.choice(PEOPLE), "city": city}


def iso(d, utc=False):
    return (d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if utc
            else d.isoformat())


MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]


def visible(d, style):
    h12 = d.hour % 12 or 12
    if style == 0:
        return f"{d.day} de {MESES[d.month - 1]} de {d.year} - {h12}:{d.minute:02d} p. m."
    if style == 1:
        return f"{d.day:02d}/{d.month:02d}/{d.year} {d.hour:02d}:{d.minute:02d}"
    return f"{d.day} {MESES[d.month - 1][:3]}. {d.year}, {d.hour:02d}:{d.minute:02d} hrs"


def esc(s):
    return html.escape(s, quote=True)


def head(a, outlet, url, date_meta, extra=""):
    return f"""<!doctype html>
<html lang="es"><head><meta charset="utf-8">
<title>{esc(a['title'])} | {esc(outlet)}</title>
<meta name="description" content="{esc(a['dek'])}">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="{esc(outlet)}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<link rel="canonical" href="{url}">
{date_meta}{extra}
</head>"""


def nav(outlet):
    return f"""<header class="site-header"><div class="logo"><a href="/">{esc(outlet)}</a></div>
<nav class="main-menu"><ul><li><a href="/politica">Política</a></li><li><a href="/economia">Economía</a></li><li><a href="/regiones">Regiones</a></li><li><a href="/opinion">Opinión</a></li></ul></nav></header>"""


def related(others):
    items = "".join(f'<li><a href="/nota/{k}">{esc(o["title"])}</a></li>' for k, o in enumerate(others))
    return f'<div class="related-posts"><h3>Te puede interesar</h3><ul>{items}</ul></div>'


def site_footer(outlet):
    return f"""<footer class="site-footer"><p>© 2024 {esc(outlet)}. Todos los derechos reservados.</p>
<p><a href="/quienes-somos">Quiénes somos</a> · <a href="/contacto">Contacto</a> · <a href="/privacidad">Privacidad</a></p></footer>"""


def ps(paras, cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{esc(p)}</p>" for p in paras)


def footers():
    return [rng.choice(DONATIONS), rng.choice(FOLLOWS), rng.choice(NEWSLETTERS)]


# ---- layouts: each returns (html, with_extra, without) -----------------------------------------

def wordpress(a, outlet, url, others):
    d = a["local"]
    utc_ld = rng.random() < 0.5
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": outlet},
        {"@type": "NewsArticle", "headline": a["title"], "datePublished": iso(d, utc=utc_ld),
         "author": {"@type": "Person", "name": a["author"]}}]}
    meta = f'<meta property="article:published_time" content="{iso(d, utc=utc_ld)}">\n'
    meta += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    f = footers()
    body = f"""<body class="post-template-default single single-post">
{nav(outlet)}
<div id="page" class="site"><div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{rng.randint(1000, 99999)}" class="post type-post status-publish format-standard hentry category-regiones">
<header class="entry-header"><h1 class="entry-title">{esc(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{iso(d, utc=utc_ld)}">{visible(d, 0)}</time></span>
<span class="byline"> por <span class="author vcard"><a class="url fn n" href="/autor/x">{esc(a['author'])}</a></span></span></div></header>
<div class="entry-content">
{ps(a['paras'])}
<p><strong>{esc(f[0])}</strong></p>
<p><em>{esc(f[1])}</em></p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Compartir:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">WhatsApp</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Relacionado</em></h3></div>
</div>
<footer class="entry-footer"><span class="cat-links">Publicado en <a href="/regiones">Regiones</a></span></footer>
</article>
{related(others)}
<div id="comments" class="comments-area"><h2 class="comments-title">2 comentarios</h2><ol class="comment-list"><li class="comment"><p>Excelente nota, así mismo pasó en mi barrio anoche, nadie nos informó de nada.</p></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>{esc(f[2])}</h2><form><input type="email"><button>Enviar</button></form></section></aside>
</div></div>
{site_footer(outlet)}
</body></html>"""
    return head(a, outlet, url, meta) + body, [], f[:2] + [o["paras"][0] for o in others[:1]]


def stacked(a, outlet, url, others):
    d = a["local"]
    meta = f'<meta property="article:published_time" content="{iso(d, utc=True)}">\n'
    meta += f'<meta property="article:section" content="Regiones">'

    def one(x, xurl, first):
        dd = x["local"]
        return f"""<article class="b-article" data-url="{xurl}">
<div class="b-article__head"><span class="kicker">Regiones</span><h1 class="b-article__title">{esc(x['title'])}</h1>
<h2 class="b-article__subheadline">{esc(x['dek'])}</h2>
<div class="b-article__date">{visible(dd, 0)}</div></div>
<div class="b-article__body">{ps(x['paras'], 'b-paragraph')}</div>
<div class="b-share"><a href="#">Compartir en Facebook</a><a href="#">Compartir en X</a></div>
</article>"""
    # the next stories are longer than the requested one: the longest is not the answer
    nexts = [dict(o, paras=o["paras"] + o["paras"][:3]) for o in others[:3]]
    stories = [one(a, url, True)] + [one(o, url.rsplit("/", 1)[0] + f"/siguiente-{k}", False)
                                     for k, o in enumerate(nexts)]
    body = f"""<body><div id="fusion-app">{nav(outlet)}
<div class="layout-main"><div class="infinite-scroll-container">
{''.join(f'<div class="infinite-item">{s}</div><div class="ad-slot" data-ad="mid"></div>' for s in stories)}
</div></div>{site_footer(outlet)}</div></body></html>"""
    without = [x["paras"][1] for x in nexts] + [x["title"] for x in nexts]
    return head(a, outlet, url, meta) + body, [a["dek"]], without


def split(a, outlet, url, others):
    d = a["local"]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": iso(d), "author": [{"@type": "Person", "name": a["author"]}]}
    meta = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    p = a["paras"]
    # a one-paragraph lead alone in its container scores little: the trap is to keep only the rest
    k1 = rng.choice([1, 2])
    k2 = k1 + rng.choice([1, 2])  # the last container holds most of the story
    f = footers()
    wrap = lambda xs: "\n".join(f'<div class="paragraph-wrapper"><p>{esc(x)}</p></div>' for x in xs)
    body = f"""<body>{nav(outlet)}
<main class="container"><div class="row"><div class="{rng.choice(['col-md-8 nota', 'col-md-8 columna-izq', 'col-lg-8'])}">
<h1 class="titulo">{esc(a['title'])}</h1>
<div class="autor-fecha"><span class="autor">Por {esc(a['author'])}</span> | <span class="fecha">{visible(d, 1)}</span></div>
<figure class="foto-principal"><img src="/img/{rng.randint(1, 999)}.jpg"><figcaption>Foto: archivo</figcaption></figure>
<section class="nota-entrada">{wrap(p[:k1])}</section>
<div class="publicidad"><div id="div-gpt-ad-1"></div></div>
<section class="nota-desarrollo">{wrap(p[k1:k2])}</section>
<div class="lee-tambien"><a href="/nota/1">LEE TAMBIÉN: {esc(others[0]['title'])}</a></div>
<section class="nota-cierre">{wrap(p[k2:])}</section>
<p class="nota-pie">{esc(f[1])}</p>
</div>
<div class="col-md-4 sidebar">{related(others)}</div></div></main>
{site_footer(outlet)}</body></html>"""
    return head(a, outlet, url, meta) + body, [], [f[1], others[0]["title"]]


def paywall(a, outlet, url, others):
    d = a["local"]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": iso(d), "isAccessibleForFree": "False",
          "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".paywalled"}}
    meta = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    lock = rng.choice(["Para suscriptores", "Para Suscriptores", "Exclusivo para suscriptores"])
    teaser = a["paras"][0]
    hidden_rest = a["paras"][1:4]
    style = rng.randint(0, 1)
    if style == 0:
        header = f"""<div class="article-header"><span class="article-lock"><i class="icon-lock"></i> {lock}</span>
<h1>{esc(a['title'])}</h1><p class="article-summary">{esc(a['dek'])}</p>
<time datetime="{iso(d)}">{visible(d, 2)}</time></div>"""
    else:
        header = f"""<header class="cabecera"><h1 class="titular">{esc(a['title'])}</h1>
<div class="entradilla"><span class="candado">{lock}</span> {esc(a['dek'])}</div>
<div class="firma">{esc(a['author'])} · <time datetime="{iso(d)}">{visible(d, 0)}</time></div></header>"""
    body = f"""<body>{nav(outlet)}
<div class="main-wrapper"><div class="article-container">
{header}
<div class="article-content"><p>{esc(teaser)}</p></div>
<div class="paywalled">{''.join(f'<p class="blurred">{esc(x[:60])}…</p>' for x in hidden_rest[:1])}</div>
<div class="paywall-box"><h3>Este contenido es exclusivo para suscriptores</h3>
<p>Suscríbete para seguir leyendo y accede sin límites a todas nuestras noticias e investigaciones.</p>
<a class="btn" href="/suscripcion">Suscríbete desde 2 dólares al mes</a><p>¿Ya eres suscriptor? <a href="/login">Inicia sesión</a></p></div>
</div><div class="sidebar">{related(others)}</div></div>
{site_footer(outlet)}</body></html>"""
    return (head(a, outlet, url, meta) + body, [a["dek"]],
            [lock, "Este contenido es exclusivo para suscriptores"] + [x[20:80] for x in hidden_rest[1:]])


def standfirst(a, outlet, url, others):
    d = a["local"]
    meta = f'<meta property="article:published_time" content="{iso(d)}">\n'
    kind = rng.randint(0, 2)
    tag = rng.choice(["header", "div"])  # a <header> is dropped with the site's header
    dek = esc(a["dek"])
    deks = [f'<h2 class="bajada">{dek}</h2>', f'<p class="article-dek">{dek}</p>',
            f'<div class="epigrafe"><p>{dek}</p></div>']
    f = footers()
    body = f"""<body>{nav(outlet)}
<div class="wrap"><div class="content"><div class="story">
<{tag} class="story-header"><a class="section" href="/regiones">Regiones</a>
<h1>{esc(a['title'])}</h1>
{deks[kind]}
<p class="meta">Por <a href="/autor">{esc(a['author'])}</a> · {visible(d, 0)}</p></{tag}>
<div class="story-text">
{ps(a['paras'][:3])}
<div class="newsletter-inline"><p>{esc(f[2])}</p><form><input type="email"><button>Quiero recibirlo</button></form></div>
{ps(a['paras'][3:])}
<p>{esc(f[0])}</p>
</div>
<div class="story-tags"><span>Temas:</span> <a href="/t/1">Elecciones</a> <a href="/t/2">Regiones</a></div>
</div>{related(others)}</div></div>
{site_footer(outlet)}</body></html>"""
    return head(a, outlet, url, meta) + body, [a["dek"]], [f[0], f[2]]


def plain(a, outlet, url, others):
    """An older CMS: table layout, date in the text, one-line footers as plain paragraphs."""
    d = a["local"]
    f = footers()
    meta = f'<meta name="date" content="{d.strftime("%Y-%m-%d")}">\n'
    body = f"""<body><table width="100%"><tr><td class="top"><a href="/">{esc(outlet)}</a> | <a href="/sec/1">Nacionales</a> | <a href="/sec/2">Deportes</a></td></tr>
<tr><td valign="top"><div id="noticia"><div class="antetitulo">{esc(a['city'])}</div><h1>{esc(a['title'])}</h1>
<div class="sumario">{esc(a['dek'])}</div>
<div class="fecha">{visible(d, 0)}</div>
<div class="texto">{ps(a['paras'])}
<p>{esc(f[1])}</p><p>{esc(f[0])}</p></div></div></td>
<td width="250" valign="top" class="lateral">{related(others)}</td></tr></table>
<div class="pie">© {esc(outlet)} 2024</div></body></html>"""
    return head(a, outlet, url, meta) + body, [a["dek"]], [f[0], f[1]]


LAYOUTS = [("wordpress", wordpress), ("stacked", stacked), ("split", split), ("paywall", paywall),
           ("standfirst", standfirst), ("plain", plain)]


def main():
    n = 12 if HELDOUT else 36
    os.makedirs(OUT, exist_ok=True)
    outlets = OUTLETS_HELD if HELDOUT else OUTLETS_DEV
    truth = {}
    for i in range(n):
        name, layout = LAYOUTS[i % len(LAYOUTS)]
        a = article(i)
        others = [article(i * 10 + k) for k in range(3)]
        outlet = outlets[i % len(outlets)]
        host = outlet.lower().replace(" ", "").translate(str.maketrans("áéíóú", "aeiou")) + ".example"
        d = a["local"]
        slug = f"{i:02d}-" + name
        url = f"https://www.{host}/regiones/{d.year}/{d.month:02d}/{d.day:02d}/{slug}"
        page, more_with, without = layout(a, outlet, url, others)
        pid = ("h" if HELDOUT else "d") + f"{i:02d}-{name}"
        with open(os.path.join(OUT, pid + ".html"), "w", encoding="utf-8") as out:
            out.write(page)
        p = a["paras"]
        pick = [p[0], p[len(p) // 2], p[-1]] if name != "paywall" else [p[0]]
        truth[pid] = {"file": pid + ".html", "url": url, "date": d.strftime("%Y-%m-%d"),
                      "layout": name, "paywalled": name == "paywall",
                      "with": [a["title"]] + more_with + pick, "without": without}
    with open(os.path.join(OUT, "segments.json"), "w", encoding="utf-8") as out:
        json.dump(truth, out, ensure_ascii=False, indent=1)
    print(f"{n} pages in {OUT}")


main()
