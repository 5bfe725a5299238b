/** The GSM 03.38 basic character set: one 7-bit unit each. */
const GSM7_BASIC = new Set(
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs two units (an escape plus the character). */
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export const SMS_LIMITS = { gsm7: 160, ucs2: 70 } as const;
export type SmsEncoding = keyof typeof SMS_LIMITS;

export interface SmsSize {
	encoding: SmsEncoding;
	/** GSM-7 units, or UTF-16 code units when the text needs Unicode. */
	units: number;
	/** What one SMS segment holds in that encoding. */
	limit: number;
}

/** How a phone network counts a text: GSM-7 when every character is in it, else UCS-2. */
export function smsSize(text: string): SmsSize {
	let units = 0;
	for (const character of text) {
		if (GSM7_BASIC.has(character)) units += 1;
		else if (GSM7_EXTENSION.has(character)) units += 2;
		else return { encoding: 'ucs2', units: text.length, limit: SMS_LIMITS.ucs2 };
	}
	return { encoding: 'gsm7', units, limit: SMS_LIMITS.gsm7 };
}

/** Whether the text goes out as one SMS segment. */
export function fitsOneSms(text: string): boolean {
	const size = smsSize(text);
	return size.units <= size.limit;
}
