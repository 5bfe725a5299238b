import type { Prng } from './prng';

/** What a customer asks for: the service and the words they use, as local service businesses receive them. */
export interface Request {
	service: string;
	message: string;
	postalCode: string;
	city: string;
}

const REQUESTS: readonly (readonly [service: string, message: string])[] = [
	['Plumbing', 'Water heater is leaking in the basement, can someone come today?'],
	['Plumbing', 'Kitchen sink drains really slowly and smells. Need it fixed this week.'],
	['Roofing', 'Need a quote for replacing the roof on a two-storey house, about 1,800 sq ft.'],
	['Roofing', 'Storm took some shingles off last night 😟 is there any chance of an inspection?'],
	['HVAC', 'Furnace stopped working, it is 12°C inside. Please call me back ASAP.'],
	['HVAC', 'Looking for a yearly AC maintenance plan, what does it cost?'],
	['Electrical', 'Breaker keeps tripping when the dryer runs. Can an electrician look at it?'],
	['Electrical', 'We want an EV charger installed in the garage — quote please.'],
	['Cleaning', 'Move-out clean for a 3-bed apartment on the 28th, are you available?'],
	['Landscaping', 'Weekly lawn mowing from April to October, front and back yard.'],
	['Pest control', 'Seeing mice in the pantry. Need someone before the weekend.'],
	['Plumbing', 'Necesito un plomero, hay una fuga debajo del fregadero.'],
	['HVAC', 'Bonjour, notre climatisation ne fonctionne plus, pouvez-vous passer demain ?'],
	['Electrical', 'Hallo, in der Küche funktionieren zwei Steckdosen nicht mehr.'],
	['Roofing', 'Gutter is hanging off the front of the house after the wind.'],
	['Cleaning', 'Carpet cleaning for the living room and stairs, pet stains.'],
];

const PLACES: readonly (readonly [postalCode: string, city: string])[] = [
	['94107', 'San Francisco'],
	['78701', 'Austin'],
	['10001', 'New York'],
	['80202', 'Denver'],
	['98101', 'Seattle'],
	['60601', 'Chicago'],
	['M5V 2T6', 'Toronto'],
	['V6B 1A1', 'Vancouver'],
	['SW1A 1AA', 'London'],
	['M1 1AE', 'Manchester'],
];

export function makeRequest(random: Prng): Request {
	const [service, message] = random.pick(REQUESTS);
	const [postalCode, city] = random.pick(PLACES);
	return { service, message, postalCode, city };
}

/** Short texts people send to a business line. */
const TEXTS = [
	'Hi, are you open today?',
	'Can someone call me back about a quote?',
	'Missed your call - still need help with the leak',
	'Do you do emergency callouts on weekends?',
	'Thanks! What time will the tech arrive?',
	'Hola, ¿tienen disponibilidad mañana?',
];

export function makeText(random: Prng): string {
	return random.pick(TEXTS);
}
