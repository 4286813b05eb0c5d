// Getting started for an account that is not yet a patient: register myself (I manage my own
// records), or accept a clinic's proposal to care for someone who cannot manage keys (a child,
// an elderly parent) by entering that person's account number, which the clinic gave me.
import type { AppContext } from '../app';
import { acceptGuardianship, blockTime, chainClock, enrolPatientAsStaff, ensureEncryptionKey, guardianshipProposal, identity, myEmployers, parseAddress, registerSelf } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatTime, t } from '../i18n';
import { orgName, personName } from '../names';

export function joinScreen(ctx: AppContext): HTMLElement {
  const session = ctx.session;
  const message = h('div', { class: 'message', 'aria-live': 'polite' });
  const root = h('section', { class: 'screen', 'aria-labelledby': 'join-title' }, h('h2', { id: 'join-title' }, t('join.title')), message);
  if (session === null) return root;
  let busy = false;

  async function act(work: () => Promise<void>, done: string): Promise<void> {
    if (busy || session === null) return;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    mount(message, h('p', { class: 'note' }, t('common.busy')));
    try {
      await work();
      ctx.who = await identity(ctx.backend, session.address);
      ctx.actingFor = ctx.who.patient !== null ? session.address : ctx.who.wards[0] ?? null;
      ctx.notify('ok', done);
      ctx.navigate(ctx.actingFor !== null ? 'records' : 'join');
    } catch (error) {
      mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      busy = false;
      root.setAttribute('aria-busy', 'false');
    }
  }

  // The way for someone with no tokens: the village doctor enrols this account and pays the
  // deposit; the patient's own calls are then free (docs/rural-operation.md).
  const enrolled = async (): Promise<void> => {
    try {
      const who = await identity(ctx.backend, session.address);
      if (who.patient === null) {
        mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('join.notEnrolled'))));
        return;
      }
      await act(async () => { await ensureEncryptionKey(ctx.backend, session); }, t('join.enrolledDone'));
    } catch (error) {
      mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  };
  const byClinic = ctx.who?.patient === null
    ? h('section', { class: 'card stack', 'aria-labelledby': 'join-enrol-title' },
      h('h3', { id: 'join-enrol-title' }, icon('user'), h('span', {}, t('join.enrolTitle'))),
      h('p', { class: 'hint' }, t('join.enrolHint')),
      h('p', { class: 'hint' }, t('join.myAddress')),
      h('p', { class: 'address', 'data-my-address': session.address }, icon('key'), h('span', {}, session.address)),
      button('ok', t('join.checkEnrolled'), () => { void enrolled(); }, { class: 'btn primary', 'data-check-enrolled': 'true' }))
    : null;

  const self = ctx.who?.patient === null
    ? h('section', { class: 'card stack', 'aria-labelledby': 'join-self-title' },
      h('h3', { id: 'join-self-title' }, icon('user'), h('span', {}, t('join.selfTitle'))),
      h('p', { class: 'hint' }, t('join.selfHint')),
      button('ok', t('join.self'), () => { void act(() => registerSelf(ctx.backend, session), t('join.selfDone')); }, { class: 'btn primary', 'data-register-self': 'true' }))
    : null;

  const ward = h('input', { type: 'text', name: 'ward', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
  const proposal = h('div', { class: 'stack' });
  const care = h('form', { class: 'card stack', 'aria-labelledby': 'join-care-title', onSubmit: (e: Event) => {
    e.preventDefault();
    void (async () => {
      try {
        const address = parseAddress(ward.value);
        const [found, clock] = await Promise.all([guardianshipProposal(ctx.backend, address), chainClock(ctx.backend)]);
        if (found === null) { mount(proposal, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('join.noProposal')))); return; }
        if (found.guardian !== session.address) { mount(proposal, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('join.notYou')))); return; }
        const [by, org] = await Promise.all([personName(ctx, found.proposedBy), orgName(ctx, found.org)]);
        mount(proposal,
          h('p', { 'data-proposal': address }, icon('user'), h('span', {}, t('join.proposal', { by, org, until: formatTime(blockTime(clock, found.expiresAt)) }))),
          button('ok', t('join.accept'), () => { void act(() => acceptGuardianship(ctx.backend, session, address), t('join.accepted')); }, { class: 'btn primary', 'data-accept-guardianship': address }));
      } catch (error) {
        mount(proposal, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
      }
    })();
  } },
    h('h3', { id: 'join-care-title' }, icon('user'), h('span', {}, t('join.careTitle'))),
    h('p', { class: 'hint' }, t('join.careHint')),
    field(t('join.ward'), ward, t('join.wardHint')),
    h('button', { type: 'submit', class: 'btn' }, icon('search'), h('span', {}, t('join.find'))),
    proposal);

  // Clinic staff: whom this account works for (a staff proxy), and the work it may do there.
  const staffWork = h('div', { class: 'stack' });
  void (async () => {
    try {
      const [employers, clock] = await Promise.all([myEmployers(ctx.backend, session), chainClock(ctx.backend)]);
      const cards = await Promise.all(employers.map(async (job) => {
        const employer = await identity(ctx.backend, job.employer);
        const patient = h('input', { type: 'text', name: 'staff-enrol-patient', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
        const org = h('select', { name: 'staff-enrol-org' }, ...await Promise.all((employer.practitioner?.organisations ?? []).map(async (id) => h('option', { value: String(id) }, await orgName(ctx, id))))) as HTMLSelectElement;
        const result = h('div', { class: 'message', 'aria-live': 'polite' });
        return h('form', { class: 'card stack', 'data-employer': job.employer, onSubmit: (e: Event) => {
          e.preventDefault();
          void (async () => {
            try {
              const address = parseAddress(patient.value);
              mount(result, h('p', { class: 'note' }, t('common.busy')));
              await enrolPatientAsStaff(ctx.backend, session, { employer: job.employer, patient: address, org: Number(org.value) });
              mount(result, h('p', { class: 'note ok', 'data-enrolled': address }, icon('ok'), h('span', {}, t('enrol.done'))));
            } catch (error) {
              mount(result, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
            }
          })();
        } },
          h('h3', {}, icon('user'), h('span', {}, t('staff.worksFor', { who: await personName(ctx, job.employer), until: formatTime(blockTime(clock, job.until)) }))),
          h('p', { class: 'hint' }, t('staff.workHint')),
          field(t('enrol.patient'), patient, t('enrol.patientHint')),
          field(t('write.org'), org),
          h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('enrol.submit'))),
          result);
      }));
      mount(staffWork, ...cards);
    } catch (error) {
      mount(staffWork, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  })();

  root.append(staffWork, byClinic ?? '', self ?? '', care);
  return root;
}
