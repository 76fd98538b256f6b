import { describe, expect, it } from 'vitest';
import { errorOf, evaluate, run } from '../test-support';

describe('text functions (Airtable reference examples)', () => {
  it('CONCATENATE joins any values as text', () => {
    expect(run('CONCATENATE("Bob", " - ", 43)')).toBe('Bob - 43');
    expect(run('CONCATENATE("a", BLANK(), 1.5, TRUE)')).toBe('a1.5TRUE');
  });
  it('LEFT, RIGHT and MID take characters', () => {
    expect(run('LEFT("quick brown fox", 5)')).toBe('quick');
    expect(run('RIGHT("quick brown fox", 5)')).toBe('n fox');
    expect(run('MID("quick brown fox", 6, 5)')).toBe(' brow');
    expect(run('LEFT("abc", 10)')).toBe('abc');
    expect(run('LEFT("abc")')).toBe('a');
    expect(run('MID("abc", 5, 2)')).toBe('');
  });
  it('LEN counts characters', () => {
    expect(run('LEN("quick brown fox")')).toBe(15);
    expect(run('LEN(BLANK())')).toBe(0);
    expect(run('LEN(12.50)')).toBe(4);
  });
  it('LOWER, UPPER and TRIM', () => {
    expect(run('LOWER("Hello!")')).toBe('hello!');
    expect(run('UPPER("Hello!")')).toBe('HELLO!');
    expect(run('TRIM("  Hello!  ")')).toBe('Hello!');
    expect(run('TRIM("a  b")')).toBe('a  b');
  });
  it('FIND is case-sensitive and gives 0 when absent; SEARCH ignores case and gives blank', () => {
    expect(run('FIND("fox", "quick brown fox")')).toBe(13);
    expect(run('FIND("Fox", "quick brown fox")')).toBe(0);
    expect(run('FIND("o", "hello world", 6)')).toBe(8);
    expect(run('SEARCH("World", "Hello World")')).toBe(7);
    expect(run('SEARCH("world", "Hello World")')).toBe(7);
    expect(run('SEARCH("xyz", "Hello World")')).toBeNull();
    expect(run('SEARCH("a.b", "xxA.B")')).toBe(3);
  });
  it('SUBSTITUTE replaces every or the nth occurrence; REPLACE replaces by position', () => {
    expect(run('SUBSTITUTE("gold mold", "old", "et")')).toBe('get met');
    expect(run('SUBSTITUTE("gold mold", "old", "et", 2)')).toBe('gold met');
    expect(run('SUBSTITUTE("gold mold", "old", "et", 3)')).toBe('gold mold');
    expect(run('SUBSTITUTE("abc", "", "x")')).toBe('abc');
    expect(run('REPLACE("database", 2, 5, "o")')).toBe('dose');
  });
  it('REPT repeats, refusing negative counts and oversized results', () => {
    expect(run('REPT("Hi! ", 3)')).toBe('Hi! Hi! Hi! ');
    expect(run('REPT("x", 0)')).toBe('');
    expect(errorOf('REPT("x", -1)')).toBe('#VALUE');
    expect(errorOf('REPT("abc", 1e9)')).toBe('#LIMIT');
  });
  it('T keeps text and blanks anything else', () => {
    expect(run('T("Hello")')).toBe('Hello');
    expect(run('T(42)')).toBeNull();
  });
  it('ENCODE_URL_COMPONENT percent-encodes, Chinese included', () => {
    expect(run('ENCODE_URL_COMPONENT("chicken & waffles")')).toBe('chicken%20%26%20waffles');
    expect(run('ENCODE_URL_COMPONENT("口腔")')).toBe('%E5%8F%A3%E8%85%94');
  });
  it('refuses negative counts and start positions below 1', () => {
    expect(errorOf('LEFT("abc", -1)')).toBe('#VALUE');
    expect(errorOf('MID("abc", 0, 1)')).toBe('#VALUE');
  });
});

describe('text functions on Chinese text and emoji', () => {
  it('counts each Chinese character and each emoji as one character', () => {
    expect(run('LEN("口腔科")')).toBe(3);
    expect(run('LEN("😀a")')).toBe(2);
    expect(run('LEFT("口腔科门诊", 2)')).toBe('口腔');
    expect(run('RIGHT("口腔科门诊", 2)')).toBe('门诊');
    expect(run('MID("口腔科门诊", 3, 1)')).toBe('科');
  });
  it('never splits an emoji in half', () => {
    expect(run('LEFT("😀😁", 1)')).toBe('😀');
    expect(run('MID("a😀b", 2, 1)')).toBe('😀');
    expect(run('RIGHT("😀😁", 1)')).toBe('😁');
    expect(run('REPLACE("a😀b", 2, 1, "-")')).toBe('a-b');
  });
  it('finds positions in characters after emoji and Chinese text', () => {
    expect(run('FIND("科", "口腔科")')).toBe(3);
    expect(run('SEARCH("科", "口腔科")')).toBe(3);
    expect(run('FIND("b", "😀😀b")')).toBe(3);
    expect(run('SEARCH("B", "😀😀b")')).toBe(3);
    expect(run('FIND("科", "口腔科口腔科", 4)')).toBe(6);
  });
  it('substitutes Chinese text', () => {
    expect(run('SUBSTITUTE("口腔科，口腔", "口腔", "牙")')).toBe('牙科，牙');
  });
});

describe('regular expressions (RE2 syntax)', () => {
  it('REGEX_MATCH tests, REGEX_EXTRACT takes the first match, REGEX_REPLACE replaces all', () => {
    expect(run('REGEX_MATCH("Hello World", "Hello.World")')).toBe(true);
    expect(run('REGEX_MATCH("Hello World", "^World")')).toBe(false);
    expect(run('REGEX_EXTRACT("Hello World", "W.*")')).toBe('World');
    expect(run('REGEX_EXTRACT("Hello World", "\\d+")')).toBeNull();
    expect(run('REGEX_REPLACE("Hello World", " W.*", "")')).toBe('Hello');
    expect(run('REGEX_REPLACE("a1b22c333", "\\d+", "#")')).toBe('a#b#c#');
  });
  it('supports groups in replacements and inline flags', () => {
    expect(run('REGEX_REPLACE("2026-03-05", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")')).toBe('05/03/2026');
    expect(run('REGEX_REPLACE("abc", "b", "[$0$&$$]")')).toBe('a[bb$]c');
    expect(run('REGEX_MATCH("HELLO", "(?i)hello")')).toBe(true);
  });
  it('matches Chinese text and Unicode classes', () => {
    expect(run('REGEX_EXTRACT("患者：张三，电话 13800138000", "1\\d{10}")')).toBe('13800138000');
    expect(run('REGEX_EXTRACT("abc口腔科xyz", "\\p{Han}+")')).toBe('口腔科');
  });
  it('handles empty matches without looping', () => {
    expect(run('REGEX_REPLACE("abc", "x*", "-")')).toBe('-a-b-c-');
  });
  it('refuses backreferences and lookaround with #ERROR naming RE2', () => {
    expect(run('REGEX_MATCH("aa", "(a)\\1")')).toMatchObject({ error: '#ERROR', reason: expect.stringContaining('RE2') });
    expect(errorOf('REGEX_MATCH("ab", "a(?=b)")')).toBe('#ERROR');
    expect(errorOf('REGEX_MATCH("ab", "(")')).toBe('#ERROR');
  });
  it('runs catastrophic-backtracking patterns in linear time', () => {
    const started = performance.now();
    expect(run('REGEX_MATCH(REPT("a", 20000), "(a+)+b")')).toBe(false);
    expect(run('REGEX_MATCH(REPT("a", 20000), "(a|aa)*c")')).toBe(false);
    expect(run('REGEX_MATCH(REPT("a", 20000), "a*a*a*a*a*a*b")')).toBe(false);
    expect(run('REGEX_REPLACE(REPT("ab", 10000), "(a|b|ab)*c", "x")')).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('charges regex work (input length × pattern size) to the step budget before running', () => {
    const cheap = evaluate('REGEX_MATCH(REPT("a", 1000), "b")');
    const costly = evaluate('REGEX_MATCH(REPT("a", 1000), "(?:a|b|c|d)?(?:a|b|c|d)?(?:a|b|c|d)?b")');
    expect(costly.steps).toBeGreaterThan(cheap.steps);
    expect(evaluate(`REGEX_REPLACE(REPT("abcdefghij", 10000), "(${'[a-j]?'.repeat(200)})", "$1")`).value).toMatchObject({ error: '#LIMIT' });
  });
  it('caps pattern, input and replacement sizes with #LIMIT', () => {
    expect(errorOf(`REGEX_MATCH("a", "${'a'.repeat(1001)}")`)).toBe('#LIMIT');
    expect(errorOf('REGEX_MATCH(REPT("a", 100000) & "a", "a")')).toBe('#LIMIT');
    expect(errorOf(`REGEX_REPLACE("a", "a", "${'x'.repeat(1001)}")`)).toBe('#LIMIT');
    expect(errorOf('REGEX_REPLACE(REPT("a", 20000), "a", REPT("$&", 400))')).toBe('#LIMIT');
  });
});
