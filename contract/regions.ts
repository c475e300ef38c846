/** Where a deployment runs: EMQX Platform reports both the cloud ("platform") and the region. */
export const REGIONS = [
  { id: 'us-east-1', platform: 'AWS', name: 'US East (N. Virginia)' },
  { id: 'us-west-2', platform: 'AWS', name: 'US West (Oregon)' },
  { id: 'eu-central-1', platform: 'AWS', name: 'Europe (Frankfurt)' },
  { id: 'ap-southeast-1', platform: 'AWS', name: 'Asia Pacific (Singapore)' },
  { id: 'europe-west1', platform: 'GCP', name: 'Belgium' },
  { id: 'us-central1', platform: 'GCP', name: 'Iowa' },
  { id: 'westeurope', platform: 'Azure', name: 'West Europe' },
  { id: 'eastus', platform: 'Azure', name: 'East US' },
] as const;

export type RegionId = (typeof REGIONS)[number]['id'];
export const REGION_IDS = REGIONS.map((region) => region.id) as [RegionId, ...RegionId[]];

export function platformOfRegion(regionId: string): string {
  return REGIONS.find((region) => region.id === regionId)?.platform ?? 'AWS';
}
