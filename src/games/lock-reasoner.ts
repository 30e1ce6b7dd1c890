/** The lock's exact reasoner, under the name the engine's callers know; it lives with the lock's rules. */
export { lockReasoner } from './lock.js';
