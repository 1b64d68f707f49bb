import { type Currency, Decimal, type Money, money, UplinkError } from "../core/index.js";

/**
 * Japanese consumption tax by the date it is levied on: 3% from 1989-04-01, 5% from 1997-04-01,
 * 8% from 2014-04-01, 10% from 2019-10-01 (the standard rate; Uplink sells nothing at the reduced
 * food rate). An invoice is taxed at the rate in force on its issue date.
 */
export const CONSUMPTION_TAX_RATES: readonly { readonly from: string; readonly percent: string }[] =
  Object.freeze([
    { from: "1989-04-01", percent: "3" },
    { from: "1997-04-01", percent: "5" },
    { from: "2014-04-01", percent: "8" },
    { from: "2019-10-01", percent: "10" },
  ]);

/** The rate in force on an ISO date, in percent ("0" before the tax existed). */
export function consumptionTaxRateOn(date: string): string {
  let percent = "0";
  for (const rate of CONSUMPTION_TAX_RATES) if (rate.from <= date) percent = rate.percent;
  return percent;
}

/**
 * Whether a customer's invoices carry Japanese consumption tax: a customer in Japan does; one
 * abroad is an export of services and is exempt, whatever currency it pays in.
 */
export function isTaxableCustomer(country: string): boolean {
  return country === "JP";
}

/**
 * The tax on a taxable amount at `percent`, rounded down to the currency's minor unit (the yen for
 * JPY): toward zero, so a credit note for a whole invoice takes back exactly the tax it charged.
 */
export function taxOn<C extends Currency>(amount: Money<C>, percent: string): Money<C> {
  const rate = new Decimal(percent);
  if (!rate.isFinite() || rate.isNegative()) {
    throw new UplinkError("INVALID_INPUT", `Invalid tax rate ${percent}%.`);
  }
  const [whole = "0", fraction = ""] = rate.toFixed().split(".");
  const numerator = BigInt(whole + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  // BigInt division truncates toward zero: down for a charge, up (toward zero) for a credit.
  return money((amount.amount * numerator) / denominator, amount.currency);
}
