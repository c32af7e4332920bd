// Bar charts drawn by uPlot (served from its WebJar). uPlot paints a canvas and styles its elements through the
// CSSOM only, so it runs under style-src 'self'; its stylesheet is linked, never injected. A canvas tells a screen
// reader nothing, so every chart is an image labelled with its numbers and comes with them as a table.
// The paths name the WebJar's version (uplot.version in the root pom): a new version changes them here.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import {h, uniqueId} from './dom.js';
import {t, register} from './i18n.js';

register({
  en: {'charts.table': 'The numbers'},
  ru: {'charts.table': 'Числа'},
});

const STYLESHEET = '/webjars/uplot/1.6.30/dist/uPlot.min.css';
const COLOURS = ['#1f5fbf', '#b35900'];
const INK = '#1d2433';
const GRID = '#d5dae3';
const HEIGHT = 260;
// The axes' font, which the labels are measured in.
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
// Steps of the value axis for counts: no half tickets.
const WHOLE = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000];

/**
 * A figure with a bar chart and its table. spec: {title, categories: [label], series: [{label, values: [number|null]}]
 * (one or two series; two stand side by side), format: number → text for the label and table, axisLabel, whole: true
 * for counts}.
 * The chart is drawn once the figure is laid out, and follows its width until signal aborts.
 */
export function barChart(spec, signal) {
  linkStylesheet();
  const {title, categories, series} = spec;
  const format = spec.format || String;
  const captionId = uniqueId('chart');
  const plot = h('div', {class: 'chart-plot', role: 'img', 'aria-label': describe(title, categories, series, format)});
  const figure = h('figure', {class: 'chart', 'aria-labelledby': captionId},
    h('figcaption', {id: captionId}, title),
    plot,
    series.length > 1 ? legend(series) : null,
    numbers(categories, series, format));
  let chart = null;
  // Drawn anew for a new width, since the labels are laid out for it.
  const observer = new ResizeObserver(() => {
    const width = plot.clientWidth;
    if (width === 0 || width === chart?.width) return;
    chart?.destroy();
    chart = new uPlot(options(spec, width), [categories.map((_, i) => i), ...series.map((s) => s.values)], plot);
  });
  observer.observe(plot);
  signal?.addEventListener('abort', () => {
    observer.disconnect();
    chart?.destroy();
  });
  return figure;
}

function options(spec, width) {
  const {categories, series} = spec;
  const labels = categoryLabels(categories, width);
  const lines = Math.max(...labels.texts.map((label) => label.split('\n').length));
  const side = series.length > 1;
  return {
    width,
    height: HEIGHT,
    legend: {show: false},
    cursor: {show: false},
    scales: {
      x: {time: false, range: [-0.5, categories.length - 0.5]},
      y: {range: (u, min, max) => [0, max > 0 ? max * 1.15 : 1]},
    },
    axes: [
      {
        font: FONT, stroke: INK, grid: {show: false}, ticks: {stroke: GRID}, size: 24 + lines * 16,
        space: labels.every ? 1 : labels.width + 14, incrs: labels.every ? [1] : [1, 2, 3, 5, 7, 10, 14, 15, 30, 60, 90],
        values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? labels.texts[i] ?? '' : '')),
      },
      {font: FONT, stroke: INK, grid: {stroke: GRID}, ticks: {stroke: GRID}, label: spec.axisLabel, size: 60,
        incrs: spec.whole ? WHOLE : undefined},
    ],
    series: [{}, ...series.map((s, i) => ({
      label: s.label,
      fill: COLOURS[i],
      stroke: COLOURS[i],
      width: 0,
      points: {show: false},
      paths: uPlot.paths.bars(side ? {size: [0.35, 60], align: i === 0 ? -1 : 1} : {size: [0.6, 70]}),
    }))],
  };
}

// A few categories are all labelled, their words wrapped onto lines that fit under their bar; many (the days of a
// month) are labelled as far as room allows, one line each.
function categoryLabels(categories, width) {
  const every = categories.length <= 12;
  const room = (width - 90) / categories.length;
  return {
    texts: categories.map((label) => (every ? wrap(String(label), room) : String(label))),
    every,
    width: Math.max(...categories.map((label) => textWidth(String(label)))),
  };
}

function wrap(label, room) {
  const lines = [];
  for (const word of label.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`) <= room) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

let measure = null;
function textWidth(text) {
  measure ??= document.createElement('canvas').getContext('2d');
  measure.font = FONT;
  return measure.measureText(text).width;
}

function describe(title, categories, series, format) {
  const values = (s) => categories.map((label, i) => `${label} ${format(s.values[i])}`).join(', ');
  return `${title}: ${series.map((s) => (series.length > 1 ? `${s.label}: ${values(s)}` : values(s))).join('; ')}`;
}

function legend(series) {
  return h('ul', {class: 'chart-legend'}, series.map((s, i) => {
    const swatch = h('span', {class: 'swatch', 'aria-hidden': 'true'});
    swatch.style.background = COLOURS[i];
    return h('li', {}, swatch, s.label);
  }));
}

function numbers(categories, series, format) {
  return h('details', {class: 'chart-numbers'}, h('summary', {}, t('charts.table')),
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, h('td', {}), series.map((s) => h('th', {scope: 'col'}, s.label)))),
      h('tbody', {}, categories.map((label, i) => h('tr', {},
        h('th', {scope: 'row'}, label), series.map((s) => h('td', {}, format(s.values[i]))))))));
}

function linkStylesheet() {
  if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
    document.head.append(h('link', {rel: 'stylesheet', href: STYLESHEET}));
  }
}
