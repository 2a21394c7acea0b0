/**
 * The settings form of a node, generated from its kind's JSON Schema (no hand-built form per kind or connector):
 * required marks from `required`, enums as selects, help text from descriptions, expressions as monospace text
 * areas, nested objects as field sets, lists of objects as repeatable groups. Text fields commit on blur or Enter so
 * that one change is one undo step; inline errors come from validating the node against the same schema.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { JsonSchema, NodeKind } from '../catalog/nodeKinds';
import type { JsonValue } from '../spec/yamlRender';
import { isPlainObject } from '../spec/yamlRender';
import type { SchemaValidator } from './schemaValidation';

const STRUCTURAL = new Set(['id', 'type', 'inputs']);

export interface NodeFormProps {
  readonly nodeId: string;
  readonly kind: NodeKind;
  readonly inputs: readonly string[];
  readonly settings: Readonly<Record<string, JsonValue>>;
  readonly validator: SchemaValidator;
  readonly serverErrors: readonly { message: string; hint?: string; line: number }[];
  readonly onChange: (settings: Record<string, JsonValue>) => void;
  readonly onRename: (to: string) => string | null;
}

export function NodeForm({ nodeId, kind, inputs, settings, validator, serverErrors, onChange, onRename }: NodeFormProps) {
  const errors = useMemo(
    () => validator.validateNode(kind, { id: nodeId, type: kind.type, ...(kind.maxInputs > 0 ? { inputs: [...inputs] } : {}), ...settings }),
    [validator, kind, nodeId, inputs, settings],
  );
  const properties = Object.entries(kind.schema.properties ?? {}).filter(([name]) => !STRUCTURAL.has(name));
  const required = new Set(kind.schema.required ?? []);
  const inputErrors = errors.get('/inputs') ?? [];
  return (
    <form className="node-form" aria-label={`Settings of node ${nodeId}`} onSubmit={(e) => e.preventDefault()}>
      <p className="kind-description">
        <strong>{kind.type}</strong> — {kind.description}
      </p>
      <IdField nodeId={nodeId} onRename={onRename} />
      {inputErrors.map((message) => (
        <p key={message} className="field-error" role="alert">
          inputs: {message}
        </p>
      ))}
      {serverErrors.length > 0 && (
        <div className="server-errors" role="alert" aria-label="Validation errors from the server">
          {serverErrors.map((error, i) => (
            <p key={i} className="field-error">
              Line {error.line}: {error.message}
              {error.hint ? <span className="hint"> — {error.hint}</span> : null}
            </p>
          ))}
        </div>
      )}
      {properties.map(([name, schema]) => (
        <Field
          key={name}
          name={name}
          pointer={`/${name}`}
          schema={schema}
          required={required.has(name)}
          value={settings[name]}
          errors={errors}
          onChange={(value) => onChange(withValue(settings, name, value))}
        />
      ))}
    </form>
  );
}

function withValue(object: Readonly<Record<string, JsonValue>>, key: string, value: JsonValue | undefined): Record<string, JsonValue> {
  const copy = { ...object };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function IdField({ nodeId, onRename }: { nodeId: string; onRename: (to: string) => string | null }) {
  const fieldId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (value: string) => setProblem(value === nodeId ? null : onRename(value));
  return (
    <div className="field">
      <label htmlFor={fieldId}>
        id <RequiredMark />
      </label>
      <input
        id={fieldId}
        key={nodeId}
        defaultValue={nodeId}
        aria-required="true"
        aria-invalid={problem !== null}
        aria-describedby={`${fieldId}-help`}
        onBlur={(e) => commit(e.currentTarget.value.trim())}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value.trim())}
      />
      <small id={`${fieldId}-help`}>Stable identity of the node and of its state across versions; renaming rewires its readers.</small>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

function RequiredMark() {
  return (
    <span className="required" aria-hidden="true" title="required">
      *
    </span>
  );
}

interface FieldProps {
  readonly name: string;
  readonly pointer: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
  readonly value: JsonValue | undefined;
  readonly errors: Map<string, string[]>;
  readonly onChange: (value: JsonValue | undefined) => void;
}

function typeOf(schema: JsonSchema): string {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : 'string');
}

function Field(props: FieldProps) {
  const { schema } = props;
  const type = typeOf(schema);
  if (type === 'object' && schema.properties) return <ObjectField {...props} />;
  if (type === 'array' && schema.items && typeOf(schema.items) === 'object' && schema.items.properties) return <ObjectListField {...props} />;
  return <ScalarField {...props} />;
}

function FieldShell({ fieldId, name, schema, required, errors, children }: { fieldId: string; name: string; schema: JsonSchema; required: boolean; errors: string[]; children: ReactNode }) {
  return (
    <div className={`field${errors.length > 0 ? ' invalid' : ''}`}>
      <label htmlFor={fieldId}>
        {name} {required && <RequiredMark />}
      </label>
      {children}
      {schema.description && <small id={`${fieldId}-help`}>{schema.description}</small>}
      {errors.map((message) => (
        <span key={message} className="field-error" role="alert">
          {message}
        </span>
      ))}
    </div>
  );
}

function ScalarField({ name, pointer, schema, required, value, errors, onChange }: FieldProps) {
  const fieldId = useId();
  const type = typeOf(schema);
  const own = errors.get(pointer) ?? [];
  const common = {
    id: fieldId,
    'aria-required': required,
    'aria-invalid': own.length > 0,
    'aria-describedby': `${fieldId}-help`,
  } as const;
  const placeholder = schema.default !== undefined ? `default: ${display(schema.default)}` : schema.examples?.length ? `e.g. ${display(schema.examples[0])}` : undefined;
  let control: ReactNode;
  if (schema.enum) {
    control = (
      <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : fromEnum(schema, e.currentTarget.value))}>
        <option value="">{schema.default !== undefined ? `(default: ${display(schema.default)})` : '(not set)'}</option>
        {schema.enum.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else if (type === 'boolean') {
    control = (
      <select {...common} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'true')}>
        <option value="">{schema.default !== undefined ? `(default: ${display(schema.default)})` : '(not set)'}</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else {
    const text = value === undefined ? '' : type === 'array' && Array.isArray(value) && value.every((v) => typeof v !== 'object') ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
    const commit = (raw: string) => {
      const parsed = parseInput(raw, schema, type);
      if (!deepSame(parsed, value)) onChange(parsed);
    };
    const multiline = schema['x-millrace-expression'] !== undefined || (typeof value === 'object' && value !== null);
    control = multiline ? (
      <textarea {...common} key={text} className="mono" defaultValue={text} rows={2} placeholder={placeholder} onBlur={(e) => commit(e.currentTarget.value)} />
    ) : (
      <input
        {...common}
        key={text}
        type={type === 'integer' || type === 'number' ? 'number' : 'text'}
        defaultValue={text}
        placeholder={placeholder}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
      />
    );
  }
  return (
    <FieldShell fieldId={fieldId} name={name} schema={schema} required={required} errors={own}>
      {control}
    </FieldShell>
  );
}

function ObjectField({ name, pointer, schema, required, value, errors, onChange }: FieldProps) {
  const object = isPlainObject(value) ? value : {};
  const own = errors.get(pointer) ?? [];
  const requiredInside = new Set(schema.required ?? []);
  return (
    <fieldset className={own.length > 0 ? 'invalid' : undefined}>
      <legend>
        {name} {required && <RequiredMark />}
      </legend>
      {schema.description && <small>{schema.description}</small>}
      {own.map((message) => (
        <span key={message} className="field-error" role="alert">
          {message}
        </span>
      ))}
      {Object.entries(schema.properties ?? {}).map(([child, childSchema]) => (
        <Field
          key={child}
          name={child}
          pointer={`${pointer}/${child}`}
          schema={childSchema}
          required={requiredInside.has(child)}
          value={object[child]}
          errors={errors}
          onChange={(childValue) => {
            const next = withValue(object, child, childValue);
            onChange(Object.keys(next).length === 0 ? undefined : next);
          }}
        />
      ))}
    </fieldset>
  );
}

function ObjectListField({ name, pointer, schema, required, value, errors, onChange }: FieldProps) {
  const list = Array.isArray(value) ? value : [];
  const itemSchema = schema.items!;
  const own = errors.get(pointer) ?? [];
  return (
    <fieldset className={own.length > 0 ? 'invalid' : undefined}>
      <legend>
        {name} {required && <RequiredMark />}
      </legend>
      {schema.description && <small>{schema.description}</small>}
      {own.map((message) => (
        <span key={message} className="field-error" role="alert">
          {message}
        </span>
      ))}
      {list.map((item, index) => (
        <div key={index} className="list-item">
          <ObjectField
            name={`${name} ${index + 1}`}
            pointer={`${pointer}/${index}`}
            schema={itemSchema}
            required={false}
            value={item}
            errors={errors}
            onChange={(itemValue) => onChange(list.map((old, i) => (i === index ? itemValue ?? {} : old)))}
          />
          <button type="button" onClick={() => onChange(list.length === 1 ? undefined : list.filter((_, i) => i !== index))} aria-label={`Remove ${name} ${index + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...list, {}])}>
        Add {name}
      </button>
    </fieldset>
  );
}

function display(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fromEnum(schema: JsonSchema, raw: string): JsonValue {
  const match = schema.enum!.find((option) => String(option) === raw);
  return (match ?? raw) as JsonValue;
}

/** Form text → spec value: empty means "not set"; numbers and lists are converted; JSON is accepted for objects. */
export function parseInput(raw: string, schema: JsonSchema, type: string): JsonValue | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (type === 'integer' || type === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  if (type === 'array') {
    if (text.startsWith('[')) return tryJson(text);
    const itemType = schema.items ? typeOf(schema.items) : 'string';
    return text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => (itemType === 'integer' || itemType === 'number' ? Number(part) : part));
  }
  if (type === 'object') return tryJson(text);
  return schema['x-millrace-expression'] !== undefined ? raw.replace(/\s+$/, '') : text;
}

function tryJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function deepSame(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
