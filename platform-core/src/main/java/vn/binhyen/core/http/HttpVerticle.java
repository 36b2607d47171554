package vn.binhyen.core.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.binhyen.core.identity.TokenService;
import vn.binhyen.core.module.Api;
import vn.binhyen.core.module.FeatureModule;
import vn.binhyen.core.module.Services;

/**
 * One HTTP server instance: builds the router from the contract, lets every module mount its
 * handlers, and listens. Wiring only; no rules here.
 */
public final class HttpVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(HttpVerticle.class);
  private static final Logger access = LoggerFactory.getLogger("binhyen.access");

  private final Services services;
  private final ApiContract contract;
  private final List<FeatureModule> modules;
  private io.vertx.core.http.HttpServer server;

  public HttpVerticle(Services services, ApiContract contract, List<FeatureModule> modules) {
    this.services = services;
    this.contract = contract;
    this.modules = modules;
  }

  @Override
  public Future<?> start() {
    var config = services.config();
    TokenService tokens = new TokenService(vertx, services.jwtKeys(), config.accessTokenTtl());
    Authenticator authenticator = new Authenticator(tokens, services.revocations(),
        services.get(vn.binhyen.core.cluster.Quorum.class));
    BodyLimits bodies = new BodyLimits(config.bodyLimitBytes(), config.uploadLimitBytes(),
        config.dataDir().resolve("uploads-tmp"));
    return OpenAPIContract.from(vertx, contract.json()).map(ValidatorCache::around).compose(openapi -> {
      RouterBuilder builder = RouterBuilder.create(vertx, openapi, RequestExtractor.withBodyHandler());
      builder.rootHandler(this::closeWhenStopping);
      builder.rootHandler(RequestGuard::handle);
      builder.rootHandler(new ClientAddress(config.trustedProxies()).handler());
      builder.rootHandler(SecurityHeaders::handle);
      builder.rootHandler(HttpVerticle::accessLog);
      builder.rootHandler(bodies::handle);
      Api api = new Api(builder, contract,
          rule -> new ScopeHandler(rule, authenticator, services.tenantDirectory(), services.policy())::handle,
          tokens, authenticator, services, new ContractValidation(vertx, openapi));
      modules.forEach(m -> m.mount(api));
      requireEveryOperationMounted(api.mounted());
      Router router = builder.createRouter();
      api.applyRoutes(router);
      router.route().last().handler(ctx -> ctx.fail(404));
      router.route().failureHandler(FailureHandler::handle);
      for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
        router.errorHandler(status, FailureHandler::handle);
      }
      HttpServerOptions options = new HttpServerOptions()
          .setPort(config.httpPort())
          .setHost("0.0.0.0")
          .setCompressionSupported(true)
          .setMaxHeaderSize(config.httpMaxHeaderBytes())
          .setMaxInitialLineLength(config.httpMaxLineBytes())
          // No cleartext HTTP/2 upgrade (h2c) and no connection idle for more than 10 s, so a
          // client that sends half its headers and waits is cut off (issue 19).
          .setHttp2ClearTextEnabled(false)
          .setIdleTimeout(10);
      return vertx.createHttpServer(options)
          // Before the first byte is read: TE + CL together fail the request (StrictRequestDecoder).
          .connectionHandler(connection -> StrictRequestDecoder.install(connection, options))
          .requestHandler(router)
          .invalidRequestHandler(InvalidRequests::handle)
          .listen()
          .onSuccess(s -> server = s)
          .onSuccess(s -> log.debug("HTTP verticle listening on {}", s.actualPort()));
    });
  }

  /**
   * Graceful: the listener stops accepting, idle connections close, requests under way get up to
   * {@code BINHYEN_SHUTDOWN_GRACE} to finish, then what is left is cut. Runs when Platform.close
   * undeploys the HTTP verticles, before the pool and the cluster close.
   */
  @Override
  public Future<?> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    long grace = services.config().shutdownGrace().toMillis();
    return server.shutdown(grace, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  // While the node drains, each answer tells its client to close the connection: a kept-alive
  // connection is not reused for a request that the closing listener would drop unanswered.
  private void closeWhenStopping(io.vertx.ext.web.RoutingContext ctx) {
    if (services.stopping()) {
      ctx.response().putHeader(io.vertx.core.http.HttpHeaders.CONNECTION, io.vertx.core.http.HttpHeaders.CLOSE);
    }
    ctx.next();
  }

  private void requireEveryOperationMounted(Set<String> mounted) {
    Set<String> missing = new HashSet<>(contract.rules().keySet());
    missing.removeAll(mounted);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Operations in the contract without a handler: " + missing);
    }
  }

  private static void accessLog(io.vertx.ext.web.RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(x -> {
      if (access.isInfoEnabled()) {
        access.info("[{}] {} {} {} {}ms", Requests.requestId(ctx), ctx.request().method(),
            ctx.request().path(), ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000);
      }
    });
    ctx.next();
  }

}
