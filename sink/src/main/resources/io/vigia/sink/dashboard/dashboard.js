// Vigía dashboard: plain JavaScript, no build step. Reads the search API; every panel degrades
// to a short note when its endpoint is missing (e.g. the alerts stage is not running here).
(function () {
  'use strict';
  var LABELS = ['favor', 'against', 'neutral', 'none'];
  var COLORS = { favor: '#2e7d32', against: '#c62828', neutral: '#757575', none: '#b0bec5' };
  var FIELDS = ['q', 'entity', 'stance', 'language', 'source', 'since', 'until'];
  var known = { targets: {}, sources: {} };
  var seq = 0;

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function getJson(path) {
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(path.split('?')[0] + ': HTTP ' + r.status); }
      return r.json();
    });
  }

  /** The filters of the form, in the search API's vocabulary. */
  function filters() {
    var p = new URLSearchParams();
    FIELDS.forEach(function (f) {
      var v = $(f === 'q' ? 'q' : 'f-' + f).value.trim();
      if (v) { p.set(f, v); }
    });
    return p;
  }

  function withParams(path, p, extra) {
    var q = new URLSearchParams(p);
    Object.keys(extra || {}).forEach(function (k) { q.set(k, extra[k]); });
    var s = q.toString();
    return s ? path + '?' + s : path;
  }

  function day(a) { return String(a.publishedAt || a.fetchedAt || '').slice(0, 10); }

  /** The stance target the timeline shows: the filtered one, else the commonest in view. */
  function timelineTarget(articles) {
    var f = $('f-stance').value;
    if (f) { return f.split(':')[0]; }
    var counts = {};
    articles.forEach(function (a) { (a.stance || []).forEach(function (s) { counts[s.target] = (counts[s.target] || 0) + 1; }); });
    var best = null;
    Object.keys(counts).forEach(function (t) { if (best === null || counts[t] > counts[best]) { best = t; } });
    return best;
  }

  /** Stats computed in the page from a page of articles, when /api/stats is not served. */
  function statsFromArticles(articles) {
    var target = timelineTarget(articles);
    var days = {}, entities = {}, sources = {};
    articles.forEach(function (a) {
      var d = day(a);
      if (!d) { return; }
      var label = 'none';
      (a.stance || []).forEach(function (s) { if (s.target === target) { label = s.label; } });
      days[d] = days[d] || { favor: 0, against: 0, neutral: 0, none: 0 };
      days[d][label] = (days[d][label] || 0) + 1;
      (a.entities || []).forEach(function (e) {
        var k = e.id || e.name;
        entities[k] = entities[k] || { id: k, name: e.name || k, count: 0 };
        entities[k].count++;
      });
      if (a.source) { sources[a.source] = (sources[a.source] || 0) + 1; }
    });
    return {
      target: target,
      timeline: Object.keys(days).sort().map(function (d) { return { day: d, counts: days[d] }; }),
      entities: Object.keys(entities).map(function (k) { return entities[k]; }).sort(function (x, y) { return y.count - x.count; }).slice(0, 10),
      sources: Object.keys(sources).map(function (k) { return { name: k, count: sources[k] }; }).sort(function (x, y) { return y.count - x.count; }).slice(0, 10),
      approximate: true
    };
  }

  function num(o) {
    if (typeof o === 'number') { return o; }
    if (!o) { return 0; }
    var v = o.count !== undefined ? o.count : o.articles !== undefined ? o.articles : o.doc_count !== undefined ? o.doc_count : o.total;
    return typeof v === 'number' ? v : 0;
  }

  /** Reads /api/stats whatever its exact field names: per-day counts by stance, top entities, top sources. */
  function normaliseStats(s) {
    if (!s || typeof s !== 'object') { return null; }
    var raw = s.perDay || s.days || s.timeline || s.articlesPerDay || s.byDay || [];
    var byDay = {};
    function add(d, label, n) {
      if (!d) { return; }
      d = String(d).slice(0, 10);
      byDay[d] = byDay[d] || { favor: 0, against: 0, neutral: 0, none: 0 };
      var l = String(label || 'none').toLowerCase();
      byDay[d][LABELS.indexOf(l) >= 0 ? l : 'none'] += n;
    }
    if (!Array.isArray(raw)) { raw = Object.keys(raw).map(function (k) { var v = raw[k]; return typeof v === 'object' ? Object.assign({ day: k }, v) : { day: k, count: v }; }); }
    raw.forEach(function (r) {
      var d = r.day || r.date || r.key;
      var per = r.stance || r.counts || r.byStance || r.labels;
      if (Array.isArray(per)) {
        per.forEach(function (x) { add(d, x.label || x.key, num(x)); });
      } else if (per && typeof per === 'object') {
        Object.keys(per).forEach(function (l) { add(d, l, num(per[l])); });
      } else if (r.label) {
        add(d, r.label, num(r));
      } else if (LABELS.some(function (l) { return typeof r[l] === 'number'; })) {
        var labelled = 0;
        LABELS.forEach(function (l) { if (typeof r[l] === 'number') { add(d, l, r[l]); labelled += r[l]; } });
        if (typeof r.total === 'number' && typeof r.none !== 'number' && r.total > labelled) { add(d, 'none', r.total - labelled); }
      } else {
        add(d, 'none', num(r));
      }
    });
    var ents = (s.topEntities || s.entities || []).map(function (e) { return { id: e.id || e.key || e.name, name: e.name || e.id || e.key, count: num(e) }; });
    var srcs = (s.topSources || s.sources || []).map(function (x) { return { name: x.source || x.name || x.id || x.key, count: num(x) }; });
    return {
      target: s.target || null,
      timeline: Object.keys(byDay).sort().map(function (d) { return { day: d, counts: byDay[d] }; }),
      entities: ents, sources: srcs, approximate: false
    };
  }

  function renderTimeline(stats) {
    var box = clear($('timeline'));
    var rows = stats.timeline;
    var total = 0, max = 0;
    rows.forEach(function (r) {
      var t = 0;
      LABELS.forEach(function (l) { t += r.counts[l] || 0; });
      r.total = t; total += t; max = Math.max(max, t);
    });
    box.setAttribute('data-total', String(total));
    box.setAttribute('data-days', String(rows.length));
    $('timeline-target').textContent = stats.target ? '(toward ' + stats.target + ')' : '';
    if (!rows.length) {
      box.setAttribute('aria-label', 'No articles in this range');
      box.appendChild(el('p', { 'class': 'muted', text: 'No articles match.' }));
      return;
    }
    box.setAttribute('aria-label', total + ' articles over ' + rows.length + ' days' + (stats.approximate ? ' (from the latest 100 articles)' : ''));
    var ns = 'http://www.w3.org/2000/svg', W = 800, H = 180, pad = 22;
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('preserveAspectRatio', 'none');
    var bw = (W - pad) / rows.length;
    rows.forEach(function (r, i) {
      var y = H - pad;
      LABELS.forEach(function (l) {
        var n = r.counts[l] || 0;
        if (!n) { return; }
        var h = (H - 2 * pad) * n / max;
        var rect = document.createElementNS(ns, 'rect');
        var w = Math.max(1, Math.min(bw - 2, 48));
        rect.setAttribute('x', String(pad + i * bw + (bw - w) / 2));
        rect.setAttribute('width', String(w));
        rect.setAttribute('y', String(y - h));
        rect.setAttribute('height', String(h));
        rect.setAttribute('fill', COLORS[l]);
        rect.setAttribute('class', 'bar ' + l);
        var title = document.createElementNS(ns, 'title');
        title.textContent = r.day + ': ' + n + ' ' + l;
        rect.appendChild(title);
        svg.appendChild(rect);
        y -= h;
      });
      if (rows.length <= 14 || i % Math.ceil(rows.length / 14) === 0) {
        var t = document.createElementNS(ns, 'text');
        t.setAttribute('x', String(pad + i * bw + bw / 2));
        t.setAttribute('y', String(H - 6));
        t.setAttribute('text-anchor', 'middle');
        t.setAttribute('font-size', '11');
        t.textContent = r.day.slice(5);
        svg.appendChild(t);
      }
    });
    box.appendChild(svg);
  }

  function renderBars(list, items, onPick, empty) {
    var box = clear($(list));
    if (!items.length) { box.appendChild(el('li', { 'class': 'muted', text: empty })); return; }
    var max = Math.max.apply(null, items.map(function (x) { return x.count; }).concat([1]));
    items.slice(0, 10).forEach(function (x) {
      var b = el('button', { type: 'button', 'class': 'chip', title: 'Filter by ' + x.name }, x.name);
      b.addEventListener('click', function () { onPick(x); });
      var bar = el('span', { 'class': 'bar', 'aria-hidden': 'true' });
      bar.style.width = Math.round(100 * x.count / max) + '%';
      box.appendChild(el('li', {}, b, el('span', { text: String(x.count) }), bar));
    });
  }

  function renderArticles(res) {
    var box = clear($('articles'));
    $('total').textContent = '(' + res.total + ')';
    res.articles.forEach(function (a) {
      var badges = el('span', {});
      (a.stance || []).forEach(function (s) {
        var title = s.target + ': ' + s.label + (s.corrected ? ' (corrected; machine: ' + (s.machine ? s.machine.label : 'none') + ')' : '');
        badges.appendChild(el('span', { 'class': 'badge ' + s.label + (s.corrected ? ' is-corrected' : ''), title: title }, s.target + ' ' + s.label + (s.corrected ? ' ✎' : '')));
      });
      var open = el('button', { type: 'button', 'class': 'chip open-article', 'data-id': a.id, 'aria-label': 'Open and correct: ' + (a.title || a.id) }, 'Correct…');
      open.addEventListener('click', function () { openArticle(a.id); });
      badges.appendChild(open);
      var link = /^https?:/.test(a.url || '') ? el('a', { href: a.url, rel: 'noopener noreferrer' }, a.title || a.url) : el('span', {}, a.title || '');
      var sources = a.dedup && a.dedup.sources > 1 ? ' · story in ' + a.dedup.sources + ' sources' : '';
      box.appendChild(el('li', { 'data-id': a.id },
        link,
        el('div', { 'class': 'meta' }, (a.source || '') + ' · ' + (a.language || '?') + ' · ' + day(a) + sources + ' ', badges),
        el('div', { 'class': 'muted' }, (a.text || '').slice(0, 220))));
    });
    if (!res.articles.length) { box.appendChild(el('li', { 'class': 'muted', text: 'No articles match.' })); }
  }

  // ---- One article's view: its judgements, each correctable (POST/DELETE /api/articles/{id}/corrections).

  function send(method, path, body) {
    var h = { Accept: 'application/json' };
    if (body) { h['Content-Type'] = 'application/json'; }
    var key = $('api-key').value.trim();
    if (key) { h.Authorization = 'Bearer ' + key; }
    return fetch(path, { method: method, headers: h, body: body ? JSON.stringify(body) : undefined }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) { throw new Error(j.error || ('HTTP ' + r.status)); }
        return j;
      });
    });
  }

  function corrections(id) { return '/api/articles/' + encodeURIComponent(id) + '/corrections'; }

  function act(request) {
    $('article-status').textContent = 'Saving…';
    return request.then(function (r) {
      $('article-status').textContent = r.visible === false ? 'Saved; not shown yet, it will be shortly.' : 'Saved.';
      if (r.article) { renderArticle(r.article); }
      return refresh();
    }).catch(function (e) { $('article-status').textContent = 'Could not save: ' + e.message; });
  }

  function correct(id, body) { return act(send('POST', corrections(id), body)); }

  function undo(id, field) { return act(send('DELETE', corrections(id) + '/' + encodeURIComponent(field))); }

  function button(label, cls, onClick) {
    var b = el('button', { type: 'button', 'class': 'chip ' + cls }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  function openArticle(id) {
    $('article-view').hidden = false;
    $('article-status').textContent = '';
    return getJson('/api/articles/' + encodeURIComponent(id)).then(function (a) {
      renderArticle(a);
      $('article-heading').focus();
    }).catch(function (e) { $('article-status').textContent = 'Could not load: ' + e.message; });
  }

  function renderArticle(a) {
    var box = clear($('article-body'));
    box.setAttribute('data-id', a.id);
    $('article-heading').textContent = a.title || a.id;
    $('article-heading').setAttribute('tabindex', '-1');
    var targets = {};
    Object.keys(known.targets).forEach(function (t) { targets[t] = true; });
    (a.stance || []).forEach(function (s) { targets[s.target] = true; });
    var rows = el('table', {});
    Object.keys(targets).sort().forEach(function (t) {
      var s = (a.stance || []).filter(function (x) { return x.target === t; })[0];
      var sel = el('select', { id: 'stance-' + t, 'class': 'stance-correction', 'data-target': t, 'aria-label': 'Stance toward ' + t });
      ['', 'favor', 'against', 'neutral'].forEach(function (l) { sel.appendChild(el('option', { value: l }, l || '—')); });
      sel.value = s ? s.label : '';
      sel.addEventListener('change', function () { if (sel.value) { correct(a.id, { stance: { target: t, label: sel.value } }); } });
      var mark = s && s.corrected ? el('span', { 'class': 'corrected', text: 'corrected (machine: ' + (s.machine ? s.machine.label : 'none') + ')' }) : null;
      var back = s && s.corrected ? button('Undo', 'undo-stance', function () { undo(a.id, 'stance:' + t); }) : null;
      rows.appendChild(el('tr', {}, el('th', { scope: 'row' }, 'Stance toward ' + t), el('td', {}, sel), el('td', {}, mark, back)));
    });
    var topic = a.offTopic
      ? el('td', {}, el('span', { 'class': 'corrected', text: 'marked off topic (machine: relevant)' }), button('Undo', 'undo-relevant', function () { undo(a.id, 'relevant'); }))
      : el('td', {}, button('Mark off topic', 'off-topic', function () { correct(a.id, { relevant: false }); }));
    rows.appendChild(el('tr', {}, el('th', { scope: 'row' }, 'Relevance'), el('td', { text: a.offTopic ? 'off topic' : 'on topic' }), topic));
    var story = a.story && a.story.corrected
      ? el('td', {}, el('span', { 'class': 'corrected', text: 'corrected (machine: ' + a.story.machine.id + ')' }), button('Undo', 'undo-story', function () { undo(a.id, 'story'); }))
      : el('td', {}, button('Detach from its story', 'detach-story', function () { correct(a.id, { story: { detach: true } }); }));
    rows.appendChild(el('tr', {}, el('th', { scope: 'row' }, 'Story'), el('td', { 'class': 'story-id', text: a.storyId || '' }), story));
    box.appendChild(rows);
    var ents = el('ul', { 'class': 'entities' });
    (a.entities || []).forEach(function (e) {
      ents.appendChild(el('li', { 'data-entity': e.id }, e.name + ' (' + e.id + ') ',
        e.corrected ? el('span', { 'class': 'corrected', text: e.machine ? 'corrected' : 'added' }) : null,
        button('Remove', 'remove-entity', function () { correct(a.id, { entity: { remove: e.id } }); })));
    });
    (a.removedEntities || []).forEach(function (e) {
      ents.appendChild(el('li', { 'data-entity': e.id, 'class': 'removed-entity' }, el('span', { 'class': 'removed', text: e.name + ' (' + e.id + ')' }), ' ',
        el('span', { 'class': 'corrected', text: 'removed' }),
        button('Undo', 'undo-entity', function () { undo(a.id, 'entity:' + e.id); })));
    });
    box.appendChild(el('h3', { text: 'Entities' }));
    box.appendChild(ents);
  }

  function renderStories(p, articles) {
    var box = clear($('stories'));
    return getJson(withParams('/api/stories', p, { size: '10' })).then(function (s) {
      var list = s.stories || s.items || (Array.isArray(s) ? s : []);
      return list.map(function (x) {
        return { id: x.story, title: x.title || x.headline || x.id || x.story, sources: num(x.sources !== undefined ? { count: x.sources } : x.sourceCount !== undefined ? { count: x.sourceCount } : 0), articles: num(x.articles !== undefined ? { count: x.articles } : x.articleCount !== undefined ? { count: x.articleCount } : x) };
      });
    }).catch(function () {
      var by = {};
      articles.forEach(function (a) {
        var id = a.dedup && a.dedup.story;
        if (!id) { return; }
        by[id] = by[id] || { title: a.title, sources: {}, articles: 0 };
        by[id].sources[a.source] = true;
        by[id].articles++;
        by[id].reported = Math.max(by[id].reported || 0, (a.dedup && a.dedup.sources) || 0);
      });
      return Object.keys(by).map(function (k) {
        var s = by[k];
        return { title: s.title, sources: Math.max(Object.keys(s.sources).length, s.reported), articles: s.articles };
      });
    }).then(function (stories) {
      stories.sort(function (x, y) { return y.sources - x.sources || y.articles - x.articles; });
      stories.slice(0, 10).forEach(function (s) {
        box.appendChild(el('li', {}, storyTitle(s), ' ', el('span', { 'class': 'muted', text: '— ' + s.sources + ' source' + (s.sources === 1 ? '' : 's') + ', ' + s.articles + ' article' + (s.articles === 1 ? '' : 's') })));
      });
      if (!stories.length) { box.appendChild(el('li', { 'class': 'muted', text: 'No stories yet.' })); }
    });
  }

  /** A story's title; a button that opens its figures (figures.js) when the API named its id. */
  function storyTitle(s) {
    if (!s.id || !window.VigiaFigures) { return s.title; }
    var b = button(s.title, 'story-link', function () { window.VigiaFigures.open(s.id, s.title); });
    b.setAttribute('data-story', s.id);
    return b;
  }

  function renderAlerts() {
    var box = $('alerts');
    return getJson('/api/alerts?size=10').then(function (r) {
      clear(box);
      (r.alerts || []).forEach(function (a) {
        var art = a.article || {};
        box.appendChild(el('li', {}, el('strong', { text: a.subscriptionName || a.subscriptionId }), ': ' + (art.title || '') + ' ',
          el('span', { 'class': 'muted', text: String(a.matchedAt || '').replace('T', ' ').slice(0, 16) })));
      });
      if (!(r.alerts || []).length) { box.appendChild(el('li', { 'class': 'muted', text: 'No alerts yet. Add a subscription with POST /api/subscriptions.' })); }
    }).catch(function () {
      clear(box).appendChild(el('li', { 'class': 'muted', text: 'Alerts are not served here (run the alerts stage).' }));
    });
  }

  function renderHealth() {
    var body = $('health').querySelector('tbody');
    return getJson('/api/sources').then(function (r) {
      clear(body);
      (r.sources || []).forEach(function (s) {
        if (!s) { return; }
        known.sources[s.name] = true;
        body.appendChild(el('tr', {},
          el('td', {}, s.name || s.url),
          el('td', { 'class': 'state-' + s.state, text: s.state || '?' }),
          el('td', { text: String(s.lastPoll || '—').replace('T', ' ').slice(0, 19) }),
          el('td', { text: String(s.articlesProduced !== undefined ? s.articlesProduced : '—') }),
          el('td', { 'class': 'muted', text: s.lastError || '' })));
      });
      fillSources();
    }).catch(function () {
      clear(body).appendChild(el('tr', {}, el('td', { colspan: '5', 'class': 'muted', text: 'Source health is served by the ingest stage (vigia run or vigia ingest).' })));
    });
  }

  function fillStances(articles) {
    articles.forEach(function (a) { (a.stance || []).forEach(function (s) { known.targets[s.target] = true; }); });
    var sel = $('f-stance'), current = sel.value;
    var want = [''];
    Object.keys(known.targets).sort().forEach(function (t) { ['favor', 'against', 'neutral'].forEach(function (l) { want.push(t + ':' + l); }); });
    if (sel.options.length === want.length) { return; }
    clear(sel);
    want.forEach(function (v) { sel.appendChild(el('option', { value: v }, v || 'any')); });
    sel.value = current;
  }

  function fillSources() {
    var sel = $('f-source'), current = sel.value;
    var names = Object.keys(known.sources).sort();
    if (sel.options.length === names.length + 1) { return; }
    clear(sel).appendChild(el('option', { value: '' }, 'any'));
    names.forEach(function (n) { sel.appendChild(el('option', { value: n }, n)); });
    sel.value = current;
  }

  function fillEntities(ents) {
    var dl = clear($('entity-options'));
    ents.forEach(function (e) { dl.appendChild(el('option', { value: e.id }, e.name)); });
  }

  function setFilter(id, value) {
    $(id).value = value;
    refresh();
  }

  function refresh() {
    var mine = ++seq;
    var p = filters();
    $('status').textContent = 'Loading…';
    var articles = getJson(withParams('/api/articles', p, { size: '100' }));
    var sp = new URLSearchParams(p);
    if ($('f-stance').value) { sp.set('target', $('f-stance').value.split(':')[0]); }
    var stats = getJson(withParams('/api/stats', sp)).then(normaliseStats).catch(function () { return null; });
    return Promise.all([articles, stats]).then(function (r) {
      if (mine !== seq) { return null; }
      var res = r[0];
      fillStances(res.articles);
      res.articles.forEach(function (a) { if (a.source) { known.sources[a.source] = true; } });
      fillSources();
      renderArticles(res);
      var s = r[1] && r[1].timeline.length + r[1].entities.length + r[1].sources.length > 0 ? r[1] : statsFromArticles(res.articles);
      if (!s.target) { s.target = timelineTarget(res.articles); }
      // Where the charts' figures came from, for people (the status line) and tests: "stats"
      // (GET /api/stats over every match) or "articles" (computed here from the latest 100).
      ['timeline', 'entities', 'sources'].forEach(function (id) { $(id).setAttribute('data-source', s.approximate ? 'articles' : 'stats'); });
      renderTimeline(s);
      renderBars('entities', s.entities, function (e) { setFilter('f-entity', e.id); }, 'No entities.');
      renderBars('sources', s.sources, function (x) { known.sources[x.name] = true; fillSources(); setFilter('f-source', x.name); }, 'No sources.');
      fillEntities(s.entities);
      return Promise.all([renderStories(p, res.articles), renderAlerts(), renderHealth()]).then(function () {
        $('status').textContent = 'Updated ' + new Date().toLocaleTimeString() + (s.approximate ? ' · charts from the latest 100 matching articles' : '');
        document.body.setAttribute('data-loaded', String(mine));
      });
    }).catch(function (e) {
      $('status').textContent = 'Could not load: ' + e.message;
      document.body.setAttribute('data-loaded', String(mine));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('search-form').addEventListener('submit', function (e) { e.preventDefault(); refresh(); });
    $('search-form').addEventListener('reset', function () { setTimeout(refresh, 0); });
    $('article-close').addEventListener('click', function () { $('article-view').hidden = true; });
    ['f-stance', 'f-language', 'f-source', 'f-since', 'f-until'].forEach(function (id) { $(id).addEventListener('change', refresh); });
    document.addEventListener('keydown', function (e) {
      var tag = (e.target && e.target.tagName) || '';
      if (e.key === '/' && !/INPUT|SELECT|TEXTAREA/.test(tag)) { e.preventDefault(); $('q').focus(); }
    });
    refresh();
    setInterval(function () { if (document.visibilityState === 'visible' && !document.activeElement.matches('input')) { refresh(); } }, 30000);
  });
}());
