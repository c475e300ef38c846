import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Passkey, PasskeyOptions } from '../../../contract/security';
import { auditActorOfUser, recordAudit } from '../../audit/audit-log';
import type { Database } from '../../db/store';
import { InvalidError } from '../../http/domain-errors';
import type { Actor } from '../../kernel/actor';
import {
  findPasskeyByCredential,
  findPasskeysOfUser,
  insertPasskey,
  recordPasskeyUse,
  saveChallenge,
  takeChallenge,
  type PasskeyRow,
} from './passkeys-data';
import { ERROR_CODES } from '../../../contract/errors';

/** Where the console is, as the browser saw it: WebAuthn binds every credential to it. */
export interface WebAuthnSite {
  rpID: string;
  origin: string;
}

/** A ceremony's challenge is good once, for this purpose, for five minutes. */
export type ChallengePurpose = 'register' | 'second_factor' | 'sign_in' | 'reauthenticate';
const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = 'Keyward';

export interface PasskeyAnswer {
  challengeId: string;
  response: unknown;
}

const INVALID = () => new InvalidError('The passkey could not be verified. Try again.', undefined, ERROR_CODES.invalidPasskey);
const toDto = (row: PasskeyRow): Passkey => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  createdFrom: row.createdAddress,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/**
 * Passkeys and security keys (WebAuthn, with @simplewebauthn/server): registration for the
 * signed-in account, and assertions for a second step, a passkey-only sign-in, or proving
 * presence before a change to one's factors. User verification is required throughout, so a
 * passkey is two factors by itself (something held, unlocked by something known or one's body).
 */
export function createPasskeyService(deps: { db: Database; now: () => number }) {
  const { db, now } = deps;

  async function challengeFor(options: { challenge: string }, userId: string | null, purpose: ChallengePurpose): Promise<string> {
    return saveChallenge(db, { challenge: options.challenge, userId, purpose, expiresAt: new Date(now() + CHALLENGE_MS) }, new Date(now()));
  }

  return {
    list: async (userId: string): Promise<Passkey[]> => (await findPasskeysOfUser(db, userId)).map(toDto),

    async registrationOptions(actor: Actor, site: WebAuthnSite): Promise<PasskeyOptions> {
      const existing = await findPasskeysOfUser(db, actor.userId);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID: site.rpID,
        userName: actor.email,
        userID: new TextEncoder().encode(actor.userId),
        attestationType: 'none',
        excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      return { challengeId: await challengeFor(options, actor.userId, 'register'), options: options as unknown as Record<string, unknown> };
    },

    /** Verifies a new passkey's registration and keeps its public key (audited). */
    async register(actor: Actor, site: WebAuthnSite, input: PasskeyAnswer & { name: string }): Promise<Passkey> {
      const challenge = await takeChallenge(db, input.challengeId, 'register', new Date(now()));
      if (!challenge || challenge.userId !== actor.userId) throw INVALID();
      const verified = await verifyRegistrationResponse({
        response: input.response as RegistrationResponseJSON,
        expectedChallenge: challenge.challenge,
        expectedOrigin: site.origin,
        expectedRPID: site.rpID,
        requireUserVerification: true,
      }).catch(() => undefined);
      if (!verified?.verified) throw INVALID();
      const { credential } = verified.registrationInfo;
      const row = {
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: input.name,
        createdAt: new Date(now()),
        createdAddress: actor.address ?? null,
      };
      const id = await db.transaction(async (tx) => {
        const added = await insertPasskey(tx, row);
        await recordAudit(tx, auditActorOfUser(actor), { action: 'account.passkey_add', targetType: 'user', targetId: actor.userId, targetLabel: actor.email, details: { passkey: input.name } });
        return added;
      });
      return toDto({ ...row, id, lastUsedAt: null });
    },

    /**
     * Options for an assertion. With `userId`, only that account's passkeys are offered; without,
     * the browser offers whichever passkey of this site the person picks (sign-in without a password).
     */
    async authenticationOptions(site: WebAuthnSite, purpose: Exclude<ChallengePurpose, 'register'>, userId: string | null): Promise<PasskeyOptions> {
      const allowed = userId ? await findPasskeysOfUser(db, userId) : [];
      const options = await generateAuthenticationOptions({
        rpID: site.rpID,
        userVerification: 'required',
        allowCredentials: allowed.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      });
      return { challengeId: await challengeFor(options, userId, purpose), options: options as unknown as Record<string, unknown> };
    },

    /**
     * Checks an assertion against the challenge it answers; the account whose passkey signed it,
     * or undefined. With `userId`, only that account's passkeys count.
     */
    async verify(site: WebAuthnSite, purpose: Exclude<ChallengePurpose, 'register'>, answer: PasskeyAnswer, userId: string | null): Promise<string | undefined> {
      const challenge = await takeChallenge(db, answer.challengeId, purpose, new Date(now()));
      if (!challenge || challenge.userId !== userId) return undefined;
      const response = answer.response as AuthenticationResponseJSON;
      const passkey = await findPasskeyByCredential(db, response.id);
      if (!passkey || (userId !== null && passkey.userId !== userId)) return undefined;
      const verified = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: site.origin,
        expectedRPID: site.rpID,
        requireUserVerification: true,
        credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports },
      }).catch(() => undefined);
      if (!verified?.verified) return undefined;
      await recordPasskeyUse(db, passkey.id, verified.authenticationInfo.newCounter, new Date(now()));
      return passkey.userId;
    },
  };
}

export type PasskeyService = ReturnType<typeof createPasskeyService>;
