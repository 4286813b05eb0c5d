// Every failure shown to a person goes through `explain`: a sentence in their language from
// the error's type and code, never the raw developer message alone.
import { ChainError, EnvelopeError, ShlError } from '@ruralmed/client';

import { AccountError } from './accounts';
import { AppError } from './chain';
import { t } from './i18n';
import { en } from './locales/en';

const KNOWN = new Set(Object.keys(en.errors));
const SUPPLY_KNOWN = new Set(Object.keys(en.supplies.errors));
const STOCK_KNOWN = new Set(Object.keys(en.stock.errors));
/** The client library's own stock refusals (no pallet): a date, a scanned pack of another batch, a batch too big to list. */
const STOCK_CLIENT_CODES = new Set(['InvalidDate', 'PackOfAnotherLot', 'TooManyPacks']);
const known = (name: string): string | null => (KNOWN.has(name) ? t(`errors.${name}`) : null);

/** The vault client's error (app/client vault.ts), recognised by shape so either build works. */
interface VaultErrorLike { readonly name: 'VaultError'; readonly code: string; readonly status: number; readonly message: string }
function isVaultError(error: unknown): error is VaultErrorLike {
  return error instanceof Error && error.name === 'VaultError' && typeof (error as Partial<VaultErrorLike>).code === 'string';
}

/** A sentence (or clause, after "Refused:") for `error` in the current language. */
export function explain(error: unknown): string {
  if (error instanceof AccountError || error instanceof AppError) return t(`errors.${error.code}`);
  if (error instanceof ShlError) return t(`viewer.errors.${error.code}`, { count: error.remainingAttempts ?? 0 });
  if (error instanceof ChainError) {
    if (/payment|fees|balance/i.test(error.message) || error.pallet === 'Balances') return t('errors.Balance');
    // Emergency supplies share error names with other pallets (UnknownEmergency): their own words.
    if ((error.pallet === 'EmergencySupply' || (error.pallet === undefined && error.error === 'NotAWholeNumber')) && SUPPLY_KNOWN.has(error.error)) return t(`supplies.errors.${error.error}`);
    // Drug provenance: stock and shipments share error names with other pallets (SameOrganisation, NotRecipient).
    if ((error.pallet === 'DrugProvenance' || (error.pallet === undefined && STOCK_CLIENT_CODES.has(error.error))) && STOCK_KNOWN.has(error.error)) return t(`stock.errors.${error.error}`);
    return known(error.error) ?? t('errors.Chain', { detail: error.message });
  }
  if (error instanceof EnvelopeError) {
    if (error.kind === 'HashMismatch') return t('errors.HashMismatch');
    if (error.kind === 'InvalidFhir' || error.kind === 'CategoryMismatch') return t('errors.InvalidFhir');
    // A share wrapped for another key: after a recovery, until the friend who took over renews it.
    if (error.kind === 'ShareUnwrapFailed' || error.kind === 'KeyVersionMismatch') return t('errors.ShareNotRenewed');
    return t('errors.Decrypt');
  }
  if (isVaultError(error)) {
    if (error.code === 'vault_unreachable' || error.code === 'timeout') return t('errors.VaultDown');
    if (error.code === 'access_refused') {
      // The message is the chain's `pallet.Error`, e.g. patientRecords.NoReadAccess.
      const name = error.message.slice(error.message.lastIndexOf('.') + 1);
      return known(name) ?? t('errors.VaultRefused', { detail: error.message });
    }
    if (error.code === 'not_permitted') return t('errors.NoWriteAccess');
    return t('errors.VaultRefused', { detail: error.message });
  }
  return t('errors.Unknown', { detail: error instanceof Error ? error.message : String(error) });
}
