// The health council's screen: the county's medical authority acts by motion. A member proposes
// (recall a batch, verify or suspend an organisation, verify, suspend or revoke a licence,
// resolve an escalated break-glass, declare an emergency, add or remove a hospital's validator),
// members vote, and
// once more than half of the seats voted aye anyone closes the motion and it takes effect; with
// too many nays (or after its time, absent members counting as nay) closing throws it out.
// Every motion open on chain is listed with its votes and state, whoever proposed it.
import { RECALL_REASONS, type MotionOutcome, type MotionView, type RecallReason } from '@ruralmed/client';

import type { AppContext } from '../app';
import {
  CARE_PROVIDER_KINDS,
  blockTime,
  chainClock,
  closeCouncilMotion,
  councilState,
  escalatedBreakGlass,
  licenceStandings,
  proposeEmergency,
  proposeLicenceAction,
  proposeOrganisationAction,
  proposeRecall,
  proposeResolveAccess,
  proposeValidatorAction,
  validatorStanding,
  voteOnMotion,
  type ChainClock,
  type MotionDetail,
  type OrganisationView,
} from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { personName } from '../names';

/** The supply items an emergency can be declared with from this screen (codes as the demo county uses them). */
const CATALOGUE: readonly { code: string; unit: string }[] = [
  { code: 'MASK-N95', unit: 'Piece' }, { code: 'ORS', unit: 'Box' }, { code: 'TEST-KIT', unit: 'Kit' }, { code: 'OXYGEN', unit: 'Device' },
];

/** An organisation's name from the registry, or words for an unknown id. */
function orgNameIn(orgs: readonly OrganisationView[]): (id: number) => string {
  return (id) => orgs.find((o) => o.id === id)?.name ?? t('check.unknownOrg', { id });
}

function describe(detail: MotionDetail, orgName: (id: number) => string, personName: (address: string) => string): string {
  const a = detail.motion.action;
  switch (a.kind) {
    case 'RecallLot':
      return t('council.action.RecallLot', { lot: detail.lot?.lotNumber ?? `#${a.lot.toString()}`, gtin: detail.lot?.gtin ?? '', reason: t(`council.reason.${a.reason}`) });
    case 'VerifyOrganisation':
    case 'SuspendOrganisation':
      return t(`council.action.${a.kind}`, { org: orgName(a.org) });
    case 'DeclareEmergency':
      return t('council.action.DeclareEmergency', { name: a.name });
    case 'ResolveEmergencyAccess':
      return t(a.sanction ? 'council.action.Sanction' : 'council.action.Clear', { id: a.id.toString() });
    case 'VerifyLicence':
    case 'SuspendPractitioner':
    case 'RevokeLicence':
      return t(`council.action.${a.kind}`, { who: personName(a.practitioner) });
    case 'AddValidator':
    case 'RemoveValidator':
      return t(`council.action.${a.kind}`, { who: personName(a.validator) });
    case 'SetSessionLength':
      return t('council.action.SetSessionLength', { blocks: a.blocks });
    case 'Other':
      return t('council.action.Other', { call: `${a.section}.${a.method}` });
  }
}

function outcomeText(outcome: MotionOutcome): { kind: 'ok' | 'error'; text: string } {
  if (outcome.kind === 'Disapproved') return { kind: 'ok', text: t('council.thrownOut') };
  return outcome.error === null ? { kind: 'ok', text: t('council.tookEffect') } : { kind: 'error', text: t('council.passedButRefused', { reason: explain(outcome.error) }) };
}

export function councilScreen(ctx: AppContext): HTMLElement {
  const motionsSlot = h('div', { class: 'motions', 'aria-live': 'polite' }, h('p', { class: 'hint' }, t('council.loading')));
  const formsSlot = h('div', {});
  let busy = false;

  /**
   * Runs one chain action at a time; its outcome is said in the toast, then the motions are read
   * again, and after a success the forms too (what awaits the council changed); a refused
   * action keeps what was typed.
   */
  function act(action: () => Promise<string | { kind: 'ok' | 'error'; text: string }>): void {
    if (busy) return;
    busy = true;
    action().then((said) => {
      const { kind, text } = typeof said === 'string' ? { kind: 'ok' as const, text: said } : said;
      ctx.notify(kind, text);
      void drawForms();
    }, (error: unknown) => { ctx.notify('error', t('council.refused', { reason: explain(error) })); })
      .finally(() => { busy = false; void drawMotions(); });
  }

  function motionCard(detail: MotionDetail, clock: ChainClock, orgName: (id: number) => string, voterNames: Map<string, string>): HTMLElement {
    const m: MotionView = detail.motion;
    const me = ctx.session?.address ?? '';
    const member = ctx.who?.councilMember === true;
    const over = clock.block > m.end;
    const state = m.approved ? 'approved' : m.rejected ? 'rejected' : over ? 'expired' : 'open';
    const names = (list: readonly string[]): string => list.map((a) => voterNames.get(a) ?? a).join(', ');
    const session = ctx.session;
    const buttons = session === null ? [] : [
      member && !m.ayes.includes(me) && state === 'open' ? button('ok', t('council.aye'), () => { act(async () => { await voteOnMotion(ctx.backend, session, m, true); return t('council.voted'); }); }, { class: 'btn primary', 'data-action': 'aye' }) : null,
      member && !m.nays.includes(me) && state === 'open' ? button('revoke', t('council.nay'), () => { act(async () => { await voteOnMotion(ctx.backend, session, m, false); return t('council.voted'); }); }, { class: 'btn', 'data-action': 'nay' }) : null,
      state !== 'open' ? button('ok', t('council.close'), () => { act(async () => outcomeText(await closeCouncilMotion(ctx.backend, session, m.hash))); }, { class: 'btn primary', 'data-action': 'close' }) : null,
    ];
    return h('li', { class: 'entry', 'data-motion': String(m.index), 'data-state': state, 'data-kind': m.action.kind },
      h('p', {}, icon('flag'), h('strong', {}, describe(detail, orgName, (a) => voterNames.get(a) ?? a))),
      h('p', {}, h('span', {}, t('council.votes', { ayes: m.ayes.length, threshold: m.threshold, nays: m.nays.length, seats: m.seats }))),
      m.ayes.length > 0 ? h('p', { class: 'hint' }, t('council.ayesBy', { names: names(m.ayes) })) : null,
      m.nays.length > 0 ? h('p', { class: 'hint' }, t('council.naysBy', { names: names(m.nays) })) : null,
      h('p', { class: state === 'approved' ? 'note ok' : state === 'open' ? 'hint' : 'note warn' }, h('span', {}, t(`council.state.${state}`, { when: formatTime(blockTime(clock, m.end)) }))),
      h('div', { class: 'row' }, ...buttons));
  }

  async function drawMotions(): Promise<void> {
    try {
      const [{ motions }, clock, { orgs }] = await Promise.all([councilState(ctx.backend), chainClock(ctx.backend), ctx.registry()]);
      const orgName = orgNameIn(orgs);
      const voters = new Map<string, string>();
      const named = motions.flatMap((d) => [...d.motion.ayes, ...d.motion.nays, ...('practitioner' in d.motion.action ? [d.motion.action.practitioner] : []),
        ...('validator' in d.motion.action ? [d.motion.action.validator] : [])]);
      await Promise.all([...new Set(named)].map(async (a) => { voters.set(a, await personName(ctx, a)); }));
      mount(motionsSlot, motions.length === 0 ? h('p', { class: 'hint', 'data-empty': 'motions' }, t('council.noMotions'))
        : h('ol', { class: 'trail' }, ...motions.map((d) => motionCard(d, clock, orgName, voters))));
    } catch (error) {
      mount(motionsSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  function recallForm(): HTMLElement {
    const gtin = h('input', { type: 'text', name: 'recall-gtin', inputmode: 'numeric', autocomplete: 'off', maxlength: '14' }) as HTMLInputElement;
    const lot = h('input', { type: 'text', name: 'recall-lot', autocomplete: 'off', maxlength: '20' }) as HTMLInputElement;
    const reason = h('select', { name: 'recall-reason' }, ...RECALL_REASONS.map((r) => h('option', { value: r }, t(`council.reason.${r}`)))) as HTMLSelectElement;
    return h('form', { class: 'card stack', 'data-form': 'recall', onSubmit: (e: Event) => {
      e.preventDefault();
      const session = ctx.session;
      if (session === null) return;
      act(async () => { await proposeRecall(ctx.backend, session, { gtin: gtin.value.trim(), lotNumber: lot.value.trim(), reason: reason.value as RecallReason }); return t('council.proposed'); });
    } }, h('h4', {}, icon('pill'), h('span', {}, t('council.recallTitle'))),
    field(t('council.gtin'), gtin, t('council.gtinHint')), field(t('council.lot'), lot), field(t('council.why'), reason),
    h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('council.propose'))));
  }

  function organisationForm(orgs: readonly OrganisationView[]): HTMLElement {
    const org = h('select', { name: 'org' }, ...orgs.map((o) => h('option', { value: String(o.id) }, `${o.name} (${t(`council.orgStatus.${o.status}`)})`))) as HTMLSelectElement;
    const action = h('select', { name: 'org-action' }, h('option', { value: 'verify' }, t('council.verify')), h('option', { value: 'suspend' }, t('council.suspend'))) as HTMLSelectElement;
    return h('form', { class: 'card stack', 'data-form': 'organisation', onSubmit: (e: Event) => {
      e.preventDefault();
      const session = ctx.session;
      if (session === null) return;
      act(async () => { await proposeOrganisationAction(ctx.backend, session, action.value === 'verify' ? 'verify' : 'suspend', Number(org.value)); return t('council.proposed'); });
    } }, h('h4', {}, icon('access'), h('span', {}, t('council.orgTitle'))),
    field(t('council.organisation'), org), field(t('council.orgAction'), action, t('council.orgHint')),
    h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('council.propose'))));
  }

  function emergencyForm(orgs: readonly OrganisationView[], clock: ChainClock): HTMLElement {
    const name = h('input', { type: 'text', name: 'emergency-name', autocomplete: 'off', maxlength: '64' }) as HTMLInputElement;
    // Townships with a clinic or hospital, from the registry.
    const townships = [...new Map(orgs.filter((o) => CARE_PROVIDER_KINDS.includes(o.kind) && o.region.township !== 0)
      .map((o) => [`${o.region.county}-${o.region.township}`, { county: o.region.county, township: o.region.township, village: 0 }])).values()];
    const regionBoxes = townships.map((r) => ({ r, box: h('input', { type: 'checkbox', id: `region-${r.county}-${r.township}`, name: 'emergency-region' }) as HTMLInputElement }));
    const itemBoxes = CATALOGUE.map((i) => ({ i, box: h('input', { type: 'checkbox', id: `item-${i.code}`, name: 'emergency-item' }) as HTMLInputElement }));
    const opensIn = h('input', { type: 'number', name: 'emergency-opens-in', min: '0', step: '1', value: '1', inputmode: 'numeric' }) as HTMLInputElement;
    const days = h('input', { type: 'number', name: 'emergency-days', min: '1', step: '1', value: '14', inputmode: 'numeric' }) as HTMLInputElement;
    const roundHours = h('input', { type: 'number', name: 'emergency-round-hours', min: '1', step: '1', value: '24', inputmode: 'numeric' }) as HTMLInputElement;
    const perHour = Math.round(3_600_000 / clock.blockMs);
    const whole = (input: HTMLInputElement): number => (/^\s*\d+\s*$/.test(input.value) ? Number(input.value) : Number.NaN);
    return h('form', { class: 'card stack', 'data-form': 'emergency', onSubmit: (e: Event) => {
      e.preventDefault();
      const session = ctx.session;
      if (session === null) return;
      act(async () => {
        await proposeEmergency(ctx.backend, session, {
          name: name.value, regions: regionBoxes.filter((b) => b.box.checked).map((b) => b.r), items: itemBoxes.filter((b) => b.box.checked).map((b) => b.i),
          startsIn: whole(opensIn) * perHour, blocks: whole(days) * 24 * perHour, roundLength: whole(roundHours) * perHour,
        });
        return t('council.proposed');
      });
    } }, h('h4', {}, icon('emergency'), h('span', {}, t('council.emergencyTitle'))),
    field(t('council.emergencyName'), name),
    h('fieldset', { class: 'stack' }, h('legend', {}, t('council.regions')), ...regionBoxes.map(({ r, box }) => h('div', { class: 'check' }, box, h('label', { for: box.id }, t('supplies.regionTownship', r))))),
    h('fieldset', { class: 'stack' }, h('legend', {}, t('council.items')), ...itemBoxes.map(({ i, box }) => h('div', { class: 'check' }, box, h('label', { for: box.id }, `${i.code} (${t(`trace.unit.${i.unit}`)})`)))),
    field(t('council.opensIn'), opensIn, t('council.opensInHint')), field(t('council.days'), days), field(t('council.roundHours'), roundHours),
    h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('council.propose'))));
  }

  /** The escalated break-glass accesses, each with a motion to clear or to sanction its practitioner. */
  async function breakGlassForm(orgs: readonly OrganisationView[], clock: ChainClock): Promise<HTMLElement> {
    const accesses = await escalatedBreakGlass(ctx.backend);
    const orgName = orgNameIn(orgs);
    const rows = await Promise.all(accesses.map(async (a) => {
      const [who, patient] = await Promise.all([personName(ctx, a.practitioner), personName(ctx, a.patient)]);
      const propose = (sanction: boolean) => (): void => {
        const session = ctx.session;
        if (session === null) return;
        act(async () => { await proposeResolveAccess(ctx.backend, session, a.id, sanction); return t('council.proposed'); });
      };
      return h('li', { class: 'entry', 'data-escalated': a.id.toString() },
        h('p', {}, h('strong', {}, t('council.glassEntry', { id: a.id.toString(), who, org: orgName(a.org), patient }))),
        h('p', { class: 'hint' }, t(a.disputed ? 'council.glassDisputed' : 'council.glassUnreviewed', { when: formatTime(blockTime(clock, a.openedAt)) })),
        h('div', { class: 'row' },
          button('ok', t('council.glassClear'), propose(false), { class: 'btn', 'data-action': 'clear' }),
          button('revoke', t('council.glassSanction'), propose(true), { class: 'btn', 'data-action': 'sanction' })));
    }));
    return h('div', { class: 'card stack', 'data-form': 'break-glass' }, h('h4', {}, icon('emergency'), h('span', {}, t('council.glassTitle'))),
      h('p', { class: 'hint' }, t('council.glassHint')),
      rows.length === 0 ? h('p', { class: 'hint', 'data-empty': 'escalated' }, t('council.glassNone')) : h('ol', { class: 'trail' }, ...rows));
  }

  /** A practitioner's licence: verify (or reinstate), suspend, or revoke, by motion. */
  async function licenceForm(): Promise<HTMLElement> {
    const standings = await licenceStandings(ctx.backend);
    const names = await Promise.all(standings.map((l) => personName(ctx, l.practitioner)));
    const who = h('select', { name: 'licence-practitioner' }, ...standings.map((l, i) => h('option', { value: l.practitioner }, `${names[i] ?? l.practitioner} (${t(`council.licenceStatus.${l.status}`)})`))) as HTMLSelectElement;
    const action = h('select', { name: 'licence-action' }, ...(['verify', 'suspend', 'revoke'] as const).map((a) => h('option', { value: a }, t(`council.licence.${a}`)))) as HTMLSelectElement;
    return h('form', { class: 'card stack', 'data-form': 'licence', onSubmit: (e: Event) => {
      e.preventDefault();
      const session = ctx.session;
      if (session === null) return;
      const chosen = action.value === 'suspend' ? 'suspend' : action.value === 'revoke' ? 'revoke' : 'verify';
      act(async () => { await proposeLicenceAction(ctx.backend, session, chosen, who.value); return t('council.proposed'); });
    } }, h('h4', {}, icon('access'), h('span', {}, t('council.licenceTitle'))),
    field(t('council.practitioner'), who), field(t('council.orgAction'), action, t('council.licenceHint')),
    h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('council.propose'))));
  }

  /**
   * The hospitals' validators, each marked validating now or from the session after next, and a
   * motion to add a hospital's validator (its account registered session keys first) or remove
   * one; two thirds of the seats must agree.
   */
  async function validatorsForm(clock: ChainClock): Promise<HTMLElement> {
    const view = await validatorStanding(ctx.backend);
    const names = await Promise.all(view.validators.map((v) => personName(ctx, v)));
    const rows = view.validators.map((v, i) => h('li', { class: 'entry', 'data-validator': v },
      h('p', {}, h('strong', {}, names[i] ?? v)),
      h('p', { class: 'hint' }, t(view.active.includes(v) ? 'council.validatorNow' : 'council.validatorNext')),
      h('p', { class: 'address' }, v)));
    const who = h('input', { type: 'text', name: 'validator-account', autocomplete: 'off', spellcheck: 'false' }) as HTMLInputElement;
    const action = h('select', { name: 'validator-action' }, ...(['add', 'remove'] as const).map((a) => h('option', { value: a }, t(`council.validator.${a}`)))) as HTMLSelectElement;
    const minutes = Math.max(1, Math.round((view.sessionLength * clock.blockMs) / 60_000));
    return h('form', { class: 'card stack', 'data-form': 'validators', onSubmit: (e: Event) => {
      e.preventDefault();
      const session = ctx.session;
      if (session === null) return;
      const chosen = action.value === 'remove' ? 'remove' : 'add';
      act(async () => { await proposeValidatorAction(ctx.backend, session, chosen, who.value); return t('council.proposed'); });
    } }, h('h4', {}, icon('access'), h('span', {}, t('council.validatorsTitle'))),
    h('p', { class: 'hint' }, t('council.validatorsHint', { minutes, min: view.min, max: view.max })),
    h('ol', { class: 'trail' }, ...rows),
    field(t('council.validatorAccount'), who), field(t('council.orgAction'), action),
    h('button', { type: 'submit', class: 'btn primary' }, icon('flag'), h('span', {}, t('council.propose'))));
  }

  async function drawForms(): Promise<void> {
    if (ctx.who?.councilMember !== true) { mount(formsSlot, h('p', { class: 'hint', 'data-empty': 'not-member' }, t('council.notMember'))); return; }
    try {
      const [{ orgs }, clock] = await Promise.all([ctx.registry(), chainClock(ctx.backend)]);
      const [glass, licence, validators] = await Promise.all([breakGlassForm(orgs, clock), licenceForm(), validatorsForm(clock)]);
      mount(formsSlot, h('h3', {}, icon('plus'), h('span', {}, t('council.proposeTitle'))), recallForm(), glass, licence, organisationForm(orgs), emergencyForm(orgs, clock), validators);
    } catch (error) {
      mount(formsSlot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  void drawMotions();
  void drawForms();
  return h('section', { class: 'screen', 'aria-labelledby': 'council-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'council-title' }, t('council.title')),
      button('refresh', t('supplies.reload'), () => { ctx.refresh(); }, { class: 'btn quiet small' })),
    h('p', { class: 'hint' }, t('council.intro')),
    h('h3', {}, icon('flag'), h('span', {}, t('council.motionsTitle'))),
    motionsSlot,
    formsSlot);
}
