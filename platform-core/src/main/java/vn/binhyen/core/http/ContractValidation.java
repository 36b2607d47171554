package vn.binhyen.core.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;

/**
 * Checks a request against its operation in the contract (parameters and body) on the event loop
 * that received it, in front of the operation's handlers.
 *
 * <p>The router's own validation hands every request to {@code vertx.executeBlocking}, which is
 * ordered per context: all requests of one HTTP verticle wait in one queue for one worker at a
 * time, plus two thread hand-offs per request. With validators cached per schema
 * ({@link ValidatorCache}) checking a request is a few microseconds of work on bodies the body
 * limit keeps small, so doing it in place is cheaper than the queue (docs/benchmarks.md, "Tips").
 * Same checks and the same {@code ValidatorException}s as the router's, mapped to 400 by the
 * {@link FailureHandler}.
 */
public final class ContractValidation {

  private final RequestValidatorImpl validator;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

  public ContractValidation(Vertx vertx, OpenAPIContract contract) {
    this.validator = new RequestValidatorImpl(vertx, contract);
  }

  /** The validating handler for one operation. */
  public Handler<RoutingContext> forOperation(Operation operation) {
    return ctx -> extractor.extractValidatableRequest(ctx, operation).onComplete(extracted -> {
      if (extracted.failed()) {
        fail(ctx, extracted.cause());
        return;
      }
      try {
        validate(operation, extracted.result());
      } catch (RuntimeException e) {
        fail(ctx, e);
        return;
      }
      ctx.next();
    });
  }

  /** As the router does: a validation failure is a 400 carrying its cause, anything else fails as is. */
  private static void fail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ValidatorException) {
      ctx.fail(new HttpException(HttpResponseStatus.BAD_REQUEST.code(), failure.getMessage(), failure));
    } else {
      ctx.fail(failure);
    }
  }

  private void validate(Operation operation, ValidatableRequest request) {
    for (Parameter param : operation.getParameters()) {
      RequestParameter value = switch (param.getIn()) {
        case COOKIE -> request.getCookies().get(param.getName());
        case HEADER -> request.getHeaders().get(param.getName());
        case PATH -> request.getPathParameters().get(param.getName());
        case QUERY -> request.getQuery().get(param.getName());
      };
      validator.validateParameter(param, value);
    }
    validator.validateBody(operation.getRequestBody(), request);
  }
}
