import { describe, expect, it } from 'vitest';
import {
  deploymentApiBase,
  deploymentKeyUsage,
  harmlessGet,
  platformApiBase,
  platformKeyUsage,
} from './key-usage';

describe('key usage', () => {
  it('offers a GET the key holds with nothing to fill in, or any for full access', () => {
    expect(harmlessGet({ fullAccess: true, permissions: [] })).toBe('/clients');
    expect(
      harmlessGet({
        fullAccess: false,
        permissions: [
          { method: 'DELETE', path: '/clients/{clientid}' },
          { method: 'GET', path: '/clients/{clientid}' },
          { method: 'GET', path: '/nodes' },
        ],
      }),
    ).toBe('/nodes');
    expect(
      harmlessGet({ fullAccess: false, permissions: [{ method: 'POST', path: '/publish' }] }),
    ).toBeNull();
  });

  it('writes a curl line and environment variables that a shell reads back as given', () => {
    const base = deploymentApiBase('http://k.test', 'a1234567', '/api/v5');
    const usage = deploymentKeyUsage(base, 'kwa_1', "kwds_it's", '/clients');
    expect(usage.curl).toBe(
      `curl -u 'kwa_1:kwds_it'\\''s' 'http://k.test/api/deployments/a1234567/api/v5/clients'`,
    );
    expect(usage.env).toContain("export EMQX_APP_SECRET='kwds_it'\\''s'");
    expect(deploymentKeyUsage(base, 'kwa_1', 's', null).curl).toBeNull();
    expect(
      platformKeyUsage(platformApiBase('http://k.test'), 'kwk_1', 's', ['project_management']).curl,
    ).toBe(`curl -u 'kwk_1:s' 'http://k.test/public_api/v1/projects'`);
    // A TLS-only key reads a deployment's certificate, when one it may reach is known.
    const tlsOnly = ['tls_certificate_management'];
    expect(
      platformKeyUsage(platformApiBase('http://k.test'), 'kwk_1', 's', tlsOnly, 'd1').curl,
    ).toBe(`curl -u 'kwk_1:s' 'http://k.test/public_api/v1/deployments/d1/tls'`);
    expect(
      platformKeyUsage(platformApiBase('http://k.test'), 'kwk_1', 's', tlsOnly).curl,
    ).toBeNull();
  });
});
