/**
 * The README's first screen: the loop as a newcomer sees it after `npm start`, taken from a real
 * run of the imported templates (hub 00, Outbox 00c, form entry 01b, weekly report 07) delivering
 * to a real MailDev.
 *
 *   docs/images/loop-inbox-owner-email.png   MailDev's web inbox showing the owner's e-mail and its links
 *   docs/images/loop-weekly-report.png       the weekly report e-mail as delivered, down to the three clocks
 *
 * The customers and the week are sample data: one form post for the inbox, and a seeded sample
 * week (core/scorecard/test/sampleWeek) moved to last week and written to the ledger Data table,
 * which the weekly report template then reads when run from the editor's "Execute workflow".
 */
import { join } from 'path';
import { DateTime } from 'luxon';
import type { Browser } from 'playwright-core';
import { inquiryRow } from '../../../core/scorecard/ledger';
import { SAMPLE_WEEK, sampleWeek } from '../../../core/scorecard/test/sampleWeek';
import type { MailDev, MailMessage, N8nInstance, TemplateResult } from '../harness';
import { insertDataTableRows, updateDataTableRows } from '../harness';
import { Editor } from './editor';

export const LOOP_PICTURES = {
	inbox: 'loop-inbox-owner-email.png',
	report: 'loop-weekly-report.png',
} as const;

const BUSINESS = {
	businessName: 'Acme Plumbing',
	timeZone: 'America/New_York',
	emailFrom: 'inquiries@acme-plumbing.test',
	managerEmail: 'manager@acme-plumbing.test',
};
const TEAM = [
	{ ownerId: 'owner-1', name: 'Ana Lopez', email: 'ana@acme-plumbing.test' },
	{ ownerId: 'owner-2', name: 'Ben Diaz', email: 'ben@acme-plumbing.test' },
	{ ownerId: 'owner-3', name: 'Cara Smith', email: 'cara@acme-plumbing.test' },
];
const CUSTOMER = {
	name: 'Jane Roe',
	email: 'jane.roe@customers.test',
	phone: '(415) 555-0142',
	service: 'Leak repair',
	message:
		'Water is dripping through the kitchen ceiling since this morning. Can someone come today?',
	postal_code: '10027',
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The sample week's ledger rows, every time moved by whole weeks so the week is last week in New York. */
export function sampleLedgerForLastWeek(now: Date, count = 60): Array<Record<string, unknown>> {
	const lastWeek = DateTime.fromJSDate(now)
		.setZone(SAMPLE_WEEK.timezone)
		.startOf('week')
		.minus({ weeks: 1 });
	const weeks = Math.round(
		lastWeek.diff(DateTime.fromJSDate(SAMPLE_WEEK.from).setZone(SAMPLE_WEEK.timezone), 'weeks')
			.weeks,
	);
	const move = (iso: string) =>
		DateTime.fromISO(iso, { zone: SAMPLE_WEEK.timezone }).plus({ weeks }).toUTC().toISO() ?? iso;
	return sampleWeek(7, count).map((inquiry) =>
		Object.fromEntries(
			Object.entries(inquiryRow(inquiry, SAMPLE_WEEK.now)).map(([column, value]) => [
				column,
				typeof value === 'string' && ISO.test(value) ? move(value) : value,
			]),
		),
	);
}

/** Sets the business up the way a newcomer fills in inquiry_settings and inquiry_team. */
async function fillInTheBusiness(n8n: N8nInstance): Promise<void> {
	for (const [setting, value] of Object.entries(BUSINESS))
		await updateDataTableRows(n8n, 'inquiry_settings', { setting }, { value });
	for (const { ownerId, ...person } of TEAM)
		await updateDataTableRows(n8n, 'inquiry_team', { ownerId }, person);
}

async function inboxPicture(browser: Browser, mail: MailDev, message: MailMessage, path: string) {
	const editor = await Editor.open(browser, mail.webUrl, { width: 1280, height: 860 });
	try {
		await editor.page.goto(`${mail.webUrl}#/email/${message.id}`);
		const body = editor.page.frameLocator('iframe').first().locator('body');
		for (const label of ["I've got it", 'Pass it on'])
			await body.getByText(label, { exact: true }).waitFor();
		await editor.screenshot(path);
	} finally {
		await editor.close();
	}
}

/** The delivered report, as a mail client shows it, cut after the three clocks. */
async function reportPicture(browser: Browser, message: MailMessage, path: string) {
	if (!message.html) throw new Error('The weekly report arrived without its HTML part');
	const page = await browser.newPage({
		viewport: { width: 720, height: 900 },
		deviceScaleFactor: 2,
	});
	try {
		await page.setContent(message.html, { waitUntil: 'load' });
		const clocks = page.getByText('The three clocks', { exact: true });
		await clocks.waitFor();
		const table = page.locator('table', { hasText: 'To first contact' }).last();
		const box = await table.boundingBox();
		if (!box) throw new Error('The report has no three-clocks table');
		await page.screenshot({
			path,
			clip: { x: 0, y: 0, width: 720, height: Math.ceil(box.y + box.height + 24) },
			fullPage: true,
		});
	} finally {
		await page.close();
	}
}

/** Runs the loop for real and takes the two pictures; returns their paths. */
export async function takeLoopPictures(options: {
	n8n: N8nInstance;
	browser: Browser;
	mail: MailDev;
	templates: TemplateResult[];
	folder: string;
}): Promise<string[]> {
	const { n8n, browser, mail, templates, folder } = options;
	const report = templates.find((template) => template.file.startsWith('07-'));
	if (!report?.id) throw new Error('The weekly report template (07) did not import');
	await fillInTheBusiness(n8n);

	const posted = await n8n.postWebhook('inquiry-form', { body: CUSTOMER });
	if (posted.status !== 200)
		throw new Error(`The form post answered ${posted.status}: ${JSON.stringify(posted.json)}`);
	const ownerMail = await mail.waitForMessage(
		(m) => m.subject.includes(`New inquiry for you: ${CUSTOMER.name}`),
		60_000,
	);
	const inbox = join(folder, LOOP_PICTURES.inbox);
	await inboxPicture(browser, mail, ownerMail, inbox);

	await insertDataTableRows(n8n, 'inquiry_ledger', sampleLedgerForLastWeek(new Date()));
	const editor = await Editor.open(browser, n8n.baseUrl, { width: 1440, height: 900 });
	try {
		await editor.signIn(n8n.owner);
		await editor.openWorkflow(report.id);
		await editor.page.getByTestId('execute-workflow-button').first().click();
		const reportMail = await mail.waitForMessage(
			(m) => m.subject.startsWith('Weekly inquiry continuity, '),
			120_000,
		);
		const picture = join(folder, LOOP_PICTURES.report);
		await reportPicture(browser, reportMail, picture);
		return [inbox, picture];
	} finally {
		await editor.close();
	}
}
