import { z } from 'zod';
import { DEFAULT_VERSION, isVersionValidFor, type DeploymentType } from './deployment-types';
import { deploymentIdSchema, deploymentNameSchema } from './deployments';
import { plainText } from './fields';
import { REGION_IDS } from './regions';

/**
 * The Platform API's wire format, field for field as EMQX Platform's own
 * (docs.emqx.com, "Deployment Management API", "TLS Certificate Management"), so scripts written
 * for it work against Keyward by changing only the base URL and credentials.
 */
export const publicDeploymentSchema = z.object({
  deploymentID: z.string(),
  deploymentName: z.string(),
  deploymentType: z.enum(['serverless', 'dedicated', 'dedicatedFlex', 'byoc']),
  version: z.enum(['v4', 'v5']),
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
});

export const publicDeploymentParamsSchema = z.object({ deployment_id: deploymentIdSchema });

const WIRE_TYPE_TO_TYPE = {
  serverless: { v5: 'serverless' },
  dedicated: { v4: 'dedicated_v4', v5: 'dedicated_v5' },
  dedicatedFlex: { v5: 'dedicated_flex' },
  byoc: { v5: 'byoc' },
} as const satisfies Record<
  PublicDeployment['deploymentType'],
  Partial<Record<PublicDeployment['version'], DeploymentType>>
>;

/**
 * `POST /deployments`: the fields are named as in EMQX Platform's deployment list (deploymentName,
 * projectID, deploymentType, version, region), so what a script reads it can send back. The
 * result is the type and EMQX version the console would create.
 */
export const publicCreateDeploymentSchema = z
  .object({
    deploymentName: deploymentNameSchema,
    projectID: z.uuid({ message: 'Give a project ID' }),
    deploymentType: publicDeploymentSchema.shape.deploymentType,
    version: publicDeploymentSchema.shape.version.default('v5'),
    region: z.enum(REGION_IDS, { message: 'Choose a region' }),
    emqxVersion: plainText(z.string().trim().min(1).max(32)).optional(),
  })
  .strict()
  .transform((request, context) => {
    const type: DeploymentType | undefined = (
      WIRE_TYPE_TO_TYPE[request.deploymentType] as Partial<Record<string, DeploymentType>>
    )[request.version];
    if (!type) {
      context.addIssue({
        code: 'custom',
        path: ['version'],
        message: `${request.deploymentType} deployments run EMQX v5`,
      });
      return z.NEVER;
    }
    const emqxVersion = request.emqxVersion ?? DEFAULT_VERSION[type];
    if (!isVersionValidFor(type, emqxVersion)) {
      context.addIssue({
        code: 'custom',
        path: ['emqxVersion'],
        message:
          type === 'dedicated_v4' ? 'Dedicated v4 runs EMQX 4.4.x' : 'This type runs EMQX 5.x',
      });
      return z.NEVER;
    }
    return {
      name: request.deploymentName,
      projectId: request.projectID,
      type,
      emqxVersion,
      region: request.region,
    };
  });
