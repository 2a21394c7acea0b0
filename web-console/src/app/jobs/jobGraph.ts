/**
 * The running job's graph for the job view: the chains of the physical plan (`POST /api/v1/pipelines:plan` on the
 * job's spec) or, without a plan, the chains named by the job's tasks; each with the metrics of its subtasks
 * (`GET /api/v1/jobs/{id}/metrics`) summed (rates, Kafka lag) or maxed (backpressure, watermark lag).
 */
import type { Job, Plan, TaskRates } from '../api/types';

export interface ChainView {
  readonly id: string;
  readonly operators: readonly { readonly id: string; readonly kind: string }[];
  readonly parallelism: number;
  /** Null until a subtask has reported twice (a rate needs two readings). */
  readonly recordsInPerSecond: number | null;
  readonly recordsOutPerSecond: number | null;
  readonly backpressure: number;
  readonly watermarkLagMillis: number | null;
  readonly kafkaLag: number | null;
  readonly reporting: number;
}

export interface JobGraph {
  readonly chains: readonly ChainView[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly partitioning: string }[];
  /** Chains in layers left to right (sources first). */
  readonly layers: readonly (readonly string[])[];
}

/** Flink's bands: below 10 % a task is not backpressured, from 50 % it is highly backpressured. */
export const BACKPRESSURED = 0.1;
export const HIGH_BACKPRESSURE = 0.5;

export type PressureLevel = 'ok' | 'low' | 'high';

export function pressureLevel(ratio: number): PressureLevel {
  return ratio >= HIGH_BACKPRESSURE ? 'high' : ratio >= BACKPRESSURED ? 'low' : 'ok';
}

function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function maxOrNull(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : Math.max(...present);
}

export function buildJobGraph(plan: Plan | null, job: Pick<Job, 'tasks'>, tasks: readonly TaskRates[]): JobGraph {
  const byChain = new Map<string, TaskRates[]>();
  for (const t of tasks) byChain.set(t.chainId, [...(byChain.get(t.chainId) ?? []), t]);
  const shapes = plan
    ? plan.chains.map((c) => ({ id: c.id, operators: c.operators.map((o) => ({ id: o.id, kind: o.kind })), parallelism: c.parallelism }))
    : [...new Set([...job.tasks.map((t) => t.chainId), ...byChain.keys()])].map((id) => ({ id, operators: [], parallelism: job.tasks.filter((t) => t.chainId === id).length }));
  const chains: ChainView[] = shapes.map((shape) => {
    const rates = byChain.get(shape.id) ?? [];
    return {
      ...shape,
      recordsInPerSecond: sumOrNull(rates.map((r) => r.recordsInPerSecond)),
      recordsOutPerSecond: sumOrNull(rates.map((r) => r.recordsOutPerSecond)),
      backpressure: maxOrNull(rates.map((r) => r.backpressureRatio)) ?? 0,
      watermarkLagMillis: maxOrNull(rates.map((r) => r.watermarkLagMillis)),
      kafkaLag: sumOrNull(rates.map((r) => r.kafkaLag)),
      reporting: rates.length,
    };
  });
  const seen = new Set<string>();
  const edges = (plan?.edges ?? [])
    .map((e) => ({ from: e.sourceChain, to: e.targetChain, partitioning: e.partitioning }))
    .filter((e) => {
      const key = `${e.from}→${e.to}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { chains, edges, layers: layersOf(chains.map((c) => c.id), edges) };
}

/** Longest-path layering: a chain sits one layer right of its furthest upstream chain. */
export function layersOf(ids: readonly string[], edges: readonly { from: string; to: string }[]): string[][] {
  const depth = new Map<string, number>(ids.map((id) => [id, 0]));
  // Bounded relaxation: a plan is acyclic, the bound only guards against a malformed answer.
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const e of edges) {
      const next = (depth.get(e.from) ?? 0) + 1;
      if (depth.has(e.to) && next > depth.get(e.to)!) {
        depth.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const layers: string[][] = [];
  for (const id of ids) (layers[depth.get(id)!] ??= []).push(id);
  return layers.filter((l) => l !== undefined);
}

export function formatRate(value: number | null): string {
  if (value === null) return '—';
  return value >= 1000 ? `${(value / 1000).toFixed(1)}k/s` : `${value.toFixed(value < 10 ? 1 : 0)}/s`;
}

export function formatLag(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} min`;
}
