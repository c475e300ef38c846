import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { freshServerEnvironment, signInOverHttp, startServerProcess } from '../support/child-server';
import { expectNoSecretsIn } from '../support/log-capture';
import { testStoreKind } from '../support/test-store';

const ROOT = { email: 'root@example.com', password: 'root recovery test password' };
const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url));

/** `npm run keyward -- <args>` as the operator runs it, from source. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`the offline recovery of a Root account's second factor (${testStoreKind})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('`npm run keyward -- reset-root-2fa` lets a Root who lost both authenticator and recovery codes back in, audited', async () => {
    const env = await freshServerEnvironment(ROOT, cleanups);

    let server = await startServerProcess(env);
    const call = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    const setup = (await call('POST', '/api/console/account/totp', {})).body;
    const code = new TOTP({ secret: Secret.fromBase32(setup.secret) }).generate();
    const confirmed = await call('POST', '/api/console/account/totp/confirm', { code });
    expect(confirmed.status).toBe(200);
    // The password alone no longer signs Root in.
    await expect(signInOverHttp(server.url, ROOT.email, ROOT.password)).rejects.toThrow('401');
    server.child.kill('SIGTERM');
    await server.exited;

    expect((await runCli([], env)).code).toBe(2);
    const reset = await runCli(['reset-root-2fa'], env);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(`Removed the second factors of ${ROOT.email}`);

    server = await startServerProcess(env);
    cleanups.push(() => void server.child.kill('SIGKILL'));
    const again = await signInOverHttp(server.url, ROOT.email, ROOT.password);
    expect((await again('GET', '/api/console/account/security')).body).toMatchObject({ totp: false, recoveryCodesLeft: 0 });
    const audit = (await again('GET', '/api/console/audit-events?action=user.two_factor_reset')).body.events;
    expect(audit[0]).toMatchObject({ actorType: 'system', actorLabel: 'server console (reset-root-2fa)', targetLabel: ROOT.email });
    expectNoSecretsIn(server.log().split('\n'), [setup.secret, ...confirmed.body.codes, ROOT.password]);
  });
});
