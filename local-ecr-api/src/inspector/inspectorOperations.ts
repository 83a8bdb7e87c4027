import { INSPECTOR2_MODEL } from '../model/serviceModels';
import type { Registry } from '../Registry';
import { listCoverage } from './listCoverage';
import { listFindingAggregations } from './listFindingAggregations';

/** A restJson1 operation of the local Inspector API: where it is bound and who answers it. */
export interface InspectorOperation {
  readonly method: string;
  readonly path: string;
  readonly handler: (
    registry: Registry,
    request: Record<string, unknown>,
  ) => unknown;
}

/** The HTTP binding of `operation` as the Inspector2 model states it. */
function bindingOf(operation: string): { method: string; path: string } {
  const http = INSPECTOR2_MODEL.operations[operation]?.http;
  if (!http) throw new Error(`${operation} has no HTTP binding in the model`);
  return { method: http.method, path: http.requestUri };
}

/** The Inspector2 operations the server routes: `POST /findings/aggregation/list`, `POST /coverage/list`. */
export const INSPECTOR_OPERATIONS = {
  ListFindingAggregations: {
    ...bindingOf('ListFindingAggregations'),
    handler: listFindingAggregations,
  },
  ListCoverage: { ...bindingOf('ListCoverage'), handler: listCoverage },
} as const satisfies Record<string, InspectorOperation>;
