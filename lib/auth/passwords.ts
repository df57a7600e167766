import bcrypt from 'bcryptjs';

// Cost 10 takes about 110 ms to hash and 85 ms to compare on this hardware (TOOLCHAIN.md §7).
const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
