// The shell: header with the language switch, the node and vault status, the menu for the
// signed-in role, and the current screen (hash routes, so any static server can serve the app).
import type { FhirResource } from '@ruralmed/client';

import type { Session } from './accounts';
import { Backend, identity, keptSummary, noteNonce, organisations, practitioners, sendKept, type Identity, type OrganisationView, type PractitionerView } from './chain';
import type { AppConfig } from './config';
import { button, h, icon, mount, type IconName } from './dom';
import { explain } from './errors';
import { LANGUAGES, language, setLanguage, t } from './i18n';
import { personName } from './names';
import { accessScreen } from './screens/access';
import { checkScreen } from './screens/check';
import { clinicianScreen } from './screens/clinician';
import { councilScreen } from './screens/council';
import { figuresScreen } from './screens/figures';
import { joinScreen } from './screens/join';
import { medicinesScreen } from './screens/medicines';
import { outboxScreen } from './screens/outbox';
import { recoveryScreen } from './screens/recovery';
import { recordsScreen } from './screens/records';
import { signInScreen } from './screens/signin';
import { stockScreen } from './screens/stock';
import { suppliesScreen } from './screens/supplies';
import { trailScreen } from './screens/trail';
import { traceScreen } from './screens/trace';
import { writeScreen } from './screens/write';

export type Route = 'signin' | 'join' | 'records' | 'medicines' | 'access' | 'trail' | 'patient' | 'write' | 'check' | 'trace' | 'supplies' | 'stock' | 'council' | 'figures' | 'outbox' | 'recovery';
const ROUTES: readonly Route[] = ['outbox', 'signin', 'join', 'records', 'medicines', 'access', 'trail', 'patient', 'write', 'check', 'trace', 'supplies', 'stock', 'council', 'figures', 'recovery'];
/** Screens anyone may use without signing in: they only read public chain data. */
const PUBLIC_ROUTES: readonly Route[] = ['signin', 'check', 'trace', 'supplies', 'figures'];

/** What every screen is given. */
export interface AppContext {
  readonly backend: Backend;
  session: Session | null;
  who: Identity | null;
  /** The patient a clinician is working with (address), shared by the clinician screens. */
  patient: string | null;
  /** Whose records the patient screens show: the account itself, or a ward of its guardian. */
  actingFor: string | null;
  /** The visit record a clinician is correcting (its id and decrypted content), or null. */
  amending: { readonly record: bigint; readonly resource: FhirResource } | null;
  /** Per-session memory of decrypted records, so a re-render never reads (and logs) again. */
  readonly opened: Map<string, unknown>;
  /** The emergency the supplies screen shows, kept while moving between screens. */
  supplyEmergency: number | null;
  /** A donation number the trace screen looks up when it opens (after a pledge). */
  pendingTrace: bigint | null;
  navigate(route: Route): void;
  /** Re-renders the current screen. */
  refresh(): void;
  notify(kind: 'ok' | 'error', message: string): void;
  /** Work was kept or removed: the unsent count is shown again, and sending starts if online. */
  outboxChanged(): void;
  signIn(session: Session): Promise<void>;
  signOut(): void;
  registry(): Promise<{ orgs: OrganisationView[]; practitioners: PractitionerView[] }>;
}

const SCREENS: Record<Route, (ctx: AppContext) => HTMLElement> = {
  signin: signInScreen,
  join: joinScreen,
  records: recordsScreen,
  medicines: medicinesScreen,
  access: accessScreen,
  trail: trailScreen,
  patient: clinicianScreen,
  write: writeScreen,
  check: checkScreen,
  trace: traceScreen,
  supplies: suppliesScreen,
  stock: stockScreen,
  council: councilScreen,
  figures: figuresScreen,
  outbox: outboxScreen,
  recovery: recoveryScreen,
};

const MENU: Record<'patient' | 'clinician', readonly [Route, IconName][]> = {
  patient: [['records', 'records'], ['medicines', 'pill'], ['access', 'access'], ['trail', 'trail']],
  clinician: [['patient', 'search'], ['write', 'write']],
};

function currentRoute(): Route {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'signin';
}

export function startApp(root: HTMLElement, config: AppConfig): void {
  const backend = new Backend(config);
  const header = h('header', { class: 'top' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const banner = h('div', { class: 'banner-slot' });
  const nav = h('nav', { class: 'menu' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const toast = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
  mount(root, h('a', { class: 'skip', href: '#main', onClick: (e: Event) => { e.preventDefault(); main.focus(); } }, ''), header, status, banner, nav, toast, main);

  let registryCache: Promise<{ orgs: OrganisationView[]; practitioners: PractitionerView[] }> | null = null;
  let toastTimer: number | undefined;

  const ctx: AppContext = {
    backend,
    session: null,
    who: null,
    patient: null,
    actingFor: null,
    amending: null,
    opened: new Map(),
    supplyEmergency: null,
    pendingTrace: null,
    navigate(route) {
      if (currentRoute() === route) render();
      else window.location.hash = `#/${route}`;
    },
    refresh: () => { render(); },
    notify(kind, message) {
      window.clearTimeout(toastTimer);
      mount(toast, h('p', { class: `note ${kind}` }, icon(kind === 'ok' ? 'ok' : 'error'), h('span', {}, message)));
      toastTimer = window.setTimeout(() => { toast.replaceChildren(); }, kind === 'ok' ? 6000 : 12000);
    },
    outboxChanged() {
      void showKept();
    },
    async signIn(session) {
      ctx.session = session;
      // The nonce later offline work starts from, and anything kept waiting goes now.
      void noteNonce(backend, session).catch(() => undefined).then(() => { sendWaiting(); });
      ctx.opened.clear();
      ctx.who = await identity(backend, session.address);
      ctx.patient = null;
      ctx.actingFor = ctx.who.patient !== null ? session.address : ctx.who.wards[0] ?? null;
      ctx.navigate(ctx.actingFor !== null ? 'records' : ctx.who.practitioner !== null ? 'patient' : ctx.who.adminOf.length > 0 ? 'supplies' : 'join');
    },
    signOut() {
      ctx.session = null;
      ctx.who = null;
      ctx.patient = null;
      ctx.actingFor = null;
      ctx.amending = null;
      ctx.opened.clear();
      ctx.navigate('signin');
    },
    registry() {
      registryCache ??= Promise.all([organisations(backend), practitioners(backend)]).then(([orgs, ps]) => ({ orgs, practitioners: ps }));
      registryCache.catch(() => { registryCache = null; });
      return registryCache;
    },
  };

  function renderHeader(): void {
    const switcher = h('div', { class: 'lang', role: 'group', 'aria-label': t('lang.label') }, icon('language'),
      ...LANGUAGES.map((lng) => h('button', {
        type: 'button', class: 'lang-btn', lang: lng, 'aria-pressed': String(language() === lng),
        onClick: () => { toast.replaceChildren(); void setLanguage(lng).then(render); },
      }, lng === 'en' ? t('lang.en') : t('lang.zh'))));
    const who = ctx.session === null ? null : h('p', { class: 'who' }, icon('user'), h('span', {}, t('signin.signedInAs', { name: ctx.session.name })));
    mount(header, h('div', { class: 'brand' }, h('h1', {}, t('app.title')), h('p', { class: 'tagline' }, t('app.tagline'))), switcher, who, actingForSwitch());
    root.querySelector('.skip')?.replaceChildren(t('app.skip'));
  }

  /** A guardian chooses whose records the patient screens show: their own (if a patient) or a ward's. */
  function actingForSwitch(): HTMLElement | null {
    const session = ctx.session;
    const wards = ctx.who?.wards ?? [];
    if (session === null || wards.length === 0) return null;
    const own = ctx.who?.patient !== null ? [session.address] : [];
    const select = h('select', { name: 'acting-for', id: 'acting-for', onChange: (e: Event) => {
      ctx.actingFor = (e.target as HTMLSelectElement).value;
      if (!['records', 'medicines', 'access', 'trail'].includes(currentRoute())) ctx.navigate('records');
      else render();
    } }, ...[...own, ...wards].map((a) => h('option', { value: a, selected: a === ctx.actingFor }, a === session.address ? t('guardian.mine') : a))) as HTMLSelectElement;
    // Names come from the registry (and the demo county): fill them in when known.
    for (const option of select.options) {
      if (option.value !== session.address) void personName(ctx, option.value).then((name) => { option.textContent = t('guardian.ward', { name }); });
    }
    return h('div', { class: 'acting-for' }, h('label', { for: 'acting-for' }, icon('user'), h('span', {}, t('guardian.actingFor'))), select);
  }

  // The unsent work on this phone, as a link in the status line (shown when there is any).
  const keptChip = h('a', { class: 'link kept', href: '#/outbox', hidden: true });
  async function showKept(): Promise<void> {
    const counts = await keptSummary().catch(() => null);
    const shown = counts !== null && counts.waiting + counts.setAside > 0;
    keptChip.hidden = !shown;
    keptChip.setAttribute('data-waiting', String(counts?.waiting ?? 0));
    if (shown) mount(keptChip, icon(counts.setAside > 0 ? 'warning' : 'history'), h('span', {}, t('outbox.chip', { count: counts.waiting, setAside: counts.setAside })));
  }

  /** Sends kept work when the phone is connected and someone is signed in. */
  function sendWaiting(): void {
    const session = ctx.session;
    if (session === null || backend.offline) return;
    void keptSummary().then(async (counts) => {
      if (counts.waiting === 0) return;
      const report = await sendKept(backend, session);
      if (report.sent + report.setAside > 0) ctx.notify(report.setAside === 0 ? 'ok' : 'error', t('outbox.report', { sent: report.sent, setAside: report.setAside, waiting: report.waiting }));
      if (currentRoute() === 'outbox') render();
    }).catch(() => undefined).finally(() => { void showKept(); });
  }

  function renderStatus(): void {
    const dot = (name: 'node' | 'vault', state: string): HTMLElement =>
      h('span', { class: `link ${state}`, 'data-link': name, 'data-state': state }, icon(name), h('span', {}, `${t(`status.${name}`)}: ${t(`status.${state}`)}`));
    mount(status, dot('node', backend.node), dot('vault', backend.vault), keptChip);
    void showKept();
    const problems = [backend.node === 'down' ? t('status.nodeDown') : null, backend.vault === 'down' ? t('status.vaultDown') : null].filter((m): m is string => m !== null);
    mount(banner, ...problems.map((m) => h('p', { class: 'banner', role: 'alert' }, icon('warning'), h('span', {}, m))));
  }

  function renderNav(route: Route): void {
    if (ctx.session === null) { nav.replaceChildren(); nav.hidden = true; return; }
    nav.hidden = false;
    nav.setAttribute('aria-label', t('nav.main'));
    const items: [Route, IconName][] = [
      ...(ctx.actingFor !== null ? MENU.patient : []),
      // Anyone signed in may register themselves or accept to care for someone.
      ['join', 'plus'],
      // Anyone signed in may be a patient's recovery friend, or a patient's new phone.
      ['recovery', 'history'],
      ...(ctx.who?.practitioner !== null && ctx.who?.practitioner !== undefined ? MENU.clinician : []),
      ['supplies', 'emergency'],
      // Staff of an organisation: its medicine stock (the screen lists the organisations that hold medicines).
      ...(ctx.who !== null && (ctx.who.adminOf.length > 0 || ctx.who.practitioner?.status === 'Active') ? [['stock', 'pill'] as [Route, IconName]] : []),
      ...(ctx.who?.councilMember === true ? [['council', 'flag'] as [Route, IconName], ['figures', 'chart'] as [Route, IconName]] : []),
    ];
    mount(nav, h('ul', {},
      ...items.map(([r, i]) => h('li', {}, h('a', { href: `#/${r}`, class: 'tab', 'aria-current': r === route ? 'page' : undefined,
        // The tab of the screen already shown loads it again (the hash does not change, so no hashchange).
        onClick: (e: Event) => { if (currentRoute() === r) { e.preventDefault(); render(); } } }, icon(i), h('span', {}, r === 'join' && ctx.who?.patient !== null ? t('nav.care') : t(`nav.${r}`))))),
      h('li', {}, button('logout', t('nav.signOut'), () => { ctx.signOut(); }, { class: 'tab' }))));
  }

  function render(): void {
    let route = currentRoute();
    if (ctx.session === null && !PUBLIC_ROUTES.includes(route)) route = 'signin';
    renderHeader();
    renderStatus();
    renderNav(route);
    try {
      mount(main, SCREENS[route](ctx));
    } catch (error) {
      mount(main, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  window.addEventListener('hashchange', () => { render(); main.focus({ preventScroll: true }); });
  backend.onChange(() => { renderStatus(); sendWaiting(); });
  backend.start();
  render();
}
