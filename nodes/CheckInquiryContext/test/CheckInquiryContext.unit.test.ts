import type { INodeProperties } from 'n8n-workflow';
import { CONTEXT_FIELDS, FIELD_LABELS } from '../../../core/context/fields';
import { CONTEXT_OUTPUTS } from '../../../core/context/stage';
import { CheckInquiryContext } from '../CheckInquiryContext.node';
import { OUTPUT, OUTPUT_NAMES } from '../checkInquiryContext.description';
import { FIELD_OPTIONS } from '../requirementFields';

const { description } = new CheckInquiryContext();

function walk(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return walk(option.values);
			if ('type' in option) return walk([option as INodeProperties]);
			return [];
		});
		return [property, ...nested];
	});
}

describe('Check Inquiry Context description', () => {
	it('lists every canonical field once in the form, under its label', () => {
		expect(FIELD_OPTIONS.map((option) => option.value).sort()).toEqual([...CONTEXT_FIELDS].sort());
		for (const option of FIELD_OPTIONS)
			expect(option.name.toLowerCase()).toBe(
				FIELD_LABELS[option.value as keyof typeof FIELD_LABELS].toLowerCase(),
			);
	});

	it('has the three outputs in the order the routing uses', () => {
		expect(description.outputNames).toEqual(['Complete', 'Needs Context', 'Unreachable']);
		expect(description.outputs).toHaveLength(3);
		expect(Object.keys(OUTPUT)).toEqual([...CONTEXT_OUTPUTS]);
		expect(Object.values(OUTPUT)).toEqual([0, 1, 2]);
		expect(OUTPUT_NAMES).toHaveLength(3);
	});

	it('is not offered as a tool (its input item is the inquiry) and gives every parameter a default', () => {
		expect(description.usableAsTool).toBeUndefined();
		const all = walk(description.properties);
		expect(all.length).toBeGreaterThan(20);
		for (const property of all) expect(property).toHaveProperty('default');
	});

	it('offers each option default among its choices', () => {
		for (const property of walk(description.properties).filter((p) => p.type === 'options')) {
			const values = (property.options ?? []).map((option) =>
				'value' in option ? option.value : undefined,
			);
			expect(values).toContain(property.default);
		}
	});
});
