// Clinician: find a patient (account number, or a demo patient on a dev chain), then open
// their records with a stated purpose. The vault asks the chain; a refusal is shown plainly.
import { Keyring } from '@polkadot/keyring';
import type { PurposeOfUse } from '@ruralmed/client';
import { mnemonicGenerate } from '@polkadot/util-crypto';

import { DEMO_ACCOUNTS, type Session } from '../accounts';
import type { AppContext } from '../app';
import { addStaff, AppError, blockTime, chainClock, EMERGENCY_REASONS, enrolPatient, myStaff, openBreakGlass, parseAddress, patientOf, removeStaff, proposeGuardianship, referPatient, type EmergencyReason } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formRunner } from '../form-runner';
import { formatTime, t } from '../i18n';
import { orgName, personName } from '../names';
import { forgetOpened, recordList } from './record-list';

const READ_PURPOSES: readonly PurposeOfUse[] = ['Treatment', 'Referral', 'Emergency'];

export function clinicianScreen(ctx: AppContext): HTMLElement {
  const root = h('section', { class: 'screen', 'aria-labelledby': 'find-title' });
  const message = h('div', { class: 'message', 'aria-live': 'polite' });
  const found = h('div', {});
  const address = h('input', { type: 'text', name: 'patient', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', value: ctx.patient ?? '' }) as HTMLInputElement;

  // Searches overlap (the patient found before is looked up again as the screen opens while
  // the doctor taps another): only the latest may choose the patient, or a visit could be
  // written for the one the doctor moved away from.
  let latestSearch = 0;
  async function find(input: string): Promise<void> {
    const search = ++latestSearch;
    try {
      const patient = parseAddress(input);
      const registered = await patientOf(ctx.backend, patient);
      if (search !== latestSearch) return;
      if (registered === null) throw new AppError('NotPatient');
      ctx.patient = patient;
      // Not over what the doctor typed meanwhile (the opening lookup may end after they type).
      if (address.value === input) address.value = patient;
      message.replaceChildren();
      // Finding the patient already shown keeps the screen as it is (an open form included).
      if (found.dataset.patient === patient) return;
      const card = await patientCard(patient);
      if (search !== latestSearch) return;
      mount(found, card);
      found.dataset.patient = patient;
    } catch (error) {
      if (search !== latestSearch) return;
      ctx.patient = null;
      delete found.dataset.patient;
      found.replaceChildren();
      mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  /** The found patient's card: purpose, open, write, refer, break the glass. */
  async function patientCard(patient: string): Promise<HTMLElement> {
    const name = await personName(ctx, patient);
    const purpose = h('select', { name: 'purpose' }, ...READ_PURPOSES.map((p) => h('option', { value: p }, t(`purposeTitle.${p}`)))) as HTMLSelectElement;
    const records = h('div', {});
    const extra = h('div', {});
    return h('div', {}, h('section', { class: 'card stack', 'aria-labelledby': 'patient-title' },
      h('h3', { id: 'patient-title' }, icon('user'), h('span', {}, t('clinician.found', { name }))),
      field(t('clinician.purpose'), purpose),
      h('div', { class: 'row' },
        button('records', t('clinician.open'), () => {
          const chosen = READ_PURPOSES.find((p) => p === purpose.value) ?? 'Treatment';
          const options = { patient, purpose: chosen, own: false };
          // Opening again reads again (and is logged again): consent may have changed.
          forgetOpened(ctx, patient);
          mount(records, h('h3', {}, t('records.titleOf', { name })), recordList(ctx, options));
        }, { class: 'btn primary' }),
        h('a', { class: 'btn', href: '#/write' }, icon('write'), h('span', {}, t('clinician.writeRecord')))),
      h('div', { class: 'row' },
        button('referral', t('referral.open'), () => { void showReferral(patient, extra); }, { class: 'btn quiet', 'data-open-referral': 'true' }),
        button('emergency', t('glass.open'), () => { void showBreakGlass(patient, extra); }, { class: 'btn danger', 'data-open-glass': 'true' }))),
    extra, records);
  }

  /** Refer the patient to a specialist of another care organisation (on the patient's grant). */
  async function showReferral(patient: string, slot: HTMLElement): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    try {
      const myOrgs = ctx.who?.practitioner?.organisations ?? [];
      const { orgs, practitioners } = await ctx.registry();
      const careOrgs = orgs.filter((o) => o.status === 'Active' && ['CountyHospital', 'TownshipHealthCentre', 'VillageClinic'].includes(o.kind));
      const from = h('select', { name: 'referrer-org' }, ...(await Promise.all(myOrgs.map(async (id) => h('option', { value: String(id) }, await orgName(ctx, id)))))) as HTMLSelectElement;
      const choices = (await Promise.all(practitioners.filter((p) => p.status === 'Active' && p.account !== session.address).flatMap((p) =>
        p.organisations.filter((o) => careOrgs.some((c) => c.id === o)).map(async (o) => ({ value: `${p.account}|${o}`, label: await personName(ctx, p.account), org: o })))))
        .filter((c) => !myOrgs.includes(c.org))
        // County hospital first: a referral usually goes up to the county.
        .sort((a, b) => a.org - b.org);
      const to = h('select', { name: 'specialist' }, ...choices.map((c) => h('option', { value: c.value }, c.label))) as HTMLSelectElement;
      const days = h('input', { type: 'text', inputmode: 'numeric', name: 'referral-days', value: '14' }) as HTMLInputElement;
      const message = h('div', { class: 'message', 'aria-live': 'polite' });
      const send = h('button', { type: 'submit', class: 'btn primary' }, icon('referral'), h('span', {}, t('referral.send'))) as HTMLButtonElement;
      days.addEventListener('input', () => { if (days.getAttribute('aria-invalid') === 'true') { days.removeAttribute('aria-invalid'); message.replaceChildren(); } });
      mount(slot, h('form', { class: 'card stack', 'aria-labelledby': 'referral-title', onSubmit: (e: Event) => {
        e.preventDefault();
        const n = Number(days.value.trim());
        if (!Number.isInteger(n) || n < 1 || n > 30) {
          days.setAttribute('aria-invalid', 'true');
          days.focus();
          mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, t('referral.daysRange'))));
          return;
        }
        days.removeAttribute('aria-invalid');
        const [specialist = '', org = ''] = to.value.split('|');
        send.disabled = true;
        mount(message, h('p', { class: 'note' }, t('referral.sending')));
        referPatient(ctx.backend, session, { patient, referrerOrg: Number(from.value), specialist, specialistOrg: Number(org), days: n })
          .then((shared) => { mount(message, h('p', { class: 'note ok', 'data-referred': 'true' }, icon('ok'), h('span', {}, t('referral.done', { count: shared })))); })
          .catch((error: unknown) => { mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error)))); })
          .finally(() => { send.disabled = false; });
      } },
        h('h3', { id: 'referral-title' }, icon('referral'), h('span', {}, t('referral.title'))),
        h('p', { class: 'hint' }, t('referral.intro')),
        field(t('referral.from'), from), field(t('referral.to'), to), field(t('referral.days'), days, t('referral.daysHint')),
        h('div', { class: 'row' }, send, button('back', t('common.cancel'), () => { slot.replaceChildren(); }, { class: 'btn quiet' })),
        message));
      to.focus();
    } catch (error) {
      mount(slot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  /** Break the glass: emergency access, clearly warned that it is reviewed. */
  async function showBreakGlass(patient: string, slot: HTMLElement): Promise<void> {
    const session = ctx.session;
    if (session === null) return;
    try {
      const myOrgs = ctx.who?.practitioner?.organisations ?? [];
      const org = h('select', { name: 'glass-org' }, ...(await Promise.all(myOrgs.map(async (id) => h('option', { value: String(id) }, await orgName(ctx, id)))))) as HTMLSelectElement;
      const reason = h('select', { name: 'glass-reason' }, ...EMERGENCY_REASONS.map((r) => h('option', { value: r }, t(`glass.reason.${r}`)))) as HTMLSelectElement;
      const why = h('textarea', { name: 'glass-why', rows: '4' }) as HTMLTextAreaElement;
      const hours = h('input', { type: 'text', inputmode: 'numeric', name: 'glass-hours', value: '4' }) as HTMLInputElement;
      const understood = h('input', { type: 'checkbox', id: 'glass-understood', name: 'glass-understood' }) as HTMLInputElement;
      const message = h('div', { class: 'message', 'aria-live': 'polite' });
      const open = h('button', { type: 'submit', class: 'btn danger-solid' }, icon('emergency'), h('span', {}, t('glass.send'))) as HTMLButtonElement;
      const refuse = (control: HTMLElement, text: string): void => {
        control.setAttribute('aria-invalid', 'true');
        control.focus();
        mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, text)));
      };
      // A problem reported earlier goes away as soon as it is being corrected.
      for (const c of [why, hours, understood]) {
        c.addEventListener(c === understood ? 'change' : 'input', () => { if (c.getAttribute('aria-invalid') === 'true') { c.removeAttribute('aria-invalid'); message.replaceChildren(); } });
      }
      mount(slot, h('form', { class: 'card stack glass', 'aria-labelledby': 'glass-title', onSubmit: (e: Event) => {
        e.preventDefault();
        for (const c of [why, hours, understood]) c.removeAttribute('aria-invalid');
        const justification = why.value.trim();
        const n = Number(hours.value.trim());
        if (justification.length < 20) { refuse(why, t('glass.whyShort')); return; }
        if (!Number.isInteger(n) || n < 1 || n > 24) { refuse(hours, t('glass.hoursRange')); return; }
        if (!understood.checked) { refuse(understood, t('glass.mustUnderstand')); return; }
        const chosen: EmergencyReason = EMERGENCY_REASONS.find((r) => r === reason.value) ?? 'Other';
        open.disabled = true;
        mount(message, h('p', { class: 'note' }, t('glass.sending')));
        openBreakGlass(ctx.backend, session, { patient, org: Number(org.value), reason: chosen, justification, hours: n })
          .then((receipt) => {
            mount(message, h('div', { class: 'note warn stack', 'data-glass-open': receipt.commitment },
              h('p', {}, icon('emergency'), h('span', {}, t('glass.done', { until: formatTime(receipt.untilMs) }))),
              receipt.reviewByMs === null ? null : h('p', {}, t('glass.reviewBy', { when: formatTime(receipt.reviewByMs) })),
              h('p', {}, t('glass.keep')),
              h('dl', { class: 'lines' },
                h('dt', {}, t('glass.reasonLabel')), h('dd', {}, t(`glass.reason.${chosen}`)),
                h('dt', {}, t('glass.why')), h('dd', {}, justification),
                h('dt', {}, t('glass.commitment')), h('dd', {}, h('code', {}, receipt.commitment)))));
            why.value = '';
            understood.checked = false;
          })
          .catch((error: unknown) => { mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error)))); })
          .finally(() => { open.disabled = false; });
      } },
        h('h3', { id: 'glass-title' }, icon('emergency'), h('span', {}, t('glass.title'))),
        h('div', { class: 'note warn stack', role: 'note', 'data-glass-warning': 'true' },
          h('p', {}, icon('warning'), h('strong', {}, t('glass.warnTitle'))),
          h('p', {}, t('glass.warnReviewed')),
          h('p', {}, t('glass.warnPrivacy'))),
        field(t('glass.org'), org), field(t('glass.reasonLabel'), reason), field(t('glass.why'), why, t('glass.whyHint')),
        field(t('glass.hours'), hours, t('glass.hoursHint')),
        h('div', { class: 'check' }, understood, h('label', { for: 'glass-understood' }, t('glass.understood'))),
        h('div', { class: 'row' }, open, button('back', t('common.cancel'), () => { slot.replaceChildren(); }, { class: 'btn quiet' })),
        message));
      reason.focus();
    } catch (error) {
      mount(slot, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  const demoPatients = ctx.backend.isDevChain ? DEMO_ACCOUNTS.filter((a) => a.role === 'patient') : [];
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  root.append(
    h('h2', { id: 'find-title' }, t('clinician.findTitle')),
    h('form', { class: 'card stack', onSubmit: (e: Event) => { e.preventDefault(); void find(address.value); } },
      field(t('clinician.address'), address, t('clinician.addressHint')),
      h('button', { type: 'submit', class: 'btn primary' }, icon('search'), h('span', {}, t('clinician.find'))),
      demoPatients.length === 0 ? null : h('div', { class: 'stack' }, h('p', { class: 'hint' }, t('clinician.demoPatients')),
        h('div', { class: 'row' }, ...demoPatients.map((a) => button('user', a.name, () => { address.value = keyring.addFromUri(a.suri).address; void find(address.value); }, { 'data-demo-patient': a.name }))))),
    message, found, enrolCard(), registerCard(), staffCard());
  if (ctx.patient !== null) void find(ctx.patient);
  return root;

  /** A select of the practitioner's organisations, filled once their names are read. */
  function myOrgSelect(name: string): HTMLSelectElement {
    const orgs = ctx.who?.practitioner?.organisations ?? [];
    const select = h('select', { name }) as HTMLSelectElement;
    void Promise.all(orgs.map(async (id) => h('option', { value: String(id) }, await orgName(ctx, id)))).then((options) => { select.replaceChildren(...options); });
    return select;
  }

  /**
   * The practitioner's clinical staff (a nurse, a clerk): each signs with their own account and
   * acts for this one within limits until an end date; removed in one tap.
   */
  function staffCard(): HTMLElement {
    const staff = h('input', { type: 'text', name: 'staff', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
    // No min/max: the browser would block the form silently; `addStaff` refuses in words.
    const days = h('input', { type: 'number', name: 'staff-days', step: '1', value: '30', inputmode: 'numeric' }) as HTMLInputElement;
    const list = h('div', { class: 'stack', 'aria-live': 'polite' });
    const result = h('div', { class: 'message', 'aria-live': 'polite' });
    const submit = formRunner(ctx, result);
    const run = (work: (session: Session) => Promise<void>): void => {
      submit(async (session) => { await work(session); await draw(); return null; });
    };
    const draw = async (): Promise<void> => {
      const session = ctx.session;
      if (session === null) return;
      try {
        const [current, clock] = await Promise.all([myStaff(ctx.backend, session), chainClock(ctx.backend)]);
        const rows = await Promise.all(current.map(async (p) => h('li', { 'data-staff': p.staff },
          h('span', {}, t('staff.until', { who: await personName(ctx, p.staff), until: formatTime(blockTime(clock, p.until)) })),
          button('error', t('staff.remove'), () => { run((signer) => removeStaff(ctx.backend, signer, p)); }, { class: 'btn quiet', 'data-remove-staff': p.staff }))));
        mount(list, rows.length === 0 ? h('p', { class: 'hint' }, t('staff.none')) : h('ul', { class: 'link-list' }, ...rows));
      } catch (error) {
        mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
      }
    };
    void draw();
    return h('form', { class: 'card stack', 'aria-labelledby': 'staff-title', onSubmit: (e: Event) => {
      e.preventDefault();
      run(async (session) => { await addStaff(ctx.backend, session, { staff: parseAddress(staff.value), days: Number(days.value) }); staff.value = ''; });
    } },
      h('h3', { id: 'staff-title' }, icon('user'), h('span', {}, t('staff.title'))),
      h('p', { class: 'hint' }, t('staff.hint')),
      list,
      field(t('staff.account'), staff, t('staff.accountHint')),
      field(t('staff.days'), days),
      h('button', { type: 'submit', class: 'btn primary' }, icon('plus'), h('span', {}, t('staff.add'))),
      result);
  }

  /**
   * Enrol a patient who manages their own records from their own phone but holds no tokens:
   * the practitioner pays the deposit, and the patient's own calls are free.
   */
  function enrolCard(): HTMLElement {
    const patient = h('input', { type: 'text', name: 'enrol-patient', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
    const org = myOrgSelect('enrol-org');
    const result = h('div', { class: 'message', 'aria-live': 'polite' });
    const submit = formRunner(ctx, result);
    return h('form', { class: 'card stack', 'aria-labelledby': 'enrol-title', onSubmit: (e: Event) => {
      e.preventDefault();
      submit(async (session) => {
        const address = parseAddress(patient.value);
        await enrolPatient(ctx.backend, session, { patient: address, org: Number(org.value) });
        return h('p', { class: 'note ok', 'data-enrolled': address }, icon('ok'), h('span', {}, t('enrol.done')));
      });
    } },
      h('h3', { id: 'enrol-title' }, icon('plus'), h('span', {}, t('enrol.title'))),
      h('p', { class: 'hint' }, t('enrol.hint')),
      field(t('enrol.patient'), patient, t('enrol.patientHint')),
      field(t('write.org'), org),
      h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('enrol.submit'))),
      result);
  }

  /**
   * Register a patient who cannot manage keys (a child, an elderly person without a phone)
   * with a guardian who acts for them: the patient's account is made here (its backup words
   * shown once, for the family to keep) or typed; the guardian accepts in their own app.
   */
  function registerCard(): HTMLElement {
    const ward = h('input', { type: 'text', name: 'ward', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
    const guardian = h('input', { type: 'text', name: 'guardian', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;
    const org = myOrgSelect('register-org');
    const words = h('div', {});
    const result = h('div', { class: 'message', 'aria-live': 'polite' });
    const submit = formRunner(ctx, result);
    const newAccount = (): void => {
      const mnemonic = mnemonicGenerate(12);
      ward.value = keyring.addFromUri(mnemonic).address;
      mount(words, h('p', { class: 'note warn' }, icon('key'), h('span', {}, t('register.wordsHint'))),
        h('ol', { class: 'words', 'data-testid': 'ward-words' }, ...mnemonic.split(' ').map((w) => h('li', {}, w))));
    };
    return h('form', { class: 'card stack', 'aria-labelledby': 'register-title', onSubmit: (e: Event) => {
      e.preventDefault();
      submit(async (session) => {
        const wardAddress = parseAddress(ward.value);
        const guardianAddress = parseAddress(guardian.value);
        await proposeGuardianship(ctx.backend, session, { ward: wardAddress, guardian: guardianAddress, org: Number(org.value) });
        return h('p', { class: 'note ok', 'data-proposed': wardAddress }, icon('ok'), h('span', {}, t('register.proposed', { ward: wardAddress })));
      });
    } },
      h('h3', { id: 'register-title' }, icon('plus'), h('span', {}, t('register.title'))),
      h('p', { class: 'hint' }, t('register.hint')),
      field(t('register.ward'), ward, t('register.wardHint')),
      button('key', t('register.newAccount'), newAccount, { class: 'btn quiet', 'data-new-ward': 'true' }),
      words,
      field(t('register.guardian'), guardian, t('register.guardianHint')),
      field(t('write.org'), org),
      h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('register.submit'))),
      result);
  }
}
