import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's baseline (19 MiB, two passes): about 50 ms a hash,
 * which makes guessing slow without making signing in feel slow.
 */
const argon2idOptions = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string) {
  return hash(password, argon2idOptions);
}

// Checked against when the account does not exist, so that a wrong email
// takes as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
) {
  decoyHash ??= hashPassword("decoy password that matches no account");
  const isMatch = await verify(passwordHash ?? (await decoyHash), password);

  return passwordHash !== null && isMatch;
}
