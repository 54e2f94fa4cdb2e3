import { describe, expect, it } from 'vitest';
import { demoBackOffice } from './demo-back-office.js';
import { demoPeople } from './demo-seed.js';

// The demo's grown back office as the directory lists it: a name each, in the person's language,
// in the back-office units only, with a few at the office in logistics and reception.

describe('demo back office', () => {
  const members = demoBackOffice();

  it('adds about 220 people under usernames of their own, each with a name no one else has', () => {
    expect(members).toHaveLength(222);
    expect(members[0]!.username).toBe('staff001');
    const everyone = demoPeople();
    expect(new Set(everyone.map((p) => p.username)).size).toBe(everyone.length);
    const names = members.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('speaks Dutch and French in equal numbers, each name in its speaker’s language', () => {
    const nl = members.filter((m) => m.language === 'nl');
    expect(nl).toHaveLength(111);
    expect(members.find((m) => m.username === 'staff001')).toMatchObject({
      language: 'nl',
      name: 'Anneleen Peeters',
    });
    expect(members.find((m) => m.username === 'staff002')).toMatchObject({
      language: 'fr',
      name: 'Amélie Dubois',
    });
  });

  it('works in the back-office units, not the call center, a few in logistics', () => {
    const units = new Set(members.map((m) => m.orgUnit));
    expect(units).not.toContain('call-center');
    expect([...units].sort()).toEqual(
      ['audit-externe', 'communication', 'dir-services', 'etudes-juridiques', 'facility', 'hr', 'ict'].sort(),
    );
    const office = members.filter((m) => m.orgUnit === 'facility').length;
    expect(office).toBeGreaterThan(5);
    expect(office).toBeLessThan(members.length / 10);
    const backOffice = demoPeople().filter((p) => p.backOffice);
    expect(backOffice).toHaveLength(members.length);
    expect(backOffice.every((p) => p.roles.join() === 'employee')).toBe(true);
  });
});
