export { ComplianceBadges } from './ComplianceBadges';
