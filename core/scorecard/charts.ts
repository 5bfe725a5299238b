/**
 * Inline SVG charts for the e-mailed report: plain shapes and text, fixed sizes, no CSS classes,
 * no fonts to fetch, no scripts. Every label passes through `escapeHtml`.
 */

import { escapeHtml } from '../shared/html';

export { escapeHtml };

const FONT = 'Arial, Helvetica, sans-serif';

export interface Bar {
	label: string;
	value: number;
	/** Shown after the value, e.g. "(64%)". */
	note?: string;
	color?: string;
}

function svgOpen(width: number, height: number, title: string): string {
	const safe = escapeHtml(title);
	return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${safe}"><title>${safe}</title>`;
}

/** Labelled horizontal bars (the funnel, leaks by channel). */
export function horizontalBars(
	bars: readonly Bar[],
	options: { title: string; width: number; color: string; labelWidth?: number },
): string {
	const labelWidth = options.labelWidth ?? 130;
	const valueWidth = 90;
	const rowHeight = 30;
	const barSpace = options.width - labelWidth - valueWidth;
	const max = Math.max(1, ...bars.map((b) => b.value));
	const height = Math.max(1, bars.length) * rowHeight + 4;
	const rows = bars.map((bar, i) => {
		const y = i * rowHeight + 4;
		const length = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * barSpace)) : 0;
		const text = `${bar.value}${bar.note ? ` ${bar.note}` : ''}`;
		return (
			`<text x="${labelWidth - 8}" y="${y + 17}" font-family="${FONT}" font-size="13" fill="#24292F" text-anchor="end">${escapeHtml(bar.label)}</text>` +
			`<rect x="${labelWidth}" y="${y + 3}" width="${barSpace}" height="20" rx="3" fill="#EEF1F4"/>` +
			(length
				? `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="20" rx="3" fill="${bar.color ?? options.color}"/>`
				: '') +
			`<text x="${labelWidth + barSpace + 8}" y="${y + 17}" font-family="${FONT}" font-size="13" fill="#24292F">${escapeHtml(text)}</text>`
		);
	});
	const empty = bars.length
		? ''
		: `<text x="0" y="20" font-family="${FONT}" font-size="13" fill="#57606A">Nothing to show</text>`;
	return `${svgOpen(options.width, height, options.title)}${rows.join('')}${empty}</svg>`;
}

/** Vertical columns with labels underneath (the time-to-owner distribution). */
export function columns(
	bars: readonly Bar[],
	options: { title: string; width: number; height: number; color: string },
): string {
	const top = 20;
	const bottom = 24;
	const plot = options.height - top - bottom;
	const max = Math.max(1, ...bars.map((b) => b.value));
	const slot = options.width / Math.max(1, bars.length);
	const barWidth = Math.round(slot * 0.62);
	const cells = bars.map((bar, i) => {
		const x = Math.round(i * slot + (slot - barWidth) / 2);
		const h = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * plot)) : 0;
		const center = Math.round(i * slot + slot / 2);
		return (
			(h
				? `<rect x="${x}" y="${top + plot - h}" width="${barWidth}" height="${h}" rx="3" fill="${bar.color ?? options.color}"/>`
				: '') +
			`<text x="${center}" y="${top + plot - h - 5}" font-family="${FONT}" font-size="12" fill="#24292F" text-anchor="middle">${bar.value}</text>` +
			`<text x="${center}" y="${options.height - 6}" font-family="${FONT}" font-size="12" fill="#57606A" text-anchor="middle">${escapeHtml(bar.label)}</text>`
		);
	});
	const axis = `<rect x="0" y="${top + plot}" width="${options.width}" height="1" fill="#D0D7DE"/>`;
	return `${svgOpen(options.width, options.height, options.title)}${axis}${cells.join('')}</svg>`;
}
