/** The JSON shapes of the control plane's REST API the console reads (control-plane/src/main/java/.../rest). */

export interface VersionSummary {
  readonly version: number;
  readonly format: string;
  readonly specHash: string;
  readonly author: string;
  readonly createdAt: string;
  readonly spec?: string;
}

export interface PipelineSummary {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly latestVersion: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly etag?: string;
  readonly outcome?: 'CREATED' | 'VERSION_ADDED' | 'UNCHANGED';
  readonly latest?: VersionSummary;
}

export type JobState = 'CREATED' | 'SCHEDULED' | 'WAITING_FOR_SLOTS' | 'DEPLOYING' | 'RUNNING' | 'RESTARTING' | 'FAILING' | 'CANCELLING' | 'CANCELED' | 'FAILED' | 'FINISHED' | string;

export interface JobTask {
  readonly chainId: string;
  readonly subtask: number;
  readonly workerId: string | null;
  readonly state: string;
  readonly failure: string | null;
}

export interface Job {
  readonly id: string;
  readonly name: string;
  readonly state: JobState;
  readonly stateReason: string | null;
  readonly stateChangedAt: string;
  readonly desiredState: string;
  readonly pipeline: { readonly id: string; readonly name: string; readonly version: number } | null;
  readonly attempt: number;
  readonly parallelism: number | null;
  readonly failureCount: number;
  readonly lastFailure: string | null;
  readonly createdAt: string;
  readonly tasks: readonly JobTask[];
}

export interface Checkpoint {
  readonly id: number;
  readonly attempt: number;
  readonly kind: 'CHECKPOINT' | 'SAVEPOINT' | string;
  readonly status: 'COMPLETED' | 'FAILED' | string;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly stateSizeBytes: number;
  readonly failureReason: string | null;
  readonly usable: boolean;
  readonly unusableReason: string | null;
}

export interface JobFailure {
  readonly attempt: number;
  readonly outcome: 'FAILING' | 'FAILED' | string;
  readonly cause: string;
  readonly at: string;
}

export interface TaskRates {
  readonly chainId: string;
  readonly subtask: number;
  readonly attempt: number;
  readonly workerId: string | null;
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly recordsInPerSecond: number | null;
  readonly recordsOutPerSecond: number | null;
  readonly backpressureRatio: number;
  readonly watermarkLagMillis: number | null;
  readonly reportedAt: string;
  /** Not in the API yet (see README): consumer lag of a Kafka source task, records. */
  readonly kafkaLag?: number | null;
}

export interface JobMetrics {
  readonly jobId: string;
  readonly state: string;
  readonly recordsInPerSecond: number | null;
  readonly recordsOutPerSecond: number | null;
  readonly maxBackpressureRatio: number;
  readonly maxWatermarkLagMillis: number | null;
  readonly tasks: readonly TaskRates[];
  /** The control plane's hint (its BottleneckRule); null when no task limits the job. */
  readonly bottleneck?: Bottleneck | null;
}

/** The task that limits a job's throughput: busy nearly all the time while an input task waits on it. */
export interface Bottleneck {
  readonly chainId: string;
  readonly nodes: readonly string[];
  /** Its busiest subtask (one hot subtask means skewed keys). */
  readonly subtask: number;
  readonly busyRatio: number;
  readonly backpressureRatio: number;
  readonly backpressuredInputs: readonly { readonly chainId: string; readonly backpressureRatio: number }[];
  /** One line for people, written by the control plane. */
  readonly reason: string;
}

export interface Plan {
  readonly name: string;
  readonly maxParallelism: number;
  readonly subtasks: number;
  readonly chains: readonly { readonly id: string; readonly parallelism: number; readonly keyed: boolean; readonly operators: readonly { readonly id: string; readonly kind: string; readonly keyed: boolean }[] }[];
  readonly edges: readonly {
    readonly sourceChain: string;
    readonly sourceNode: string;
    readonly sourceOutput: string;
    readonly targetChain: string;
    readonly targetNode: string;
    readonly targetInput: number;
    readonly partitioning: string;
    readonly keyExpression: string | null;
  }[];
}

export interface Member {
  readonly userId: string;
  readonly username: string;
  readonly role: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdBy: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt?: string | null;
  readonly lastUsedAt?: string | null;
  readonly secret?: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorTokenId: string | null;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly beforeHash: string | null;
  readonly afterHash: string | null;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly nextBefore: number | null;
}

export interface PreviewReport {
  readonly nodes: Readonly<Record<string, { readonly records: readonly unknown[]; readonly count: number; readonly truncated: boolean }>>;
  readonly errors: readonly { readonly nodeId: string; readonly message: string }[];
  readonly deadLetters: readonly unknown[];
  readonly elapsedMs: number;
  readonly limitHit: boolean;
  readonly workerId: string;
}

export interface InferredSchema {
  readonly schema: { readonly fields: readonly { readonly name: string; readonly type: string }[] };
  readonly notes: readonly string[];
  readonly samples: number;
}

export const TERMINAL_STATES: ReadonlySet<string> = new Set(['CANCELED', 'FAILED', 'FINISHED', 'STOPPED']);

/** Path segment encoding for names and ids (a pipeline name never has a slash, but be safe). */
export const seg = (value: string | number) => encodeURIComponent(String(value));
