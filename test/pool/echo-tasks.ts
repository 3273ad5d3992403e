// A task module of the test's own, to show the pool runs whatever its caller gives it: one kind, `shout`.
import type { CreateTaskHandlers } from '../../src/edges/pool/index.ts';

export const createTaskHandlers: CreateTaskHandlers = () => ({
  shout: (payload) => ({ value: String(payload).toUpperCase() }),
});
