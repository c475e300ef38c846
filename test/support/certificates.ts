import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface TestCertificate {
  cert: string;
  key: string;
  keys: webcrypto.CryptoKeyPair;
  name: string;
}

async function keyPem(keys: webcrypto.CryptoKeyPair): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as webcrypto.CryptoKey), 'PRIVATE KEY');
}

let serial = 1;

/**
 * Real certificates for tests: a CA, and leaves it signs, with chosen validity windows, made
 * with WebCrypto (ECDSA P-256) so that every check runs against genuine X.509 material.
 */
export async function makeCa(options: { name?: string; from?: Date; to?: Date } = {}): Promise<TestCertificate> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const name = options.name ?? 'CN=Keyward Test CA';
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: String(++serial).padStart(2, '0'),
    name,
    notBefore: options.from ?? new Date(Date.now() - DAY),
    notAfter: options.to ?? new Date(Date.now() + 3650 * DAY),
    keys: keys as webcrypto.CryptoKeyPair,
    signingAlgorithm: ALGORITHM,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  return { cert: certificate.toString('pem'), key: await keyPem(keys as webcrypto.CryptoKeyPair), keys: keys as webcrypto.CryptoKeyPair, name };
}

export async function makeLeaf(
  issuer: TestCertificate,
  options: { cn?: string; dns?: string[]; from?: Date; to?: Date; ca?: boolean } = {},
): Promise<TestCertificate> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const name = `CN=${options.cn ?? 'mqtt.example.com'}`;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: String(++serial).padStart(2, '0'),
    subject: name,
    issuer: issuer.name,
    notBefore: options.from ?? new Date(Date.now() - DAY),
    notAfter: options.to ?? new Date(Date.now() + 365 * DAY),
    publicKey: keys.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(Boolean(options.ca), undefined, true),
      new x509.SubjectAlternativeNameExtension((options.dns ?? ['mqtt.example.com']).map((value) => ({ type: 'dns', value }))),
    ],
  });
  return { cert: certificate.toString('pem'), key: await keyPem(keys as webcrypto.CryptoKeyPair), keys: keys as webcrypto.CryptoKeyPair, name };
}

export const days = (n: number) => new Date(Date.now() + n * DAY);
