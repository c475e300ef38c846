import { describe, expect, it } from 'vitest';
import { days, makeCa, makeLeaf } from '../../test/support/certificates';
import { CertificateCheckError, checkCertificate } from './certificate-check';

async function failure(run: () => unknown): Promise<CertificateCheckError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CertificateCheckError) return error;
    throw error;
  }
  throw new Error('expected the check to fail');
}

describe('checkCertificate', () => {
  it('accepts a good one-way certificate and reports its facts', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca, { cn: 'broker.acme.io', dns: ['broker.acme.io', '*.acme.io'] });
    const facts = checkCertificate({ tlsType: 'one-way', cert: leaf.cert, key: leaf.key }, new Date());
    expect(facts.subject).toBe('CN=broker.acme.io');
    expect(facts.issuer).toBe('CN=Keyward Test CA');
    expect(facts.subjectAltNames).toEqual(['DNS:broker.acme.io', 'DNS:*.acme.io']);
    expect(facts.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(facts.validTo.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts a chain whose links verify, and refuses one that does not link', async () => {
    const ca = await makeCa();
    const intermediate = await makeLeaf(ca, { cn: 'Intermediate', ca: true });
    const leaf = await makeLeaf({ ...intermediate, name: 'CN=Intermediate' }, { cn: 'leaf.acme.io' });
    expect(() => checkCertificate({ tlsType: 'one-way', cert: leaf.cert + intermediate.cert, key: leaf.key }, new Date())).not.toThrow();

    const stranger = await makeCa({ name: 'CN=Stranger' });
    const error = await failure(() => checkCertificate({ tlsType: 'one-way', cert: leaf.cert + stranger.cert, key: leaf.key }, new Date()));
    expect(error.check).toBe('chain');
  });

  it('refuses an expired certificate, naming the date', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca, { from: days(-30), to: days(-1) });
    const error = await failure(() => checkCertificate({ tlsType: 'one-way', cert: leaf.cert, key: leaf.key }, new Date()));
    expect(error.check).toBe('expired');
    expect(error.message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
  });

  it('refuses a key that belongs to another certificate', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca);
    const other = await makeLeaf(ca);
    const error = await failure(() => checkCertificate({ tlsType: 'one-way', cert: leaf.cert, key: other.key }, new Date()));
    expect(error.check).toBe('key_mismatch');
  });

  it('refuses two-way TLS without a client CA, and with a CA that is not a CA', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca);
    expect((await failure(() => checkCertificate({ tlsType: 'two-way', cert: leaf.cert, key: leaf.key }, new Date()))).check).toBe('ca_missing');
    const notCa = await makeLeaf(ca);
    const error = await failure(() =>
      checkCertificate({ tlsType: 'two-way', cert: leaf.cert, key: leaf.key, cacert: notCa.cert }, new Date()),
    );
    expect(error.check).toBe('ca_invalid');
    expect(() => checkCertificate({ tlsType: 'two-way', cert: leaf.cert, key: leaf.key, cacert: ca.cert }, new Date())).not.toThrow();
  });

  it('refuses text that is not PEM', async () => {
    const ca = await makeCa();
    const leaf = await makeLeaf(ca);
    expect((await failure(() => checkCertificate({ tlsType: 'one-way', cert: 'hello', key: leaf.key }, new Date()))).check).toBe('cert_parse');
    expect((await failure(() => checkCertificate({ tlsType: 'one-way', cert: leaf.cert, key: 'nope' }, new Date()))).check).toBe('key_parse');
  });
});
