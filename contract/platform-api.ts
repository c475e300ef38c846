import { z } from 'zod';
import { DEFAULT_V6_VERSION, DEFAULT_VERSION, isVersionValidFor, majorVersionOf, versionRuleOf, type DeploymentType } from './deployment-types';
import { deploymentIdSchema, deploymentNameSchema } from './deployments';
import { plainText } from './fields';
import { platformOfRegion, REGION_IDS } from './regions';

/**
 * The Platform API's wire format, field for field as EMQX Platform's own
 * (docs.emqx.com, "Deployment Management API", "TLS Certificate Management"), so scripts written
 * for it work against Keyward by changing only the base URL and credentials.
 */
export const publicDeploymentSchema = z.object({
  deploymentID: z.string(),
  deploymentName: z.string(),
  deploymentType: z.enum(['serverless', 'dedicated', 'dedicatedFlex', 'byoc']),
  version: z.enum(['v4', 'v5', 'v6']),
  status: z.enum(['running', 'starting', 'stopping', 'stopped']),
  projectName: z.string(),
  region: z.string(),
  platform: z.string(),
  connections: z.number(),
  tps: z.number(),
  /** "YYYY-MM-DD HH:mm", UTC */
  createAt: z.string(),
});
export type PublicDeployment = z.infer<typeof publicDeploymentSchema>;

export const publicOperationSchema = z.object({
  deploymentID: z.string(),
  deploymentName: z.string(),
  operation: z.enum(['starting', 'stopping']),
});

export const publicProjectSchema = z.object({
  projectID: z.string(),
  projectName: z.string(),
  description: z.string(),
});

export const publicTlsSchema = z.object({
  tlsType: z.enum(['one-way', 'two-way']),
  /** "YYYY-MM-DD HH:mm:ss", UTC */
  expire: z.string(),
  status: z.enum(['running', 'pending']),
  /** The certificate's subject common name ('' when it has none); the Terraform provider keeps it. */
  cn: z.string(),
});

export const publicDeploymentParamsSchema = z.object({ deployment_id: deploymentIdSchema });

const WIRE_TYPE_TO_TYPE = {
  serverless: { v5: 'serverless' },
  dedicated: { v4: 'dedicated_v4', v5: 'dedicated_v5' },
  dedicatedFlex: { v5: 'dedicated_flex', v6: 'dedicated_flex' },
  byoc: { v5: 'byoc' },
} as const satisfies Record<
  PublicDeployment['deploymentType'],
  Partial<Record<PublicDeployment['version'], DeploymentType>>
>;

/** The clouds EMQX Platform names (lower case, as the Terraform provider sends them). */
export const CLOUD_PLATFORMS = ['aws', 'gcp', 'azure', 'aliyun', 'tencent', 'huawei'] as const;
const majorVersionSchema = publicDeploymentSchema.shape.version;

/**
 * `POST /deployments`, as EMQX Platform takes it and as the official Terraform provider sends it
 * (internal/provider/deployment_resource.go: projectID, platform, region, connections, tps,
 * deploymentName, deploymentType, deploymentVersion, freeTrial), and with the names of the
 * deployment list (`version`) that Keyward took first. Known fields are checked; `connections`
 * and `tps` are kept and read back; `freeTrial` means nothing here and is accepted. The result
 * is the type and EMQX version the console would create (no name: the route makes one).
 */
export const publicCreateDeploymentSchema = z
  .object({
    deploymentName: deploymentNameSchema.optional(),
    projectID: z.uuid({ message: 'Give a project ID' }),
    deploymentType: publicDeploymentSchema.shape.deploymentType,
    deploymentVersion: majorVersionSchema.optional(),
    version: majorVersionSchema.optional(),
    region: z.enum(REGION_IDS, { message: 'Choose a region' }),
    platform: z.enum(CLOUD_PLATFORMS, { message: `One of ${CLOUD_PLATFORMS.join(', ')}` }).optional(),
    connections: z.number().int().min(1).max(100_000_000).optional(),
    tps: z.number().int().min(1).max(100_000_000).optional(),
    freeTrial: z.boolean().optional(),
    emqxVersion: plainText(z.string().trim().min(1).max(32)).optional(),
  })
  .strict()
  .transform((request, context) => {
    if (request.deploymentVersion && request.version && request.deploymentVersion !== request.version) {
      context.addIssue({ code: 'custom', path: ['deploymentVersion'], message: 'deploymentVersion and version disagree' });
      return z.NEVER;
    }
    const version = request.deploymentVersion ?? request.version ?? 'v5';
    const versionField = request.deploymentVersion ? 'deploymentVersion' : 'version';
    const regionPlatform = platformOfRegion(request.region);
    if (request.platform && request.platform !== regionPlatform.toLowerCase()) {
      context.addIssue({ code: 'custom', path: ['platform'], message: `${request.region} is a ${regionPlatform} region` });
      return z.NEVER;
    }
    const type: DeploymentType | undefined = (
      WIRE_TYPE_TO_TYPE[request.deploymentType] as Partial<Record<string, DeploymentType>>
    )[version];
    if (!type) {
      const runs = Object.keys(WIRE_TYPE_TO_TYPE[request.deploymentType]).join(' or ');
      context.addIssue({ code: 'custom', path: [versionField], message: `${request.deploymentType} deployments run EMQX ${runs}` });
      return z.NEVER;
    }
    const emqxVersion = request.emqxVersion ?? (version === 'v6' ? DEFAULT_V6_VERSION : DEFAULT_VERSION[type]);
    if (!isVersionValidFor(type, emqxVersion) || majorVersionOf(emqxVersion) !== version) {
      context.addIssue({ code: 'custom', path: ['emqxVersion'], message: `${versionRuleOf(type)}, and ${version} is EMQX ${version.slice(1)}.x` });
      return z.NEVER;
    }
    return {
      name: request.deploymentName,
      projectId: request.projectID,
      type,
      emqxVersion,
      region: request.region,
      maxConnections: request.connections,
      maxTps: request.tps,
    };
  });
