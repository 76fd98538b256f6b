/**
 * Exact decimal addition, for SUM (and so for rollups' `sum`). Numbers are doubles, but people
 * type and read them as decimals, and 0.1 + 0.2 must be 0.3: each number is taken as its
 * shortest decimal form (what `String(x)` shows), those decimals are added exactly — as scaled
 * integers, in doubles while they stay below 2^53, else in bigints — and the total is rounded
 * once, at the end, to the nearest double. So the result does not depend on the order of the
 * numbers, and adding 10,000 currency amounts gives the amount to the cent.
 *
 * A total of at most 15 significant digits is held exactly by a double (its shortest form reads
 * back as that decimal). A longer total cannot be; its double is then never one whose shortest
 * form has 15 digits or fewer — it moves one step (1 ulp) toward the true total — so that **a
 * sum whose shortest form has at most 15 significant digits is exactly the sum of its terms'
 * decimals** (`sumIsExact`). That is what lets a stored sum be updated by taking away and adding
 * a few terms (a rollup after one linked record changed) with exactly the result of adding every
 * term again.
 */

/** |units| stays below this in the double path, so additions of two such integers are exact. */
const maxSafe = 2 ** 53 - 1;
/** Below this, a value's decimal places are found by trying scales (see `decimalOf`). */
const fastLimit = 2 ** 50;
/** Where doubles keep 15 significant digits and `String(x)` is exact for 15-digit decimals. */
const exactRange = { min: 1e-300, max: 1e300 };

const powersOfTen: number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
const bigPowers: bigint[] = [1n];

/** 10^k as a bigint (k ≥ 0), cached: the big path scales by them for every term. */
function bigPowerOfTen(k: number): bigint {
  while (bigPowers.length <= k) bigPowers.push(bigPowers[bigPowers.length - 1]! * 10n);
  return bigPowers[k]!;
}

/** `value` = units × 10^-scale, scale ≥ 0. */
interface Decimal {
  units: bigint;
  scale: number;
}

/** The shortest decimal form of a finite double, exactly, as a scaled bigint. */
function bigDecimalOf(value: number): Decimal {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new Error(`not a finite number: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let units = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    units *= bigPowerOfTen(-scale);
    scale = 0;
  }
  return { units, scale };
}

/**
 * A double's decimal as (units, scale) in doubles when that is exact and small, else undefined.
 * Trying scales k = 0, 1, …: when round(v·10^k)/10^k is v itself and |units| < 2^50, no other
 * decimal of k places rounds to v (they are more than 4 ulps apart), so that is v's shortest form.
 */
function smallDecimalOf(value: number): { units: number; scale: number } | undefined {
  for (let scale = 0; scale <= 15; scale++) {
    const power = powersOfTen[scale]!;
    const units = Math.round(value * power);
    if (!(Math.abs(units) < fastLimit)) return undefined;
    if (units / power === value) return { units, scale };
  }
  return undefined;
}

function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return mantissa.length;
}

/**
 * True when `value` is a SUM result that equals the exact sum of its terms' decimals: a finite
 * number whose shortest form has at most 15 significant digits, in the range where doubles hold
 * 15 digits. (See the module header: longer sums are never given as such a number.)
 */
export function sumIsExact(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (value === 0) return true;
  const magnitude = Math.abs(value);
  return magnitude >= exactRange.min && magnitude < exactRange.max && significantDigits(String(value)) <= 15;
}

function nextDouble(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  // Away from zero when the step goes the way of the sign, else toward it.
  view.setBigUint64(0, (value > 0) === (direction > 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * bigPowerOfTen(scale - a.scale);
  const right = b.units * bigPowerOfTen(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** An exact running total of decimals (see the module header). */
export class DecimalSum {
  /** The total while it fits: units × 10^-scale in doubles… */
  private units = 0;
  private scale = 0;
  /** …and once it does not, in bigints. */
  private big: Decimal | undefined;

  /** Adds a finite number's decimal (`sign` -1 takes it away). */
  add(value: number, sign: 1 | -1 = 1): void {
    if (this.big === undefined) {
      const small = smallDecimalOf(value);
      if (small && this.addSmall(sign * small.units, small.scale)) return;
      this.big = { units: BigInt(this.units), scale: this.scale };
    }
    const term = bigDecimalOf(value);
    const units = sign === 1 ? term.units : -term.units;
    if (term.scale <= this.big.scale) this.big.units += units * bigPowerOfTen(this.big.scale - term.scale);
    else this.big = { units: this.big.units * bigPowerOfTen(term.scale - this.big.scale) + units, scale: term.scale };
  }

  private addSmall(units: number, scale: number): boolean {
    let total = this.units;
    let totalScale = this.scale;
    if (scale > totalScale) {
      total *= powersOfTen[scale - totalScale]!;
      totalScale = scale;
    }
    const term = units * powersOfTen[totalScale - scale]!;
    const sum = total + term;
    if (!(Math.abs(total) <= maxSafe && Math.abs(term) <= maxSafe && Math.abs(sum) <= maxSafe)) return false;
    this.units = sum;
    this.scale = totalScale;
    return true;
  }

  /** The exact total, with no trailing zeros in its units. */
  private exact(): Decimal {
    let { units, scale } = this.big ?? { units: BigInt(this.units), scale: this.scale };
    while (scale > 0 && units % 10n === 0n && units !== 0n) {
      units /= 10n;
      scale--;
    }
    return { units, scale: units === 0n ? 0 : scale };
  }

  /** The total as a double: the nearest one, or the next one toward the total when that would look exact but is not. */
  result(): number {
    const total = this.exact();
    if (total.units === 0n) return 0;
    // Chosen by the total alone, so every way of reaching the same total gives the same double.
    const nearest =
      total.scale <= 22 && (total.units < 0n ? -total.units : total.units) <= BigInt(maxSafe)
        ? Number(total.units) / powersOfTen[total.scale]! // both exact: the division rounds once
        : Number(`${total.units}e-${total.scale}`);
    const digits = (total.units < 0n ? -total.units : total.units).toString().replace(/0+$/, '').length;
    if (digits <= 15 || !Number.isFinite(nearest)) return nearest;
    const direction = compareDecimals(total, bigDecimalOf(nearest)) > 0 ? 1 : -1;
    let value = nearest;
    // One step suffices (adjacent doubles are never both 15-digit decimals); bounded all the same.
    for (let step = 0; step < 4 && sumIsExact(value); step++) value = nextDouble(value, direction);
    return value;
  }
}

/** The exact decimal sum of finite numbers, as a double (see the module header). */
export function decimalSum(values: Iterable<number>): number {
  const sum = new DecimalSum();
  for (const value of values) sum.add(value);
  return sum.result();
}
