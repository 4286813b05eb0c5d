// Patient: who looked at my records (the access trail on chain), newest first; break-glass
// accesses stand out: listed first, each with its review deadline and accept / dispute.
import type { AppContext } from '../app';
import { accessTrail, blockTime, chainClock, emergenciesOf, reviewBreakGlass, type EmergencyView } from '../chain';
import { button, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { orgName, personName } from '../names';
import { linkUsesSection } from './links';

export function trailScreen(ctx: AppContext): HTMLElement {
  const patient = ctx.actingFor ?? '';
  const guardian = ctx.actingFor === ctx.session?.address ? ctx.who?.patient?.guardian : undefined;
  const list = h('ol', { class: 'trail', 'aria-busy': 'true' });
  const more = h('div', {});
  const message = h('div', { class: 'message' });
  const glass = h('section', { class: 'glass-review', 'aria-live': 'polite' });
  const root = h('section', { class: 'screen', 'aria-labelledby': 'trail-title' },
    h('div', { class: 'title-row' },
      h('h2', { id: 'trail-title' }, t('trail.title')),
      button('refresh', t('common.refresh'), () => { ctx.refresh(); }, { class: 'btn quiet small' })),
    glass, linkUsesSection(ctx, patient), message, list, more);

  async function review(emergency: EmergencyView, accept: boolean): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    glass.setAttribute('aria-busy', 'true');
    try {
      await reviewBreakGlass(ctx.backend, session, emergency.id, accept);
      ctx.notify('ok', accept ? t('glass.accepted') : t('glass.disputedDone'));
    } catch (error) {
      ctx.notify('error', explain(error));
    }
    await loadGlass();
  }

  async function loadGlass(): Promise<void> {
    glass.setAttribute('aria-busy', 'true');
    try {
      const [emergencies, clock] = await Promise.all([emergenciesOf(ctx.backend, patient), chainClock(ctx.backend)]);
      if (emergencies.length === 0) { glass.replaceChildren(); return; }
      const items = await Promise.all(emergencies.map(async (e) => {
        const who = await personName(ctx, e.practitioner);
        const org = await orgName(ctx, e.org);
        const open = e.status === 'Open';
        const overdue = open && clock.block >= e.reviewBy;
        return h('li', { class: `glass-entry${open ? ' to-review' : ''}`, 'data-emergency': e.id.toString(), 'data-status': e.status },
          h('p', { class: 'glass-head' }, icon('emergency'), h('strong', {}, t('glass.entry', { who: who.includes(org) ? who : t('glass.whoAt', { who, org }), when: formatTime(blockTime(clock, e.openedAt)) }))),
          h('p', {}, t('glass.until', { until: formatTime(blockTime(clock, e.expiresAt)) })),
          h('p', { class: 'glass-status' }, t(`glass.status.${e.status}`, { by: formatTime(blockTime(clock, e.reviewBy)) })),
          open && !overdue ? h('div', { class: 'row' },
            button('ok', t('glass.accept'), () => { void review(e, true); }, { class: 'btn', 'data-accept': e.id.toString() }),
            button('flag', t('glass.dispute'), () => { if (window.confirm(t('glass.disputeConfirm'))) void review(e, false); }, { class: 'btn danger', 'data-dispute': e.id.toString() })) : null);
      }));
      mount(glass, h('h3', { id: 'glass-list-title' }, icon('warning'), h('span', {}, t('glass.listTitle'))),
        h('p', { class: 'hint' }, t('glass.listIntro')),
        h('ul', { class: 'glass-list', 'aria-labelledby': 'glass-list-title' }, ...items));
    } catch (error) {
      mount(glass, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      glass.setAttribute('aria-busy', 'false');
    }
  }

  async function load(before: number | null): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const page = await accessTrail(ctx.backend, patient, before);
      if (page.entries.length === 0 && before === null) mount(message, h('p', { class: 'hint', 'data-empty': 'trail' }, t('trail.empty')));
      for (const entry of page.entries) {
        const who = entry.reader === guardian ? t('trail.yourGuardian') : await personName(ctx, entry.reader);
        const basis = entry.basis === null ? null
          : entry.basis.kind === 'Emergency' ? t('trail.basisEmergency')
            : entry.basis.kind === 'Referral' ? t('trail.basisReferral') : t('trail.basisGrant');
        list.append(h('li', { class: `entry${entry.basis?.kind === 'Emergency' ? ' emergency' : ''}`, 'data-reader': entry.reader, 'data-record': entry.record.toString() },
          h('p', {}, icon(entry.basis?.kind === 'Emergency' ? 'warning' : 'trail'),
            h('span', {}, t('trail.entry', { who, record: t('records.number', { id: entry.record.toString() }), why: t(`purpose.${entry.purpose}`) }))),
          h('p', { class: 'hint' }, formatTime(entry.timestampMs), basis === null ? '' : ` · ${basis}`)));
      }
      mount(more, page.from > 0 ? button('trail', t('trail.older'), () => { more.replaceChildren(); void load(page.from); }, { class: 'btn quiet' }) : null);
    } catch (error) {
      mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  void loadGlass();
  void load(null);
  return root;
}
