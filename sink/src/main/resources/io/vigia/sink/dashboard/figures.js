// Vigía dashboard: a story's figures (GET /api/stories/{id}) as a small table, one row per value,
// the values its sources disagree on marked. Opened from the Stories panel (dashboard.js).
(function () {
  'use strict';
  // Quantities written as shares: shown as percentages (the API gives fractions, 42.26 % is 0.4226).
  var SHARES = { 'turnout': true, 'vote-share': true };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function number(quantity, v) {
    if (SHARES[quantity] && v <= 1) {
      return (Math.round(v * 10000) / 100).toLocaleString('en') + ' %';
    }
    return v.toLocaleString('en');
  }

  /** 42.26 %, ≈ 30 %, 18 of 23, 1,200–1,500. */
  function value(quantity, v) {
    var s = number(quantity, v.value);
    if (v.max !== null && v.max !== undefined) { s += '–' + number(quantity, v.max); }
    if (v.total !== null && v.total !== undefined) { s += ' of ' + number('', v.total); }
    return (v.approximate ? '≈ ' : '') + s;
  }

  /** event:2021-regional-elections → 2021 regional elections; none known → an empty cell. */
  function election(id) {
    if (!id) { return ''; }
    return id.replace(/^event:/, '').replace(/-/g, ' ');
  }

  function sources(v) {
    return v.sources.map(function (s) {
      return s.source + (s.attributedTo ? ' (per ' + s.attributedTo + ')' : '');
    }).join('; ');
  }

  function render(story) {
    var body = $('story-figures').querySelector('tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var rows = 0;
    (story.figures || []).forEach(function (g) {
      g.values.forEach(function (v) {
        var tr = el('tr', { 'class': v.conflicting ? 'figure conflict' : 'figure', 'data-quantity': g.quantity });
        tr.appendChild(el('td', {}, g.quantity));
        tr.appendChild(el('td', { title: g.subject }, g.subjectName || g.subject));
        tr.appendChild(el('td', { 'class': 'figure-election', title: g.election || 'no election known' }, election(g.election)));
        var cell = el('td', { 'class': 'figure-value' }, value(g.quantity, v));
        if (v.conflicting) { cell.appendChild(el('span', { 'class': 'conflict-mark' }, ' sources disagree')); }
        tr.appendChild(cell);
        tr.appendChild(el('td', { 'class': 'figure-sources' }, sources(v)));
        body.appendChild(tr);
        rows++;
      });
    });
    $('story-figures').hidden = rows === 0;
    var conflicts = (story.figures || []).filter(function (g) { return g.conflicting; }).length;
    $('story-status').textContent = rows === 0
      ? 'No figures stated in this story.'
      : rows + ' figure' + (rows === 1 ? '' : 's') + (conflicts ? '; sources disagree on ' + conflicts : '') + '.';
  }

  function open(id, title) {
    $('story-view').hidden = false;
    $('story-heading').textContent = title || id;
    $('story-heading').setAttribute('tabindex', '-1');
    $('story-status').textContent = 'Loading…';
    return fetch('/api/stories/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error || 'HTTP ' + r.status); } return j; }); })
      .then(function (story) {
        $('story-view').setAttribute('data-story', id);
        render(story);
        $('story-heading').focus();
      })
      .catch(function (e) { $('story-figures').hidden = true; $('story-status').textContent = 'Could not load: ' + e.message; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('story-close').addEventListener('click', function () { $('story-view').hidden = true; });
  });

  window.VigiaFigures = { open: open };
}());
