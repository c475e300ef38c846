import type { UsageOutcome } from '@contract/usage-outcomes';

/** One Mantine colour per outcome: greens served, reds refused, greys the rest. */
export const OUTCOME_COLORS: Record<UsageOutcome, string> = {
  success: 'teal',
  upstream_4xx: 'yellow',
  upstream_5xx: 'orange',
  denied_403: 'red',
  unauthorized_401: 'pink',
  limited_429: 'grape',
  unavailable_503: 'gray',
  bad_request: 'indigo',
};
