// Bench only (`node --import tsx --import` this file): the bench's own Node servers keep a tick
// object as Keyward does (server/kernel/tick-object-shapes.ts), so that after full collections
// the servers Keyward is compared with do not pay for a V8 quirk that Keyward avoids.
import { keepTickObjectShapes } from '../../server/kernel/tick-object-shapes';

keepTickObjectShapes();
