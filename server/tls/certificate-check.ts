import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export type TlsType = 'one-way' | 'two-way';

export interface CertificateMaterial {
  tlsType: TlsType;
  cert: string;
  key: string;
  cacert?: string | undefined;
}

export interface CertificateFacts {
  subject: string;
  subjectAltNames: string[];
  issuer: string;
  validFrom: Date;
  validTo: Date;
  fingerprint256: string;
}

/** Which check failed, in words an operator can act on. */
export class CertificateCheckError extends Error {
  constructor(
    readonly check: 'cert_parse' | 'key_parse' | 'key_mismatch' | 'expired' | 'not_yet_valid' | 'chain' | 'ca_missing' | 'ca_parse' | 'ca_invalid',
    message: string,
  ) {
    super(message);
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function parseCertificates(pem: string, onError: () => CertificateCheckError): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw onError();
  try {
    return blocks.map((block) => new X509Certificate(block));
  } catch {
    throw onError();
  }
}

function parsePrivateKey(pem: string): KeyObject {
  try {
    return createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    const encrypted = /encrypted|passphrase/i.test(String((error as Error).message)) || pem.includes('ENCRYPTED');
    throw new CertificateCheckError(
      'key_parse',
      encrypted
        ? 'The private key is encrypted; upload it without a passphrase.'
        : 'The private key is not a valid PEM private key.',
    );
  }
}

const formatDate = (date: Date) => date.toISOString().replace('.000Z', 'Z');

/**
 * Validates TLS material for real: the certificate parses, the key matches it, it is valid now,
 * each certificate of the chain is issued and signed by the next, and for two-way TLS the client
 * CA parses, is a CA and is valid. Returns what the console shows.
 */
export function checkCertificate(material: CertificateMaterial, now: Date): CertificateFacts {
  const chain = parseCertificates(
    material.cert,
    () => new CertificateCheckError('cert_parse', 'The certificate is not a valid PEM X.509 certificate.'),
  );
  const leaf = chain[0]!;
  const key = parsePrivateKey(material.key);
  if (!leaf.checkPrivateKey(key)) {
    throw new CertificateCheckError('key_mismatch', 'The private key does not match the certificate.');
  }

  for (const certificate of chain) {
    const validFrom = new Date(certificate.validFrom);
    const validTo = new Date(certificate.validTo);
    const which = certificate === leaf ? 'The certificate' : `The chain certificate "${certificate.subject}"`;
    if (now > validTo) throw new CertificateCheckError('expired', `${which} expired on ${formatDate(validTo)}.`);
    if (now < validFrom) throw new CertificateCheckError('not_yet_valid', `${which} is not valid before ${formatDate(validFrom)}.`);
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i]!;
    const parent = chain[i + 1]!;
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) {
      throw new CertificateCheckError(
        'chain',
        `The certificate chain does not link: "${child.subject}" is not signed by "${parent.subject}".`,
      );
    }
  }

  if (material.tlsType === 'two-way') {
    if (!material.cacert?.trim()) {
      throw new CertificateCheckError('ca_missing', 'Two-way TLS needs the client CA certificate (cacert).');
    }
    const authorities = parseCertificates(
      material.cacert,
      () => new CertificateCheckError('ca_parse', 'The client CA certificate is not a valid PEM X.509 certificate.'),
    );
    for (const authority of authorities) {
      if (!authority.ca) {
        throw new CertificateCheckError('ca_invalid', `The client CA certificate "${authority.subject}" is not a CA certificate.`);
      }
      if (now > new Date(authority.validTo)) {
        throw new CertificateCheckError('ca_invalid', `The client CA certificate expired on ${formatDate(new Date(authority.validTo))}.`);
      }
    }
  }

  return {
    subject: leaf.subject.replaceAll('\n', ', '),
    subjectAltNames: (leaf.subjectAltName ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    issuer: leaf.issuer.replaceAll('\n', ', '),
    validFrom: new Date(leaf.validFrom),
    validTo: new Date(leaf.validTo),
    fingerprint256: leaf.fingerprint256,
  };
}
