// Accounts as people read them: "Charlie · Village doctor, Hekou Village Clinic" rather than
// an address. Practitioners and organisations come from the registry; the names of the demo
// county's test accounts are added on a development chain only (the chain stores no names of
// people).
import { Keyring } from '@polkadot/keyring';

import { DEMO_ACCOUNTS } from './accounts';
import type { AppContext } from './app';
import { t } from './i18n';

let demoNames: Map<string, string> | null = null;

function demoName(address: string): string | undefined {
  if (demoNames === null) {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    demoNames = new Map(DEMO_ACCOUNTS.map((a) => [keyring.addFromUri(a.suri).address, a.name]));
  }
  return demoNames.get(address);
}

export const shortAddress = (address: string): string => `${address.slice(0, 6)}…${address.slice(-4)}`;

export async function orgName(ctx: AppContext, id: number | null): Promise<string> {
  if (id === null) return '';
  const { orgs } = await ctx.registry();
  return orgs.find((o) => o.id === id)?.name ?? t('access.orgNumber', { id });
}

/** A person by role and place (and demo name), or "You". */
export async function personName(ctx: AppContext, address: string): Promise<string> {
  if (ctx.session?.address === address) return t('trail.you');
  const { practitioners } = await ctx.registry();
  const demo = ctx.backend.isDevChain ? demoName(address) : undefined;
  const practitioner = practitioners.find((p) => p.account === address);
  if (practitioner === undefined) return demo ?? shortAddress(address);
  const places = await Promise.all(practitioner.organisations.map((id) => orgName(ctx, id)));
  const described = t('access.doctorAt', { role: t(`role.${practitioner.role}`), org: places.join(', ') });
  return demo === undefined ? described : `${demo} · ${described}`;
}
