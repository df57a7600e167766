import { listOAuthButtons } from '@/lib/auth/oauth-providers';
import { signInWithProvider } from './actions';

/** "Continue with GitHub/Google", for the providers configured in the environment; nothing otherwise. */
export function OAuthButtons({ callbackUrl }: { callbackUrl?: string }) {
  const providers = listOAuthButtons();
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2 border-t border-slate-200 pt-4">
      {providers.map((p) => (
        <form key={p.id} action={signInWithProvider.bind(null, p.id, callbackUrl)}>
          <button type="submit" className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">Continue with {p.name}</button>
        </form>
      ))}
    </div>
  );
}
