import type { Role } from '../../contract/roles';

/** The signed-in account a console request acts for. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
}
