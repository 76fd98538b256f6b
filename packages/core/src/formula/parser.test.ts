import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { FormulaNode } from './ast';
import { formulaLimits } from './limits';
import { parseFormula } from './parser';
import { printFormula } from './printer';

/** The tree without positions, for comparing shapes. */
function shape(node: FormulaNode): unknown {
  switch (node.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return node.value;
    case 'field':
      return { field: node.ref };
    case 'unary':
      return [node.operator, shape(node.operand)];
    case 'binary':
      return [shape(node.left), node.operator, shape(node.right)];
    case 'call':
      return { [node.name]: node.args.map(shape) };
  }
}

const parsed = (text: string) => shape(parseFormula(text));

function refusal(text: string): EngineError {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('formula syntax', () => {
  it('reads numbers, strings in either quote, booleans and field references', () => {
    expect(parsed('12.5')).toBe(12.5);
    expect(parsed('.5')).toBe(0.5);
    expect(parsed('1e3')).toBe(1000);
    expect(parsed('"double"')).toBe('double');
    expect(parsed("'single'")).toBe('single');
    expect(parsed('“curly”')).toBe('curly');
    expect(parsed('TRUE')).toBe(true);
    expect(parsed('false')).toBe(false);
    expect(parsed('{Field Name}')).toEqual({ field: 'Field Name' });
    expect(parsed('{患者 姓名}')).toEqual({ field: '患者 姓名' });
  });

  it('reads string escapes and keeps unknown escapes for regex patterns', () => {
    expect(parsed('"a\\"b"')).toBe('a"b');
    expect(parsed("'it\\'s'")).toBe("it's");
    expect(parsed('"line\\nbreak\\ttab"')).toBe('line\nbreak\ttab');
    expect(parsed('"back\\\\slash"')).toBe('back\\slash');
    expect(parsed('"\\d+"')).toBe('\\d+');
  });

  it('reads } and \\ escaped inside field braces and everything else as written', () => {
    expect(parsed('{Cost \\}net}')).toEqual({ field: 'Cost }net' });
    expect(parsed('{a\\\\}')).toEqual({ field: 'a\\' });
    expect(parsed('{a\\b{c}')).toEqual({ field: 'a\\b{c' });
  });

  it('treats function names case-insensitively and bare identifiers as field references', () => {
    expect(parsed('if(1, 2)')).toEqual({ IF: [1, 2] });
    expect(parsed('TRUE()')).toEqual({ TRUE: [] });
    expect(parsed('Price * 2')).toEqual([{ field: 'Price' }, '*', 2]);
    expect(parsed('价格 + 1')).toEqual([{ field: '价格' }, '+', 1]);
  });

  it('accepts full-width parentheses and commas from Chinese keyboards', () => {
    expect(parsed('IF（1，2，3）')).toEqual({ IF: [1, 2, 3] });
  });

  it('binds * and / tighter than + and -, those tighter than &, and & tighter than comparisons', () => {
    expect(parsed('1 + 2 * 3')).toEqual([1, '+', [2, '*', 3]]);
    expect(parsed('1 * 2 + 3')).toEqual([[1, '*', 2], '+', 3]);
    expect(parsed('"a" & 1 + 2')).toEqual(['a', '&', [1, '+', 2]]);
    expect(parsed('"a" & "b" = "ab"')).toEqual([['a', '&', 'b'], '=', 'ab']);
    expect(parsed('1 + 1 >= 2 * 1')).toEqual([[1, '+', 1], '>=', [2, '*', 1]]);
  });

  it('is left-associative and lets parentheses override', () => {
    expect(parsed('10 - 4 - 3')).toEqual([[10, '-', 4], '-', 3]);
    expect(parsed('8 / 4 / 2')).toEqual([[8, '/', 4], '/', 2]);
    expect(parsed('10 - (4 - 3)')).toEqual([10, '-', [4, '-', 3]]);
  });

  it('binds unary minus tighter than any binary operator', () => {
    expect(parsed('-2 * 3')).toEqual([['-', 2], '*', 3]);
    expect(parsed('1 - -2')).toEqual([1, '-', ['-', 2]]);
    expect(parsed('-{a} & "x"')).toEqual([['-', { field: 'a' }], '&', 'x']);
  });

  it('reads != and <> alike, and == as =', () => {
    expect(parsed('1 <> 2')).toEqual([1, '!=', 2]);
    expect(parsed('1 != 2')).toEqual([1, '!=', 2]);
    expect(parsed('1 == 2')).toEqual([1, '=', 2]);
  });

  it('records each node’s span in the source', () => {
    const node = parseFormula('  LEN({Name}) + 1');
    expect(node).toMatchObject({ kind: 'binary', start: 2, end: 17 });
    if (node.kind !== 'binary' || node.left.kind !== 'call') throw new Error('unexpected tree');
    expect(node.left.args[0]).toMatchObject({ kind: 'field', ref: 'Name', start: 6, end: 12 });
  });
});

describe('syntax errors', () => {
  it('are INVALID_FORMULA with the 0-based position of the problem and a 1-based character in the message', () => {
    const error = refusal('1 + * 2');
    expect(error.code).toBe('INVALID_FORMULA');
    expect(error.details.position).toBe(4);
    expect(error.message).toContain('at character 5');
    expect(error.message).toContain('"*"');
  });

  it('points at an unclosed string, brace or parenthesis', () => {
    expect(refusal('CONCATENATE("abc, 1)').details.position).toBe(12);
    expect(refusal('1 + {Price').details.position).toBe(4);
    const paren = refusal('IF(1, 2');
    expect(paren.details.position).toBe(7);
    expect(paren.message).toContain('to close the arguments of IF');
  });

  it('refuses an unexpected character, an empty formula, empty braces and trailing tokens', () => {
    expect(refusal('1 @ 2').details.position).toBe(2);
    expect(refusal('   ').message).toContain('empty');
    expect(refusal('{}').details.position).toBe(0);
    expect(refusal('1 2').details.position).toBe(2);
    expect(refusal('SUM(1,)').details.position).toBe(6);
    expect(refusal('()').details.position).toBe(1);
  });

  it('refuses numbers too large for a double', () => {
    expect(refusal('1e999').message).toContain('too large');
  });

  it(`refuses formulas longer than ${formulaLimits.maxLength} characters`, () => {
    expect(refusal(`"${'x'.repeat(formulaLimits.maxLength)}"`).message).toContain('longer than');
  });

  it('refuses nesting deeper than 64 without recursing past the limit', () => {
    const nested = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
    expect(() => parseFormula(nested(60))).not.toThrow();
    expect(refusal(nested(65)).message).toContain('deeper than 64');
    expect(refusal(nested(4000)).message).toContain('deeper than 64');
    expect(refusal(`${'-'.repeat(5000)}1`).message).toContain('deeper than 64');
    expect(refusal(`${'ABS('.repeat(100)}1${')'.repeat(100)}`).message).toContain('deeper than 64');
  });

  it('refuses long left-leaning chains whose tree would be deeper than 64', () => {
    expect(() => parseFormula(Array(60).fill('1').join(' + '))).not.toThrow();
    expect(refusal(Array(100).fill('1').join(' + ')).message).toContain('deeper than 64');
  });
});

describe('printFormula', () => {
  it('prints parseable text with only the parentheses precedence needs', () => {
    for (const text of ['1 + 2 * 3', '(1 + 2) * 3', '10 - (4 - 3)', '-(1 + 2)', '"a" & (1 = 1)', 'IF({a\\}b} > 1, "x\\"y", BLANK())', '-(-1)']) {
      const tree = parseFormula(text);
      expect(shape(parseFormula(printFormula(tree)))).toEqual(shape(tree));
    }
    expect(printFormula(parseFormula('(1+2)*3'))).toBe('(1 + 2) * 3');
    expect(printFormula(parseFormula('1+(2*3)'))).toBe('1 + 2 * 3');
    expect(printFormula(parseFormula("{Cost }net} & 'a\\\\b'".replace('}net', '\\}net')))).toBe('{Cost \\}net} & "a\\\\b"');
  });
});
