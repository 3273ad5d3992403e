// A task module of the test's own, to show the pool runs whatever its caller gives it: `shout`, and `spin`
// (holds its worker for the milliseconds it is given, as a long analysis does, then answers them).
import type { CreateTaskHandlers } from '../../src/edges/pool/index.ts';

export const createTaskHandlers: CreateTaskHandlers = () => ({
  shout: (payload) => ({ value: String(payload).toUpperCase() }),
  spin: (payload) => {
    const until = Date.now() + Number(payload);
    while (Date.now() < until);
    return { value: payload };
  },
});
