import { getUserById, updatePasswordHash } from '@/db/queries/users';
import { hashPassword, verifyPassword } from './passwords';

/** Replaces the user's password when `current` is right; false otherwise (or for an OAuth-only account). */
export async function changePassword(userId: string, current: string, next: string): Promise<boolean> {
  const user = await getUserById(userId);
  if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash))) return false;
  await updatePasswordHash(userId, await hashPassword(next));
  return true;
}
