import { readInquiry } from '../inquiry/read';
import { readInquiryParameter } from '../inquiry/parameter';
import type { Inquiry } from '../inquiry/schema';
import { memoizeString } from '../shared/memo';
import { readPath } from './paths';
import type { ReadBackIo } from './readBack';
import {
	fillUrlTemplate,
	joinUrl,
	parseUrlTemplate,
	readBack,
	writeFailedWithoutId,
} from './readBack';
import { readHandedRecord, readRecordId, unwrapResponse } from './response';
import type { HandoffParameters, HandoffSettings } from './settings';
import { compileHandoffSettings } from './settings';
import type { HandoffStageResult } from './stage';
import { verifyInquiryHandoff } from './stage';
import type { VerifyHandoffOptions } from './verifyHandoff';

export const HANDOFF_MODES = ['response', 'readBack', 'record'] as const;
export type HandoffMode = (typeof HANDOFF_MODES)[number];

/** How "Read Back Over HTTP" looks for the record of one item. */
export interface ReadBackRequest {
	/** The credential's base URL; the URL below is joined onto it and may not leave it. */
	baseUrl: string;
	/** "/contacts/{recordId}" or "/contacts?email={email}". */
	url: string;
	attempts: number;
	retryDelayMs: number;
	io: ReadBackIo;
}

export interface HandoffItemOptions {
	/** Reads the "Inquiry" parameter; used when the settings do not take the inquiry from the input item. */
	inquiryParameter: () => unknown;
	/** Present in the read-back mode; without it the input item is the response or the record. */
	readBack?: ReadBackRequest;
	now: Date;
	nodeName: string;
}

/** What the destination showed for one item: the record (if any) and how it was obtained. */
type Evidence = Pick<VerifyHandoffOptions, 'recordId' | 'statusCode' | 'error' | 'attempts'> & {
	record?: Record<string, unknown>;
};

// The settings object is the same for every item of a run, so it is compiled once.
const compiled = new WeakMap<HandoffParameters, HandoffSettings>();
const urlTemplate = memoizeString(parseUrlTemplate, 100);

function compiledSettings(parameters: HandoffParameters): HandoffSettings {
	let settings = compiled.get(parameters);
	if (!settings) {
		settings = compileHandoffSettings(parameters);
		compiled.set(parameters, settings);
	}
	return settings;
}

/** The response and record modes: what the input itself shows. */
function handedEvidence(input: unknown, settings: HandoffSettings, now: Date): Evidence {
	const handed = readHandedRecord(input, settings, now);
	const { record, recordId, statusCode, error } = handed;
	return { record, recordId, statusCode, error, attempts: [handed.attempt] };
}

/**
 * The read-back mode: fetch the record by the id the write returned or by a search. A write that
 * failed without an id leaves nothing to fetch by id, so its own answer is reported; the record
 * id falls back to the one the write returned.
 */
async function readBackEvidence(
	inquiry: Inquiry,
	input: unknown,
	settings: HandoffSettings,
	request: ReadBackRequest,
	now: Date,
): Promise<Evidence> {
	const inputId = readRecordId(unwrapResponse(input).body, settings.recordIdPath);
	const template = urlTemplate(request.url);
	if (writeFailedWithoutId(template, input, inputId)) return handedEvidence(input, settings, now);
	const result = await readBack(
		{
			url: joinUrl(request.baseUrl, fillUrlTemplate(template, inquiry, inputId)),
			attempts: request.attempts,
			retryDelayMs: request.retryDelayMs,
			recordPath: settings.recordPath,
		},
		request.io,
	);
	return { ...result, recordId: readRecordId(result.record, settings.recordIdPath) ?? inputId };
}

/**
 * Verify Inquiry Handoff for one input item: find the inquiry (the item itself, or the Inquiry
 * parameter), find what the destination holds (the item as a response or record, or a read-back),
 * and compare: the receipt, the output and the extended inquiry.
 */
export async function verifyHandoffItem(
	json: unknown,
	parameters: HandoffParameters,
	options: HandoffItemOptions,
): Promise<HandoffStageResult> {
	const settings = compiledSettings(parameters);
	const fromInput = settings.recordField !== undefined;
	const inquiry = fromInput ? readInquiry(json) : readInquiryParameter(options.inquiryParameter);
	const input = settings.recordField ? readPath(json, settings.recordField) : json;
	const evidence = options.readBack
		? await readBackEvidence(inquiry, input, settings, options.readBack, options.now)
		: handedEvidence(input, settings, options.now);
	const { record, ...seen } = evidence;
	return verifyInquiryHandoff(inquiry, record, settings.fields, {
		...seen,
		destination: settings.destination,
		now: options.now,
		slaMinutes: settings.slaMinutes,
		useRespondBy: settings.useRespondBy,
		nodeName: options.nodeName,
	});
}
