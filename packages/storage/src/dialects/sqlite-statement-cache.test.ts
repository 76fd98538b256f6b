import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache';

describe('SQLite statement cache', () => {
  let connection: BetterSqlite3.Database;
  beforeEach(() => {
    connection = new BetterSqlite3(':memory:');
    connection.exec('CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, \'x\'), (2, \'y\')');
  });
  afterEach(() => {
    if (connection.open) connection.close();
  });

  it('hands back the statement prepared earlier for the same text', () => {
    const cached = withStatementCache(connection);
    const first = cached.prepare('SELECT a FROM t WHERE a = ?');
    expect(cached.prepare('SELECT a FROM t WHERE a = ?')).toBe(first);
    expect(cached.prepare('SELECT a FROM t WHERE a = ?').all([2])).toEqual([{ a: 2 }]);
  });

  it('keeps answering correctly after the table it reads changes shape', () => {
    const cached = withStatementCache(connection);
    expect(cached.prepare('SELECT * FROM t ORDER BY a').all([])).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    connection.exec('ALTER TABLE t ADD COLUMN c REAL; UPDATE t SET c = a * 1.5');
    expect(cached.prepare('SELECT * FROM t ORDER BY a').all([])).toEqual([{ a: 1, b: 'x', c: 1.5 }, { a: 2, b: 'y', c: 3 }]);
    connection.exec('DROP TABLE t; CREATE TABLE t (z TEXT); INSERT INTO t VALUES (\'new\')');
    expect(() => cached.prepare('SELECT * FROM t ORDER BY a').all([])).toThrow(/no such column/);
    expect(cached.prepare('SELECT * FROM t').all([])).toEqual([{ z: 'new' }]);
  });

  it('prepares a second statement while the cached one is still being iterated', () => {
    const cached = withStatementCache(connection);
    const text = 'SELECT a FROM t ORDER BY a';
    const iterating = cached.prepare(text);
    const rows = iterating.iterate([]);
    expect(rows.next().value).toEqual({ a: 1 });
    const second = cached.prepare(text);
    expect(second).not.toBe(iterating);
    expect(second.all([])).toEqual([{ a: 1 }, { a: 2 }]);
    rows.return?.();
  });

  it('forgets the least recently used statement past its size, and never keeps very long texts', () => {
    const cached = withStatementCache(connection, { maxStatements: 2, maxTextLength: 40 });
    const one = cached.prepare('SELECT 1');
    const two = cached.prepare('SELECT 2');
    expect(cached.prepare('SELECT 1')).toBe(one); // now the most recently used
    cached.prepare('SELECT 3'); // evicts SELECT 2
    expect(cached.prepare('SELECT 1')).toBe(one);
    expect(cached.prepare('SELECT 2')).not.toBe(two);
    const long = `SELECT 1 AS ${'x'.repeat(50)}`;
    expect(cached.prepare(long)).not.toBe(cached.prepare(long));
  });

  it('reads rows of named columns as plain objects, duplicate names and statement errors included', () => {
    const cached = withStatementCache(connection);
    const rows = cached.prepare('SELECT a, b AS "the b", a * 2 AS a FROM t ORDER BY a').all([]);
    expect(rows).toEqual(new BetterSqlite3(':memory:').prepare("SELECT 1 AS a, 'x' AS \"the b\", 2 AS a UNION ALL SELECT 2, 'y', 4").all());
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(() => cached.prepare('SELECT a / (SELECT a FROM t WHERE a = ?) FROM t WHERE abs(?) IS NULL').all([1])).toThrow();
    const text = 'SELECT a FROM t ORDER BY a';
    expect(cached.prepare(text).all([])).toEqual([{ a: 1 }, { a: 2 }]);
    expect([...cached.prepare(text).iterate([])]).toEqual([{ a: 1 }, { a: 2 }]);
    expect(cached.prepare("INSERT INTO t VALUES (3, 'z') RETURNING a, b").all([])).toEqual([{ a: 3, b: 'z' }]);
  });
});
