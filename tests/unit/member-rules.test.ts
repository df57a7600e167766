import { describe, expect, it } from 'vitest';
import { refuseRemoval, refuseRoleChange } from '@/lib/auth/member-rules';

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
