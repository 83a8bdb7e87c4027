export { startSimulatedAws } from './startSimulatedAws';
export type {
  AppliedResource,
  ResourceFailure,
  SimulatedAws,
  SimulatedAwsOptions,
  UpResult,
} from './types';
