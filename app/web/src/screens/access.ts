// Patient: who may see my records, in plain words; give access to a clinic or one doctor
// chosen by name from the registry; stop access in one tap.
import type { AppContext } from '../app';
import { blockTime, chainClock, freeActions, grantAccess, grantsOf, keepGrant, keptSummary, mustKeep, referralsOf, revokeAccess, revokeReferral, shareRecordsWith, type GrantView } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formatDate, t } from '../i18n';
import { orgName, personName } from '../names';
import { linksSection } from './links';

const GRANT_PURPOSES = ['Treatment', 'Referral', 'Research', 'PublicHealth'] as const;

/** A grant in plain words: who, what, which records, why, until when. */
export async function describeGrant(ctx: AppContext, grant: GrantView, untilMs: number): Promise<string> {
  const who = grant.grantee.kind === 'organisation'
    ? t('access.wholeOrg', { org: await orgName(ctx, grant.grantee.org) })
    : await personName(ctx, grant.grantee.account);
  const scope = grant.scope.kind === 'all' ? t('access.scopeAll')
    : grant.scope.kind === 'categories' ? t('access.scopeCategories', { list: grant.scope.categories.map((c) => t(`category.${c}`)).join(', ') })
      : t('access.scopeRecords', { count: grant.scope.records.length });
  return t('access.grant', {
    who,
    what: grant.canWrite ? t('access.readWrite') : t('access.read'),
    scope,
    why: grant.purposes.map((p) => t(`purpose.${p}`)).join(', '),
    until: formatDate(untilMs),
  });
}

export function accessScreen(ctx: AppContext): HTMLElement {
  const patient = ctx.actingFor ?? '';
  const root = h('section', { class: 'screen', 'aria-labelledby': 'access-title' });
  const list = h('div', { class: 'list', 'aria-busy': 'true' });
  const form = h('div', {});
  const freeLine = h('p', { class: 'hint', 'aria-live': 'polite' });
  root.append(h('h2', { id: 'access-title' }, t('access.title')), h('p', { class: 'hint' }, t('access.intro')), freeLine, list, form, linksSection(ctx, patient));
  // A patient's own actions are free up to a daily limit; a guardian acting for them pays.
  const showFreeActions = async (): Promise<void> => {
    if (ctx.session?.address !== patient) return;
    const allowance = await freeActions(ctx.backend, patient).catch(() => null);
    if (allowance !== null) {
      freeLine.setAttribute('data-free-actions', String(allowance.used));
      mount(freeLine, icon('ok'), h('span', {}, t('access.freeActions', { used: allowance.used, limit: allowance.limit })));
    }
  };
  void showFreeActions();
  let busy = false;

  async function act(work: () => Promise<void>, done: string): Promise<void> {
    if (busy) return;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    try {
      await work();
      ctx.notify('ok', done);
      await Promise.all([loadGrants(), showFreeActions()]);
    } catch (error) {
      ctx.notify('error', explain(error));
    } finally {
      busy = false;
      root.setAttribute('aria-busy', 'false');
    }
  }

  async function loadGrants(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const [grants, clock] = await Promise.all([grantsOf(ctx.backend, patient), chainClock(ctx.backend)]);
      const items = await Promise.all(grants.map(async (grant) => {
        const untilMs = blockTime(clock, grant.expiresAt);
        const ended = grant.expiresAt <= clock.block;
        return h('li', { class: `grant${ended ? ' ended' : ''}`, 'data-grant': grant.id.toString() },
          h('p', {}, icon('access'), h('span', {}, await describeGrant(ctx, grant, untilMs))),
          ended ? h('p', { class: 'hint' }, t('access.expired', { until: formatDate(untilMs) })) : null,
          button('revoke', t('access.revoke'), () => {
            if (!window.confirm(t('access.revokeConfirm'))) return;
            void act(() => revokeAccess(ctx.backend, ctx.session ?? unreachable(), grant.id), t('access.revoked'));
          }, { class: 'btn danger' }));
      }));
      // Referrals made on these grants: the specialist a doctor sent the patient to.
      const referrals = await referralsOf(ctx.backend, patient);
      const referralItems = await Promise.all(referrals.map(async (r) => {
        const ended = r.expiresAt <= clock.block;
        return h('li', { class: `grant${ended ? ' ended' : ''}`, 'data-referral': r.id.toString() },
          h('p', {}, icon('referral'), h('span', {}, t('access.referral', {
            referrer: await personName(ctx, r.referrer), specialist: await personName(ctx, r.specialist),
            org: await orgName(ctx, r.specialistOrg), until: formatDate(blockTime(clock, r.expiresAt)),
          }))),
          ended ? null : button('revoke', t('access.stopReferral'), () => {
            if (!window.confirm(t('access.stopReferralConfirm'))) return;
            void act(() => revokeReferral(ctx.backend, ctx.session ?? unreachable(), r.id), t('access.referralStopped'));
          }, { class: 'btn danger', 'data-stop-referral': r.id.toString() }));
      }));
      mount(list, grants.length === 0 ? h('p', { class: 'hint', 'data-empty': 'grants' }, t('access.empty')) : h('ul', { class: 'grants' }, ...items),
        referralItems.length === 0 ? null : h('h3', { id: 'referrals-title' }, icon('referral'), h('span', {}, t('access.referralsTitle'))),
        referralItems.length === 0 ? null : h('ul', { class: 'link-list', 'aria-labelledby': 'referrals-title' }, ...referralItems));
    } catch (error) {
      mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  async function drawForm(): Promise<void> {
    try {
      const { orgs, practitioners } = await ctx.registry();
      const careOrgs = orgs.filter((o) => o.status === 'Active' && ['CountyHospital', 'TownshipHealthCentre', 'VillageClinic', 'Laboratory'].includes(o.kind));
      const kind = h('select', { name: 'kind' },
        h('option', { value: 'organisation' }, t('access.kindOrg')), h('option', { value: 'practitioner' }, t('access.kindDoctor'))) as HTMLSelectElement;
      const orgSelect = h('select', { name: 'org' }, ...careOrgs.map((o) => h('option', { value: String(o.id) }, o.name))) as HTMLSelectElement;
      const doctorNames = await Promise.all(practitioners.filter((p) => p.status === 'Active').map(async (p) => ({ p, name: await personName(ctx, p.account) })));
      const doctorSelect = h('select', { name: 'doctor' }, ...doctorNames.map(({ p, name }) => h('option', { value: p.account }, name))) as HTMLSelectElement;
      const purpose = h('select', { name: 'purpose' }, ...GRANT_PURPOSES.map((p) => h('option', { value: p }, t(`purposeTitle.${p}`)))) as HTMLSelectElement;
      const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
      const until = h('input', { type: 'date', name: 'until', value: inAYear, min: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }) as HTMLInputElement;
      const write = h('input', { type: 'checkbox', id: 'grant-write', name: 'write' }) as HTMLInputElement;
      const orgField = field(t('access.chooseOrg'), orgSelect);
      const doctorField = field(t('access.chooseDoctor'), doctorSelect);
      const sync = (): void => { orgField.hidden = kind.value !== 'organisation'; doctorField.hidden = kind.value === 'organisation'; };
      kind.addEventListener('change', sync);
      sync();
      mount(form, h('form', { class: 'card stack', 'aria-labelledby': 'grant-title', onSubmit: (e: Event) => {
        e.preventDefault();
        const session = ctx.session;
        if (session === null) return;
        const grantee = kind.value === 'organisation' ? { kind: 'organisation' as const, org: Number(orgSelect.value) } : { kind: 'practitioner' as const, account: doctorSelect.value };
        const chosenPurpose = GRANT_PURPOSES.find((p) => p === purpose.value) ?? 'Treatment';
        const untilMs = Date.parse(`${until.value}T23:59:59`);
        const request = { patient, grantee, purpose: chosenPurpose, untilMs: Number.isNaN(untilMs) ? 0 : untilMs, canWrite: write.checked };
        // Offline: signed on this phone now and kept; it is sent (and the keys shared) when connected.
        void (async () => {
          try {
            if (await mustKeep(ctx.backend, session)) {
              await keepGrant(ctx.backend, session, request);
              ctx.outboxChanged();
              ctx.notify('ok', t('outbox.kept', { count: (await keptSummary()).waiting }));
              return;
            }
          } catch (error) {
            ctx.notify('error', explain(error));
            return;
          }
          await act(async () => {
            await grantAccess(ctx.backend, session, request);
            if (grantee.kind === 'practitioner') {
              ctx.notify('ok', t('access.sharing'));
              await shareRecordsWith(ctx.backend, session, patient, grantee.account, chosenPurpose);
            }
          }, t('access.given'));
        })();
      } },
        h('h3', { id: 'grant-title' }, icon('plus'), h('span', {}, t('access.addTitle'))),
        field(t('access.whoKind'), kind), orgField, doctorField, field(t('access.why'), purpose), field(t('access.until'), until),
        h('div', { class: 'check' }, write, h('label', { for: 'grant-write' }, t('access.allowWrite'))),
        h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('access.give')))));
    } catch (error) {
      mount(form, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    }
  }

  void loadGrants();
  void drawForm();
  return root;
}

function unreachable(): never {
  throw new Error('signed out');
}
