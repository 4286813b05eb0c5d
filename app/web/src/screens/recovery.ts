// A patient who loses their phone (docs/rural-operation.md). Three parts, for three people:
// the patient names recovery friends while they still have the phone (and stops an attempt they
// did not ask for); a friend helps: starts or agrees to an attempt, finishes it after the wait,
// and, if they take over, gives the account to the patient's new phone and renews the record
// keys; the new phone shows its number, then uses the old account: its records and the access
// the old phone gave. Every patient step is free.
import type { FhirResource } from '@ruralmed/client';

import type { Session } from '../accounts';
import type { AppContext } from '../app';
import {
  blockTime, chainClock, friendGroups, giveToNewPhone, grantsOf, nameFriends, openRecoveredRecord, parseAddress, phoneActsFor, recordPage,
  recoveredBy, recoveryAttempts, recoveryDelays, recoveryStep, renewKeysFor, slashRecoveryAttempt, stopRecoveredGrant, useRecoveredAccount,
} from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { formRunner, type FormRunner } from '../form-runner';
import { readableLines } from '../fhir-view';
import { formatTime, t } from '../i18n';
import { personName } from '../names';
import { describeGrant } from './access';

const ok = (text: string, attrs: Record<string, string> = {}): HTMLElement => h('p', { class: 'note ok', ...attrs }, icon('ok'), h('span', {}, text));
const addressInput = (name: string): HTMLInputElement =>
  h('input', { type: 'text', name, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' }) as HTMLInputElement;

export function recoveryScreen(ctx: AppContext): HTMLElement {
  const root = h('section', { class: 'screen', 'aria-labelledby': 'recovery-title' });
  root.append(h('h2', { id: 'recovery-title' }, t('recovery.title')), h('p', { class: 'hint' }, t('recovery.intro')));
  if (ctx.who?.patient !== null && ctx.who?.patient !== undefined) root.append(friendsCard(ctx));
  root.append(helpCard(ctx), newPhoneCard(ctx));
  return root;
}

/** The patient's own friends, and any attempt to recover the account, which they may stop. */
function friendsCard(ctx: AppContext): HTMLElement {
  const current = h('div', { 'aria-busy': 'true' });
  const friendInputs = [addressInput('friend-1'), addressInput('friend-2'), addressInput('friend-3')];
  const needed = h('select', { name: 'friends-needed' }, ...[1, 2, 3].map((n) => h('option', { value: String(n), selected: n === 2 }, String(n)))) as HTMLSelectElement;
  const inheritor = h('select', { name: 'inheritor' }, ...[1, 2, 3].map((n) => h('option', { value: String(n) }, t('recovery.friendN', { n })))) as HTMLSelectElement;
  const delay = h('select', { name: 'recovery-delay' }) as HTMLSelectElement;
  const result = h('div', { class: 'message', 'aria-live': 'polite' });
  const run = formRunner(ctx, result);

  const draw = async (): Promise<void> => {
    const session = ctx.session;
    if (session === null) return;
    try {
      const [groups, attempts, delays, clock] = await Promise.all([
        friendGroups(ctx.backend, session.address), recoveryAttempts(ctx.backend, session.address), recoveryDelays(ctx.backend), chainClock(ctx.backend),
      ]);
      if (delay.options.length === 0) mount(delay, ...delays.map((d) => h('option', { value: String(d.blocks), selected: d.name === 'week' }, t(`recovery.delay.${d.name}`))));
      const groupRows = await Promise.all(groups.map(async (g) => h('li', { 'data-friend-group': 'true', 'data-friends': g.friends.join(' ') },
        h('span', {}, t('recovery.group', {
          friends: (await Promise.all(g.friends.map((f) => personName(ctx, f)))).join(', '), needed: g.friendsNeeded,
          inheritor: await personName(ctx, g.inheritor), wait: formatDuration(g.inheritanceDelay * clock.blockMs),
        })))));
      const attemptRows = await Promise.all(attempts.map(async (a) => h('li', { class: 'note error attempt', 'data-attempt': String(a.group) },
        h('p', {}, icon('warning'), h('span', {}, t('recovery.attemptOnMe', { who: await personName(ctx, a.initiator), agreed: a.approvals.length, when: formatTime(blockTime(clock, a.startedAt)) }))),
        h('div', { class: 'row' },
          button('error', t('recovery.stop'), () => { run(async (s) => { await recoveryStep(ctx.backend, s, 'stop', s.address, a.group); await draw(); return ok(t('recovery.stopped')); }); },
            { class: 'btn danger', 'data-stop-attempt': String(a.group) }),
          button('error', t('recovery.slash'), () => {
            if (!window.confirm(t('recovery.slashConfirm'))) return;
            run(async (s) => { await slashRecoveryAttempt(ctx.backend, s, a.group); await draw(); return ok(t('recovery.slashed')); });
          }, { class: 'btn danger', 'data-slash-attempt': String(a.group) })))));
      mount(current,
        groups.length === 0 ? h('p', { class: 'hint', 'data-friends-none': 'true' }, t('recovery.noFriends')) : h('ul', { class: 'link-list' }, ...groupRows),
        attemptRows.length === 0 ? null : h('ul', { class: 'grants' }, ...attemptRows));
    } catch (error) {
      mount(current, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
    } finally {
      current.setAttribute('aria-busy', 'false');
    }
  };
  void draw();

  return h('form', { class: 'card stack', 'aria-labelledby': 'friends-title', onSubmit: (e: Event) => {
    e.preventDefault();
    run(async (session) => {
      const typed = friendInputs.map((i) => i.value.trim());
      const friends = typed.filter((v) => v !== '').map(parseAddress);
      const chosen = typed[Number(inheritor.value) - 1] ?? '';
      await nameFriends(ctx.backend, session, {
        friends, needed: Number(needed.value), inheritor: chosen === '' ? '' : parseAddress(chosen), delayBlocks: Number(delay.value),
      });
      await draw();
      return ok(t('recovery.named'), { 'data-friends-named': 'true' });
    });
  } },
    h('h3', { id: 'friends-title' }, icon('user'), h('span', {}, t('recovery.friendsTitle'))),
    h('p', { class: 'hint' }, t('recovery.friendsHint')),
    current,
    ...friendInputs.map((input, i) => field(t('recovery.friendN', { n: i + 1 }), input, i === 0 ? t('recovery.friendHint') : undefined)),
    field(t('recovery.needed'), needed),
    field(t('recovery.inheritor'), inheritor, t('recovery.inheritorHint')),
    field(t('recovery.wait'), delay, t('recovery.waitHint')),
    h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('recovery.save'))),
    result);
}

/** A friend's part: look up the patient, then start, agree, finish; the friend who took over gives the account to the new phone and renews its keys. */
function helpCard(ctx: AppContext): HTMLElement {
  const lost = addressInput('lost-account');
  const state = h('div', { 'aria-live': 'polite' });
  const result = h('div', { class: 'message', 'aria-live': 'polite' });
  const run = formRunner(ctx, result);

  const show = async (session: Session, who: string): Promise<HTMLElement | null> => {
    const [groups, attempts, holder, clock] = await Promise.all([
      friendGroups(ctx.backend, who), recoveryAttempts(ctx.backend, who), recoveredBy(ctx.backend, who), chainClock(ctx.backend),
    ]);
    const again = async (): Promise<void> => { mount(state, await show(session, who) ?? ''); };
    const step = (kind: 'start' | 'agree' | 'finish', group: number): void => {
      run(async (s) => { await recoveryStep(ctx.backend, s, kind, who, group); await again(); return ok(t(`recovery.done.${kind}`)); });
    };
    const mine = groups.map((g, index) => ({ g, index })).filter(({ g }) => g.friends.includes(session.address));
    const rows = await Promise.all(mine.map(async ({ g, index }) => {
      const attempt = attempts.find((a) => a.group === index);
      const actions: HTMLElement[] = [];
      let status: string;
      if (attempt === undefined) {
        status = t('recovery.noAttempt', { needed: g.friendsNeeded });
        actions.push(button('plus', t('recovery.start'), () => { step('start', index); }, { class: 'btn primary', 'data-recovery-start': String(index) }));
      } else {
        const readyAt = attempt.startedAt + g.inheritanceDelay;
        status = t('recovery.attempt', { agreed: attempt.approvals.length, needed: g.friendsNeeded, when: formatTime(blockTime(clock, readyAt)) });
        if (!attempt.approvals.includes(session.address)) actions.push(button('ok', t('recovery.agree'), () => { step('agree', index); }, { class: 'btn primary', 'data-recovery-agree': String(index) }));
        actions.push(button('ok', t('recovery.finish'), () => { step('finish', index); }, { class: 'btn', 'data-recovery-finish': String(index) }));
      }
      return h('li', { 'data-recovery-group': String(index), 'data-agreed': String(attempt?.approvals.length ?? 0) },
        h('p', {}, t('recovery.asFriend', { inheritor: await personName(ctx, g.inheritor) })), h('p', { class: 'hint' }, status), ...actions);
    }));
    const takenOver = holder === session.address ? takeOverCard(ctx, who, run) : null;
    if (rows.length === 0 && takenOver === null) {
      return h('p', { class: 'note error', 'data-not-friend': 'true' }, icon('error'), h('span', {}, t('recovery.notFriend')));
    }
    return h('div', { class: 'stack', 'data-recovery-of': who },
      holder === null ? null : h('p', { class: 'note ok', 'data-recovered-by': holder }, icon('ok'), h('span', {}, t('recovery.recovered', { who: await personName(ctx, holder) }))),
      rows.length === 0 ? null : h('ul', { class: 'grants' }, ...rows), takenOver);
  };

  return h('form', { class: 'card stack', 'aria-labelledby': 'help-title', onSubmit: (e: Event) => {
    e.preventDefault();
    run(async (session) => { mount(state, await show(session, parseAddress(lost.value)) ?? ''); return null; });
  } },
    h('h3', { id: 'help-title' }, icon('access'), h('span', {}, t('recovery.helpTitle'))),
    h('p', { class: 'hint' }, t('recovery.helpHint')),
    field(t('recovery.lostAccount'), lost),
    h('button', { type: 'submit', class: 'btn' }, icon('search'), h('span', {}, t('recovery.lookUp'))),
    state, result);
}

/** For the friend who took over: the new phone's number, then the record keys. */
function takeOverCard(ctx: AppContext, lost: string, run: FormRunner): HTMLElement {
  const phone = addressInput('new-phone');
  return h('div', { class: 'stack', 'data-took-over': lost },
    h('p', { class: 'hint' }, t('recovery.takeOverHint')),
    field(t('recovery.newPhone'), phone),
    button('ok', t('recovery.give'), () => {
      run(async (s) => { await giveToNewPhone(ctx.backend, s, lost, parseAddress(phone.value)); return ok(t('recovery.given'), { 'data-given': 'true' }); });
    }, { class: 'btn primary', 'data-give-control': 'true' }),
    button('refresh', t('recovery.renew'), () => {
      run(async (s) => {
        const report = await renewKeysFor(ctx.backend, s, lost);
        return ok(t('recovery.renewed', { renewed: report.renewed.length, current: report.current.length, unreadable: report.unreadable.length }), { 'data-renewed': String(report.renewed.length + report.current.length) });
      });
    }, { class: 'btn', 'data-renew-keys': 'true' }));
}

/** The new phone: its number for the friend, then the old account's records and access. */
function newPhoneCard(ctx: AppContext): HTMLElement {
  const lost = addressInput('old-account');
  const area = h('div', { class: 'stack' });
  const result = h('div', { class: 'message', 'aria-live': 'polite' });
  const run = formRunner(ctx, result);
  const session = ctx.session;

  const show = async (who: string): Promise<void> => {
    const [page, grants, clock] = await Promise.all([recordPage(ctx.backend, who, null, 20), grantsOf(ctx.backend, who), chainClock(ctx.backend)]);
    const records = page.anchors.map((a) => {
      const body = h('div', {});
      return h('li', { 'data-recovered-record': String(a.id) },
        h('p', {}, icon('records'), h('span', {}, t('recovery.recordLine', { category: t(`category.${a.category}`), when: formatTime(Number(a.timestampMs)) }))),
        button('records', t('recovery.open'), () => {
          run(async (signer) => {
            const resource: FhirResource = await openRecoveredRecord(ctx.backend, signer, who, a.id);
            mount(body, h('dl', { class: 'lines', 'data-opened': String(a.id) }, ...readableLines(resource).flatMap((l) => [h('dt', {}, l.label), h('dd', {}, l.value)])));
            return null;
          });
        }, { class: 'btn quiet', 'data-open-recovered': String(a.id) }), body);
    });
    const grantRows = await Promise.all(grants.map(async (g) => h('li', { class: 'grant', 'data-recovered-grant': String(g.id) },
      h('span', {}, await describeGrant(ctx, g, blockTime(clock, g.expiresAt))),
      button('error', t('recovery.stopGrant'), () => {
        run(async (signer) => { await stopRecoveredGrant(ctx.backend, signer, who, g.id); await show(who); return ok(t('recovery.grantStopped')); });
      }, { class: 'btn quiet', 'data-stop-recovered-grant': String(g.id) }))));
    mount(area,
      h('p', { class: 'note ok', 'data-using': who }, icon('ok'), h('span', {}, t('recovery.using', { who: await personName(ctx, who) }))),
      h('h4', {}, t('recovery.oldRecords')),
      records.length === 0 ? h('p', { class: 'hint' }, t('recovery.noRecords')) : h('ul', { class: 'grants' }, ...records),
      h('h4', {}, t('recovery.oldAccess')),
      grantRows.length === 0 ? h('p', { class: 'hint' }, t('recovery.noGrants')) : h('ul', { class: 'grants' }, ...grantRows));
  };

  return h('form', { class: 'card stack', 'aria-labelledby': 'new-phone-title', onSubmit: (e: Event) => {
    e.preventDefault();
    run(async (s) => {
      const who = parseAddress(lost.value);
      if (!(await phoneActsFor(ctx.backend, s, who))) {
        return h('p', { class: 'note error', 'data-not-yet': 'true' }, icon('error'), h('span', {}, t('recovery.notYet')));
      }
      await useRecoveredAccount(ctx.backend, s, who);
      await show(who);
      return null;
    });
  } },
    h('h3', { id: 'new-phone-title' }, icon('history'), h('span', {}, t('recovery.newPhoneTitle'))),
    h('p', { class: 'hint' }, t('recovery.newPhoneHint')),
    session === null ? null : h('p', { class: 'number' }, t('recovery.myNumber'), ' ', h('code', { 'data-my-number': session.address }, session.address)),
    field(t('recovery.oldAccount'), lost),
    h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('recovery.use'))),
    result, area);
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return t('recovery.minutes', { count: minutes });
  // A wait set outside the app may be a few hours: "0 days" would say there is none.
  if (minutes < 24 * 60) return t('recovery.hours', { count: Math.round(minutes / 60) });
  return t('recovery.days', { count: Math.round(minutes / 1440) });
}
