/**
 * Inline form validation against the same JSON Schema the palette comes from (Ajv, draft 2020-12). This is only the
 * form's instant feedback; the verdict on a pipeline is the server's (`POST /api/v1/pipelines:validate`).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import type { JsonSchema, NodeKind } from '../catalog/nodeKinds';

export interface SchemaValidator {
  /** Messages by JSON pointer inside the node (`/topic`, `/window/size`, `` for the node itself). */
  validateNode(kind: NodeKind, node: Record<string, unknown>): Map<string, string[]>;
}

/**
 * Compiles the schema's validators ahead of use. The first compile takes ~150 ms (Node, quiet machine); done while
 * the page is idle, it is not paid by the first node the user selects.
 */
export function warmUp(validator: SchemaValidator, kinds: Iterable<NodeKind>): void {
  for (const kind of kinds) validator.validateNode(kind, {});
}

export function schemaValidator(schema: JsonSchema): SchemaValidator {
  // strict: false — the schema carries x-millrace-* annotations that Ajv does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  ajv.addSchema(schema as object);
  const compiled = new Map<string, ValidateFunction>();
  return {
    validateNode(kind, node) {
      let validate = compiled.get(kind.schemaRef);
      if (!validate) {
        validate = ajv.getSchema(kind.schemaRef) ?? ajv.compile(kind.schema as object);
        compiled.set(kind.schemaRef, validate);
      }
      const byPointer = new Map<string, string[]>();
      if (validate(node)) return byPointer;
      for (const error of validate.errors ?? []) {
        const located = locate(error);
        if (!located) continue;
        const list = byPointer.get(located.pointer) ?? [];
        if (!list.includes(located.message)) list.push(located.message);
        byPointer.set(located.pointer, list);
      }
      return byPointer;
    },
  };
}

function locate(error: ErrorObject): { pointer: string; message: string } | null {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return null; // the failing `then` branch is reported on its own
    case 'required':
      return { pointer: `${error.instancePath}/${String(params.missingProperty)}`, message: 'required' };
    case 'additionalProperties':
      return { pointer: error.instancePath, message: `unknown setting "${String(params.additionalProperty)}"` };
    case 'not':
      return { pointer: error.instancePath, message: 'a setting here is not allowed together with the others (see the description)' };
    case 'pattern': {
      const schema = error.parentSchema as JsonSchema | undefined;
      if (schema?.['x-millrace-format'] === 'duration') return { pointer: error.instancePath, message: 'must be a duration such as 500ms, 10s, 5m, 1h or 1d' };
      if (schema?.['x-millrace-format'] === 'size') return { pointer: error.instancePath, message: 'must be a size such as 512B, 64KB, 1MB or 2GB' };
      return { pointer: error.instancePath, message: schema?.examples?.length ? `has the wrong form (e.g. ${JSON.stringify(schema.examples[0])})` : (error.message ?? 'has the wrong form') };
    }
    case 'enum':
      return { pointer: error.instancePath, message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { pointer: error.instancePath, message: error.message ?? error.keyword };
  }
}
