import type { BusinessCalendar } from '../../ownership/roster';

const OPEN = [{ start: '09:00', end: '17:00' }];

/** Open Monday to Friday, 09:00–17:00 in `timezone`, no holidays. */
export const officeHours = (timezone: string): BusinessCalendar => ({
	timezone,
	hours: { mon: OPEN, tue: OPEN, wed: OPEN, thu: OPEN, fri: OPEN },
	holidays: [],
});
