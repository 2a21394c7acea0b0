/**
 * What the console bundles at build time from pipeline-spec (never copied by hand): the published JSON Schema, the
 * fallback while the control plane does not serve `GET /api/v1/catalog`, and the spec examples offered as templates
 * until `GET /api/v1/catalog/examples` exists.
 */
import schema from '@pipeline-spec/src/main/resources/io/millrace/spec/schema/pipeline.schema.json';
import type { JsonSchema } from './nodeKinds';

export const bundledSchema = schema as unknown as JsonSchema;

export interface Template {
  /** Path under pipeline-spec/examples, e.g. `nexmark/q5-hot-items.yaml`. */
  readonly name: string;
  /** The first comment line, when the example has one. */
  readonly title: string;
  readonly text: string;
}

const files = import.meta.glob('@pipeline-spec/examples/**/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const bundledTemplates: readonly Template[] = Object.entries(files)
  .map(([path, text]) => ({
    name: path.replace(/^.*\/examples\//, ''),
    title: /^#\s*(.+)$/m.exec(text.split('\n')[0])?.[1] ?? path.replace(/^.*\//, ''),
    text,
  }))
  .sort((a, b) => a.name.localeCompare(b.name));
