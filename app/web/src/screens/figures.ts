// The health authority's figures: for a county, township or village and the months chosen, what
// the chain counted as it happened (records written, active patients and clinicians, consents,
// break-glass accesses and reviews, handovers of medicine in all and by product, recalls, and
// emergency supplies needed, pledged, received, delivered and short), as charts, as a table and
// as a CSV file. Anyone may look (the figures name no one); the council's members find it in
// their menu. All figures come from the chain (app/client statistics.ts); what each counts is in
// docs/statistics.md.
import type { Figure, MonthFigures, RegionCode } from '@ruralmed/client';
import { FIGURES, monthLabel, statisticsCsv } from '@ruralmed/client';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

import type { AppContext } from '../app';
import { chainMonth, organisations, productFigures, recalledStockIn, regionFigures, type OrganisationView } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { t } from '../i18n';
import { regionText } from './supplies';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The charts, each of figures read together. */
const GROUPS: readonly { key: string; figures: readonly Figure[] }[] = [
  { key: 'care', figures: ['recordsWritten', 'activePatients', 'activeClinicians'] },
  { key: 'consent', figures: ['consentGrants', 'breakGlassAccesses', 'breakGlassReviews'] },
  { key: 'medicines', figures: ['dispensations', 'lotsRecalled'] },
  { key: 'supplies', figures: ['suppliesNeeded', 'suppliesPledged', 'suppliesReceived', 'suppliesDelivered', 'suppliesShort'] },
];

/** Colours that stay apart for the colour-blind (Okabe–Ito). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9'];

const MONTH_CHOICES = [3, 6, 12, 24] as const;

const regionKey = (r: RegionCode): string => `${r.county}-${r.township}-${r.village}`;

/** Every region an organisation lies in, with the regions enclosing it, counties first. */
function regionsOf(orgs: readonly OrganisationView[]): RegionCode[] {
  const all = new Map<string, RegionCode>();
  for (const { region: r } of orgs) {
    for (const each of [{ county: r.county, township: 0, village: 0 }, { county: r.county, township: r.township, village: 0 }, r]) {
      if (each.county !== 0 && !(each.township === 0 && each.village !== 0)) all.set(regionKey(each), each);
    }
  }
  return [...all.values()].sort((a, b) => a.county - b.county || a.township - b.township || a.village - b.village);
}

/** The region's name: its code, and the organisations that lie exactly in it. */
function regionName(r: RegionCode, orgs: readonly OrganisationView[]): string {
  const here = orgs.filter((o) => regionKey(o.region) === regionKey(r)).map((o) => o.name);
  return here.length === 0 ? regionText(r) : `${regionText(r)} · ${here.join(', ')}`;
}

export function figuresScreen(ctx: AppContext): HTMLElement {
  const regionSelect = h('select', { id: 'figures-region', name: 'region' }) as HTMLSelectElement;
  const monthsSelect = h('select', { id: 'figures-months', name: 'months' },
    ...MONTH_CHOICES.map((n) => h('option', { value: String(n), selected: n === 6 ? true : undefined }, t('figures.lastMonths', { count: n })))) as HTMLSelectElement;
  const result = h('div', { class: 'figures', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('figures.loading')));
  let charts: Chart[] = [];
  let orgs: OrganisationView[] = [];
  let drawing = 0;

  function table(rows: readonly MonthFigures[]): HTMLElement {
    return h('div', { class: 'table-scroll' }, h('table', { class: 'figures-table' },
      h('caption', {}, t('figures.tableCaption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('figures.figure')), ...rows.map((r) => h('th', { scope: 'col' }, monthLabel(r.month))))),
      h('tbody', {}, ...FIGURES.map((figure) => h('tr', { 'data-figure': figure },
        h('th', { scope: 'row' }, t(`figures.names.${figure}`)),
        ...rows.map((r) => h('td', { 'data-figure': figure, 'data-month': String(r.month) }, String(r[figure]))))))));
  }

  function chart(group: (typeof GROUPS)[number], rows: readonly MonthFigures[]): HTMLElement {
    const canvas = h('canvas', { role: 'img', 'aria-label': t(`figures.group.${group.key}`) }) as HTMLCanvasElement;
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map((r) => monthLabel(r.month)),
        datasets: group.figures.map((figure, i) => ({ label: t(`figures.names.${figure}`), data: rows.map((r) => r[figure]), backgroundColor: COLOURS[i % COLOURS.length] ?? '#0072B2' })),
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
    }));
    return h('figure', { class: 'chart', 'data-chart': group.key }, h('figcaption', {}, t(`figures.group.${group.key}`)), h('div', { class: 'chart-box' }, canvas));
  }

  function csvLink(region: RegionCode, rows: readonly MonthFigures[]): HTMLElement {
    const headings: Partial<Record<'region' | 'month' | Figure, string>> = { region: t('figures.csvRegion'), month: t('figures.csvMonth') };
    for (const f of FIGURES) headings[f] = t(`figures.names.${f}`);
    // A byte-order mark so that spreadsheet programs read the Chinese headings as UTF-8.
    const csv = `\uFEFF${statisticsCsv(region, rows, headings)}`;
    const first = rows[0]?.month ?? 0;
    const last = rows[rows.length - 1]?.month ?? first;
    const link = h('a', {
      class: 'btn', 'data-action': 'csv', download: `ruralmed-${regionKey(region)}-${monthLabel(first)}-${monthLabel(last)}.csv`,
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
    }, icon('download'), h('span', {}, t('figures.csv')));
    return link;
  }

  async function draw(): Promise<void> {
    const mine = ++drawing;
    const region = regionsOf(orgs).find((r) => regionKey(r) === regionSelect.value);
    if (region === undefined) { mount(result, h('p', { class: 'hint' }, t('figures.noRegions'))); return; }
    const months = Number(monthsSelect.value);
    mount(result, h('p', { class: 'hint' }, t('figures.loading')));
    try {
      const last = await chainMonth(ctx.backend);
      const first = last - months + 1;
      const [rows, products, recalled] = await Promise.all([
        regionFigures(ctx.backend, region, first, months),
        productFigures(ctx.backend, region, first, months, orgs),
        recalledStockIn(ctx.backend, region, orgs),
      ]);
      const orgName = (id: number): string => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
      if (mine !== drawing) return;
      for (const c of charts) c.destroy();
      charts = [];
      mount(result,
        h('h3', {}, regionName(region, orgs)),
        h('p', { class: 'hint' }, t('figures.period', { from: monthLabel(first), to: monthLabel(last) })),
        h('div', { class: 'charts' }, ...GROUPS.map((g) => chart(g, rows))),
        table(rows),
        h('h3', {}, t('figures.byProduct')),
        products.length === 0 ? h('p', { class: 'hint' }, t('figures.noProducts')) : h('div', { class: 'table-scroll' }, h('table', { class: 'figures-table products' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('figures.product')), ...rows.map((r) => h('th', { scope: 'col' }, monthLabel(r.month))))),
          h('tbody', {}, ...products.map(({ product, perMonth }) => h('tr', { 'data-gtin': product.gtin },
            h('th', { scope: 'row' }, `${product.name} ${product.strength}`),
            ...perMonth.map((n, i) => h('td', { 'data-month': String(first + i) }, String(n)))))))),
        h('h3', {}, t('figures.recalledTitle')),
        recalled.length === 0 ? h('p', { class: 'hint', 'data-empty': 'recalled' }, t('figures.noRecalled')) : h('ul', { class: 'lines' },
          ...recalled.map((r) => h('li', { class: 'entry', 'data-recalled-lot': r.lot.id.toString() },
            h('p', {}, icon('warning'), h('strong', {}, t('figures.recalledLot', { lot: r.lot.lotNumber, product: r.product === null ? r.lot.gtin : `${r.product.name} ${r.product.strength}` }))),
            h('ul', { class: 'plain' }, ...r.holders.map((holder) => h('li', { 'data-org': String(holder.org), 'data-packs': String(holder.packs) },
              t('figures.recalledHeld', { count: holder.packs, org: orgName(holder.org) }))))))),
        h('div', { class: 'row' }, csvLink(region, rows)),
        h('p', { class: 'hint' }, t('figures.whatCounts')));
    } catch (error) {
      if (mine === drawing) mount(result, h('p', { class: 'note error', role: 'alert' }, t('figures.refused', { reason: explain(error) })));
    }
  }

  async function start(): Promise<void> {
    try {
      orgs = await organisations(ctx.backend);
    } catch (error) {
      mount(result, h('p', { class: 'note error', role: 'alert' }, t('figures.refused', { reason: explain(error) })));
      return;
    }
    mount(regionSelect, ...regionsOf(orgs).map((r) => h('option', { value: regionKey(r) }, regionName(r, orgs))));
    await draw();
  }

  regionSelect.addEventListener('change', () => { void draw(); });
  monthsSelect.addEventListener('change', () => { void draw(); });
  void start();
  return h('section', { class: 'screen', 'data-screen': 'figures' },
    h('h2', {}, icon('chart'), h('span', {}, t('figures.title'))),
    h('p', {}, t('figures.intro')),
    h('div', { class: 'row' }, field(t('figures.region'), regionSelect), field(t('figures.months'), monthsSelect),
      button('refresh', t('figures.refresh'), () => { void draw(); }, { class: 'btn', 'data-action': 'refresh' })),
    result);
}
