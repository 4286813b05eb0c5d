// Sign in: a demo-county account (dev chain only), or the account kept on this phone under a
// PIN; create one (backup words shown once) or restore one from its backup words.
import {
  DEMO_ACCOUNTS,
  checkPin,
  demoSession,
  forgetDeviceAccount,
  newMnemonic,
  saveDeviceAccount,
  storedAddress,
  unlockDeviceAccount,
  type Session,
} from '../accounts';
import type { AppContext } from '../app';
import { hasEncryptionSeed, newSeedWords, saveEncryptionSeed, unlockWalletAccount, walletAccounts, walletsPresent, type WalletAccount } from '../extension';
import { ensureEncryptionKey } from '../chain';
import { button, field, h, icon, mount } from '../dom';
import { explain } from '../errors';
import { t } from '../i18n';

type Step = { kind: 'start' } | { kind: 'create'; words: string } | { kind: 'restore' }
  | { kind: 'walletSeed'; account: WalletAccount; words: string | null };

export function signInScreen(ctx: AppContext): HTMLElement {
  const root = h('section', { class: 'screen', 'aria-labelledby': 'signin-title' });
  const message = h('div', { class: 'message', 'aria-live': 'assertive' });
  let step: Step = { kind: 'start' };
  let busy = false;

  const fail = (error: unknown): void => {
    mount(message, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error))));
  };

  async function enter(open: () => Promise<Session>): Promise<void> {
    if (busy) return;
    busy = true;
    mount(message, h('p', { class: 'note' }, t('signin.signingIn')));
    try {
      const session = await open();
      // First use: publish the X25519 key before anything else, so records can be shared with
      // this account and it can be named as a reader when it writes.
      mount(message, h('p', { class: 'note' }, t('signin.settingUpKey')));
      let keyProblem: unknown = null;
      let published = false;
      try {
        published = (await ensureEncryptionKey(ctx.backend, session)).published;
      } catch (error) {
        keyProblem = error;
      }
      await ctx.signIn(session);
      if (keyProblem !== null) ctx.notify('error', explain(keyProblem));
      else if (ctx.who?.patient === null && ctx.who.practitioner === null && ctx.who.wards.length === 0 && ctx.who.adminOf.length === 0) ctx.notify('error', t('signin.noRole'));
      else if (published) ctx.notify('ok', t('signin.keyPublished'));
    } catch (error) {
      fail(error);
    } finally {
      busy = false;
    }
  }

  function pinInputs(): { pin: HTMLInputElement; repeat: HTMLInputElement; fields: HTMLElement[] } {
    const pin = h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'new-password', maxlength: '12', name: 'new-pin' }) as HTMLInputElement;
    const repeat = h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'new-password', maxlength: '12', name: 'repeat-pin' }) as HTMLInputElement;
    return { pin, repeat, fields: [field(t('create.pinNew'), pin, t('signin.pinHint')), field(t('create.pinRepeat'), repeat)] };
  }

  function deviceSection(): HTMLElement {
    const address = storedAddress();
    const body: HTMLElement[] = [];
    if (address !== null) {
      const pin = h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'current-password', maxlength: '12', name: 'pin' }) as HTMLInputElement;
      const form = h('form', { class: 'stack', onSubmit: (e: Event) => { e.preventDefault(); void enter(() => unlockDeviceAccount(pin.value)); } },
        h('p', { class: 'address' }, icon('key'), h('span', {}, address)),
        field(t('signin.pin'), pin, t('signin.pinHint')),
        h('button', { type: 'submit', class: 'btn primary' }, icon('lock'), h('span', {}, t('signin.unlock'))));
      body.push(form, button('revoke', t('signin.forget'), () => {
        if (!window.confirm(t('signin.forgetConfirm'))) return;
        forgetDeviceAccount();
        ctx.notify('ok', t('signin.forgotten'));
        draw();
      }, { class: 'btn quiet' }));
    }
    body.push(h('div', { class: 'row' },
      button('plus', t('signin.create'), () => { step = { kind: 'create', words: newMnemonic() }; draw(); }),
      button('refresh', t('signin.restore'), () => { step = { kind: 'restore' }; draw(); })));
    return h('section', { class: 'card', 'aria-labelledby': 'device-title' }, h('h3', { id: 'device-title' }, icon('lock'), h('span', {}, t('signin.deviceTitle'))), ...body);
  }

  /** A wallet extension's accounts; the encryption seed of the chosen one is unlocked, made or restored. */
  function walletSection(): HTMLElement | null {
    if (walletsPresent().length === 0) return null;
    const list = h('div', { class: 'stack' });
    const load = (): void => {
      mount(list, h('p', { class: 'hint' }, t('wallet.asking')));
      void walletAccounts().then((accounts) => {
        mount(list, accounts.length === 0 ? h('p', { class: 'hint' }, t('wallet.none')) : h('ul', { class: 'choices' }, ...accounts.map((account) => h('li', {},
          h('button', { type: 'button', class: 'choice', 'data-wallet-account': account.address, onClick: () => { chooseWalletAccount(account, list); } },
            icon('key'), h('span', { class: 'choice-text' }, h('strong', {}, account.name), h('small', {}, account.address)))))));
      }, (error: unknown) => { mount(list, h('p', { class: 'note error', role: 'alert' }, icon('error'), h('span', {}, explain(error)))); });
    };
    list.append(button('key', t('wallet.use'), load, { class: 'btn primary', 'data-wallet': 'use' }));
    return h('section', { class: 'card', 'aria-labelledby': 'wallet-title' }, h('h3', { id: 'wallet-title' }, icon('key'), h('span', {}, t('wallet.title'))), h('p', { class: 'hint' }, t('wallet.hint')), list);
  }

  function chooseWalletAccount(account: WalletAccount, into: HTMLElement): void {
    if (!hasEncryptionSeed(account.address)) { step = { kind: 'walletSeed', account, words: newSeedWords() }; draw(); return; }
    const pin = h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'current-password', maxlength: '12', name: 'wallet-pin' }) as HTMLInputElement;
    mount(into, h('form', { class: 'stack', onSubmit: (e: Event) => { e.preventDefault(); void enter(() => unlockWalletAccount(account, pin.value)); } },
      h('p', { class: 'address' }, icon('key'), h('span', {}, `${account.name} · ${account.address}`)),
      field(t('wallet.pin'), pin, t('signin.pinHint')),
      h('button', { type: 'submit', class: 'btn primary' }, icon('lock'), h('span', {}, t('signin.unlock')))));
    pin.focus();
  }

  /** First use of a wallet account on this phone: new seed words (shown once), or restore them. */
  function walletSeedSection(account: WalletAccount, words: string | null): HTMLElement {
    const confirm = h('input', { type: 'checkbox', id: 'confirm-seed-words' }) as HTMLInputElement;
    const typed = h('textarea', { rows: '4', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', name: 'seed-words' }) as HTMLTextAreaElement;
    const { pin, repeat, fields } = pinInputs();
    return h('form', { class: 'card stack', 'aria-labelledby': 'seed-title', onSubmit: (e: Event) => {
      e.preventDefault();
      if (words !== null && !confirm.checked) { confirm.focus(); return; }
      void enter(() => saveEncryptionSeed(account, words ?? typed.value, pin.value, repeat.value));
    } },
      h('h3', { id: 'seed-title' }, icon('key'), h('span', {}, t('wallet.seedTitle'))),
      h('p', { class: 'address' }, icon('user'), h('span', {}, `${account.name} · ${account.address}`)),
      h('p', { class: 'hint' }, t('wallet.seedWhy')),
      ...(words !== null
        ? [h('ol', { class: 'words', 'data-testid': 'seed-words' }, ...words.split(' ').map((w) => h('li', {}, w))),
          h('div', { class: 'check' }, confirm, h('label', { for: 'confirm-seed-words' }, t('create.confirm'))),
          button('refresh', t('wallet.haveWords'), () => { step = { kind: 'walletSeed', account, words: null }; draw(); }, { class: 'btn quiet' })]
        : [field(t('wallet.seedWords'), typed, t('wallet.seedWordsHint'))]),
      ...fields,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('create.save'))),
        button('back', t('create.cancel'), () => { step = { kind: 'start' }; draw(); }, { class: 'btn quiet' })));
  }

  // Filled in once the chain says it is a development chain (and again if that changes),
  // without redrawing the forms around it.
  const demoSlot = h('div', {});
  let shownDev: boolean | null = null;
  const syncDemo = (): void => {
    if (shownDev === ctx.backend.isDevChain) return;
    shownDev = ctx.backend.isDevChain;
    mount(demoSlot, demoSection());
  };
  const unsubscribe = ctx.backend.onChange(() => {
    if (!root.isConnected) { unsubscribe(); return; }
    syncDemo();
  });

  function demoSection(): HTMLElement {
    if (!ctx.backend.isDevChain) return h('p', { class: 'hint' }, t('signin.demoOff'));
    return h('section', { class: 'card', 'aria-labelledby': 'demo-title' },
      h('h3', { id: 'demo-title' }, icon('user'), h('span', {}, t('signin.demoTitle'))),
      h('p', { class: 'hint' }, t('signin.demoHint')),
      h('ul', { class: 'choices' }, ...DEMO_ACCOUNTS.map((account) => h('li', {},
        h('button', { type: 'button', class: 'choice', 'data-demo': account.name, onClick: () => { void enter(() => demoSession(account)); } },
          icon(account.role === 'patient' || account.role === 'guardian' ? 'user' : 'doctor'),
          h('span', { class: 'choice-text' }, h('strong', {}, `${account.name} · ${t(`role.${account.role}`)}`), h('small', {}, t(account.placeKey))))))));
  }

  function createSection(words: string): HTMLElement {
    const confirm = h('input', { type: 'checkbox', id: 'confirm-words' }) as HTMLInputElement;
    const { pin, repeat, fields } = pinInputs();
    return h('form', { class: 'card stack', 'aria-labelledby': 'create-title', onSubmit: (e: Event) => {
      e.preventDefault();
      if (!confirm.checked) { confirm.focus(); return; }
      void enter(async () => { checkPin(pin.value, repeat.value); return saveDeviceAccount(words, pin.value, repeat.value); });
    } },
      h('h3', { id: 'create-title' }, icon('key'), h('span', {}, t('create.backupTitle'))),
      h('p', { class: 'hint' }, t('create.backupHint')),
      h('ol', { class: 'words', 'data-testid': 'mnemonic' }, ...words.split(' ').map((w) => h('li', {}, w))),
      h('div', { class: 'check' }, confirm, h('label', { for: 'confirm-words' }, t('create.confirm'))),
      ...fields,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('create.save'))),
        button('back', t('create.cancel'), () => { step = { kind: 'start' }; draw(); }, { class: 'btn quiet' })));
  }

  function restoreSection(): HTMLElement {
    const words = h('textarea', { rows: '3', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', name: 'words' }) as HTMLTextAreaElement;
    const { pin, repeat, fields } = pinInputs();
    return h('form', { class: 'card stack', 'aria-labelledby': 'restore-title', onSubmit: (e: Event) => {
      e.preventDefault();
      void enter(() => saveDeviceAccount(words.value, pin.value, repeat.value));
    } },
      h('h3', { id: 'restore-title' }, icon('refresh'), h('span', {}, t('restore.title'))),
      storedAddress() === null ? null : h('p', { class: 'note warn' }, icon('warning'), h('span', {}, t('restore.replaceWarning'))),
      field(t('restore.words'), words, t('restore.wordsHint')),
      ...fields,
      h('div', { class: 'row' },
        h('button', { type: 'submit', class: 'btn primary' }, icon('ok'), h('span', {}, t('restore.save'))),
        button('back', t('create.cancel'), () => { step = { kind: 'start' }; draw(); }, { class: 'btn quiet' })));
  }

  /** What anyone may do without an account. */
  function publicSection(): HTMLElement {
    return h('section', { class: 'card', 'aria-labelledby': 'public-title' },
      h('h3', { id: 'public-title' }, icon('search'), h('span', {}, t('signin.publicTitle'))),
      h('p', { class: 'hint' }, t('signin.publicHint')),
      h('div', { class: 'stack' },
        h('a', { class: 'btn', href: '#/check', 'data-public': 'check' }, icon('pill'), h('span', {}, t('check.title'))),
        h('a', { class: 'btn', href: '#/trace', 'data-public': 'trace' }, icon('emergency'), h('span', {}, t('trace.title'))),
        h('a', { class: 'btn', href: '#/supplies', 'data-public': 'supplies' }, icon('emergency'), h('span', {}, t('supplies.title'))),
        h('a', { class: 'btn', href: '#/figures', 'data-public': 'figures' }, icon('chart'), h('span', {}, t('figures.title')))));
  }

  function draw(): void {
    shownDev = null;
    syncDemo();
    const body = step.kind === 'create' ? [createSection(step.words)]
      : step.kind === 'restore' ? [restoreSection()]
        : step.kind === 'walletSeed' ? [walletSeedSection(step.account, step.words)]
          : [demoSlot, walletSection(), deviceSection(), publicSection()];
    mount(root, h('h2', { id: 'signin-title' }, t('signin.title')), message, ...body);
  }

  draw();
  return root;
}
