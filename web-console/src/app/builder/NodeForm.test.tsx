// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bundledSchema } from '../catalog/bundled';
import { nodeKindsOf } from '../catalog/nodeKinds';
import { NodeForm } from './NodeForm';
import { schemaValidator } from './schemaValidation';

const kinds = nodeKindsOf(bundledSchema);
const validator = schemaValidator(bundledSchema);

afterEach(cleanup);

function renderForm(type: string, settings: Record<string, never> | Record<string, unknown>, onChange = vi.fn()) {
  render(
    <NodeForm
      nodeId="n1"
      kind={kinds.get(type)!}
      inputs={['src']}
      settings={settings as never}
      validator={validator}
      serverErrors={[]}
      onChange={onChange}
      onRename={() => null}
    />,
  );
  return onChange;
}

describe('the node form generated from the schema', () => {
  it('marks required settings, shows descriptions as help, and enums as selects', () => {
    renderForm('window-aggregate', { window: { type: 'tumbling', size: '10s' }, aggregates: [{ name: 'count', fn: 'count' }] });
    const windowType = screen.getByLabelText(/^type/, { selector: 'select' }) as HTMLSelectElement;
    expect(windowType.value).toBe('tumbling');
    expect([...windowType.options].map((o) => o.value)).toEqual(['', 'tumbling', 'sliding', 'session']);
    expect(screen.getByText('The window assigner.')).toBeTruthy();
    const keyBy = screen.getByLabelText('keyBy');
    expect(keyBy.getAttribute('aria-required')).toBe('false');
    expect(screen.getByRole('group', { name: /window/ })).toBeTruthy();
  });

  it('shows a missing required setting inline, and a wrong duration with the reason', () => {
    renderForm('window-aggregate', { window: { type: 'sliding', size: 'ten seconds' } });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContain('required'); // aggregates, and window.slide for a sliding window
    expect(alerts).toContain('must be a duration such as 500ms, 10s, 5m, 1h or 1d');
  });

  it('writes a changed select and a committed text field through onChange', () => {
    const onChange = renderForm('kafka-source', { topic: 'a' });
    fireEvent.change(screen.getByLabelText(/^startFrom/), { target: { value: 'earliest' } });
    expect(onChange).toHaveBeenLastCalledWith({ topic: 'a', startFrom: 'earliest' });
    const topic = screen.getByLabelText(/^topic\s*\*?\s*$/);
    fireEvent.blur(topic, { target: { value: 'orders' } });
    expect(onChange).toHaveBeenLastCalledWith({ topic: 'orders' });
    fireEvent.blur(topic, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({});
  });
});
