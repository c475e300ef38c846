import { z } from 'zod';
import { deploymentIdSchema } from './deployments';

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
