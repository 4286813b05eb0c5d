// Typed errors. Callers branch on `kind` (envelope) or `pallet`/`name` (chain), never on
// message text, so messages can be reworded for people without breaking code.

import type { Registry } from '@polkadot/types/types';

/** Why an envelope, a key share or a payload was refused. */
export type EnvelopeErrorKind =
  /** The header is short, has the wrong magic, a reserved value, or a chunk size out of range. */
  | 'BadHeader'
  /** The envelope or share names a version or content type this library does not know. */
  | 'UnsupportedVersion'
  /** The ciphertext ends before its final chunk: chunks were cut off the end. */
  | 'Truncated'
  /** Bytes follow the final chunk. */
  | 'TrailingData'
  /** A chunk failed authentication: a flipped bit, reordered or removed chunks, or the wrong key. */
  | 'ChunkAuthFailed'
  /** A structurally impossible ciphertext, e.g. an empty final chunk after a full one. */
  | 'Malformed'
  /** A key share has the wrong length or an unknown version byte. */
  | 'ShareMalformed'
  /** A key share did not open: wrapped for another reader, record or key. */
  | 'ShareUnwrapFailed'
  /** A key share is wrapped to another key version than the key offered. */
  | 'KeyVersionMismatch'
  /** The ciphertext's blake2-256 is not the content hash anchored on chain. */
  | 'HashMismatch'
  /** The payload is not a FHIR R4 resource this library accepts. */
  | 'InvalidFhir'
  /** The payload's resource type, or the header's category, is not the expected category. */
  | 'CategoryMismatch'
  /** A data key, public key, secret or SURI is unusable. */
  | 'InvalidKey';

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly kind: EnvelopeErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Plain-language messages for the errors people meet most, keyed `Pallet.Error`. Anything not
 * here falls back to the error's own doc comment from the runtime metadata, which is English
 * too but written for developers.
 */
const PLAIN: Readonly<Record<string, string>> = {
  'ValidatorSet.AlreadyValidator': 'This account is already one of the validators.',
  'ValidatorSet.NotValidator': 'This account is not one of the validators.',
  'ValidatorSet.TooManyValidators': 'The network already has as many validators as it allows.',
  'ValidatorSet.TooFewValidators': 'The network must keep at least three validators.',
  'ValidatorSet.NoSessionKeys': 'This account has not registered session keys (session.setKeys) yet.',
  'ValidatorSet.SessionLengthOutOfRange': 'A session must last between a minute and a day.',
  'PatientRecords.UnknownPatient': 'This account is not registered as a patient.',
  'PatientRecords.NotPatientOrGuardian': 'Only the patient or their guardian can do this.',
  'PatientRecords.NotActivePractitioner':
    'You are not an active practitioner of this organisation (or the organisation is not active).',
  'PatientRecords.NoWriteAccess':
    'You may not add records for this patient: they have not given your organisation access to write.',
  'PatientRecords.NoReadAccess': 'You may not read this record for this purpose.',
  'PatientRecords.InvalidLocator': 'The storage location of the record is empty or too long.',
  'PatientRecords.EmptyRecord': 'A record cannot be empty.',
  'PatientRecords.UnknownRecord': 'There is no record with this id.',
  'PatientRecords.AlreadySuperseded':
    'This record has already been amended; amend its latest version instead.',
  'PatientRecords.AmendsOtherPatientsRecord': "The record being amended belongs to another patient.",
  'PatientRecords.InvalidKeyShare': 'The wrapped key is empty or too long for the chain.',
  'PatientRecords.ReaderNotPermitted':
    'This person may not read the record for this purpose, so the key cannot be shared with them.',
  'PatientRecords.NotPermitted': 'You may not share the key of this record.',
  'PatientRecords.NoKeyShare': 'This person has no key for this record.',
  'PatientRecords.AccessStillValid':
    'This person still has access, so only the patient, guardian, author or the person can remove their key.',
  'PatientRecords.RecordErased': 'This record has been erased: it can no longer be read, shared, amended or disputed.',
  'PatientRecords.AlreadyDisputed': 'This record is already disputed; withdraw the dispute to raise another.',
  'PatientRecords.NotDisputed': 'This record is not disputed.',
  'PatientRecords.InvalidDisputeNote': "The note must be one of the patient's own self-reported records.",
  'DrugProvenance.InvalidGtin': 'This is not a GTIN: 14 digits with a valid GS1 check digit.',
  'DrugProvenance.InvalidLotNumber': 'This is not a lot number: 1 to 20 letters, digits or GS1 punctuation.',
  'DrugProvenance.InvalidSerial': 'A serial number is empty, too long or has characters GS1 does not allow.',
  'DrugProvenance.InvalidQuantity': 'The number of packs must be at least 1 (and at most 100 listed serials).',
  'DrugProvenance.UnknownLot': 'There is no such lot of this product on chain.',
  'DrugProvenance.NotActingForOrganisation': 'You do not act for this organisation (or it is not active).',
  'DrugProvenance.NotDispenser': 'This organisation does not dispense medicines to patients.',
  'DrugProvenance.LotRecalled': 'This lot is recalled: it may not be dispensed.',
  'DrugProvenance.LotQuarantined': 'This lot is quarantined as suspect: it may not be dispensed.',
  'DrugProvenance.LotIllegitimate': 'This lot is confirmed illegitimate: it may not be dispensed.',
  'DrugProvenance.ColdChainBreached': "This lot's cold chain broke: it may not be dispensed until the authority clears it.",
  'DrugProvenance.StockExpired': 'This lot is expired (or expires today).',
  'DrugProvenance.HoldingQuarantined': "This organisation's stock of the lot is flagged as suspect.",
  'DrugProvenance.InsufficientStock': 'The organisation holds fewer packs of this lot.',
  'DrugProvenance.NotSerialised': 'This lot has no serial numbers: list none.',
  'DrugProvenance.SerialsRequired': 'This lot is serialised: list the serial of every pack handed out.',
  'DrugProvenance.DuplicateSerial': 'A serial number is listed twice.',
  'DrugProvenance.UnknownPack': 'No pack of this lot has this serial number.',
  'DrugProvenance.PackNotHeld': 'This pack is not in the organisation\'s stock.',
  'DrugProvenance.PackQuarantined': 'This pack is flagged as suspect or illegitimate.',
  'DrugProvenance.TooManySerials': 'More packs than the lot was declared with.',
  'DrugProvenance.InvalidReceipt': 'More packs than were shipped, or a missing pack the shipment does not list.',
  'EmergencySupply.UnknownEmergency': 'There is no such emergency.',
  'EmergencySupply.EmergencyNotOpen': 'This emergency is not open: it has not started, is past its end, or was closed.',
  'EmergencySupply.ItemNotCovered': 'This emergency does not cover this item.',
  'EmergencySupply.RegionNotAffected': 'This clinic or region is outside the emergency\'s affected regions.',
  'EmergencySupply.NotCareProvider': 'This organisation is not an active clinic or hospital.',
  'EmergencySupply.NotActingForOrganisation': 'You do not act for this organisation (or it is not active).',
  'EmergencySupply.NotVerifiedWarehouse': 'This organisation is not an active warehouse.',
  'EmergencySupply.ZeroQuantity': 'The number of units must be at least 1.',
  'EmergencySupply.NothingNeeded': 'The stock on hand already covers what is asked for.',
  'EmergencySupply.TooManyNeeds': 'This round already holds the most needs allowed.',
  'EmergencySupply.TooManyPledges': 'This emergency already holds the most pledges allowed.',
  'EmergencySupply.UnknownDonation': 'There is no donation with this number.',
  'EmergencySupply.AlreadyReceived': 'The warehouse has already confirmed this donation.',
  'EmergencySupply.ReceiptExceedsPledge': 'More units than were pledged cannot be received.',
  'EmergencySupply.RoundNotClosed': 'This round is still open for needs; allocate it once it closes.',
  'EmergencySupply.RoundAlreadyAllocated': 'This round was already allocated.',
  'EmergencySupply.RoundExpired': 'A later round has closed too: this round can no longer be allocated.',
  'EmergencySupply.NoNeeds': 'No clinic filed a need in this round.',
  'EmergencySupply.RoundAlreadyQueued': 'This round is already queued: the chain is allocating it.',
  'EmergencySupply.AllocationQueueFull': 'The chain has too many rounds waiting to be allocated; try again in a minute.',
  'EmergencySupply.UnknownAllocation': 'There is no such allocation.',
  'EmergencySupply.NotAllocationWarehouse': 'Only the warehouse holding the donation may send it.',
  'EmergencySupply.AlreadyDispatched': 'This allocation was already sent.',
  'EmergencySupply.NotDispatched': 'This allocation has not been sent yet.',
  'EmergencySupply.AlreadyConfirmed': 'This delivery was already confirmed.',
  'EmergencySupply.NotRecipient': 'Only the receiving clinic may confirm this delivery.',
  'EmergencySupply.ReceivedExceedsDispatched': 'More units than were sent cannot be confirmed as received.',
  'EmergencySupply.PledgeTooLarge': 'This pledge has more units than one pledge may carry.',
  'EmergencySupply.TooManyDonorPledges': 'You already have the most pledges awaiting receipt in this emergency.',
  'EmergencySupply.NotPledgeWarehouse': 'Only the warehouse the pledge names may confirm it.',
  'EmergencySupply.NotDonor': 'Only the donor may cancel this pledge.',
  'EmergencySupply.NeedTooLarge': 'The need is too large for the people it serves.',
  'Council.NotMember': 'Only a member of the health council may do this.',
  'Council.DuplicateVote': 'You have already voted this way on this motion.',
  'Council.ProposalMissing': 'This motion is no longer open: it was closed.',
  'Council.TooEarly': 'This motion has neither enough ayes nor enough nays yet, and its voting time is not over.',
  'Council.WrongIndex': 'This motion is not the one voted on: reload the motions.',
  'Council.DuplicateProposal': 'The same motion is already open: vote on it instead.',
  'EmergencySupply.InvalidName': 'An emergency needs a name.',
  'EmergencySupply.InvalidRegions': 'Choose at least one affected region (none within another).',
  'EmergencySupply.InvalidItems': 'List at least one supply item, each with a code of printable characters, none twice.',
  'EmergencySupply.InvalidPeriod': 'The period is not possible: it must start now or later, last at least one round, and rounds must last at least one block.',
  'Registry.SameKey': 'This encryption key is already the current one.',
  'Recovery.NotFriend': 'You are not one of this account\'s recovery friends.',
  'Recovery.NotFriendGroup': 'This account has no such group of recovery friends.',
  'Recovery.NoFriendGroups': 'This account has named no recovery friends.',
  'Recovery.AlreadyInitiated': 'A recovery of this account by this group is already under way.',
  'Recovery.AlreadyVoted': 'You have already agreed to this recovery.',
  'Recovery.AlreadyApproved': 'Enough friends have already agreed to this recovery.',
  'Recovery.NotApproved': 'Not enough friends have agreed to this recovery yet.',
  'Recovery.NotYetInheritable': 'The waiting time of this recovery has not passed yet.',
  'Recovery.NotAttempt': 'There is no such recovery under way.',
  'Recovery.NotCanceller': 'Only the account\'s owner or the friend who started it can stop this recovery.',
  'Recovery.NotYetCancelable': 'The friend who started this recovery can stop it only after a waiting time.',
  'Recovery.HasOngoingAttempts': 'A recovery of this account is under way: the friends cannot be changed until it ends.',
  'Recovery.NoInheritor': 'This account has not been recovered.',
  'Recovery.NotInheritor': 'You do not control this recovered account.',
  'Recovery.HigherPriorityRecovered': 'This account was already recovered by a group that comes first.',
  'Recovery.LostAccountInFriendGroup': 'You cannot be your own recovery friend.',
  'Recovery.TooManyFriendsNeeded': 'More friends are needed than the group has.',
  'Recovery.NoFriendsNeeded': 'At least one friend must agree.',
  'Recovery.FriendsNotSortedOrUnique': 'A friend is named twice.',
  'Registry.InvalidKey': 'This is not a usable encryption key.',
  'Statistics.InvalidRegion': 'This is not a region code: a county, a township in it, or a village in a township.',
  'Statistics.NoMonths': 'Ask for at least one month.',
  'Statistics.TooManyMonths': 'That is more months than one question may ask for.',
  'Statistics.MonthOutOfRange': 'Those months run past the last month the chain can name.',
  'Statistics.TooManyProducts': 'That is more products than one question may name.',
};

/**
 * A chain call failed, or the chain holds something the client cannot use, or the client
 * refused a call before sending it.
 *
 * `code` is `Pallet.Error` for what the runtime refuses; the client uses the same code when it
 * finds the refusal itself before sending (`ChainError.refusal`), so a caller branches the same
 * way either way. Codes of the client's own (no pallet): `TransactionFailed` (dropped or
 * refused by the pool), `FreeCallsExhausted` (the pool refused a patient's free call: the
 * day's free calls are used up), `CannotPayFees` (the pool refused a call its account cannot
 * pay for), `UnsupportedRuntime`, `UnexpectedShape`, `MissingEvent`,
 * `MissingArgument`, `NoEncryptionKey`, `ForeignEncryptionKey`, `KeyVersionRace`, `NoKeyShare`,
 * and for medicines (medicines.ts): `NotAPrescription` (the record named as the prescription
 * is not a MedicationRequest of this patient, or is erased), `DispensationMismatch` (the
 * dispensation on chain is not the one described: other lot, organisation, quantity, serials
 * or commitment), `InvalidArgument` (a salt that is not 32 bytes, a patient that is not an
 * account, a record id that is not a u64); for emergency supplies (emergencies.ts): `NotAWholeNumber` (a quantity
 * typed that is not a whole number); for the council (council.ts): `BadAddress` (a validator
 * that is not an account).
 */
export class ChainError extends Error {
  override readonly name = 'ChainError';
  constructor(
    /** The pallet, in metadata spelling (`PatientRecords`); `undefined` for non-module errors. */
    readonly pallet: string | undefined,
    /** The error variant (`NoWriteAccess`), or a client-side reason (`NoEncryptionKey`). */
    readonly error: string,
    message: string,
    /** The runtime's doc comment of the error, if any. */
    readonly docs: string = '',
  ) {
    super(message);
  }

  /**
   * A refusal the client found before sending anything, under the code the chain would have
   * given (`refusal('DrugProvenance', 'UnknownLot')`), with the same plain message; `detail`
   * is appended.
   */
  static refusal(pallet: string, error: string, detail?: string): ChainError {
    const plain = PLAIN[`${pallet}.${error}`] ?? error;
    return new ChainError(pallet, error, detail === undefined ? plain : `${plain} ${detail}`);
  }

  /** `Pallet.Error`, the stable identifier tests and callers compare. */
  get code(): string {
    return this.pallet === undefined ? this.error : `${this.pallet}.${this.error}`;
  }

  /**
   * Decodes a `DispatchError` into `Pallet.Error` with a plain English message. Module errors
   * are looked up in the metadata (`registry.findMetaError`); other kinds (BadOrigin, Token,
   * Arithmetic…) keep their variant name.
   */
  static fromDispatchError(registry: Registry, dispatchError: DispatchErrorLike): ChainError {
    if (dispatchError.isModule) {
      const meta = registry.findMetaError(dispatchError.asModule);
      const docs = meta.docs.join(' ').trim();
      const key = `${meta.section.charAt(0).toUpperCase()}${meta.section.slice(1)}.${meta.name}`;
      const pallet = key.slice(0, key.indexOf('.'));
      return new ChainError(pallet, meta.name, PLAIN[key] ?? (docs || meta.name), docs);
    }
    const kind = dispatchError.type;
    const detail = kind === 'BadOrigin' ? 'This account may not make this call.' : `The call failed: ${dispatchError.toString()}.`;
    return new ChainError(undefined, kind, detail);
  }
}

/** The part of polkadot.js's `DispatchError` this module reads. */
export interface DispatchErrorLike {
  readonly isModule: boolean;
  readonly asModule: Parameters<Registry['findMetaError']>[0];
  readonly type: string;
  toString(): string;
}
