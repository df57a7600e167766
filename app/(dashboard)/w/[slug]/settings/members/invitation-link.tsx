/** The invitation link for the inviter to copy when no e-mail could be sent. */
export function InvitationLink({ link }: { link: string }) {
  return (
    <label className="block w-full text-sm">
      Invitation link
      <input readOnly value={link} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs" />
    </label>
  );
}
