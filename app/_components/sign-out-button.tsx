import { signOutAction } from '@/app/(dashboard)/actions';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100">Sign out</button>
    </form>
  );
}
