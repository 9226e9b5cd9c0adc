// The dashboard's charts, drawn by Chart.js (MIT): mentions per day by brand, sentiment per day,
// share of voice and intents. Colours come from the page's CSS (light and dark); every chart has
// its numbers as a table next to it (view.js) for screen readers and for copying.

import {
  Chart, ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale,
  LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { dayLabel, intentName, put, sentimentName, table } from './view.js';
import { t, uiLanguage } from '../i18n.js';

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
  put('t-time', table(t('dash_chart_time'), [t('dash_col_day'), ...series.brands.map((b) => `#${b.brand}`)],
    series.days.map((d, i) => [dayLabel(d), ...series.brands.map((b) => b.counts[i])])));

  const colour = { positive: css('--positive'), neutral: css('--neutral'), negative: css('--negative') };
  draw('c-sentiment', {
    type: 'bar',
    data: { labels, datasets: series.sentiment.map((s) => ({ label: sentimentName(s.label), data: s.counts, backgroundColor: colour[s.label] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  put('t-sentiment', table(t('dash_chart_sentiment'), [t('dash_col_day'), ...series.sentiment.map((s) => `#${sentimentName(s.label)}`)],
    series.days.map((d, i) => [dayLabel(d), ...series.sentiment.map((s) => s.counts[i])])));

  draw('c-share', {
    type: 'doughnut',
    data: { labels: summary.share.map((s) => s.brand), datasets: [{ data: summary.share.map((s) => s.n), backgroundColor: summary.share.map((_, i) => PALETTE[i % PALETTE.length]) }] },
  });
  const percent = new Intl.NumberFormat(uiLanguage(), { style: 'percent' });
  put('t-share', table(t('dash_chart_share'), [t('dash_col_brand'), `#${t('dash_col_mentions')}`, t('dash_col_share')],
    summary.share.map((s) => [s.brand, s.n, percent.format(s.share)])));

  const intents = summary.counts.intent;
  draw('c-intent', {
    type: 'bar',
    data: { labels: intents.map(([i]) => intentName(i)), datasets: [{ label: t('dash_col_mentions'), data: intents.map(([, n]) => n), backgroundColor: css('--accent') }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  put('t-intent', table(t('dash_mentions_per_intent'), [t('dash_col_intent'), `#${t('dash_col_mentions')}`], intents.map(([i, n]) => [intentName(i), n])));
}

/** What each chart shows, for the tests and for anyone reading the page's state. */
export function chartData(id) {
  const c = charts.get(id);
  return c ? { labels: c.data.labels, datasets: c.data.datasets.map((d) => ({ label: d.label ?? null, data: d.data })) } : null;
}
