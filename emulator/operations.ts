import { CUSTOM_METRIC_OPERATIONS } from './handlers/custom-metrics';
import { DIMENSION_OPERATIONS } from './handlers/dimensions';
import { SECURITY_PROFILE_OPERATIONS } from './handlers/security-profiles';
import { TAG_OPERATIONS } from './handlers/tags';
import { TARGET_OPERATIONS } from './handlers/targets';
import type { Operation } from './operation';

/** Every AWS IoT operation the local endpoint implements. */
export const IOT_OPERATIONS: readonly Operation[] = [
  ...SECURITY_PROFILE_OPERATIONS,
  ...TARGET_OPERATIONS,
  ...DIMENSION_OPERATIONS,
  ...CUSTOM_METRIC_OPERATIONS,
  ...TAG_OPERATIONS,
];
