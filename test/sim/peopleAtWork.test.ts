import { linksInMessage } from './peopleAtWork';

const LINK = 'http://127.0.0.1:5678/webhook/inquiry-link?t=';

describe('linksInMessage', () => {
	it("finds the three labelled links of an owner e-mail's text", () => {
		const body = [
			'New inquiry for you: Dana Loop (web form), reply by Mon 2 Mar, 10:30 (America/New_York)',
			'Message: "I\'ve got it: a leak" — the customer\'s words, not a link',
			`I've got it: ${LINK}claim.sig`,
			`Pass it on: ${LINK}pass.sig`,
			`I've contacted them: ${LINK}contacted.sig`,
		].join('\n');
		expect(linksInMessage(body)).toEqual({
			claim: `${LINK}claim.sig`,
			pass: `${LINK}pass.sig`,
			contacted: `${LINK}contacted.sig`,
		});
	});

	it('reads the text message form, where the links share one line', () => {
		expect(
			linksInMessage(
				`New inquiry for you: Dana (call), reply by 10:30. I've got it: ${LINK}c1 Pass it on: ${LINK}p1`,
			),
		).toEqual({ claim: `${LINK}c1`, pass: `${LINK}p1` });
	});

	it('finds nothing in a message without links (a ladder reminder)', () => {
		expect(
			linksInMessage('You have not claimed inquiry inq_1 (form) yet. Claim it before 10:30.'),
		).toEqual({});
	});
});
