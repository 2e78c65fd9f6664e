import { limits } from "../../limits.ts";
import type { FieldContext } from "./fields.ts";

/** Value readers: each returns the value to store or throws the reason. */

export const text = (max: number) => (value: string) => {
  if (value.length > max) {
    throw new Error(`is longer than ${max} characters`);
  }

  return value;
};

export const wholeNumber = (min: number, max: number) => (value: string) => {
  // "45,120 mi" and "45 120" are how odometers get typed.
  const digits = value.replace(/[\s,']|mi$|km$/gi, "");
  const number = Number(digits);
  if (!/^\d+$/.test(digits) || number < min || number > max) {
    throw new Error(`"${value}" is not a whole number from ${min} to ${max}`);
  }

  return number;
};

export const email = (value: string) => {
  const address = value.toLowerCase();
  if (
    address.length > limits.email ||
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)
  ) {
    throw new Error(`"${value}" is not an email address`);
  }

  return address;
};

export const vin = (value: string) => {
  const upper = value.toUpperCase().replace(/[\s-]/g, "");
  if (!/^[A-HJ-NPR-Z0-9]{11,17}$/.test(upper)) {
    throw new Error(`"${value}" is not a VIN (11 to 17 letters and digits)`);
  }

  return upper;
};

export const oneOf =
  (choices: Record<string, string>) =>
  (value: string): string => {
    const choice = choices[value.toLowerCase().replace(/[^a-z]/g, "")];
    if (!choice) {
      throw new Error(
        `"${value}" is not one of ${[...new Set(Object.values(choices))].join(", ")}`,
      );
    }

    return choice;
  };

export const date = (value: string, ctx: FieldContext) => ctx.parseDate(value);

export const service = (value: string, ctx: FieldContext) => {
  const id = ctx.serviceTypeFor(value);
  if (id === undefined) {
    throw new Error(
      `"${value}" matches no service type (${ctx.serviceTypeNames})`,
    );
  }

  return id;
};
