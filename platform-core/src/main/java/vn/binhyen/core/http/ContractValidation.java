package vn.binhyen.core.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    RequestBody body = operation.getRequestBody() == null ? null : new KnownContentTypes(operation.getRequestBody());
    return ctx -> extractor.extractValidatableRequest(ctx, operation).onComplete(extracted -> {
      if (extracted.failed()) {
        fail(ctx, extracted.cause());
        return;
      }
      try {
        validate(operation, body, extracted.result());
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

  private void validate(Operation operation, RequestBody body, ValidatableRequest request) {
    for (Parameter param : operation.getParameters()) {
      RequestParameter value = switch (param.getIn()) {
        case COOKIE -> request.getCookies().get(param.getName());
        case HEADER -> request.getHeaders().get(param.getName());
        case PATH -> request.getPathParameters().get(param.getName());
        case QUERY -> request.getQuery().get(param.getName());
      };
      validator.validateParameter(param, value);
    }
    validator.validateBody(body, request);
  }

  /**
   * The operation's request body, remembering which media type a {@code Content-Type} header
   * picks: the library strips the header's white space with a regular expression compiled on
   * every request (about 4 % of the node's time at full tip intake). Only the first
   * {@link #REMEMBERED} distinct headers are kept, so clients sending random ones cost memory only
   * up to that bound; any other header is looked up as before.
   */
  static final class KnownContentTypes implements RequestBody {
    static final int REMEMBERED = 32;
    private static final int LONGEST = 200;

    private final RequestBody body;
    private final Map<String, Optional<MediaType>> picked = new ConcurrentHashMap<>();

    KnownContentTypes(RequestBody body) {
      this.body = body;
    }

    @Override
    public MediaType determineContentType(String contentType) {
      if (contentType == null || contentType.length() > LONGEST) {
        return body.determineContentType(contentType);
      }
      Optional<MediaType> known = picked.get(contentType);
      if (known != null) {
        return known.orElse(null);
      }
      MediaType type = body.determineContentType(contentType);
      if (picked.size() < REMEMBERED) {
        picked.putIfAbsent(contentType, Optional.ofNullable(type));
      }
      return type;
    }

    int remembered() {
      return picked.size();
    }

    @Override
    public boolean isRequired() {
      return body.isRequired();
    }

    @Override
    public Map<String, MediaType> getContent() {
      return body.getContent();
    }

    @Override
    public io.vertx.core.json.JsonObject getOpenAPIModel() {
      return body.getOpenAPIModel();
    }

    @Override
    public Map<String, Object> getExtensions() {
      return body.getExtensions();
    }
  }
}
