export { listFindingAggregations } from './listFindingAggregations';
export { listCoverage } from './listCoverage';
export { INSPECTOR_OPERATIONS } from './inspectorOperations';
export type { InspectorOperation } from './inspectorOperations';
export { InspectorValidationError } from './InspectorValidationError';
export type { ValidationExceptionReason } from './InspectorValidationError';
