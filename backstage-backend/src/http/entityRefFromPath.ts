import {
  makeValidator,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { bounded } from './bounded';

/** The catalog's own rules for kinds, namespaces and names. */
const validator = makeValidator();

const PARTS = [
  ['kind', validator.isValidKind, 'letters and digits, starting with a letter'],
  [
    'namespace',
    validator.isValidNamespace,
    'lowercase letters, digits and dashes, e.g. default',
  ],
  [
    'name',
    validator.isValidEntityName,
    'letters, digits, ".", "_" and "-", at most 63, starting and ending with a letter or digit',
  ],
] as const;

/**
 * The entity ref of `/entities/:kind/:namespace/:name`, checked by the catalog's own rules
 * before any catalog call: `..`, `.`, an encoded `/` or an empty part can never reach the
 * catalog client and address another entity.
 */
export function entityRefFromPath(
  params: Record<string, string>,
): CompoundEntityRef {
  for (const [part, isValid, rule] of PARTS) {
    if (!isValid(params[part])) {
      throw new InputError(
        `Invalid entity ${part} "${bounded(params[part] ?? '')}": use ${rule}`,
      );
    }
  }
  return { kind: params.kind, namespace: params.namespace, name: params.name };
}
