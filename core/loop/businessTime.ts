// Business time is counted in one place, beside Assign Inquiry Owner's clock, so the ladder, the
// sweep and the report's clocks agree.
export { businessMinutesBetween, businessMsBetween } from '../ownership/businessTime';
