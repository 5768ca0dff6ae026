/**
 * AWS errors as the restJson1 SDKs decode them: the status comes from the model (note the odd
 * ones: ThrottlingException 400, LimitExceededException 410), the name travels in the
 * `x-amzn-ErrorType` header and in the body's `__type`, never in a `code` key (the JS SDK reads
 * `code` before `__type`).
 */

export type AwsErrorName =
  | 'InvalidRequestException'
  | 'ResourceNotFoundException'
  | 'ResourceAlreadyExistsException'
  | 'VersionConflictException'
  | 'LimitExceededException'
  | 'ThrottlingException'
  | 'InternalFailureException'
  | 'SerializationException'
  | 'UnknownOperationException'
  | 'RequestEntityTooLargeException'
  | 'MissingAuthenticationTokenException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'IncompleteSignatureException'
  | 'ExpiredTokenException'
  | 'AccessDeniedException'
  | 'NotAuthorizedException'
  | 'InvalidParameterException';

const STATUS: Record<AwsErrorName, number> = {
  InvalidRequestException: 400,
  ResourceNotFoundException: 404,
  ResourceAlreadyExistsException: 409,
  VersionConflictException: 409,
  LimitExceededException: 410,
  ThrottlingException: 400,
  InternalFailureException: 500,
  SerializationException: 400,
  UnknownOperationException: 404,
  RequestEntityTooLargeException: 413,
  MissingAuthenticationTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
  ExpiredTokenException: 403,
  AccessDeniedException: 403,
  // Cognito Identity answers a refused login with 400 on its JSON 1.1 wire.
  NotAuthorizedException: 400,
  InvalidParameterException: 400,
};

/** An error that answers the request with its AWS name, model status, message and extra members. */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly errorName: AwsErrorName,
    message: string,
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = errorName;
    this.status = STATUS[errorName];
  }

  /** The JSON body: `__type`, `message` and any modelled members such as `resourceArn`. */
  toBody(): Record<string, string> {
    return { __type: this.errorName, message: this.message, ...this.extra };
  }
}

/** 400 InvalidRequestException. */
export function invalidRequest(message: string): AwsError {
  return new AwsError('InvalidRequestException', message);
}

/** 404 ResourceNotFoundException. */
export function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message);
}

/** 410 LimitExceededException. */
export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceededException', message);
}

/** 400 SerializationException: the body or a parameter is not of the type the model declares. */
export function serializationError(message: string): AwsError {
  return new AwsError('SerializationException', message);
}

/** 409 ResourceAlreadyExistsException carrying the existing resource's id and ARN. */
export function alreadyExists(kind: string, id: string, arn: string): AwsError {
  return new AwsError('ResourceAlreadyExistsException', `${kind} ${id} already exists.`, {
    resourceId: id,
    resourceArn: arn,
  });
}
