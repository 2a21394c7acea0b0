import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFlow, renderKey, renderScalar } from './yamlRender';

// Words a YAML 1.1 or 1.2 reader may take for something else than a string, ids, and strings that need quotes.
const WORDS = ['yes', 'no', 'on', 'off', 'true', 'false', 'null', 'y', 'n', 'x', 'n7-5', 'in-0', 'nan', 'inf', 'e5', 'e-5', 'e5x', 'a-', 'off-1', 'null-sink'];

describe('rendering scalars', () => {
  it.each(WORDS)('renders %s so that YAML 1.1 and 1.2 readers read back the same string', (word) => {
    const rendered = renderScalar(word, true);
    expect(parse(rendered, { version: '1.2' })).toBe(word);
    // y and n stay plain on purpose (SnakeYAML reads them as strings; they are the layout's keys).
    if (word !== 'y' && word !== 'n') expect(parse(rendered, { version: '1.1' })).toBe(word);
  });

  it('writes ids and layout keys plain, and booleans and null words quoted', () => {
    expect(renderFlow({ 'n7-5': { x: 1, y: 2 } })).toBe('{n7-5: {x: 1, y: 2}}');
    expect(renderKey('on')).toBe('"on"');
    expect(renderScalar('null', false)).toBe('"null"');
  });
});
