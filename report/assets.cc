#include "report/assets.h"

namespace newsie::report {

const char* const kReportCss = R"css(
:root { --district:#bcd7ff; --mayor:#dcc7ff; --target:#ffd966; --achievement:#a9ebb7;
        --award:#ffbfd0; --ink:#1d2330; --muted:#6b7280; --line:#e5e7eb; --bg:#f7f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK KR",
       "Noto Sans KR", "Malgun Gothic", sans-serif; color: var(--ink); background: var(--bg); }
header.top { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line);
             padding: 10px 24px; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; }
header.top h1 { font-size: 18px; margin: 0; }
.counts { color: var(--muted); }
#search { flex: 1 1 260px; max-width: 420px; padding: 6px 10px; border: 1px solid #c9ced6;
          border-radius: 6px; font: inherit; }
#search-count { color: var(--muted); min-width: 9em; }
.legend-chips { display: flex; gap: 6px; flex-wrap: wrap; }
main { padding: 16px 24px 40px; max-width: 1360px; margin: 0 auto; }
h2 { font-size: 17px; margin: 18px 0 8px; }
h3 { font-size: 15px; margin: 0 0 8px; }
h4 { font-size: 13px; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin-bottom: 14px; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.note { color: var(--muted); font-size: 12px; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f1f3f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.gov-first td { border-top: 1px solid #c9ced6; }
.overview-wrap { max-height: 420px; overflow: auto; }
.chip { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; margin: 1px 0; }
.chip.ev-district { background: var(--district); } .chip.ev-mayor { background: var(--mayor); }
.chip.ev-target { background: var(--target); } .chip.ev-achievement { background: var(--achievement); }
.chip.ev-award { background: var(--award); } .chip.rm { color: #9aa1ab; background: #eef0f3; text-decoration: line-through; }
a.doclink { display: inline-block; min-width: 1.6em; text-align: center; background: #eef2ff;
            border-radius: 3px; text-decoration: none; margin-right: 2px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart .bar-target { fill: #ffe7a3; stroke: #c99a00; stroke-width: 1; }
svg.chart .bar-actual { fill: #2f8f4e; }
svg.chart .grid { stroke: #e5e7eb; } svg.chart .tick { fill: var(--muted); }
svg.chart .label { fill: var(--ink); } svg.chart .rate { fill: #2f8f4e; font-weight: 600; }
svg.chart .row:hover .label { font-weight: 700; }
nav#index ol { columns: 3; font-size: 13px; padding-left: 24px; }
nav#index li.failed a { color: #b42318; }
section.doc { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 14px 0; }
section.doc.failed { border-color: #f3b4ae; }
.doc-id { font-family: ui-monospace, monospace; font-size: 13px; background: #f1f3f6; padding: 1px 6px; border-radius: 4px; }
.doc-title { font-weight: 600; }
.meta { color: var(--muted); font-size: 12px; margin: 2px 0 8px; }
.error { background: #fef3f2; border: 1px solid #f3b4ae; padding: 6px 10px; border-radius: 6px; }
.text { font-size: 14px; line-height: 1.75; border: 1px solid var(--line); border-radius: 6px;
        padding: 8px 12px; background: #fcfcfd; max-height: 640px; overflow: auto; }
.ln { white-space: pre-wrap; word-break: break-word; padding-left: 10px; border-left: 4px solid transparent; }
.ln.blank { min-height: .6em; }
.ln.st0 { border-left-color: #7aa7e8; } .ln.st1 { border-left-color: #e89b5d; }
.ln.st2 { border-left-color: #64b57c; } .ln.st3 { border-left-color: #b283d9; }
.story-mark { margin: 8px 0 2px; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 4px;
              display: inline-block; color: #fff; }
.story-mark.st0 { background: #4f83cc; } .story-mark.st1 { background: #d07a36; }
.story-mark.st2 { background: #3f9a5a; } .story-mark.st3 { background: #9360c0; }
.rm { color: #a0a7b2; }
.ln.rm-line { color: #a0a7b2; font-size: 12.5px; }
.dg { text-decoration: underline wavy #d92d20; }
mark.ev { border-radius: 3px; padding: 0 1px; cursor: pointer; color: inherit; }
mark.ev-district { background: var(--district); } mark.ev-mayor { background: var(--mayor); }
mark.ev-target { background: var(--target); } mark.ev-achievement { background: var(--achievement); }
mark.ev-award { background: var(--award); }
mark.also-district { box-shadow: inset 0 -3px 0 #5b8fd9; } mark.also-mayor { box-shadow: inset 0 -3px 0 #8f5bd9; }
mark.also-target { box-shadow: inset 0 -3px 0 #d4a300; } mark.also-achievement { box-shadow: inset 0 -3px 0 #2f8f4e; }
mark.also-award { box-shadow: inset 0 -3px 0 #d9476d; }
mark.ev.hot, tr.fr.hot { outline: 2px solid #1d4ed8; }
tr.fr { cursor: pointer; } tr.fr:hover { background: #f5f8ff; }
ul.diags { font-size: 13px; margin: 0; padding-left: 20px; }
.lvl-error, li.lvl-error b { color: #b42318; } li.lvl-warning b { color: #b54708; } li.lvl-info b { color: var(--muted); }
ul.problems { font-size: 13px; padding-left: 20px; max-height: 300px; overflow: auto; }
#tip { position: fixed; z-index: 10; max-width: 460px; background: #111827; color: #f9fafb; border-radius: 8px;
       padding: 8px 10px; font-size: 12px; box-shadow: 0 6px 24px rgba(0,0,0,.25); pointer-events: none; }
#tip.pinned { pointer-events: auto; outline: 2px solid #60a5fa; }
#tip .tip-fact + .tip-fact { border-top: 1px solid #374151; margin-top: 6px; padding-top: 6px; }
#tip .tip-head { font-weight: 700; } #tip .tip-head code { color: #93c5fd; }
#tip .tip-sum { margin: 2px 0; } #tip pre { margin: 4px 0 0; white-space: pre-wrap; color: #d1d5db; font-size: 11px; }
.hidden-by-search { display: none !important; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 20px; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } nav#index ol { columns: 1; } }
)css";

const char* const kReportJs = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('facts-data').textContent);
  var tip = document.getElementById('tip');
  var pinned = null;

  function factBox(id) {
    var f = data[id];
    if (!f) return null;
    var box = document.createElement('div');
    box.className = 'tip-fact';
    var head = document.createElement('div');
    head.className = 'tip-head';
    head.textContent = f.kind + ' (story ' + (f.story + 1) + ')';
    if (f.rule) {
      var rule = document.createElement('code');
      rule.textContent = ' ' + f.rule;
      head.appendChild(rule);
    }
    var sum = document.createElement('div');
    sum.className = 'tip-sum';
    sum.textContent = f.summary;
    var pre = document.createElement('pre');
    pre.textContent = JSON.stringify(f.values, null, 1);
    box.appendChild(head);
    box.appendChild(sum);
    box.appendChild(pre);
    return box;
  }

  function show(el, x, y) {
    var ids = (el.getAttribute('data-f') || '').split(' ').filter(Boolean);
    if (!ids.length) return;
    tip.textContent = '';
    ids.forEach(function (id) { var b = factBox(id); if (b) tip.appendChild(b); });
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(8, Math.min(x + 14, window.innerWidth - w - 8)) + 'px';
    tip.style.top = (y + 18 + h > window.innerHeight ? Math.max(8, y - h - 12) : y + 18) + 'px';
  }
  function hide() { if (!pinned) tip.hidden = true; }
  function setHot(ids, on) {
    ids.forEach(function (id) {
      document.querySelectorAll('[data-f~="' + id + '"]').forEach(function (el) {
        el.classList.toggle('hot', on);
      });
    });
  }

  document.addEventListener('mouseover', function (e) {
    if (pinned) return;
    var m = e.target.closest && e.target.closest('mark.ev');
    if (m) show(m, e.clientX, e.clientY); else hide();
  });
  document.addEventListener('click', function (e) {
    var m = e.target.closest && e.target.closest('mark.ev, tr.fr');
    if (pinned) {
      setHot(pinned, false);
      pinned = null;
      tip.classList.remove('pinned');
      tip.hidden = true;
    }
    if (!m) return;
    var ids = (m.getAttribute('data-f') || '').split(' ').filter(Boolean);
    var target = m;
    if (m.tagName === 'TR') {
      var first = document.querySelector('mark.ev[data-f~="' + ids[0] + '"]');
      if (first) {
        first.scrollIntoView({block: 'center'});
        target = first;
      }
    }
    var r = target.getBoundingClientRect();
    show(m, r.left, r.bottom - 10);
    pinned = ids;
    setHot(ids, true);
    tip.classList.add('pinned');
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && pinned) { setHot(pinned, false); pinned = null; tip.hidden = true; }
  });

  // Search: documents (and overview rows) whose government names, id, title
  // or text contain every word typed.
  var search = document.getElementById('search');
  var count = document.getElementById('search-count');
  var docs = Array.prototype.slice.call(document.querySelectorAll('section.doc'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#overview tr[data-search]'));
  var chart = document.getElementById('chart-targets');
  var bars = chart ? Array.prototype.slice.call(chart.querySelectorAll('g.row')) : [];
  var hay = new Map();
  function text(el) {
    if (!hay.has(el)) hay.set(el, ((el.getAttribute('data-search') || '') + ' ' + el.textContent).toLowerCase());
    return hay.get(el);
  }
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var match = function (el) { return words.every(function (w) { return text(el).indexOf(w) >= 0; }); };
    var shown = 0;
    docs.forEach(function (d) {
      var ok = match(d);
      d.classList.toggle('hidden-by-search', !ok);
      var li = document.querySelector('nav#index li[data-doc="' + d.id + '"]');
      if (li) li.classList.toggle('hidden-by-search', !ok);
      if (ok) shown++;
    });
    rows.forEach(function (r) { r.classList.toggle('hidden-by-search', words.length > 0 && !match(r)); });
    // The chart keeps its matching rows, closed up.
    if (chart) {
      var step = +chart.getAttribute('data-row'), k = 0;
      bars.forEach(function (g, i) {
        var ok = words.length === 0 || match(g);
        g.classList.toggle('hidden-by-search', !ok);
        g.setAttribute('transform', ok ? 'translate(0,' + (k - i) * step + ')' : '');
        if (ok) k++;
      });
      var h = +chart.getAttribute('data-top') + k * step + 10;
      var vb = chart.getAttribute('viewBox').split(' ');
      chart.setAttribute('viewBox', vb[0] + ' ' + vb[1] + ' ' + vb[2] + ' ' + h);
      chart.setAttribute('height', h);
      chart.querySelectorAll('line.grid').forEach(function (l) { l.setAttribute('y2', h - 8); });
    }
    count.textContent = words.length ? shown + ' of ' + docs.length + ' documents' : docs.length + ' documents';
  }
  search.addEventListener('input', filter);
  if (location.hash.indexOf('#q=') === 0) search.value = decodeURIComponent(location.hash.slice(3));
  filter();
})();
)js";

}  // namespace newsie::report
