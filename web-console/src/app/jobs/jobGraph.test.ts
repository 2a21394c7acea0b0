import { describe, expect, it } from 'vitest';
import type { Plan, TaskRates } from '../api/types';
import { buildJobGraph, formatLag, formatRate, layersOf, pressureLevel } from './jobGraph';

const plan: Plan = {
  name: 'wc',
  maxParallelism: 128,
  subtasks: 5,
  chains: [
    { id: 'c0', parallelism: 2, keyed: false, operators: [{ id: 'lines', kind: 'kafka-source', keyed: false }, { id: 'words', kind: 'flat-map', keyed: false }] },
    { id: 'c1', parallelism: 2, keyed: true, operators: [{ id: 'counts', kind: 'window-aggregate', keyed: true }] },
    { id: 'c2', parallelism: 1, keyed: false, operators: [{ id: 'out', kind: 'kafka-sink', keyed: false }] },
  ],
  edges: [
    { sourceChain: 'c0', sourceNode: 'words', sourceOutput: 'main', targetChain: 'c1', targetNode: 'counts', targetInput: 0, partitioning: 'HASH', keyExpression: 'value.word' },
    { sourceChain: 'c1', sourceNode: 'counts', sourceOutput: 'main', targetChain: 'c2', targetNode: 'out', targetInput: 0, partitioning: 'REBALANCE', keyExpression: null },
  ],
};

function rates(chainId: string, subtask: number, inRate: number | null, outRate: number | null, backpressure: number, lag: number | null = null, kafkaLag?: number): TaskRates {
  return { chainId, subtask, attempt: 1, workerId: 'w', recordsIn: 0, recordsOut: 0, recordsInPerSecond: inRate, recordsOutPerSecond: outRate, backpressureRatio: backpressure, watermarkLagMillis: lag, reportedAt: '', kafkaLag };
}

describe('the job graph', () => {
  it('sums rates and Kafka lag over subtasks, takes the worst backpressure and watermark lag', () => {
    const graph = buildJobGraph(plan, { tasks: [] }, [rates('c0', 0, 100, 300, 0.2, 50, 7), rates('c0', 1, 50, 150, 0.6, 80, 3), rates('c1', 0, 450, 10, 0)]);
    const c0 = graph.chains.find((c) => c.id === 'c0')!;
    expect(c0.recordsInPerSecond).toBe(150);
    expect(c0.recordsOutPerSecond).toBe(450);
    expect(c0.backpressure).toBe(0.6);
    expect(c0.watermarkLagMillis).toBe(80);
    expect(c0.kafkaLag).toBe(10);
    expect(c0.operators.map((o) => o.id)).toEqual(['lines', 'words']);
    const c2 = graph.chains.find((c) => c.id === 'c2')!;
    expect([c2.recordsInPerSecond, c2.reporting, c2.kafkaLag]).toEqual([null, 0, null]);
    expect(graph.layers).toEqual([['c0'], ['c1'], ['c2']]);
  });

  it('falls back to the chains of the job tasks without a plan', () => {
    const graph = buildJobGraph(null, { tasks: [{ chainId: 'x', subtask: 0, workerId: null, state: 'RUNNING', failure: null }, { chainId: 'x', subtask: 1, workerId: null, state: 'RUNNING', failure: null }] }, [rates('x', 0, 5, 5, 0)]);
    expect(graph.chains.map((c) => [c.id, c.parallelism, c.recordsInPerSecond])).toEqual([['x', 2, 5]]);
    expect(graph.edges).toEqual([]);
  });

  it('layers a diamond by its longest path', () => {
    expect(layersOf(['a', 'b', 'c', 'd'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'd' }, { from: 'a', to: 'd' }, { from: 'c', to: 'd' }])).toEqual([['a', 'c'], ['b'], ['d']]);
  });
});

describe('bands and numbers', () => {
  it('colours by Flink bands and formats numbers for people', () => {
    expect([pressureLevel(0.05), pressureLevel(0.1), pressureLevel(0.5)]).toEqual(['ok', 'low', 'high']);
    expect([formatRate(null), formatRate(2.25), formatRate(1500)]).toEqual(['—', '2.3/s', '1.5k/s']);
    expect([formatLag(200), formatLag(2500), formatLag(120_000)]).toEqual(['200 ms', '2.5 s', '2.0 min']);
  });
});
