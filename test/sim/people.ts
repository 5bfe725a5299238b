import type { Prng } from './prng';

/** Someone who contacts the business: what they type, and the identity the system must derive. */
export interface Person {
	first: string;
	last: string;
	full: string;
	/** As the person typed it (mixed case sometimes); identity uses the lower-cased address. */
	email: string;
	phone: SimPhone;
}

export interface SimPhone {
	/** The number the identity key must hold. */
	e164: string;
	/** Written as a person or a form would write it (local or international). */
	written: string;
	country: 'US' | 'CA' | 'GB';
}

/** Latin, accented, non-Latin scripts and family-name particles: names real forms receive. */
const NAMES: readonly (readonly [first: string, last: string, ascii: string])[] = [
	['Jane', 'Roe', 'jane.roe'],
	['Marcus', 'Johnson', 'marcus.johnson'],
	['Priya', 'Natarajan', 'priya.natarajan'],
	['José', 'Álvarez', 'jose.alvarez'],
	['Zoë', 'Müller', 'zoe.mueller'],
	['Maria', 'de la Cruz', 'maria.delacruz'],
	['Ludwig', 'van Beethoven', 'ludwig.vanbeethoven'],
	['Jean-Luc', "d'Arcy", 'jeanluc.darcy'],
	['Siobhán', "O'Neill", 'siobhan.oneill'],
	['Oscar', 'De La Hoya', 'oscar.delahoya'],
	['Иван', 'Петров', 'ivan.petrov'],
	['Ελένη', 'Παπαδοπούλου', 'eleni.papadopoulou'],
	['小明', '王', 'xiaoming.wang'],
	['محمد', 'علي', 'mohammed.ali'],
	['Nguyễn', 'Thị Lan', 'lan.nguyen'],
	['Björn', 'Ångström', 'bjorn.angstrom'],
	['Aoife', 'Mac Giolla', 'aoife.macgiolla'],
	['Kwame', 'Mensah', 'kwame.mensah'],
	['Yuki', 'Tanaka', 'yuki.tanaka'],
	['Dmitri', 'Volkov', 'dmitri.volkov'],
	['Fatima', 'Zahra', 'fatima.zahra'],
	['Liam', 'MacDonald', 'liam.macdonald'],
	['Chloé', 'Lefèvre', 'chloe.lefevre'],
	['Ana', 'dos Santos', 'ana.dossantos'],
];

const DOMAINS = [
	'example.com',
	'example.org',
	'example.net',
	'mail.example.com',
	'homeowner.example',
];

/** Area codes whose numbers libphonenumber knows as valid. */
const US_AREAS = [
	'212',
	'303',
	'312',
	'404',
	'415',
	'512',
	'602',
	'617',
	'702',
	'713',
	'206',
	'305',
];
const CA_AREAS = ['416', '604', '514', '403', '613'];

/** A US/CA exchange: never starting with 0/1, never 555 or an N11 code. */
function exchange(random: Prng): string {
	for (;;) {
		const code = `${random.int(2, 9)}${random.digits(2)}`;
		if (code !== '555' && code.slice(1) !== '11') return code;
	}
}

/** Local formats assume the default country US, so only North American numbers are written locally. */
function northAmerican(random: Prng, country: 'US' | 'CA'): SimPhone {
	const area = random.pick(country === 'US' ? US_AREAS : CA_AREAS);
	const ex = exchange(random);
	const line = random.digits(4);
	const e164 = `+1${area}${ex}${line}`;
	const written = random.weighted<string>([
		[e164, 3],
		[`(${area}) ${ex}-${line}`, 3],
		[`${area}-${ex}-${line}`, 2],
		[`${area}.${ex}.${line}`, 1],
		[`+1 ${area} ${ex} ${line}`, 2],
		[`1-${area}-${ex}-${line}`, 1],
	]);
	return { e164, written, country };
}

/** British numbers are always written internationally (the templates' default country is US). */
function british(random: Prng): SimPhone {
	if (random.chance(0.6)) {
		const rest = `4${random.digits(2)} ${random.digits(6)}`;
		const e164 = `+447${rest.replace(' ', '')}`;
		return { e164, written: random.chance(0.5) ? e164 : `+44 7${rest}`, country: 'GB' };
	}
	// London: 020 7xxx xxxx.
	const block = `7${random.digits(3)}`;
	const line = random.digits(4);
	const e164 = `+4420${block}${line}`;
	const prefix = random.chance(0.5) ? '+44' : '0044';
	return { e164, written: `${prefix} 20 ${block} ${line}`, country: 'GB' };
}

export function makePhone(random: Prng): SimPhone {
	const country = random.weighted<SimPhone['country']>([
		['US', 75],
		['CA', 15],
		['GB', 10],
	]);
	return country === 'GB' ? british(random) : northAmerican(random, country);
}

/** A new person; `index` keeps every email address unique across the day. */
export function makePerson(random: Prng, index: number): Person {
	const [first, last, ascii] = random.pick(NAMES);
	const local = `${ascii}.${index}`;
	const domain = random.pick(DOMAINS);
	const typed = random.chance(0.15)
		? `${local.charAt(0).toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}`
		: `${local}@${domain}`;
	return { first, last, full: `${first} ${last}`, email: typed, phone: makePhone(random) };
}

/** The identity key the system must derive: a valid email wins, then a valid phone. */
export function emailKey(email: string): string {
	return `email:${email.toLowerCase()}`;
}

export function phoneKey(phone: SimPhone): string {
	return `phone:${phone.e164}`;
}
