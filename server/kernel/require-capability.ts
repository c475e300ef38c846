import { can, type Capability } from '../../contract/roles';
import { ForbiddenError } from '../http/domain-errors';
import type { Actor } from './actor';

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor.role, capability)) throw new ForbiddenError();
}
