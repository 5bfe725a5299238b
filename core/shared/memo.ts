/**
 * Memoizes a pure function of a string in a bounded map. For values that repeat across items —
 * a form's field labels, an email domain — never for personal data. When full, the map is cleared:
 * cheaper than LRU bookkeeping, and the working set refills within a few items.
 */
export function memoizeString<T>(fn: (key: string) => T, capacity = 2000): (key: string) => T {
	const cache = new Map<string, T>();
	return (key: string) => {
		const hit = cache.get(key);
		if (hit !== undefined || cache.has(key)) return hit as T;
		if (cache.size >= capacity) cache.clear();
		const value = fn(key);
		cache.set(key, value);
		return value;
	};
}
