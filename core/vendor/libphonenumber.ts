/**
 * The one place core/ reaches libphonenumber-js. The build bundles this file (with the "max"
 * metadata, which knows line types) into dist, so the published package has no runtime dependency.
 */
export { parsePhoneNumberFromString } from 'libphonenumber-js/max';
export type { CountryCode, NumberType, PhoneNumber } from 'libphonenumber-js/max';
