import type { TlsSummary, TlsUploadRequest } from '../../contract/deployments';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/store';
import type { DeploymentAccess } from '../deployments/deployment-access';
import { deleteTls, findTls, upsertTls, type TlsRow } from '../deployments/deployments-data';
import type { DeploymentsService } from '../deployments/deployments-service';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../http/domain-errors';
import type { SecretBox } from '../secrets/secret-box';
import { CertificateCheckError, checkCertificate } from './certificate-check';
import { ERROR_CODES } from '../../contract/errors';

const EXPIRY_WARNING_MS = 30 * 86_400_000;

/** One TLS certificate per Dedicated-family deployment: the console's section and the Platform API's /tls. */
export function createTlsService(deps: { db: Database; now: () => number; secretBox: SecretBox; deployments: DeploymentsService }) {
  const { db, now, secretBox, deployments } = deps;

  function summary(row: TlsRow): TlsSummary {
    return {
      tlsType: row.tlsType as TlsSummary['tlsType'],
      subject: row.subject,
      subjectAltNames: row.subjectAltNames,
      issuer: row.issuer,
      validFrom: row.validFrom.toISOString(),
      validTo: row.validTo.toISOString(),
      fingerprint256: row.fingerprint256,
      hasClientCa: row.caCertPem !== null,
      expiresWithin30Days: row.validTo.getTime() - now() < EXPIRY_WARNING_MS,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function dedicated(access: DeploymentAccess, deploymentId: string) {
    const deployment = await deployments.visible(access, deploymentId);
    deployments.requireDedicated(deployment, 'TLS certificate management');
    return deployment;
  }

  return {
    /** The certificate, or null when the deployment has none. */
    async get(access: DeploymentAccess, deploymentId: string): Promise<TlsSummary | null> {
      await dedicated(access, deploymentId);
      const row = await findTls(db, deploymentId);
      return row ? summary(row) : null;
    },

    /** `create` refuses when one exists, `replace` when none does, `upsert` does either. */
    async save(
      access: DeploymentAccess,
      deploymentId: string,
      material: TlsUploadRequest,
      mode: 'create' | 'replace' | 'upsert',
    ): Promise<TlsSummary> {
      const deployment = await dedicated(access, deploymentId);
      if (!access.mayConfigure) throw new ForbiddenError();
      const existing = await findTls(db, deploymentId);
      if (mode === 'create' && existing) {
        throw new ConflictError('This deployment already has a TLS certificate; replace it with PUT.', ERROR_CODES.tlsExists);
      }
      if (mode === 'replace' && !existing) throw new NotFoundError('This deployment has no TLS certificate yet.');

      let facts;
      try {
        facts = checkCertificate(material, new Date(now()));
      } catch (error) {
        if (error instanceof CertificateCheckError) {
          throw new InvalidError(error.message, { check: error.check }, ERROR_CODES.tlsCertificateInvalid);
        }
        throw error;
      }
      const at = new Date(now());
      await db.transaction(async (tx) => {
        await upsertTls(tx, {
          deploymentId,
          tlsType: material.tlsType,
          certPem: material.cert,
          keySealed: secretBox.seal(material.key),
          caCertPem: material.tlsType === 'two-way' ? (material.cacert ?? null) : null,
          subject: facts.subject,
          subjectAltNames: facts.subjectAltNames,
          issuer: facts.issuer,
          validFrom: facts.validFrom,
          validTo: facts.validTo,
          fingerprint256: facts.fingerprint256,
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
        });
        await recordAudit(tx, access.auditActor, {
          action: existing ? 'tls.replace' : 'tls.create',
          targetType: 'deployment',
          targetId: deploymentId,
          targetLabel: deployment.name,
          details: { tlsType: material.tlsType, subject: facts.subject, fingerprint256: facts.fingerprint256, validTo: facts.validTo.toISOString() },
        });
      });
      return summary((await findTls(db, deploymentId))!);
    },

    async remove(access: DeploymentAccess, deploymentId: string): Promise<void> {
      const deployment = await dedicated(access, deploymentId);
      if (!access.mayConfigure) throw new ForbiddenError();
      const existing = await findTls(db, deploymentId);
      if (!existing) throw new NotFoundError('This deployment has no TLS certificate.');
      await db.transaction(async (tx) => {
        await deleteTls(tx, deploymentId);
        await recordAudit(tx, access.auditActor, {
          action: 'tls.delete',
          targetType: 'deployment',
          targetId: deploymentId,
          targetLabel: deployment.name,
          details: { fingerprint256: existing.fingerprint256 },
        });
      });
    },
  };
}

export type TlsService = ReturnType<typeof createTlsService>;
