import { useQuery } from '@tanstack/react-query';
import type {
  Booking,
  BookingList,
  CalendarFeed,
  DeskCheckIn,
  DeskSettings,
  DeskUpdate,
  FloorPlan,
  NewBooking,
  RuleBreakNoticeReport,
  SiteList,
  SiteRules,
  SiteRulesChange,
  Slot,
  ZoneChange,
  ZoneUpdate,
} from '../../../../src/modules/workplace/contract.js';
import { api } from '../../app/api.js';

export const workplaceKeys = {
  all: ['workplace'] as const,
  sites: ['workplace', 'sites'] as const,
  floor: (floor: string, date: string, slot: Slot) => ['workplace', 'floor', floor, date, slot] as const,
  myBookings: ['workplace', 'bookings', 'me'] as const,
  myHistory: ['workplace', 'bookings', 'me', 'history'] as const,
  checkIn: (desk: string) => ['workplace', 'check-in', desk] as const,
};

export function useSites() {
  return useQuery({
    queryKey: workplaceKeys.sites,
    queryFn: ({ signal }) => api<SiteList>('/workplace/sites', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A floor's desks and zones as they stand for a date and slot (none asked until a floor is chosen). */
export function useFloorPlan(floor: string | null, date: string, slot: Slot) {
  return useQuery({
    queryKey: workplaceKeys.floor(floor ?? '', date, slot),
    queryFn: ({ signal }) =>
      api<FloorPlan>(`/workplace/floors/${encodeURIComponent(floor ?? '')}`, {
        query: { date, slot },
        signal,
      }),
    enabled: floor !== null && date !== '',
    // Colleagues book all the time: what the map shows is what the server says now.
    staleTime: 0,
  });
}

/** The reader's own bookings from today on (a month ahead, the server's default). */
export function useMyBookings() {
  return useQuery({
    queryKey: workplaceKeys.myBookings,
    queryFn: ({ signal }) => api<BookingList>('/workplace/bookings', { query: { person: 'me' }, signal }),
    staleTime: 0,
  });
}

export const bookDesk = (body: NewBooking) => api<Booking>('/workplace/bookings', { method: 'POST', body });

/** A new private calendar URL of my bookings (the one I had stops working). */
export const createCalendarFeed = () => api<CalendarFeed>('/workplace/calendar-feed', { method: 'POST' });

/** Revokes my calendar URL. */
export const revokeCalendarFeed = () => api<void>('/workplace/calendar-feed', { method: 'DELETE' });

export const cancelBooking = (id: string) =>
  api<Booking>(`/workplace/bookings/${encodeURIComponent(id)}`, { method: 'DELETE' });

// ---- Facility managers -------------------------------------------------------------------------

/** Blocks or unblocks a desk (with a reason), or changes its features. */
export const changeDesk = (desk: string, body: DeskUpdate) =>
  api<DeskSettings>(`/workplace/desks/${encodeURIComponent(desk)}`, { method: 'PATCH', body });

/** Renames a zone or gives it a capacity of its own; answers with the bookings it now refuses. */
export const changeZone = (zone: string, body: ZoneUpdate) =>
  api<ZoneChange>(`/workplace/zones/${encodeURIComponent(zone)}`, { method: 'PATCH', body });

/** Replaces a site's rules; answers with the bookings they now refuse. */
export const replaceSiteRules = (site: string, rules: SiteRules) =>
  api<SiteRulesChange>(`/workplace/sites/${encodeURIComponent(site)}/rules`, { method: 'PUT', body: rules });

/** Mails the people of the chosen broken bookings (through the outbox). */
export const notifyRuleBreaks = (site: string, bookings: readonly string[]) =>
  api<RuleBreakNoticeReport>(`/workplace/sites/${encodeURIComponent(site)}/rule-breaks/notify`, {
    method: 'POST',
    body: { bookings },
  });

/** A desk's check-in page: the desk, and where the reader stands with it today. */
export function useDeskCheckIn(desk: string) {
  return useQuery({
    queryKey: workplaceKeys.checkIn(desk),
    queryFn: ({ signal }) =>
      api<DeskCheckIn>(`/workplace/desks/${encodeURIComponent(desk)}/check-in`, { signal }),
    staleTime: 0,
  });
}

/** Checks in the reader's booking of a desk today. */
export const checkInAtDesk = (desk: string) =>
  api<Booking>(`/workplace/desks/${encodeURIComponent(desk)}/check-in`, { method: 'POST' });
