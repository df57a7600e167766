import { describe, expect, it } from 'vitest';
import { refuseRemoval, refuseRoleChange, refuseTransfer } from '@/lib/auth/member-rules';

describe('refuseRoleChange', () => {
  it('lets an admin set roles up to admin', () => {
    expect(refuseRoleChange({ actor: 'admin', target: 'viewer', owners: 1 }, 'admin')).toBeNull();
  });
  it('stops an admin granting owner or touching an owner', () => {
    expect(refuseRoleChange({ actor: 'admin', target: 'viewer', owners: 1 }, 'owner')).toBe("You can't grant a role above your own.");
    expect(refuseRoleChange({ actor: 'admin', target: 'owner', owners: 2 }, 'viewer')).toBe("You can't change the role of someone above you.");
  });
  it('keeps the last owner an owner, but lets one of two step down', () => {
    expect(refuseRoleChange({ actor: 'owner', target: 'owner', owners: 1 }, 'admin')).toMatch(/at least one owner/);
    expect(refuseRoleChange({ actor: 'owner', target: 'owner', owners: 2 }, 'admin')).toBeNull();
  });
});

describe('refuseRemoval', () => {
  it('stops the last owner leaving', () => {
    expect(refuseRemoval({ actor: 'owner', target: 'owner', owners: 1 }, true)).toMatch(/at least one owner/);
  });
  it('lets a viewer leave but not remove anyone above them', () => {
    expect(refuseRemoval({ actor: 'viewer', target: 'viewer', owners: 1 }, true)).toBeNull();
    expect(refuseRemoval({ actor: 'admin', target: 'owner', owners: 2 }, false)).toBe("You can't remove someone above you.");
  });
});

describe('refuseTransfer', () => {
  it('lets an owner hand over to any member who is not an owner yet', () => {
    for (const target of ['admin', 'analyst', 'viewer'] as const) expect(refuseTransfer({ actor: 'owner', target, isSelf: false })).toBeNull();
  });
  it('refuses a transfer to oneself, to an owner, or by someone no longer an owner', () => {
    expect(refuseTransfer({ actor: 'owner', target: 'owner', isSelf: true })).toBe("You can't transfer ownership to yourself: choose another member.");
    expect(refuseTransfer({ actor: 'owner', target: 'owner', isSelf: false })).toBe('That member is already an owner.');
    expect(refuseTransfer({ actor: 'admin', target: 'viewer', isSelf: false })).toBe('Only an owner can transfer ownership, and you are no longer one.');
  });
});
