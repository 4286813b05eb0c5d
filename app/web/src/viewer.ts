// The page a SMART Health Link opens (viewer.html#shlink:/…): for a doctor outside RuralMed, with
// no account and no chain. It asks who is opening the records (the patient sees that name) and
// the passcode if the link has one, fetches the sealed records from the vault and decrypts them
// here with the key in the address's fragment, which the browser never sends anywhere. It loads
// no polkadot.js: only the link module of the client library, i18next and the record view.
import './styles.css';

import { decodeShlink, needsPasscode, openHealthLink, ShlError, type OpenedRecord, type ShlinkPayload } from '@ruralmed/client/shl';

import { button, field, h, icon, mount } from './dom';
import { readableLines } from './fhir-view';
import { LANGUAGES, formatTime, initI18n, language, setLanguage, t } from './i18n';

/** A sentence for a link failure in the reader's language (`viewer.errors.<code>`). */
export function explainLink(error: unknown): string {
  if (error instanceof ShlError) {
    return error.code === 'shl_passcode' && error.remainingAttempts !== undefined
      ? t('viewer.errors.shl_passcode', { count: error.remainingAttempts })
      : t(`viewer.errors.${error.code}`);
  }
  return t('viewer.errors.unknown', { detail: error instanceof Error ? error.message : String(error) });
}

function recordView(record: OpenedRecord): HTMLElement {
  const id = record.recordId === null ? null : record.recordId.toString();
  return h('article', { class: 'record', 'data-shared-record': id ?? '' },
    h('h3', {}, icon('records'), h('span', {}, id === null ? t('viewer.record') : t('records.number', { id }))),
    h('dl', { class: 'lines' }, ...readableLines(record.resource).flatMap((l) => [h('dt', {}, l.label), h('dd', {}, l.value)])));
}

function start(root: HTMLElement): void {
  let payload: ShlinkPayload | null = null;
  let failure: unknown = null;
  try {
    payload = decodeShlink(window.location.hash);
  } catch (error) {
    failure = error;
  }
  let shown: OpenedRecord[] | null = null;
  let recipient = '';

  const render = (): void => {
    const switcher = h('div', { class: 'lang', role: 'group', 'aria-label': t('lang.label') }, icon('language'),
      ...LANGUAGES.map((lng) => h('button', { type: 'button', class: 'lang-btn', lang: lng, 'aria-pressed': String(language() === lng), onClick: () => { void setLanguage(lng).then(render); } },
        lng === 'en' ? t('lang.en') : t('lang.zh'))));
    const header = h('header', { class: 'top' }, h('div', { class: 'brand' }, h('h1', {}, t('app.title')), h('p', { class: 'tagline' }, t('viewer.tagline'))), switcher);
    const main = h('main', { id: 'main', tabindex: '-1' });
    mount(root, header, main);
    if (payload === null) {
      mount(main, h('section', { class: 'screen' }, h('h2', { id: 'viewer-title' }, t('viewer.title')), h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explainLink(failure)))));
      return;
    }
    const link = payload;
    const intro = [
      link.label === undefined ? null : h('p', { class: 'viewer-label' }, icon('records'), h('strong', {}, link.label)),
      link.exp === undefined ? null : h('p', { class: 'hint' }, t('viewer.until', { until: formatTime(link.exp * 1000) })),
    ];
    if (shown !== null) {
      mount(main, h('section', { class: 'screen', 'aria-labelledby': 'viewer-title' },
        h('h2', { id: 'viewer-title' }, t('viewer.title')), ...intro,
        h('p', { class: 'note ok' }, icon('ok'), h('span', {}, t('viewer.opened', { count: shown.length, who: recipient }))),
        h('div', { class: 'list' }, ...shown.map(recordView)),
        button('print', t('print.print'), () => { window.print(); }, { class: 'btn quiet' })));
      return;
    }
    const who = h('input', { name: 'recipient', autocomplete: 'name', maxlength: '80', required: true, value: recipient }) as HTMLInputElement;
    const code = h('input', { name: 'passcode', type: 'password', autocomplete: 'off', inputmode: 'numeric' }) as HTMLInputElement;
    const message = h('div', { class: 'message', 'aria-live': 'polite' });
    const form = h('form', { class: 'card stack', onSubmit: (e: Event) => {
      e.preventDefault();
      recipient = who.value.trim();
      form.setAttribute('aria-busy', 'true');
      mount(message, h('p', { class: 'hint' }, t('viewer.opening')));
      void openHealthLink(link, { recipient, ...(needsPasscode(link) ? { passcode: code.value } : {}) }).then((records) => {
        shown = records;
        render();
      }, (error: unknown) => {
        form.setAttribute('aria-busy', 'false');
        mount(message, h('p', { class: 'note error', role: 'alert', 'data-link-error': error instanceof ShlError ? error.code : 'unknown' }, icon('error'), h('span', {}, explainLink(error))));
      });
    } },
      field(t('viewer.who'), who, t('viewer.whoHint')),
      needsPasscode(link) ? field(t('viewer.passcode'), code) : null,
      message,
      h('button', { type: 'submit', class: 'btn primary' }, icon('records'), h('span', {}, t('viewer.open'))));
    mount(main, h('section', { class: 'screen', 'aria-labelledby': 'viewer-title' }, h('h2', { id: 'viewer-title' }, t('viewer.title')), ...intro, h('p', {}, t('viewer.intro')), form));
  };
  render();
  window.addEventListener('hashchange', () => { window.location.reload(); });
}

const root = document.getElementById('app');
if (root !== null) void initI18n().then(() => { start(root); });
