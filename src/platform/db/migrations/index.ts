import type { Migration } from 'kysely';
import * as platformAuthAndAudit from './2026_11_24_0600_platform_auth_and_audit.js';
import * as directoryPeople from './2026_11_24_0610_directory_people_units_partners.js';
import * as knowledgeEntries from './2026_11_24_0700_knowledge_entries.js';
import * as platformJobs from './2026_11_24_0800_platform_jobs.js';
import * as inquiries from './2026_11_24_0900_inquiries.js';
import * as platformMail from './2026_11_24_1100_platform_mail.js';
import * as platformAuthTokenExpiry from './2026_12_07_0100_platform_auth_token_expiry.js';
import * as directorySsoSubjects from './2026_12_07_0200_directory_sso_subjects.js';
import * as platformAuthLoginDevices from './2026_12_07_0200_platform_auth_login_devices.js';
import * as inquiriesIdempotencyDigest from './2026_12_07_0300_inquiries_idempotency_digest.js';
import * as workplaceSitesDesksBookings from './2026_12_07_1000_workplace_sites_desks_bookings.js';
import * as workplaceDeskZone from './2026_12_07_1100_workplace_desk_zone.js';
import * as workplaceCalendarFeed from './2026_12_07_1200_workplace_calendar_feed.js';
import * as inquiriesThreadEventsAndNotices from './2026_12_07_1300_inquiries_thread_events_and_notices.js';
import * as knowledgeReferencesPerLanguage from './2026_12_07_1300_knowledge_references_per_language.js';
import * as workplaceZoneCapacity from './2026_12_07_1300_workplace_zone_capacity.js';
import * as workplaceBookingStatusIndex from './2026_12_07_1400_workplace_booking_status_index.js';
import * as workplaceCheckInTimes from './2026_12_07_1400_workplace_check_in_times.js';
import * as teleworkStatistics from './2026_12_07_1500_telework_statistics.js';
import * as teleworkAgreements from './2026_12_07_1600_telework_agreements.js';
import * as teleworkAllowances from './2026_12_07_1700_telework_allowances.js';
import * as teleworkPresence from './2026_12_07_1700_telework_presence.js';
import * as equipment from './2026_12_07_1800_equipment.js';
import * as equipmentAssetsExtra from './2026_12_07_1810_equipment_assets_extra.js';
import * as equipmentDeliveriesExtra from './2026_12_07_1830_equipment_deliveries_extra.js';
import * as inquiriesHelpdesk from './2026_12_07_1840_inquiries_helpdesk.js';
import * as inquiriesTicketAssetIndex from './2026_12_07_1850_inquiries_ticket_asset_index.js';
import * as inquiriesCallRecords from './2026_12_08_0100_inquiries_call_records.js';
import * as knowledgeDeflections from './2026_12_08_0110_knowledge_deflections.js';
import * as inquiriesSocialChannel from './2026_12_08_0120_inquiries_social_channel.js';
import * as inquiriesPhoneLine from './2026_12_08_0200_inquiries_phone_line.js';

/** Every migration, by its frozen name; Kysely applies them in name order. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_0600_platform_auth_and_audit': platformAuthAndAudit,
  '2026_11_24_0610_directory_people_units_partners': directoryPeople,
  '2026_11_24_0700_knowledge_entries': knowledgeEntries,
  '2026_11_24_0800_platform_jobs': platformJobs,
  '2026_11_24_0900_inquiries': inquiries,
  '2026_11_24_1100_platform_mail': platformMail,
  '2026_12_07_0100_platform_auth_token_expiry': platformAuthTokenExpiry,
  '2026_12_07_0200_directory_sso_subjects': directorySsoSubjects,
  '2026_12_07_0200_platform_auth_login_devices': platformAuthLoginDevices,
  '2026_12_07_0300_inquiries_idempotency_digest': inquiriesIdempotencyDigest,
  '2026_12_07_1000_workplace_sites_desks_bookings': workplaceSitesDesksBookings,
  '2026_12_07_1100_workplace_desk_zone': workplaceDeskZone,
  '2026_12_07_1200_workplace_calendar_feed': workplaceCalendarFeed,
  '2026_12_07_1300_inquiries_thread_events_and_notices': inquiriesThreadEventsAndNotices,
  '2026_12_07_1300_knowledge_references_per_language': knowledgeReferencesPerLanguage,
  '2026_12_07_1300_workplace_zone_capacity': workplaceZoneCapacity,
  '2026_12_07_1400_workplace_check_in_times': workplaceCheckInTimes,
  '2026_12_07_1400_workplace_booking_status_index': workplaceBookingStatusIndex,
  '2026_12_07_1500_telework_statistics': teleworkStatistics,
  '2026_12_07_1600_telework_agreements': teleworkAgreements,
  '2026_12_07_1700_telework_allowances': teleworkAllowances,
  '2026_12_07_1700_telework_presence': teleworkPresence,
  '2026_12_07_1800_equipment': equipment,
  '2026_12_07_1810_equipment_assets_extra': equipmentAssetsExtra,
  '2026_12_07_1830_equipment_deliveries_extra': equipmentDeliveriesExtra,
  '2026_12_07_1840_inquiries_helpdesk': inquiriesHelpdesk,
  '2026_12_07_1850_inquiries_ticket_asset_index': inquiriesTicketAssetIndex,
  '2026_12_08_0100_inquiries_call_records': inquiriesCallRecords,
  '2026_12_08_0110_knowledge_deflections': knowledgeDeflections,
  '2026_12_08_0120_inquiries_social_channel': inquiriesSocialChannel,
  '2026_12_08_0200_inquiries_phone_line': inquiriesPhoneLine,
};
