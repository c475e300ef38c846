import { randomBytes, randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { Agent, fetch as undiciFetch } from 'undici';
import type { SsoSettings } from '../../contract/sso';
import type { SsoError } from '../../contract/sso-errors';
import type { z } from 'zod';
import type { ssoSettingsRequestSchema } from '../../contract/sso';
import type { Actor } from '../kernel/actor';
import type { PasswordHasher } from '../kernel/password';
import { auditActorOfUser, recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import { InvalidError, NotFoundError } from '../http/domain-errors';
import type { SecretBox } from '../secrets/secret-box';
import type { UpstreamPolicy } from '../deployments/upstream-policy';
import { findUserByEmail, insertUser } from '../users/users-data';
import {
  deleteSsoSettings,
  findAnySsoSettings,
  findSsoSettings,
  saveSsoAttempt,
  saveSsoSettings,
  takeSsoAttempt,
  type SsoSettingsRow,
} from './sso-data';
import { ERROR_CODES } from '../../contract/errors';

const ATTEMPT_MS = 10 * 60_000;
const DISCOVERY_TTL_MS = 10 * 60_000;
export const SSO_CALLBACK_PATH = '/api/console/sso/callback';

/** An SSO sign-in that must not open a session, with the reason the sign-in page shows. */
export class SsoRefusal extends Error {
  constructor(readonly reason: SsoError) {
    super(reason);
  }
}

/** Plain HTTP only to a provider on this machine (development, tests); anywhere else, HTTPS. */
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * Single sign-on with the organisation's OpenID Connect provider (openid-client): authorization
 * code with PKCE, state bound to the browser that started, nonce checked, ID token validated by
 * the library (signature, issuer, audience, expiry). Accounts are matched by verified email; a
 * new one gets the configured role, never above Administrator. Root never signs in this way:
 * its password and second factor stay the way in when the provider is unavailable.
 */
export function createSsoService(deps: {
  db: Database;
  now: () => number;
  secretBox: SecretBox;
  upstreamPolicy: UpstreamPolicy;
  passwords: PasswordHasher;
}) {
  const { db, now, secretBox, upstreamPolicy } = deps;
  const discovered = new Map<string, { config: oidc.Configuration; until: number }>();
  // The provider is chosen by an Administrator and fetched by the server: it obeys the same
  // outbound policy as the gateway's upstreams (KEYWARD_UPSTREAM_ALLOW), checked on the address
  // each connection resolves to, so discovery cannot be pointed at metadata or loopback services.
  const outbound = new Agent({ connect: { lookup: upstreamPolicy.lookup } });
  const policedFetch: oidc.CustomFetch = (url, options) =>
    undiciFetch(url, { ...(options as object), dispatcher: outbound }) as unknown as Promise<Response>;

  async function configurationOf(
    row: Pick<SsoSettingsRow, 'issuer' | 'clientId' | 'clientSecretSealed'>,
  ): Promise<oidc.Configuration> {
    const key = `${row.issuer}\n${row.clientId}\n${row.clientSecretSealed}`;
    const cached = discovered.get(key);
    if (cached && cached.until > now()) return cached.config;
    const issuer = new URL(row.issuer);
    const config = await oidc.discovery(
      issuer,
      row.clientId,
      secretBox.open(row.clientSecretSealed),
      undefined,
      {
        execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
        [oidc.customFetch]: policedFetch,
      },
    );
    config[oidc.customFetch] = policedFetch;
    discovered.set(key, { config, until: now() + DISCOVERY_TTL_MS });
    return config;
  }

  const toView = (row: SsoSettingsRow | undefined, redirectUri: string): SsoSettings => ({
    configured: row !== undefined,
    issuer: row?.issuer ?? '',
    clientId: row?.clientId ?? '',
    hasClientSecret: row !== undefined,
    allowedDomains: row?.allowedDomains ?? [],
    defaultRole: (row?.defaultRole ?? 'project_user') as SsoSettings['defaultRole'],
    ssoOnly: row?.ssoOnly ?? false,
    redirectUri,
  });

  return {
    async get(actor: Actor, redirectUri: string): Promise<SsoSettings> {
      return toView(await findSsoSettings(db, actor.organizationId), redirectUri);
    },

    /** Saves the provider once its discovery document answers (so a typo is caught here). */
    async set(
      actor: Actor,
      input: z.output<typeof ssoSettingsRequestSchema>,
      redirectUri: string,
    ): Promise<SsoSettings> {
      const before = await findSsoSettings(db, actor.organizationId);
      if (!input.clientSecret && !before)
        throw new InvalidError('Enter the client secret.', [
          { path: 'clientSecret', message: 'Required' },
        ]);
      const row: SsoSettingsRow = {
        organizationId: actor.organizationId,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecretSealed: input.clientSecret
          ? secretBox.seal(input.clientSecret)
          : before!.clientSecretSealed,
        allowedDomains: [...new Set(input.allowedDomains)],
        defaultRole: input.defaultRole,
        ssoOnly: input.ssoOnly,
        updatedAt: new Date(now()),
      };
      if (!(await upstreamPolicy.allowsUrl(new URL(row.issuer)))) {
        throw new InvalidError(
          'Keyward may not connect to this issuer: loopback, link-local and metadata addresses are refused unless KEYWARD_UPSTREAM_ALLOW lists them.',
          [{ path: 'issuer', message: 'Address not allowed' }],
          ERROR_CODES.ssoIssuerNotAllowed,
        );
      }
      try {
        await configurationOf(row);
      } catch {
        throw new InvalidError(
          'No OpenID Connect provider answered at this issuer URL.',
          [{ path: 'issuer', message: 'Not reachable' }],
          ERROR_CODES.ssoIssuerUnreachable,
        );
      }
      await db.transaction(async (tx) => {
        await saveSsoSettings(tx, row);
        const { clientSecretSealed: _sealed, updatedAt: _at, organizationId: _org, ...shown } = row;
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'settings.sso',
          targetType: 'organization',
          targetId: actor.organizationId,
          details: { ...shown, clientSecretChanged: Boolean(input.clientSecret) },
        });
      });
      return toView(row, redirectUri);
    },

    async remove(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await deleteSsoSettings(tx, actor.organizationId)))
          throw new NotFoundError('Single sign-on is not configured.');
        await recordAudit(tx, auditActorOfUser(actor), {
          action: 'settings.sso',
          targetType: 'organization',
          targetId: actor.organizationId,
          details: { removed: true },
        });
      });
    },

    enabled: async (): Promise<boolean> => (await findAnySsoSettings(db)) !== undefined,

    /** Whether this account may sign in, or confirm it's them, through the provider (never Root). */
    async availableFor(organizationId: string, role: string): Promise<boolean> {
      return role !== 'root' && (await findSsoSettings(db, organizationId)) !== undefined;
    },

    /** Whether password and passkey sign-in are closed to this (non-Root) account. */
    async ssoOnlyFor(organizationId: string, role: string): Promise<boolean> {
      return role !== 'root' && Boolean((await findSsoSettings(db, organizationId))?.ssoOnly);
    },

    /**
     * Where to send the browser, and the state to bind to it (a cookie). With `reauthenticate`,
     * the provider is asked to sign the person in again now (prompt=login, max_age=0) to confirm
     * a signed-in session's owner, not to open a session.
     */
    async start(redirectUri: string, reauthenticate?: { sessionId: string; organizationId: string }): Promise<{ url: string; state: string }> {
      const settings = reauthenticate ? await findSsoSettings(db, reauthenticate.organizationId) : await findAnySsoSettings(db);
      if (!settings) throw new SsoRefusal('not_configured');
      const config = await configurationOf(settings).catch(() => {
        throw new SsoRefusal('failed');
      });
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await saveSsoAttempt(
        db,
        {
          state,
          organizationId: settings.organizationId,
          nonce,
          codeVerifier,
          redirectUri,
          reauthSessionId: reauthenticate?.sessionId ?? null,
          expiresAt: new Date(now() + ATTEMPT_MS),
        },
        new Date(now()),
      );
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(reauthenticate ? { prompt: 'login', max_age: '0' } : {}),
      });
      return { url: url.href, state };
    },

    /**
     * The provider's answer: the state must be the one this browser started with, then the code
     * is exchanged and the ID token checked. Answers the account to sign in, or, for an attempt
     * that re-authenticates, the session it confirms.
     */
    async complete(callbackUrl: URL, boundState: string | undefined): Promise<{ userId: string; reauthSessionId: string | null }> {
      const state = callbackUrl.searchParams.get('state');
      if (!state || !boundState || state !== boundState) throw new SsoRefusal('state');
      const attempt = await takeSsoAttempt(db, state, new Date(now()));
      const settings = attempt ? await findSsoSettings(db, attempt.organizationId) : undefined;
      if (!attempt || !settings) throw new SsoRefusal('state');
      let claims: oidc.IDToken | undefined;
      try {
        const config = await configurationOf(settings);
        const tokens = await oidc.authorizationCodeGrant(
          config,
          callbackUrl,
          {
            pkceCodeVerifier: attempt.codeVerifier,
            expectedState: state,
            expectedNonce: attempt.nonce,
            idTokenExpected: true,
            // Re-authenticating: the provider's sign-in must be no older than the attempt itself.
            ...(attempt.reauthSessionId ? { maxAge: ATTEMPT_MS / 1000 } : {}),
          },
        );
        claims = tokens.claims();
        // Providers that keep the ID token lean (as the OIDC spec allows) give email at UserInfo.
        if (claims && claims.email === undefined && tokens.access_token) {
          claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)) };
        }
      } catch {
        throw new SsoRefusal('failed');
      }
      if (!claims) throw new SsoRefusal('failed');
      const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
      if (!email || claims.email_verified !== true) throw new SsoRefusal('email_unverified');
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain))
        throw new SsoRefusal('domain_not_allowed');

      const existing = await findUserByEmail(db, email);
      if (existing) {
        if (existing.organizationId !== settings.organizationId)
          throw new SsoRefusal('domain_not_allowed');
        if (existing.role === 'root') throw new SsoRefusal('root_not_allowed');
        if (existing.disabled) throw new SsoRefusal('account_disabled');
        return { userId: existing.id, reauthSessionId: attempt.reauthSessionId };
      }
      // Confirming a signed-in account: the provider must name that account, not make one.
      if (attempt.reauthSessionId) throw new SsoRefusal('failed');
      // Just in time: the account is made with the configured role and a password nobody knows.
      const name = typeof claims.name === 'string' ? claims.name.slice(0, 100) : null;
      const passwordHash = await deps.passwords.hash(randomBytes(32).toString('base64url'));
      const created = await db
        .transaction(async (tx) => {
          const row = await insertUser(tx, {
            id: randomUUID(),
            organizationId: settings.organizationId,
            email,
            name,
            role: settings.defaultRole,
            passwordHash,
          });
          await recordAudit(
            tx,
            {
              organizationId: settings.organizationId,
              type: 'system',
              id: null,
              label: `single sign-on (${new URL(settings.issuer).host})`,
              address: null,
            },
            {
              action: 'user.create',
              targetType: 'user',
              targetId: row.id,
              targetLabel: email,
              details: { role: settings.defaultRole, via: 'sso' },
            },
          );
          return row;
        })
        // Two first sign-ins of one new person at once: the other one made the account.
        .catch(
          async (error: unknown) => (await findUserByEmail(db, email)) ?? Promise.reject(error),
        );
      return { userId: created.id, reauthSessionId: null };
    },
  };
}

export type SsoService = ReturnType<typeof createSsoService>;
