// The stylesheet, filter script and palette embedded in report.html. They are
// constants so the page needs no network and every run writes the same bytes.
#include <array>

#include "reports/html_writer.hpp"

namespace factline {

std::string_view html_stylesheet() {
    return R"css(
:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa;
        --error: #b42318; --warning: #9a6700; --info: #0969da; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
       max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
.meta, small, .muted { color: var(--muted); }
nav.toc a { margin-right: 1rem; }
table { border-collapse: collapse; margin: .6rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); } td.num, th.num { text-align: right; }
.filters { display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; background: var(--bg-soft);
           border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin: .8rem 0; }
.filters[hidden] { display: none; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--warning); border-radius: 6px;
           padding: .2rem 1rem .8rem; margin: 1rem 0; }
.finding.sev-error { border-left-color: var(--error); } .finding.sev-info { border-left-color: var(--info); }
.finding h3 { margin: .6rem 0 .2rem; font-size: 1.05rem; }
.finding h3 a { color: inherit; text-decoration: none; font-family: ui-monospace, monospace; }
.badge { display: inline-block; border-radius: 1rem; padding: 0 .55rem; font-size: .8rem; font-weight: 600;
         background: var(--bg-soft); border: 1px solid var(--line); margin-left: .3rem; }
.badge.sev-error { color: var(--error); } .badge.sev-warning { color: var(--warning); }
.badge.sev-info { color: var(--info); }
.message { font-size: 1.02rem; margin: .4rem 0 .6rem; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: .8rem; }
.side { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: .4rem .7rem; }
.side h4 { margin: .2rem 0 .4rem; }
.evidence { border-top: 1px dashed var(--line); padding: .4rem 0; }
.evidence:first-of-type { border-top: 0; }
blockquote { margin: 0 0 .3rem; padding-left: .6rem; border-left: 3px solid var(--line); white-space: pre-wrap;
             overflow-wrap: anywhere; }
.evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 .6rem; margin: 0; font-size: .88rem; }
.evidence dt { color: var(--muted); } .evidence dd { margin: 0; overflow-wrap: anywhere; }
.timeline { margin: 1.2rem 0 2rem; }
.timeline svg { width: 100%; height: auto; max-width: 900px; border: 1px solid var(--line); border-radius: 6px;
                background: #fff; }
.timeline svg text { font: 11px system-ui, sans-serif; fill: #444; }
.timeline svg .hit { stroke: #000; stroke-width: 2.5; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .88rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-right: .3rem;
          vertical-align: -1px; }
.points { font-size: .88rem; } .points li.hit::marker { color: var(--error); font-weight: 700; }
summary { cursor: pointer; color: var(--muted); font-size: .88rem; }
.undated { font-size: .88rem; }
code, .loc { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.toc, .filters { display: none !important; }
  .finding, .timeline, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .sides { grid-template-columns: repeat(2, 1fr); }
}
)css";
}

std::string_view html_filter_script() {
    // Reads data-* attributes and toggles `hidden`; the only text it writes is a
    // count through textContent, so corpus text never reaches markup from here.
    return R"js(
(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) { return; }
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('section.finding'));
  var charts = Array.prototype.slice.call(document.querySelectorAll('section.timeline'));
  var count = document.getElementById('filter-count');
  function matches(element, key, wanted) {
    if (!wanted) { return true; }
    var have = element.getAttribute('data-' + key);
    return have !== null && have.split('|').indexOf(wanted) !== -1;
  }
  function apply() {
    var wanted = {};
    selects.forEach(function (s) { wanted[s.getAttribute('data-filter')] = s.value; });
    var shown = 0;
    cards.forEach(function (card) {
      var ok = Object.keys(wanted).every(function (k) { return matches(card, k, wanted[k]); });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    charts.forEach(function (chart) { chart.hidden = !matches(chart, 'subject', wanted.subject); });
    if (count) { count.textContent = shown + ' of ' + cards.length + ' findings shown'; }
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
}());
)js";
}

std::string_view value_colour(std::size_t index) {
    // Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    static constexpr std::array<std::string_view, 8> palette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                                "#E69F00", "#56B4E9", "#F0E442", "#000000"};
    return palette[index % palette.size()];
}

}  // namespace factline
