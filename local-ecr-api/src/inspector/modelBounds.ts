import { INSPECTOR2_MODEL } from '../model/serviceModels';

/** The `max` of an integer shape of the Inspector2 model, so paging follows the model. */
export function modelMax(shapeName: string): number {
  const max = INSPECTOR2_MODEL.shapes[shapeName]?.max;
  if (max === undefined) {
    throw new Error(`${shapeName} has no max in the Inspector2 model`);
  }
  return max;
}

/** The enum of a string shape of the Inspector2 model. */
export function modelEnum(shapeName: string): readonly string[] {
  const values = INSPECTOR2_MODEL.shapes[shapeName]?.enum;
  if (!values)
    throw new Error(`${shapeName} is not an enum in the Inspector2 model`);
  return values;
}
