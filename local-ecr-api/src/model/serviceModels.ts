import ecr from './ecr.constraints.json';
import inspector2 from './inspector2.constraints.json';
import tagging from './tagging.constraints.json';
import type { ServiceModel } from './ServiceModel';

/** Amazon ECR (`ecr` 2015-09-21, JSON 1.1), the operations the simulator implements. */
export const ECR_MODEL = ecr as unknown as ServiceModel;

/** Amazon Inspector (`inspector2` 2020-06-08, restJson1): ListCoverage, ListFindingAggregations. */
export const INSPECTOR2_MODEL = inspector2 as unknown as ServiceModel;

/** Resource Groups Tagging API (2017-01-26, JSON 1.1): GetResources. */
export const TAGGING_MODEL = tagging as unknown as ServiceModel;
