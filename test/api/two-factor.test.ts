import { describe, expect, it } from 'vitest';
import { PASSWORD, useTestApp, type TestContext } from '../support/test-app';
import { codeFor, enrol, TOTP_STEP } from '../support/two-factor';

const STEP = TOTP_STEP;

/** Password, then the second step; answers the second step's response. */
async function signInWith(t: TestContext, email: string, second: { method: 'totp' | 'recovery_code'; code: string }, address?: string) {
  const client = t.client(address);
  const first = await client.signIn(email, PASSWORD);
  expect(first.status).toBe(401);
  expect(first.body).toMatchObject({ code: 'SECOND_FACTOR_REQUIRED', details: { methods: ['totp', 'recovery_code'] } });
  const done = await client.post('/api/console/session/second-factor', second);
  return { client, done };
}

describe('two-factor authentication with an authenticator app and recovery codes', () => {
  const t = useTestApp({ perAccount: 5 });

  it('is set up from a QR code, confirmed by a code, and then asked for after the password', async () => {
    const { client: admin, email } = await t.signedInAs('admin');
    const otherTab = t.client();
    expect((await otherTab.signIn(email, PASSWORD)).status).toBe(200);

    const setup = await admin.post('/api/console/account/totp');
    const secret = setup.body.secret as string;
    t.logs.rememberSecret(secret);
    expect(setup.body.uri).toBe(`otpauth://totp/Keyward:${encodeURIComponent(email)}?issuer=Keyward&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect(setup.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    // Not active until confirmed: the password alone still signs in.
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(200);
    const wrong = await admin.post('/api/console/account/totp/confirm', { code: '000000' === codeFor(t, secret) ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('INVALID_CODE');
    const confirmed = await admin.post('/api/console/account/totp/confirm', { code: codeFor(t, secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.codes).toHaveLength(10);
    for (const code of confirmed.body.codes) t.logs.rememberSecret(code);
    // Turning a factor on ends the account's other sessions, not this one.
    expect((await otherTab.get('/api/console/session')).status).toBe(401);
    // The Security page says when and from where the app was turned on.
    expect((await admin.get('/api/console/account/security')).body).toEqual({
      totp: true,
      totpAddedAt: new Date(t.clock.now()).toISOString(),
      totpAddedFrom: '127.0.0.1',
      passkeys: [],
      recoveryCodesLeft: 10,
      required: false,
    });
    expect((await admin.post('/api/console/account/totp')).status).toBe(409);

    // After the password, the session can do nothing but take the second step.
    t.clock.advance(STEP);
    const client = t.client();
    expect((await client.signIn(email, PASSWORD)).status).toBe(401);
    expect((await client.get('/api/console/session')).body.code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await client.get('/api/console/deployments')).status).toBe(401);
    const badCode = await client.post('/api/console/session/second-factor', { method: 'totp', code: codeFor(t, secret, 2) });
    expect(badCode.status).toBe(401);
    expect(badCode.body.code).toBe('INVALID_CODE');
    const pending = client.cookie;
    const good = await client.post('/api/console/session/second-factor', { method: 'totp', code: codeFor(t, secret) });
    expect(good.status).toBe(200);
    expect(good.body.user.email).toBe(email);
    // The second step issues a new session id: the half-signed-in one is gone.
    expect(client.cookie).not.toBe(pending);
    expect((await client.get('/api/console/deployments')).status).toBe(200);

    // The same code cannot be used twice, even for another sign-in; the next step's can, and a
    // phone one step ahead is fine.
    const replay = await signInWith(t, email, { method: 'totp', code: codeFor(t, secret) });
    expect(replay.done.status).toBe(401);
    t.clock.advance(STEP);
    expect((await signInWith(t, email, { method: 'totp', code: codeFor(t, secret) })).done.status).toBe(200);
    expect((await signInWith(t, email, { method: 'totp', code: codeFor(t, secret, 1) })).done.status).toBe(200);
  });

  it('accepts each recovery code once, typed in any case, and counts what is left', async () => {
    const { client, email } = await t.signedInAs('project_user');
    const { codes } = await enrol(t, client);
    const first = await signInWith(t, email, { method: 'recovery_code', code: ` ${codes[0]!.toUpperCase()} ` });
    expect(first.done.status).toBe(200);
    expect((await signInWith(t, email, { method: 'recovery_code', code: codes[0]! })).done.status).toBe(401);
    expect((await first.client.get('/api/console/account/security')).body.recoveryCodesLeft).toBe(9);

    // New codes need a current authenticator code, not a recovery code.
    expect((await first.client.post('/api/console/account/recovery-codes', { code: codes[1]! })).status).toBe(422);
  });

  it('limits wrong codes like wrong passwords', async () => {
    const { client, email } = await t.signedInAs('auditor');
    await enrol(t, client);
    const guesser = t.client('198.51.100.9');
    expect((await guesser.signIn(email, PASSWORD)).status).toBe(401);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await guesser.post('/api/console/session/second-factor', { method: 'recovery_code', code: `guess-${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('removes the authenticator only with a current code, ending the other sessions', async () => {
    const root = await t.setupRoot();
    const { client, email } = await t.signedInAs('accountant', root);
    const { secret } = await enrol(t, client);
    expect(JSON.stringify((await client.get('/api/console/account/security')).body)).not.toContain(secret);
    const elsewhere = await signInWith(t, email, { method: 'totp', code: codeFor(t, secret) });
    expect(elsewhere.done.status).toBe(200);
    t.clock.advance(STEP);
    const regenerated = await client.post('/api/console/account/recovery-codes', { code: codeFor(t, secret) });
    expect(regenerated.status).toBe(200);
    for (const code of regenerated.body.codes) t.logs.rememberSecret(code);
    t.clock.advance(STEP);
    expect((await client.request('DELETE', '/api/console/account/totp', { code: '12345' })).status).toBe(422);
    expect((await client.request('DELETE', '/api/console/account/totp', { code: codeFor(t, secret) })).status).toBe(204);
    expect((await elsewhere.client.get('/api/console/session')).status).toBe(401);
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(200);
    const audit = await root.get('/api/console/audit-events?action=account.totp_remove');
    expect(audit.body.events[0]).toMatchObject({ action: 'account.totp_remove', actorLabel: email });
  });
});

describe('the organisation policy and resets', () => {
  const t = useTestApp({});

  it('sends an account without a second factor to set one up before anything else, and keeps it', async () => {
    const root = await t.setupRoot();
    const { client: admin } = await t.signedInAs('admin', root);
    const { client: user, email } = await t.signedInAs('project_user', root);
    expect((await user.put('/api/console/settings/two-factor-policy', { policy: 'everyone' })).status).toBe(403);
    expect((await admin.put('/api/console/settings/two-factor-policy', { policy: 'sometimes' })).status).toBe(422);
    expect((await admin.put('/api/console/settings/two-factor-policy', { policy: 'admins' })).body).toEqual({ policy: 'admins' });
    // 'admins': Root and Administrators only.
    expect((await t.client().signIn(email, PASSWORD)).body.twoFactorSetupRequired).toBe(false);
    expect((await admin.put('/api/console/settings/two-factor-policy', { policy: 'everyone' })).status).toBe(200);
    // Sessions already open go on; the next sign-in must set a factor up first.
    expect((await user.get('/api/console/deployments')).status).toBe(200);
    const next = t.client();
    const signedIn = await next.signIn(email, PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.twoFactorSetupRequired).toBe(true);
    const refused = await next.get('/api/console/deployments');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('TWO_FACTOR_SETUP_REQUIRED');
    expect((await next.get('/api/console/account/security')).body).toEqual({ totp: false, totpAddedAt: null, totpAddedFrom: null, passkeys: [], recoveryCodesLeft: 0, required: true });
    const { secret } = await enrol(t, next);
    expect((await next.get('/api/console/session')).body.twoFactorSetupRequired).toBe(false);
    expect((await next.get('/api/console/deployments')).status).toBe(200);
    // Required: it cannot be removed.
    const removal = await next.request('DELETE', '/api/console/account/totp', { code: codeFor(t, secret) });
    expect(removal.status).toBe(409);
    const audit = await root.get('/api/console/audit-events?action=settings.two_factor_policy');
    expect(audit.body.events[0].details).toEqual({ from: 'admins', to: 'everyone' });
  });

  it("lets Root reset another account's factors (audited), and nobody reset Root's", async () => {
    const root = await t.setupRoot();
    const { client: admin, id: adminId } = await t.signedInAs('admin', root);
    const { client: user, id: userId, email } = await t.signedInAs('project_admin', root);
    await enrol(t, user);
    const rootId = (await root.get('/api/console/session')).body.user.id;
    expect((await admin.post(`/api/console/users/${userId}/reset-two-factor`)).status).toBe(403);
    expect((await root.post(`/api/console/users/${rootId}/reset-two-factor`)).status).toBe(403);
    expect((await root.post('/api/console/users/00000000-0000-4000-8000-000000000000/reset-two-factor')).status).toBe(404);
    expect((await root.post(`/api/console/users/${userId}/reset-two-factor`)).status).toBe(204);
    // Its sessions end; the password alone signs in again.
    expect((await user.get('/api/console/session')).status).toBe(401);
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(200);
    const audit = await root.get('/api/console/audit-events?action=user.two_factor_reset');
    expect(audit.body.events[0]).toMatchObject({ targetLabel: email, actorLabel: 'root@example.com' });
    expect(adminId).toBeDefined();
  });
});

describe('sessions on the Security page', () => {
  const t = useTestApp({});

  it('lists where the account is signed in, and signs one or all of them out', async () => {
    const root = await t.setupRoot();
    const { email } = await t.signedInAs('auditor', root);
    const laptop = t.client('203.0.113.10');
    const phone = t.client('203.0.113.20');
    await laptop.request('POST', '/api/console/session', { email, password: PASSWORD }, { 'user-agent': 'Laptop Browser/1.0' });
    await phone.request('POST', '/api/console/session', { email, password: PASSWORD }, { 'user-agent': 'Phone Browser/2.0' });
    const listed = await laptop.get('/api/console/account/sessions');
    expect(listed.status).toBe(200);
    const sessions = listed.body.sessions as { id: string; current: boolean; userAgent: string; address: string }[];
    expect(sessions).toHaveLength(3);
    expect(sessions.find((session) => session.current)).toMatchObject({ userAgent: 'Laptop Browser/1.0', address: '203.0.113.10' });
    const phoneSession = sessions.find((session) => session.userAgent === 'Phone Browser/2.0')!;
    expect(phoneSession.address).toBe('203.0.113.20');
    // Nobody else's sessions, and no cookie values or hashes in the list.
    expect(JSON.stringify(listed.body)).not.toContain(phone.cookie!);
    expect((await root.request('DELETE', `/api/console/account/sessions/${phoneSession.id}`)).status).toBe(404);

    expect((await laptop.request('DELETE', `/api/console/account/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/console/session')).status).toBe(401);
    expect((await laptop.get('/api/console/account/sessions')).body.sessions).toHaveLength(2);
    expect((await laptop.request('DELETE', '/api/console/account/sessions')).status).toBe(204);
    expect((await laptop.get('/api/console/session')).status).toBe(401);
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(200);
    const audit = await root.get('/api/console/audit-events?action=account.sessions_end');
    expect(audit.body.events.map((event: { details: unknown }) => event.details)).toEqual([{ session: 'all' }, { session: phoneSession.id }]);
  });
});

describe('changing the password', () => {
  const t = useTestApp({});

  it('needs the current password, ends the other sessions, and is audited', async () => {
    const root = await t.setupRoot();
    const { client, email } = await t.signedInAs('project_user', root);
    const other = t.client();
    expect((await other.signIn(email, PASSWORD)).status).toBe(200);
    const next = 'a brand new password for this account';
    t.logs.rememberSecret(next);
    const wrong = await client.post('/api/console/account/password', { currentPassword: 'not it', newPassword: next });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    expect((await client.post('/api/console/account/password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(422);
    expect((await client.post('/api/console/account/password', { currentPassword: PASSWORD, newPassword: next })).status).toBe(204);
    expect((await client.get('/api/console/session')).status).toBe(200);
    expect((await other.get('/api/console/session')).status).toBe(401);
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(401);
    expect((await t.client().signIn(email, next)).status).toBe(200);
    const audit = await root.get('/api/console/audit-events?action=account.password_change');
    expect(audit.body.events[0]).toMatchObject({ actorLabel: email, targetLabel: email });
  });
});

describe('passkey answers that do not verify', () => {
  const t = useTestApp({});

  it('limits the signed-out calls that store a challenge or an SSO attempt, per client address', async () => {
    await t.setupRoot();
    const flooder = t.client('203.0.113.66');
    const statuses: number[] = [];
    for (let call = 0; call < 31; call++) statuses.push((await flooder.post('/api/console/session/passkey-options')).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const sso = await t.app.inject({ method: 'GET', url: '/api/console/sso/start', headers: { host: 'keyward.test' }, remoteAddress: '203.0.113.66' });
    expect(sso.headers.location).toBe('/?sso_error=too_many');
    // Someone else is not held up by it.
    expect((await t.client('203.0.113.67').post('/api/console/session/passkey-options')).status).toBe(200);
  });

  const forged = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' }, clientExtensionResults: {} };

  it('are refused with one error, whatever is wrong, and a challenge is good once', async () => {
    const root = await t.setupRoot();
    // Passkey-only sign-in: an unknown credential.
    const visitor = t.client();
    const options = await visitor.post('/api/console/session/passkey-options');
    expect(options.status).toBe(200);
    expect(options.headers['cache-control']).toBe('no-store');
    expect(options.body.options).toMatchObject({ rpId: 'keyward.test', userVerification: 'required', allowCredentials: [] });
    const refused = await visitor.post('/api/console/session/passkey', { challengeId: options.body.challengeId, response: forged });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVALID_PASSKEY');
    expect(visitor.cookie).toBeUndefined();
    // Malformed answers are a 422 before anything is looked up.
    expect((await visitor.post('/api/console/session/passkey', { challengeId: options.body.challengeId, response: { ...forged, type: 'password' } })).status).toBe(422);
    expect((await visitor.post('/api/console/session/passkey', { challengeId: 'not-a-uuid', response: forged })).status).toBe(422);

    // Registration: a made-up attestation, and then its (spent) challenge again.
    const registration = await root.post('/api/console/account/passkeys/options');
    expect(registration.body.options).toMatchObject({ rp: { id: 'keyward.test', name: 'Keyward' }, authenticatorSelection: { residentKey: 'required', userVerification: 'required' } });
    const bogus = { ...forged, response: { clientDataJSON: 'e30', attestationObject: 'AAAA' } };
    const first = await root.post('/api/console/account/passkeys', { challengeId: registration.body.challengeId, name: 'Fake', response: bogus });
    expect(first.status).toBe(422);
    expect(first.body.code).toBe('INVALID_PASSKEY');
    expect((await root.get('/api/console/account/security')).body.passkeys).toEqual([]);
    // The second step with a passkey, for an account that has none, is not a way in either.
    const second = await root.post('/api/console/session/second-factor', { method: 'passkey', challengeId: registration.body.challengeId, response: forged });
    expect(second.status).toBe(401);
  });
});
