import { describe, expect, it } from 'vitest';
import { changedSpan } from './textChange';

/** The same span, by the plain character loop. */
function byLoop(before: string, after: string) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, endBefore, endAfter };
}

describe('the changed span of two texts', () => {
  it('is the differing middle: an insertion, a removal, a replacement, repeated characters at the seam', () => {
    expect(changedSpan('metadata: {name: x}\nspec:\n', 'metadata:\n  name: x\n  layout: {}\nspec:\n')).toEqual(byLoop('metadata: {name: x}\nspec:\n', 'metadata:\n  name: x\n  layout: {}\nspec:\n'));
    expect(changedSpan('aaaa', 'aaaaaa')).toEqual({ start: 4, endBefore: 4, endAfter: 6 });
    expect(changedSpan('abcabc', 'abc')).toEqual({ start: 3, endBefore: 6, endAfter: 3 });
    expect(changedSpan('x: 1\ny: 2\n', 'x: 1\ny: 3\n')).toEqual({ start: 8, endBefore: 9, endAfter: 9 });
    expect(changedSpan('same', 'same')).toEqual({ start: 4, endBefore: 4, endAfter: 4 });
    expect(changedSpan('', 'new')).toEqual({ start: 0, endBefore: 0, endAfter: 3 });
  });

  it('agrees with the character loop on many random edits', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const letters = 'ab\n ';
    const word = (n: number) => Array.from({ length: n }, () => letters[random(letters.length)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = word(random(40));
      const at = random(before.length + 1);
      const after = before.slice(0, at) + word(random(6)) + before.slice(Math.min(before.length, at + random(6)));
      expect(changedSpan(before, after)).toEqual(byLoop(before, after));
    }
  });
});
