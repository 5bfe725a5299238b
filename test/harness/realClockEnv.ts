/**
 * The environment without the clock shift of scripts/with-clock-ahead.sh, for Chromium: it hangs
 * under libfaketime, and nothing a test reads from the browser depends on the date.
 */
export function realClockEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env))
		if (value !== undefined && name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME'))
			env[name] = value;
	return env;
}
