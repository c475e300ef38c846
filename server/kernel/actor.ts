import type { Role } from '../../contract/roles';

/** The signed-in account a console request acts for, and where the request came from. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  address: string | null;
}
