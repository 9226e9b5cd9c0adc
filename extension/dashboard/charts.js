// The dashboard's charts, drawn by Chart.js (MIT): mentions per day by brand, sentiment per day,
// share of voice and intents. Colours come from the page's CSS (light and dark); every chart has
// its numbers as a table next to it (view.js) for screen readers and for copying.

import {
  Chart, ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { dayLabel, intentName, put, table } from './view.js';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip);

const PALETTE = ['#0969da', '#bf3989', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#1b7c83', '#953800'];
const charts = new Map();

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function draw(id, config) {
  Chart.defaults.color = css('--muted');
  Chart.defaults.borderColor = css('--line');
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  config.options = { responsive: true, maintainAspectRatio: false, animation: reduce ? false : { duration: 250 }, ...config.options };
  const old = charts.get(id);
  if (old) {
    old.data = config.data;
    old.options = config.options;
    old.update();
    return;
  }
  charts.set(id, new Chart(document.getElementById(id), config));
}

/** Every chart of `summary`, with its table. */
export function drawCharts(summary) {
  const { series } = summary;
  const labels = series.days.map(dayLabel);
  draw('c-time', {
    type: 'line',
    data: { labels, datasets: series.brands.map((b, i) => ({ label: b.brand, data: b.counts, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], tension: 0.2 })) },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  put('t-time', table('Mentions per day, by brand', ['Day', ...series.brands.map((b) => `#${b.brand}`)],
    series.days.map((d, i) => [dayLabel(d), ...series.brands.map((b) => b.counts[i])])));

  const colour = { positive: css('--positive'), neutral: css('--neutral'), negative: css('--negative') };
  draw('c-sentiment', {
    type: 'bar',
    data: { labels, datasets: series.sentiment.map((s) => ({ label: s.label, data: s.counts, backgroundColor: colour[s.label] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  put('t-sentiment', table('Sentiment per day', ['Day', '#Positive', '#Neutral', '#Negative'],
    series.days.map((d, i) => [dayLabel(d), ...series.sentiment.map((s) => s.counts[i])])));

  draw('c-share', {
    type: 'doughnut',
    data: { labels: summary.share.map((s) => s.brand), datasets: [{ data: summary.share.map((s) => s.n), backgroundColor: summary.share.map((_, i) => PALETTE[i % PALETTE.length]) }] },
  });
  put('t-share', table('Share of voice', ['Brand', '#Mentions', 'Share'],
    summary.share.map((s) => [s.brand, s.n, `${Math.round(s.share * 100)} %`])));

  const intents = summary.counts.intent;
  draw('c-intent', {
    type: 'bar',
    data: { labels: intents.map(([i]) => intentName(i)), datasets: [{ label: 'Mentions', data: intents.map(([, n]) => n), backgroundColor: css('--accent') }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  put('t-intent', table('Mentions per intent', ['Intent', '#Mentions'], intents.map(([i, n]) => [intentName(i), n])));
}

/** What each chart shows, for the tests and for anyone reading the page's state. */
export function chartData(id) {
  const c = charts.get(id);
  return c ? { labels: c.data.labels, datasets: c.data.datasets.map((d) => ({ label: d.label ?? null, data: d.data })) } : null;
}
