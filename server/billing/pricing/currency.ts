import Decimal from "decimal.js";

// ISO 4217 minor-unit exponents that differ from the usual 2.
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Digits after the decimal point in `code`'s minor unit; unlisted well-formed codes use 2. */
export function currencyExponent(code: string): number {
  if (!CURRENCY_CODE.test(code)) throw new TypeError(`invalid currency code: ${JSON.stringify(code)}`);
  return EXPONENTS[code] ?? 2;
}

/** Lago rounds a fee with BigDecimal#round(exponent), i.e. half away from zero. */
export function toMinorUnits(amount: Decimal, currency: string): bigint {
  const exponent = currencyExponent(currency);
  return BigInt(amount.times(10 ** exponent).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed());
}

/** `12345n, "CAD"` → `"123.45"`: plain digits for the admin price preview, no symbol or grouping. */
export function formatMinorUnits(amountCents: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const sign = amountCents < 0n ? "-" : "";
  const digits = (amountCents < 0n ? -amountCents : amountCents).toString().padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function moneyFormatter(currency: string, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${currency}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // One fixed locale: server-rendered and hydrated text must agree; the ISO code keeps
    // CAD and USD apart where a "$" would not.
    formatter = new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "code", minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Intl formats a decimal string exactly (no float in between), e.g. "12345678901234567.89".
type DecimalString = `${number}`;

/**
 * The console's money formatter: minor units (a bigint, or its string as audit snapshots
 * and JSON carry it) with the currency code, grouping and the currency's exponent:
 * `1234567n, "CAD"` → "CAD 12,345.67", `5n, "JPY"` → "JPY 5".
 */
export function formatMoney(minorUnits: bigint | string, currency: string): string {
  const cents = typeof minorUnits === "bigint" ? minorUnits : BigInt(minorUnits);
  const exponent = currencyExponent(currency);
  return moneyFormatter(currency, exponent, exponent).format(formatMinorUnits(cents, currency) as DecimalString);
}

/**
 * A price or subtotal in major units as pricing computes it (a decimal string, possibly
 * finer than a cent, e.g. a per-unit price "0.0005"): at least the currency's exponent,
 * at most 10 decimals (Intl rounds half-even beyond, which only display can reach).
 */
export function formatMoneyAmount(amount: string, currency: string): string {
  const exponent = currencyExponent(currency);
  return moneyFormatter(currency, exponent, Math.max(exponent, 10)).format(amount as DecimalString);
}
