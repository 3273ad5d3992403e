// A task module of the test's own, to show the pool runs whatever its caller gives it: `shout`, and `spin` (busy for a while).
import type { CreateTaskHandlers } from '../../src/edges/pool/index.ts';

export const createTaskHandlers: CreateTaskHandlers = () => ({
  shout: (payload) => ({ value: String(payload).toUpperCase() }),
  // UTF-8 bytes in (as a batch passes a record, its buffer transferred), their text shouted back.
  shoutBytes: (payload) => ({ value: new TextDecoder().decode(payload as Uint8Array).toUpperCase() }),
  // Busy for `payload` milliseconds, then says how long: a task that can outlast a time limit.
  spin: (payload) => {
    const until = Date.now() + Number(payload);
    while (Date.now() < until);
    return { value: Number(payload) };
  },
});
