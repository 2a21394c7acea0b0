import { describe, expect, it } from 'vitest';
import { recordPhase, timedPhase } from './phaseTiming';

const measures = (name: string) => performance.getEntriesByName(`millrace:${name}`, 'measure');

describe('phase timing', () => {
  it('records the duration of the work under millrace:<phase>, keeping only the latest one', () => {
    const result = timedPhase('unit-test', () => {
      const until = performance.now() + 5;
      while (performance.now() < until) {
        // busy on purpose: the phase must last
      }
      return 42;
    });
    expect(result).toBe(42);
    expect(measures('unit-test')).toHaveLength(1);
    expect(measures('unit-test')[0].duration).toBeGreaterThanOrEqual(5);
    recordPhase('unit-test', performance.now());
    expect(measures('unit-test')).toHaveLength(1);
    expect(measures('unit-test')[0].duration).toBeLessThan(5);
  });

  it('records a phase whose work throws, and rethrows', () => {
    expect(() => timedPhase('unit-throws', () => { throw new Error('refused'); })).toThrow('refused');
    expect(measures('unit-throws')).toHaveLength(1);
  });
});
