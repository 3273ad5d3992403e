import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../src/core/data/lazy-schema.ts';

describe('lazySchema', () => {
  it('builds the schema on first use only, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ name: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ name: 'Reuters' })).toEqual({ name: 'Reuters' });
    expect(schema.safeParse({ name: 5 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('composes, validates and converts to JSON Schema as the schema it stands for', () => {
    const make = () => z.object({ start: z.number().int().nonnegative(), text: z.string() });
    const eager = z.object({ evidence: z.array(make()).min(1), first: make().optional() });
    const lazy = z.object({ evidence: z.array(lazySchema(make)).min(1), first: lazySchema(make).optional() });
    expect(z.toJSONSchema(lazy)).toEqual(z.toJSONSchema(eager));
    const bad = { evidence: [{ start: -1, text: 'x' }] };
    expect(lazy.safeParse(bad).error?.issues).toEqual(eager.safeParse(bad).error?.issues);
    expect(lazySchema(make).extend({ end: z.number() }).parse({ start: 1, text: 'a', end: 2 })).toEqual({ start: 1, text: 'a', end: 2 });
  });
});
