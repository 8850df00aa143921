// Inside an office a person acts with their role in that office: a regional admin as admin in every
// office, otherwise the role they hold there, otherwise a regional analyst as analyst; without any,
// nothing. A device works only in its own office. The office's routes then check that role as before.
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { OfficeRole, OrganisationRole, User } from '../../common/protocol';
import { officesOf, principalIn, roleIn } from '../../server/auth/office-access';
import { requireOrganisationRole } from '../../server/auth/permissions';
import type { Caller } from '../../server/auth/principal';

const person = (offices: OfficeRole[], organisationRole: OrganisationRole | null = null, active = true): User => ({
  id: 'u1',
  login: 'person',
  name: 'Person',
  active,
  organisationRole,
  offices,
});
const kiosk = (officeId: string): Caller => ({ kind: 'device', device: { id: 'k1', officeId, kind: 'kiosk', name: 'Kiosk', zone: null, revoked: false, settings: {} } });

describe('the role a person acts with in an office', () => {
  it('is the role they hold there, and none in an office where they hold none', () => {
    const operatorOfA = person([{ officeId: 'a', role: 'operator' }]);
    expect(roleIn(operatorOfA, 'a')).toBe('operator');
    expect(roleIn(operatorOfA, 'b')).toBeNull();
  });

  it('differs per office for someone who works in several', () => {
    const both = person([
      { officeId: 'a', role: 'operator' },
      { officeId: 'b', role: 'consultant' },
    ]);
    expect([roleIn(both, 'a'), roleIn(both, 'b'), roleIn(both, 'c')]).toEqual(['operator', 'consultant', null]);
  });

  it('is admin in every office for a regional admin, whatever they hold there', () => {
    const regional = person([{ officeId: 'a', role: 'consultant' }], 'regional-admin');
    expect([roleIn(regional, 'a'), roleIn(regional, 'b'), roleIn(regional, 'anything-new')]).toEqual(['admin', 'admin', 'admin']);
  });

  it('is analyst in every office for a regional analyst, unless they hold a role of their own there', () => {
    const analyst = person([{ officeId: 'a', role: 'operator' }], 'regional-analyst');
    expect([roleIn(analyst, 'a'), roleIn(analyst, 'b')]).toEqual(['operator', 'analyst']);
  });

  it('lists the offices a person may work in, each with their role there', () => {
    const someone = person([{ officeId: 'b', role: 'manager' }]);
    expect(officesOf(someone, ['a', 'b', 'c'])).toEqual([{ officeId: 'b', role: 'manager' }]);
    expect(officesOf(person([], 'regional-analyst'), ['a', 'b'])).toEqual([
      { officeId: 'a', role: 'analyst' },
      { officeId: 'b', role: 'analyst' },
    ]);
  });
});

describe('the principal an office sees', () => {
  it('is the person with their role in that office', () => {
    const user = person([{ officeId: 'a', role: 'operator' }]);
    expect(principalIn({ kind: 'user', user }, 'a')).toEqual({ kind: 'user', user: { ...user, role: 'operator' } });
  });

  it("is a 'forbidden' refusal naming the office for a person without a role there", () => {
    const refused = principalIn({ kind: 'user', user: person([{ officeId: 'a', role: 'admin' }]) }, 'b');
    expect(refused).toMatchObject({ error: { code: 'forbidden' } });
    expect('error' in refused && refused.error.message).toContain('b');
  });

  it('lets a device in only in its own office', () => {
    expect(principalIn(kiosk('a'), 'a')).toEqual(kiosk('a'));
    expect(principalIn(kiosk('a'), 'b')).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('stays the public for the public, in any office', () => {
    expect(principalIn({ kind: 'public' }, 'a')).toEqual({ kind: 'public' });
  });
});

function runRequireOrganisationRole(caller: Caller, ...roles: OrganisationRole[]) {
  const outcome: { passed: boolean; status?: number; code?: string } = { passed: false };
  const res = {
    locals: { caller },
    status(code: number) {
      outcome.status = code;
      return this;
    },
    json(body: { error?: { code: string } }) {
      outcome.code = body.error?.code;
      return this;
    },
  };
  requireOrganisationRole(...roles)({} as Request, res as unknown as Response, () => {
    outcome.passed = true;
  });
  return outcome;
}

describe('requireOrganisationRole', () => {
  it('lets in the organisation roles it names and nobody else', () => {
    expect(runRequireOrganisationRole({ kind: 'user', user: person([], 'regional-admin') }, 'regional-admin').passed).toBe(true);
    expect(runRequireOrganisationRole({ kind: 'user', user: person([], 'regional-analyst') }, 'regional-admin', 'regional-analyst').passed).toBe(true);
    expect(runRequireOrganisationRole({ kind: 'user', user: person([], 'regional-analyst') }, 'regional-admin')).toEqual({ passed: false, status: 403, code: 'forbidden' });
  });

  it("refuses an office's own admin, a deactivated regional admin and a device with 403, the public with 401", () => {
    expect(runRequireOrganisationRole({ kind: 'user', user: person([{ officeId: 'a', role: 'admin' }]) }, 'regional-admin')).toMatchObject({ status: 403 });
    expect(runRequireOrganisationRole({ kind: 'user', user: person([], 'regional-admin', false) }, 'regional-admin')).toMatchObject({ status: 403 });
    expect(runRequireOrganisationRole(kiosk('a'), 'regional-admin')).toMatchObject({ status: 403 });
    expect(runRequireOrganisationRole({ kind: 'public' }, 'regional-admin')).toEqual({ passed: false, status: 401, code: 'unauthenticated' });
  });
});
