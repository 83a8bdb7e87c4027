import {
  BASIC_SEVERITIES,
  ENCRYPTION_TYPES,
  REPOSITORY_CREATORS,
  SCAN_FREQUENCIES,
  TAG_MUTABILITIES,
} from '../model';
import { ECR_MODEL } from './serviceModels';

describe("the simulator's enums", () => {
  test.each([
    ['ImageTagMutability', TAG_MUTABILITIES],
    ['EncryptionType', ENCRYPTION_TYPES],
    ['ScanFrequency', SCAN_FREQUENCIES],
    ['RCTAppliedFor', REPOSITORY_CREATORS],
    ['FindingSeverity', BASIC_SEVERITIES],
  ])('%s lists what the ECR model lists', (shape, values) => {
    expect([...values].sort()).toEqual(
      [...ECR_MODEL.shapes[shape].enum!].sort(),
    );
  });
});
