/**
 * A small seeded random source (mulberry32), so a simulated day is the same on every machine.
 * Math.random is never used: the same seed must give byte-identical traffic.
 */
export class Prng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight: [[value, weight], …]. */
	weighted<T>(choices: readonly (readonly [T, number])[]): T {
		const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
		let roll = this.next() * total;
		for (const [value, weight] of choices) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return choices[choices.length - 1][0];
	}

	/** `length` characters from `alphabet`. */
	chars(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
		return out;
	}

	hex(length: number): string {
		return this.chars(length, '0123456789abcdef');
	}

	digits(length: number): string {
		return this.chars(length, '0123456789');
	}

	/** An independent stream derived from this one, so adding draws in one part leaves others unchanged. */
	fork(label: string): Prng {
		let hash = this.state ^ 0x9e3779b9;
		for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
		return new Prng(hash >>> 0);
	}
}
