import type { Delivery } from './observed';
import { accepted } from './observed';
import { Prng } from './prng';
import type { SimDay } from './types';

/**
 * How the day's people answer, seeded and pure: each owner's habits (how soon they claim, how
 * often a message goes unanswered, whether they mark the person contacted), one owner on holiday
 * who never marked it in the team table, and which customers answer the follow-up question.
 *
 * Delays are drawn in business minutes, as a real team's would be, and played on the day's
 * compressed clock: `businessMinuteMs` wall milliseconds stand for one business minute.
 */
export interface PeopleOptions {
	seed: number;
	ownerIds: readonly string[];
	businessMinuteMs: number;
}

export interface OwnerHabit {
	ownerId: string;
	/** Away without saying so: reads nothing, answers nothing. */
	onHoliday: boolean;
	/** Share of messages this owner never answers. */
	silentShare: number;
	/** Median business minutes from being told to "I've got it". */
	claimMedianMinutes: number;
	/** Share of claims followed by "I've contacted them". */
	contactShare: number;
	/** Median business minutes from the claim to the contact. */
	contactMedianMinutes: number;
}

export interface People {
	seed: number;
	businessMinuteMs: number;
	habits: OwnerHabit[];
}

/** What one owner does about one message: wall milliseconds after being told, or nothing. */
export interface OwnerAnswer {
	claimAfterMs?: number;
	contactAfterMs?: number;
}

/** Spread of the delays around their median (log-normal): the p95 is about 4× the median. */
const DELAY_SPREAD = 0.85;
/** Share of customers asked for a missing detail who answer the question. */
export const CUSTOMER_REPLY_SHARE = 0.4;

export function modelPeople(options: PeopleOptions): People {
	if (options.ownerIds.length === 0) throw new Error('The people model needs at least one owner');
	if (!(options.businessMinuteMs > 0))
		throw new Error(`businessMinuteMs must be more than 0, not ${options.businessMinuteMs}`);
	const random = new Prng(options.seed).fork('owners');
	const holiday = random.int(0, options.ownerIds.length - 1);
	const habits = options.ownerIds.map((ownerId, index) => ({
		ownerId,
		onHoliday: index === holiday,
		silentShare: random.int(4, 12) / 100,
		claimMedianMinutes: random.int(10, 45),
		contactShare: random.int(55, 85) / 100,
		contactMedianMinutes: random.int(10, 40),
	}));
	return { seed: options.seed, businessMinuteMs: options.businessMinuteMs, habits };
}

/** A log-normal draw around `median` (Box–Muller), in business minutes. */
function delayMinutes(random: Prng, median: number): number {
	const u = Math.max(random.next(), 1e-12);
	const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
	return median * Math.exp(DELAY_SPREAD * z);
}

/**
 * The owner's answer to one message, the same whenever it is asked (its own stream, keyed by the
 * message), so the order the messages are read in changes nothing. Someone not on the team
 * answers nothing.
 */
export function ownerAnswer(people: People, ownerId: string, messageKey: string): OwnerAnswer {
	const habit = people.habits.find((candidate) => candidate.ownerId === ownerId);
	if (!habit || habit.onHoliday) return {};
	const random = new Prng(people.seed).fork(`owner:${ownerId}:${messageKey}`);
	if (random.chance(habit.silentShare)) return {};
	const claimAfterMs = delayMinutes(random, habit.claimMedianMinutes) * people.businessMinuteMs;
	if (!random.chance(habit.contactShare)) return { claimAfterMs };
	const contactAfterMs =
		claimAfterMs + delayMinutes(random, habit.contactMedianMinutes) * people.businessMinuteMs;
	return { claimAfterMs, contactAfterMs };
}

/** Whether the customer of this delivery answers the follow-up question. */
export function customerReplies(seed: number, deliveryKey: string): boolean {
	return new Prng(seed).fork(`customer:${deliveryKey}`).chance(CUSTOMER_REPLY_SHARE);
}

/**
 * How many customers who were due a follow-up question (context missing, delivery taken in)
 * answer it. The product has no path to attach such a reply to its inquiry yet, so the day
 * counts them and attaches none.
 */
export function repliesToFollowUp(
	day: Pick<SimDay, 'seed' | 'events'>,
	deliveries: readonly Delivery[],
): number {
	const taken = new Set(deliveries.filter((delivery) => accepted(delivery)).map((d) => d.seq));
	return day.events.filter(
		(event) =>
			event.expect.followUp &&
			taken.has(event.seq) &&
			customerReplies(day.seed, `seq-${event.seq}`),
	).length;
}
