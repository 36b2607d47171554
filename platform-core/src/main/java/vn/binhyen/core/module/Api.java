package vn.binhyen.core.module;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import vn.binhyen.core.access.AccessRule;
import vn.binhyen.core.http.ApiContract;
import vn.binhyen.core.http.Authenticator;
import vn.binhyen.core.http.ContractValidation;
import vn.binhyen.core.identity.TokenService;

/**
 * What a module mounts its routes on, per HTTP verticle: operations of the contract (validated,
 * with the scope check of their {@code x-binhyen-access} rule in front) and plain routes (pages,
 * webhooks, well-known files) on {@link #router()}.
 */
public final class Api {

  /** Builds the scope-checking handler for an operation's access rule. */
  public interface ScopeHandlers {
    Handler<RoutingContext> forRule(AccessRule rule);
  }

  private final RouterBuilder builder;
  private final List<Consumer<Router>> plainRoutes = new ArrayList<>();
  private final ApiContract contract;
  private final ScopeHandlers scopes;
  private final TokenService tokens;
  private final Authenticator authenticator;
  private final Services services;
  private final ContractValidation validation;
  private final Set<String> mounted = new HashSet<>();

  public Api(RouterBuilder builder, ApiContract contract, ScopeHandlers scopes,
      TokenService tokens, Authenticator authenticator, Services services, ContractValidation validation) {
    this.builder = builder;
    this.validation = validation;
    this.contract = contract;
    this.scopes = scopes;
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.services = services;
  }

  /** Mounts the handler of a contract operation, behind its scope check. */
  public Api operation(String operationId, Handler<RoutingContext> handler) {
    AccessRule rule = contract.rule(operationId);
    var route = builder.getRoute(operationId);
    if (route == null) {
      throw new IllegalStateException("No operation " + operationId + " in the API contract");
    }
    route.setDoSecurity(false);
    // Validated in place on the event loop (ContractValidation), not by the router's worker queue.
    route.setDoValidation(false);
    route.addHandler(validation.forOperation(route.getOperation()));
    // After the contract's validation (which owns wrong types such as "abc"): digits only, so
    // what the validator reads as a number ("1e5", "5.0") never reaches a Long.parseLong.
    var integers = contract.integerCheck(operationId);
    if (integers != null) {
      route.addHandler(integers);
    }
    route
        .addHandler(scopes.forRule(rule))
        .addHandler(handler);
    mounted.add(operationId);
    return this;
  }

  /**
   * Routes outside the contract (HTML pages, static files, webhooks that need the raw body), added
   * to the node's router after the contract's routes. The root handlers (security headers, body
   * handler with the raw body) run in front of them too.
   */
  public Api routes(Consumer<Router> adder) {
    plainRoutes.add(adder);
    return this;
  }

  /** Called by the HTTP verticle once the contract router exists. */
  public void applyRoutes(Router router) {
    plainRoutes.forEach(r -> r.accept(router));
  }

  public TokenService tokens() { return tokens; }
  public Authenticator authenticator() { return authenticator; }
  public Services services() { return services; }

  public Set<String> mounted() {
    return Set.copyOf(mounted);
  }
}
