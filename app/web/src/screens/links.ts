// The patient's SMART Health Links: on "Who may see my records", each link with what it shares,
// until when, and a one-tap stop; on "Who looked", each time someone opened one (the name they
// gave and when). The vault keeps these (links are off chain: the chain never hears of a doctor
// outside RuralMed, see docs/privacy.md).
import type { HealthLinkView } from '@ruralmed/client';

import type { AppContext } from '../app';
import { healthLinks, revokeHealthLink } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';

function linkState(link: HealthLinkView, now: number): 'active' | 'revoked' | 'expired' | 'locked' {
  if (link.revoked) return 'revoked';
  if (link.expiresMs <= now) return 'expired';
  if (link.passcode && link.remainingAttempts <= 0) return 'locked';
  return 'active';
}

/** "Links I shared": each link and a button to stop it. */
export function linksSection(ctx: AppContext, patient: string): HTMLElement {
  const list = h('div', { 'aria-busy': 'true' });
  const root = h('section', { class: 'links', 'aria-labelledby': 'links-title' },
    h('h3', { id: 'links-title' }, icon('access'), h('span', {}, t('share.listTitle'))),
    h('p', { class: 'hint' }, t('share.listIntro')), list);

  async function load(): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    list.setAttribute('aria-busy', 'true');
    try {
      const links = await healthLinks(ctx.backend, session, patient);
      const now = Date.now();
      mount(list, links.length === 0 ? h('p', { class: 'hint', 'data-empty': 'links' }, t('share.none')) : h('ul', { class: 'link-list' }, ...links.map((link) => {
        const state = linkState(link, now);
        return h('li', { class: `grant${state === 'active' ? '' : ' ended'}`, 'data-link': link.id, 'data-link-state': state },
          h('p', {}, icon('access'), h('span', {}, t('share.entry', { label: link.label === '' ? t('share.unnamed') : link.label, count: link.records.length }))),
          h('p', { class: 'hint' }, t(`share.state.${state}`, { until: formatTime(link.expiresMs) }), ' · ', t('share.uses', { count: link.useCount }),
            link.passcode ? ` · ${t('share.withPasscode')}` : ''),
          state === 'active' ? button('revoke', t('share.revoke'), () => {
            if (!window.confirm(t('share.revokeConfirm'))) return;
            void revokeHealthLink(ctx.backend, session, link.id).then(() => { ctx.notify('ok', t('share.revoked')); }, (error: unknown) => { ctx.notify('error', explain(error)); }).then(load);
          }, { class: 'btn danger', 'data-revoke-link': link.id }) : null);
      })));
    } catch (error) {
      mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  void load();
  return root;
}

/** "Opened through your links": every use of every link, newest first. */
export function linkUsesSection(ctx: AppContext, patient: string): HTMLElement {
  const root = h('section', { class: 'link-uses', 'aria-live': 'polite' });
  const session = ctx.session;
  if (session === null) return root;
  void healthLinks(ctx.backend, session, patient).then((links) => {
    const uses = links.flatMap((link) => link.uses.map((use) => ({ link, use }))).sort((a, b) => b.use.atMs - a.use.atMs);
    if (uses.length === 0) return;
    mount(root, h('h3', { id: 'link-uses-title' }, icon('access'), h('span', {}, t('share.usesTitle'))),
      h('ol', { class: 'link-trail', 'aria-labelledby': 'link-uses-title' }, ...uses.map(({ link, use }) => h('li', { class: 'entry', 'data-link-use': link.id },
        h('p', {}, icon('trail'), h('span', {}, t('share.useEntry', { who: use.recipient, label: link.label === '' ? t('share.unnamed') : link.label, count: link.records.length }))),
        h('p', { class: 'hint' }, formatTime(use.atMs))))));
  }, (error: unknown) => {
    mount(root, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
  });
  return root;
}
